import pytest

from statements.models import Statement

pytestmark = pytest.mark.django_db


@pytest.fixture
def arabic_only(make_statement):
    return make_statement(title_ar="بيان بالعربية فقط", summary_ar="ملخص عربي", body_ar="<p>نص عربي كامل</p>")


@pytest.fixture
def english_only(make_statement):
    return make_statement(title_en="An English-only statement", body_en="<p>English text only</p>")


def test_arabic_only_statement_is_shown_on_the_english_page_marked_as_arabic(client, arabic_only):
    response = client.get(f"/en/statements/{arabic_only.pk}-{arabic_only.slug}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en" dir="ltr">' in body
    assert '<div class="statement-text" lang="ar" dir="rtl">' in body
    assert "<h1>بيان بالعربية فقط</h1>" in body and "<p>نص عربي كامل</p>" in body
    assert "This statement has no English translation; it is shown in Arabic." in body
    assert "Read this statement in English" not in body


def test_english_only_statement_is_shown_on_the_arabic_page_marked_as_english(client, english_only):
    body = client.get(english_only.get_absolute_url()).content.decode()
    assert '<div class="statement-text" lang="en" dir="ltr">' in body
    assert "<h1>An English-only statement</h1>" in body and "<p>English text only</p>" in body
    assert "لا توجد ترجمة عربية لهذا البيان؛ لذا يُعرض بالإنجليزية." in body


def test_fallback_card_in_lists_carries_lang_dir_and_a_note(client, arabic_only, english_only):
    english_list = client.get("/en/statements/").content.decode()
    assert '<h2 class="card-title" lang="ar" dir="rtl"><a' in english_list and "In Arabic only" in english_list
    arabic_list = client.get("/ar/statements/").content.decode()
    assert '<h2 class="card-title" lang="en" dir="ltr"><a' in arabic_list and "بالإنجليزية فقط" in arabic_list


def test_statement_in_both_languages_needs_no_note(client, make_statement):
    statement = make_statement()
    body = client.get(statement.get_absolute_url()).content.decode()
    assert "translation-note" not in body and "untranslated" not in body
    assert '<div class="statement-text" lang="ar" dir="rtl">' in body


def test_an_incomplete_translation_falls_back_to_the_whole_version(make_statement):
    statement = make_statement(title_ar="عنوان", body_ar="<p>نص</p>", title_en="Only a title so far")
    text = statement.text_in("en")
    assert (text.lang, text.title, text.body, text.is_fallback) == ("ar", "عنوان", "<p>نص</p>", True)


def test_text_is_never_empty_when_either_language_has_it(db):
    statement = Statement.objects.create(title_en="Title", body_en="<p>Body</p>", status="published")
    for lang in ("ar", "en"):
        text = statement.text_in(lang)
        assert text.title == "Title" and text.body == "<p>Body</p>"
