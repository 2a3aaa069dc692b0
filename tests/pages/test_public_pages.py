import datetime

import pytest
from django.utils import timezone

from tests.html_elements import html_attributes

pytestmark = pytest.mark.django_db

DIRECTION = {"ar": "rtl", "en": "ltr"}


@pytest.fixture
def archive(make_statement, make_tag):
    """One public statement with a tag and a source, dated in the current month."""
    tag = make_tag(name_ar="تطرف", name_en="Extremism")
    statement = make_statement(
        tags=[tag],
        sources=[{"url": "https://news.example/report", "title": "A report", "publisher": "The Example"}],
        published_on=timezone.localdate(),
    )
    return statement, tag


def public_urls(statement, tag, lang):
    day = statement.published_on
    return [
        f"/{lang}/",
        f"/{lang}/statements/",
        f"/{lang}/statements/{day.year}/",
        f"/{lang}/statements/{day.year}/{day.month}/",
        f"/{lang}/statements/{statement.pk}-{statement.slug}/",
        f"/{lang}/statements/{statement.pk}/print/",
        f"/{lang}/tags/",
        f"/{lang}/tags/{tag.slug}/",
    ]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_public_page_answers_in_its_language_with_the_right_direction(client, archive, lang):
    statement, tag = archive
    for url in public_urls(statement, tag, lang):
        response = client.get(url)
        assert response.status_code == 200, url
        assert html_attributes(response) == {"lang": lang, "dir": DIRECTION[lang]}, url


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_public_page_shows_the_statement_or_its_tag(client, archive, lang):
    statement, tag = archive
    title = getattr(statement, f"title_{lang}")
    for url in public_urls(statement, tag, lang):
        if url.endswith("/tags/"):
            assert getattr(tag, f"name_{lang}") in client.get(url).content.decode(), url
        else:
            assert title in client.get(url).content.decode(), url


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("en-GB,en;q=0.9", "/en/"), ("ar-EG,ar;q=0.9,en;q=0.5", "/ar/"), ("fr-FR,fr;q=0.9", "/ar/"), ("", "/ar/")],
)
def test_root_redirects_by_accept_language_and_to_arabic_when_unsure(client, accept_language, expected):
    headers = {"Accept-Language": accept_language} if accept_language else {}
    response = client.get("/", headers=headers)
    assert response.status_code in (301, 302)
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]  # caches must not hand one reader's language to another


def test_short_statement_url_moves_permanently_to_the_canonical_url(client, make_statement):
    statement = make_statement(title_en="Observatory condemns the attack", title_ar="المرصد يدين الهجوم")
    for lang in ("ar", "en"):
        response = client.get(f"/{lang}/statements/{statement.pk}/")
        assert response.status_code == 301
        assert response["Location"] == f"/{lang}/statements/{statement.pk}-observatory-condemns-the-attack/"


def test_wrong_slug_moves_permanently_to_the_canonical_url(client, make_statement):
    statement = make_statement()
    response = client.get(f"/en/statements/{statement.pk}-an-old-title/")
    assert response.status_code == 301
    assert response["Location"] == statement.get_absolute_url().replace("/ar/", "/en/")


def test_arabic_slug_is_the_canonical_url_of_an_arabic_only_statement(client, make_statement):
    statement = make_statement(title_ar="الهُوِيَّة والانتماء", body_ar="<p>نص</p>")
    assert statement.slug == "الهوية-والانتماء"
    response = client.get(statement.get_absolute_url())
    assert response.status_code == 200
    assert "الهُوِيَّة والانتماء" in response.content.decode()


def test_four_digit_number_is_the_year_archive_not_a_statement(client, make_statement):
    statement = make_statement(id=2018, published_on=datetime.date(2018, 4, 29), title_en="Old", title_ar="قديم")
    other_year = make_statement(published_on=datetime.date(2019, 1, 5))

    response = client.get("/ar/statements/2018/")
    assert response.status_code == 200
    assert response.context["year"].year == 2018
    assert list(response.context["page_obj"]) == [statement]
    assert other_year not in response.context["page_obj"]
    assert client.get(f"/ar/statements/2018-{statement.slug}/").context["statement"] == statement


def test_month_archive_lists_only_that_month(client, make_statement):
    april = make_statement(published_on=datetime.date(2018, 4, 29))
    make_statement(published_on=datetime.date(2018, 5, 1))
    response = client.get("/en/statements/2018/04/")
    assert list(response.context["page_obj"]) == [april]
    assert "April 2018" in response.content.decode()
    assert "أبريل 2018" in client.get("/ar/statements/2018/4/").content.decode()


def test_year_archive_links_to_its_months(client, make_statement):
    make_statement(published_on=datetime.date(2018, 4, 29))
    make_statement(published_on=datetime.date(2018, 11, 2))
    body = client.get("/en/statements/2018/").content.decode()
    assert 'href="/en/statements/2018/04/"' in body and 'href="/en/statements/2018/11/"' in body


def test_statement_list_is_newest_first_twenty_a_page(client, make_statement):
    today = timezone.localdate()
    statements = [make_statement(published_on=today - datetime.timedelta(days=n)) for n in range(25)]
    first = client.get("/ar/statements/")
    assert list(first.context["page_obj"]) == statements[:20]
    second = client.get("/ar/statements/?page=2")
    assert list(second.context["page_obj"]) == statements[20:]
    assert 'rel="next"' in first.content.decode() and 'rel="prev"' in second.content.decode()


