import pytest

from statements.text.normalize import index_letter

pytestmark = pytest.mark.django_db


def index(client, lang):
    response = client.get(f"/{lang}/tags/")
    assert response.status_code == 200
    return [(group["letter"], [entry["name"] for entry in group["entries"]]) for group in response.context["groups"]]


def test_arabic_index_groups_by_first_letter_in_arabic_alphabetical_order(client, make_statement, make_tag):
    names = ["تطرف", "أمن", "بيان", "إرهاب", "آثار", "اعتدال", "حوار", "يقين", "هوية", "وسطية"]
    make_statement(tags=[make_tag(name_ar=name) for name in names])
    assert index(client, "ar") == [
        ("ا", ["آثار", "إرهاب", "اعتدال", "أمن"]),
        ("ب", ["بيان"]),
        ("ت", ["تطرف"]),
        ("ح", ["حوار"]),
        ("ه", ["هوية"]),
        ("و", ["وسطية"]),
        ("ي", ["يقين"]),
    ]


@pytest.mark.parametrize("name", ["أوروبا", "إسلام", "آسيا", "ٱتحاد"])
def test_hamza_forms_of_alef_are_filed_under_alef(name):
    assert index_letter(name) == "ا"


def test_arabic_keywords_are_filed_and_sorted_by_their_first_letter_after_the_article(client, make_statement, make_tag):
    names = ["الشباب", "الإرهاب", "بوكو حرام", "التعايش", "أوروبا", "الهوية", "داعش", "الله"]
    make_statement(tags=[make_tag(name_ar=name) for name in names])
    assert index(client, "ar") == [
        ("ا", ["الإرهاب", "الله", "أوروبا"]),
        ("ب", ["بوكو حرام"]),
        ("ت", ["التعايش"]),
        ("د", ["داعش"]),
        ("ش", ["الشباب"]),
        ("ه", ["الهوية"]),
    ]


@pytest.mark.parametrize(("name", "letter"), [("الإرهاب", "ا"), ("الشباب", "ش"), ("الله", "ا"), ("الحب", "ا")])
def test_the_article_counts_only_when_three_letters_follow_it(name, letter):
    assert index_letter(name) == letter


def test_english_index_groups_a_to_z_whatever_the_case(client, make_statement, make_tag):
    names = ["Youth", "africa", "Daesh", "Boko Haram", "Coexistence", "Europe", "extremist groups"]
    make_statement(tags=[make_tag(name_ar=f"وسم {n}", name_en=name) for n, name in enumerate(names)])
    assert index(client, "en") == [
        ("A", ["africa"]),
        ("B", ["Boko Haram"]),
        ("C", ["Coexistence"]),
        ("D", ["Daesh"]),
        ("E", ["Europe", "extremist groups"]),
        ("Y", ["Youth"]),
    ]


def test_english_index_files_a_tag_without_english_name_under_its_arabic_letter_last(client, make_statement, make_tag):
    make_statement(tags=[make_tag(name_ar="الهوية"), make_tag(name_ar="الشباب", name_en="Youth")])
    assert index(client, "en") == [("Y", ["Youth"]), ("ه", ["الهوية"])]
    assert 'lang="ar">الهوية</a>' in client.get("/en/tags/").content.decode()


def test_index_lists_only_tags_with_public_statements_and_counts_only_public_ones(client, make_statement, make_tag):
    shared = make_tag(name_ar="داعش", name_en="Daesh")
    secret = make_tag(name_ar="سري", name_en="Secret")
    make_statement(tags=[shared])
    make_statement(tags=[shared])
    make_statement(tags=[shared, secret], status="draft")
    make_statement(tags=[secret], status="review")
    response = client.get("/ar/tags/")
    entries = [entry for group in response.context["groups"] for entry in group["entries"]]
    assert [(entry["tag"], entry["count"]) for entry in entries] == [(shared, 2)]
    body = response.content.decode()
    assert 'داعش</a> <span class="count">(2)</span>' in body
    assert "سري" not in body


def test_index_links_each_tag_to_its_page(client, make_statement, make_tag):
    tag = make_tag(name_ar="التعايش", name_en="Coexistence")
    make_statement(tags=[tag])
    assert f'href="/en/tags/{tag.slug}/"' in client.get("/en/tags/").content.decode()


def test_empty_index_says_so(client, db):
    assert "No keywords yet." in client.get("/en/tags/").content.decode()
