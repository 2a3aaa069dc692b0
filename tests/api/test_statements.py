"""The statements endpoints: what a statement says, the filters, the search and the pages."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements.search.query import parse, search

pytestmark = pytest.mark.django_db

DAY = datetime.date(2018, 4, 29)


def ids(response):
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


def test_a_statement_carries_both_languages_its_keywords_sources_and_permanent_identifiers(
    client, make_statement, make_tag
):
    tag = make_tag(name_ar="داعش", name_en="Daesh")
    sources = [
        {"url": "https://www.example.com/report", "title": "A report", "publisher": "Example", "published_on": DAY}
    ]
    statement = make_statement(
        tags=[tag],
        sources=sources,
        published_on=DAY,
        title_ar="بيان",
        summary_ar="ملخص",
        body_ar="<p>نص <strong>البيان</strong></p>",
        title_en="Statement",
        body_en="<p>Text &amp; more</p>",
    )

    data = client.get(f"/api/v1/statements/{statement.pk}/").json()

    assert data["id"] == statement.pk
    assert data["uuid"] == str(statement.uuid)
    assert data["url"] == {
        "ar": f"http://testserver/ar/statements/{statement.pk}-statement/",
        "en": f"http://testserver/en/statements/{statement.pk}-statement/",
    }
    assert data["published_on"] == "2018-04-29"
    assert datetime.datetime.fromisoformat(data["updated_at"]) == statement.updated_at
    assert data["languages"] == ["ar", "en"]
    assert data["ar"] == {
        "title": "بيان",
        "summary": "ملخص",
        "body": "<p>نص <strong>البيان</strong></p>",
        "text": "نص البيان",
    }
    assert data["en"]["text"] == "Text & more"
    assert data["tags"] == [{"slug": tag.slug, "name_ar": "داعش", "name_en": "Daesh"}]
    assert data["sources"] == [
        {
            "url": "https://www.example.com/report",
            "title": "A report",
            "publisher": "Example",
            "published_on": DAY.isoformat(),
        }
    ]
    assert data["image"] is None


def test_a_statement_in_one_language_lists_only_that_one_and_leaves_the_other_empty(client, make_statement):
    statement = make_statement(title_en="Only English", body_en="<p>Text</p>")

    data = client.get(f"/api/v1/statements/{statement.pk}/").json()

    assert data["languages"] == ["en"]
    assert data["ar"] == {"title": "", "summary": "", "body": "", "text": ""}


def test_list_is_newest_first_and_pages_follow_their_next_links_to_the_end(client, make_statement):
    made = [make_statement(published_on=DAY - datetime.timedelta(days=n)) for n in range(5)]
    twin = make_statement(published_on=DAY)  # same day as the newest: the higher id comes first

    seen, url = [], "/api/v1/statements/?limit=2"
    while url:
        response = client.get(url)
        seen += ids(response)
        url = response.json()["next"]

    assert seen == [twin.pk, *(s.pk for s in made)]


def test_a_next_link_keeps_its_place_while_statements_are_published(client, make_statement):
    for n in range(4):
        make_statement(published_on=DAY - datetime.timedelta(days=n))
    first = client.get("/api/v1/statements/?limit=2").json()
    expected = ids(client.get(first["next"]))

    make_statement(published_on=DAY + datetime.timedelta(days=1))
    make_statement(published_on=DAY)

    assert ids(client.get(first["next"])) == expected


def test_previous_links_walk_back_to_the_first_page(client, make_statement):
    for n in range(5):
        make_statement(published_on=DAY - datetime.timedelta(days=n))
    first = client.get("/api/v1/statements/?limit=2").json()
    second = client.get(first["next"]).json()
    third = client.get(second["next"]).json()

    back = client.get(third["previous"]).json()
    front = client.get(back["previous"]).json()

    assert first["previous"] is None and third["next"] is None
    assert [s["id"] for s in back["results"]] == [s["id"] for s in second["results"]]
    assert [s["id"] for s in front["results"]] == [s["id"] for s in first["results"]]
    assert front["previous"] is None


def test_tag_filter_takes_a_slug_and_follows_a_merged_keywords_old_slug(client, make_statement, make_tag):
    from django.core.management import call_command

    old, target, other = make_tag(name_en="Hardline"), make_tag(name_en="Extremism"), make_tag(name_en="Europe")
    tagged = make_statement(tags=[old])
    also = make_statement(tags=[target])
    make_statement(tags=[other])
    old_slug = old.slug
    call_command("merge_tags", old_slug, target.slug)

    assert ids(client.get(f"/api/v1/statements/?tag={target.slug}")) == [tagged.pk, also.pk]
    assert ids(client.get(f"/api/v1/statements/?tag={old_slug}")) == [tagged.pk, also.pk]
    assert ids(client.get("/api/v1/statements/?tag=no-such-keyword")) == []


def test_since_and_until_bound_the_dates_inclusively(client, make_statement):
    days = [DAY - datetime.timedelta(days=n) for n in range(5)]
    made = [make_statement(published_on=day) for day in days]

    response = client.get(f"/api/v1/statements/?since={days[3].isoformat()}&until={days[1].isoformat()}")

    assert ids(response) == [made[1].pk, made[2].pk, made[3].pk]


def test_lang_keeps_statements_written_in_that_language(client, make_statement):
    both = make_statement()
    arabic = make_statement(title_ar="بالعربية", body_ar="<p>نص</p>")
    english = make_statement(title_en="In English", body_en="<p>Text</p>")

    assert ids(client.get("/api/v1/statements/?lang=ar")) == [both.pk, arabic.pk]
    assert ids(client.get("/api/v1/statements/?lang=en")) == [both.pk, english.pk]


def test_q_finds_what_the_site_search_finds_in_the_same_order(client, make_statement, make_tag):
    tag = make_tag(name_ar="التطرف", name_en="Extremism")
    body_only = make_statement(title_en="A report", body_en="<p>On extremism today</p>")
    in_title = make_statement(title_en="Extremism in Europe", body_en="<p>Text</p>", published_on=DAY)
    tagged = make_statement(tags=[tag], published_on=DAY - datetime.timedelta(days=400))
    make_statement(title_en="Unrelated", body_en="<p>Nothing</p>")
    arabic = make_statement(title_ar="التَّطرُّف", body_ar="<p>نص</p>")

    expected = search(parse("extremism")).ids
    found = ids(client.get("/api/v1/statements/?q=extremism"))

    assert found == expected
    assert set(found) == {body_only.pk, in_title.pk, tagged.pk}
    assert found.index(in_title.pk) < found.index(body_only.pk)
    # The site's normaliser: diacritics and the article are folded in Arabic as on the search page.
    assert arabic.pk in ids(client.get("/api/v1/statements/?q=تطرف"))


def test_q_combines_with_the_other_filters_and_pages_through_the_ranked_results(client, make_statement):
    made = [make_statement(title_en=f"Extremism {n}", body_en="<p>x</p>") for n in range(5)]
    make_statement(title_ar="تطرف", body_ar="<p>x</p>")

    ranked = search(parse("extremism")).ids
    first = client.get("/api/v1/statements/?q=extremism&limit=2&lang=en").json()
    pages = [s["id"] for s in first["results"]]
    url = first["next"]
    while url:
        page = client.get(url).json()
        pages += [s["id"] for s in page["results"]]
        url = page["next"]

    assert pages == [pk for pk in ranked if pk in {s.pk for s in made}]
    assert client.get(client.get(first["next"]).json()["previous"]).json()["results"] == first["results"]


def test_a_list_page_reads_the_same_number_of_queries_however_many_keywords_and_sources(
    client, make_statement, make_tag
):
    tags = [make_tag(name_en=f"Keyword {n}") for n in range(6)]

    def grow(count):
        for n in range(count):
            make_statement(tags=tags[: n % 4 + 1], sources=[{"url": f"https://example.org/{n}", "title": "R"}])

    def queries(url):
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    def counts():
        newest = client.get("/api/v1/statements/?limit=1").json()["results"][0]["id"]
        urls = ["/api/v1/statements/", "/api/v1/statements/?q=statement", f"/api/v1/statements/{newest}/"]
        return [queries(url) for url in urls]

    grow(2)
    small = counts()
    grow(20)
    large = counts()

    assert large == small
    assert small[0] == small[2] == 3  # the statements, their keywords, their sources


def test_a_q_of_nothing_searchable_finds_nothing_as_on_the_search_page(client, make_statement):
    make_statement(title_en="The report", body_en="<p>the</p>")

    assert ids(client.get("/api/v1/statements/?q=the")) == []
    assert len(ids(client.get("/api/v1/statements/?q="))) == 1  # an empty q is no search at all