def test_home_shows_latest_statements_and_most_used_tags(client, make_statement, make_tag):
    busy, quiet = make_tag(name_ar="داعش", name_en="Daesh"), make_tag(name_ar="المرأة", name_en="Women")
    for _ in range(3):
        make_statement(tags=[busy])
    latest = make_statement(tags=[quiet], published_on=timezone.localdate())
    response = client.get("/en/")
    assert list(response.context["latest"])[0] == latest
    assert list(response.context["top_tags"]) == [busy, quiet]
    body = response.content.decode()
    assert 'Daesh</a> <span class="count">(3)</span>' in body


def test_tag_page_lists_its_statements(client, make_statement, make_tag):
    tag = make_tag(name_ar="الشباب", name_en="Youth")
    tagged = make_statement(tags=[tag])
    untagged = make_statement()
    response = client.get(f"/en/tags/{tag.slug}/")
    assert list(response.context["page_obj"]) == [tagged]
    assert untagged.title_en not in response.content.decode()


def test_language_switcher_keeps_the_reader_on_the_same_statement(client, make_statement):
    statement = make_statement()
    body = client.get(statement.get_absolute_url()).content.decode()
    english = f"/en/statements/{statement.pk}-{statement.slug}/"
    assert f'href="{english}" hreflang="en"' in body
    assert client.get(english).context["statement"] == statement


def test_language_switcher_keeps_the_page_number_and_the_archive(client, make_statement):
    for _ in range(21):
        make_statement()
    body = client.get("/ar/statements/?page=2").content.decode()
    assert 'href="/en/statements/?page=2"' in body


def test_language_switcher_on_a_missing_page_points_at_the_same_address(client):
    body = client.get("/en/no-such-page/").content.decode()
    assert 'href="/ar/no-such-page/"' in body


def test_statement_page_has_title_date_summary_body_sources_tags_and_print_link(client, make_statement, make_tag):
    tag = make_tag(name_ar="الإنترنت", name_en="Internet")
    statement = make_statement(
        published_on=datetime.date(2018, 4, 29),
        title_ar="عنوان البيان",
        summary_ar="ملخص البيان",
        body_ar="<p>فقرة أولى</p>",
        title_en="The statement's title",
        summary_en="The summary",
        body_en="<p>First paragraph</p>",
        tags=[tag],
        sources=[
            {"url": "https://www.independent.co.uk/a8322836.html", "title": "Isis hit", "publisher": "The Independent"}
        ],
    )
    body = client.get(statement.get_absolute_url()).content.decode()
    for text in (
        "عنوان البيان",
        "الأحد، 29 أبريل 2018",
        "ملخص البيان",
        "<p>فقرة أولى</p>",
        "The Independent",
        "Isis hit",
    ):
        assert text in body
    assert 'href="https://www.independent.co.uk/a8322836.html"' in body
    assert f'href="{tag.get_absolute_url()}"' in body
    assert f'href="{statement.get_print_url()}"' in body
    assert (
        f'href="/en/statements/{statement.pk}-{statement.slug}/" hreflang="en" lang="en">Read this statement in English'
        in body
    )

    english = client.get(f"/en/statements/{statement.pk}-{statement.slug}/").content.decode()
    for text in ("The statement&#x27;s title", "Sunday, 29 April 2018", "The summary", "<p>First paragraph</p>"):
        assert text in english


def test_staff_preview_a_draft_with_noindex_and_no_caching(staff_client, make_statement):
    draft = make_statement(status="draft")
    response = staff_client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert '<meta name="robots" content="noindex">' in response.content.decode()
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_keyword_with_an_arabic_slug_has_its_page_in_both_languages(client, make_statement, make_tag):
    tag = make_tag(name_ar="الهوية")
    statement = make_statement(tags=[tag])
    assert tag.slug == "الهوية"
    arabic = client.get(tag.get_absolute_url())
    assert arabic.status_code == 200 and list(arabic.context["page_obj"]) == [statement]
    assert "/en/tags/%D8%A7%D9%84%D9%87%D9%88%D9%8A%D8%A9/" in arabic.content.decode()
    english = client.get("/en/tags/%D8%A7%D9%84%D9%87%D9%88%D9%8A%D8%A9/")
    assert english.status_code == 200 and 'lang="ar">الهوية</span>' in english.content.decode()


def test_four_digit_short_link_reaches_its_statement_unless_that_year_has_statements(client, make_statement):
    statement = make_statement(id=1374, published_on=datetime.date(2019, 2, 4))
    response = client.get("/ar/statements/1374/")
    assert response.status_code == 301 and response["Location"] == statement.get_absolute_url()
    # A year with public statements keeps its archive.
    assert client.get("/ar/statements/2019/").status_code == 200


def test_cards_and_feeds_read_only_the_opening_of_a_long_body(client, make_statement, monkeypatch):
    import statements.models
    from statements.text.plain import visible_text

    longest = []

    def measuring(value):
        longest.append(len(value))
        return visible_text(value)

    make_statement(title_en="Long", title_ar="طويل", body_en="<p>" + "word " * 39_000 + "</p>", body_ar="<p>نص</p>")
    monkeypatch.setattr(statements.models, "visible_text", measuring)

    for url in ("/en/", "/en/statements/", "/en/feed/", "/en/feed/rss/"):
        assert client.get(url).status_code == 200

    assert longest and max(longest) <= statements.models.BODY_PEEK_CHARS
