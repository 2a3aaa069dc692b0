"""Details readers meet on the public pages: the other-language link, page 1's address, the favicon, heading
levels, the Hijri date, each part marked with its own language, and addresses shown as they are pasted."""

import datetime

import pytest

from statements.dates import hijri_date
from tests.html_elements import elements

pytestmark = pytest.mark.django_db


def test_english_only_statement_on_the_arabic_page_does_not_offer_to_read_it_in_english(client, make_statement):
    statement = make_statement(title_en="An English-only statement", body_en="<p>English text only</p>")
    body = client.get(statement.get_absolute_url()).content.decode()
    assert "An English-only statement" in body
    assert "Read this statement in English" not in body


def test_bilingual_statement_on_the_arabic_page_still_offers_its_english_version(client, make_statement):
    body = client.get(make_statement().get_absolute_url()).content.decode()
    assert "Read this statement in English" in body


def test_newer_link_from_page_two_is_the_list_s_own_address(client, make_statement):
    for _ in range(21):
        make_statement()
    body = client.get("/ar/statements/?page=2").content.decode()
    assert [link["attrs"]["href"] for link in elements(body, "a", rel="prev")] == ["/ar/statements/"]


def test_newer_link_from_search_page_two_keeps_the_query_without_page_one(client, make_statement):
    for n in range(21):
        make_statement(title_ar=f"بيان مشترك {n}", body_ar="<p>نص</p>")
    body = client.get("/ar/search/?q=مشترك&page=2").content.decode()
    (link,) = elements(body, "a", rel="prev")
    assert "page=" not in link["attrs"]["href"] and "q=" in link["attrs"]["href"]


@pytest.mark.parametrize("path", ["/ar/", "/en/tags/"])
def test_every_page_names_a_favicon_that_is_served(client, path):
    (icon,) = elements(client.get(path).content.decode(), "link", rel="icon")
    assert client.get(icon["attrs"]["href"]).status_code == 200


def test_search_result_titles_are_the_level_below_the_page_heading(client, make_statement):
    make_statement(title_ar="بيان عن الحوار", body_ar="<p>نص</p>")
    body = client.get("/ar/search/?q=الحوار").content.decode()
    assert "<h3" not in body
    assert len(elements(body, "h2", **{"class": "card-title"})) == 1


def test_hijri_date_is_the_umm_al_qura_day():
    day = datetime.date(2018, 4, 29)
    assert hijri_date(day, "ar") == "13 شعبان 1439 هـ"
    assert hijri_date(day, "en") == "13 Sha'ban 1439 AH"


def test_hijri_date_is_left_out_beyond_the_calendar_s_tables():
    assert hijri_date(datetime.date(1900, 1, 1), "ar") == ""


def test_arabic_statement_page_shows_the_hijri_date_beside_the_gregorian_one(client, make_statement):
    statement = make_statement(published_on=datetime.date(2018, 4, 29))
    ar = client.get(statement.get_absolute_url()).content.decode()
    assert 'الأحد، 29 أبريل 2018 م</time> — <span class="hijri-date">13 شعبان 1439 هـ</span>' in ar
    en = client.get(f"/en/statements/{statement.pk}/print/").content.decode()
    assert 'Sunday, 29 April 2018</time> — <span class="hijri-date">13 Sha&#x27;ban 1439 AH</span>' in en


def test_sources_titles_and_publishers_are_marked_with_their_own_language(client, make_statement):
    statement = make_statement(
        sources=[
            {"publisher": "The Independent", "title": "Europol strikes", "url": "https://example.org/a"},
            {"publisher": "الأهرام", "title": "تحذير المرصد", "url": "https://example.org/b"},
        ]
    )
    for path in (statement.get_absolute_url(), statement.get_print_url()):
        body = client.get(path).content.decode()
        assert 'lang="en" dir="ltr">The Independent</bdi>' in body
        assert 'lang="en" dir="ltr">Europol strikes<' in body
        assert 'lang="ar" dir="rtl">تحذير المرصد<' in body


def test_citation_marks_an_english_title_on_the_arabic_page_as_english(client, make_statement):
    statement = make_statement(title_en="An English-only statement", body_en="<p>English text</p>")
    body = client.get(statement.get_absolute_url()).content.decode()
    citation = body[body.index('<pre class="citation"') : body.index("</pre>")]
    assert '<bdi lang="en" dir="ltr">An English-only statement</bdi>' in citation


def test_citation_isolates_each_arabic_word_of_the_address(client, make_statement):
    statement = make_statement(title_ar="الهوية والانتماء", body_ar="<p>نص</p>")
    body = client.get(statement.get_absolute_url()).content.decode()
    assert (
        f'<bdi class="url" dir="ltr" translate="no">http://testserver/ar/statements/{statement.pk}-'
        "<bdi>الهوية</bdi>-<bdi>والانتماء</bdi>/</bdi>"
    ) in body
