import datetime

import pytest
from django.utils import timezone

from tests.html_elements import elements, link_hrefs

pytestmark = pytest.mark.django_db

HOST = "http://testserver"


@pytest.fixture
def site(make_statement, make_tag):
    tag = make_tag(name_ar="داعش", name_en="Daesh")
    statement = make_statement(tags=[tag], published_on=datetime.date(2018, 4, 29))
    return {"tag": tag, "statement": statement}


def page_paths(site):
    """A path (without the language) of every kind of public page."""
    statement, tag = site["statement"], site["tag"]
    return {
        "home": "/",
        "list": "/statements/",
        "year": "/statements/2018/",
        "month": "/statements/2018/04/",
        "detail": statement.get_absolute_url()[3:],
        "tags index": "/tags/",
        "tag page": tag.get_absolute_url()[3:],
    }


def head(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("kind", ["home", "list", "year", "month", "detail", "tags index", "tag page"])
def test_every_page_names_its_canonical_address_and_both_language_versions(client, site, kind, lang):
    path = page_paths(site)[kind]
    html = head(client, f"/{lang}{path}")

    assert link_hrefs(html, "canonical") == [f"{HOST}/{lang}{path}"]
    alternates = {
        e["attrs"]["hreflang"]: e["attrs"]["href"]
        for e in elements(html, "link", rel="alternate")
        if "hreflang" in e["attrs"]
    }
    assert alternates == {"ar": f"{HOST}/ar{path}", "en": f"{HOST}/en{path}", "x-default": f"{HOST}{path}"}
    assert link_hrefs(html, "alternate", type="application/atom+xml")[0] == f"/{lang}/feed/"
    assert link_hrefs(html, "alternate", type="application/rss+xml")[0] == f"/{lang}/feed/rss/"


def test_canonical_of_page_one_has_no_page_number_and_later_pages_keep_theirs(client, make_statement):
    for n in range(21):
        make_statement(published_on=timezone.localdate() - datetime.timedelta(days=n + 1))

    assert link_hrefs(head(client, "/en/statements/"), "canonical") == [f"{HOST}/en/statements/"]
    assert link_hrefs(head(client, "/en/statements/?page=1"), "canonical") == [f"{HOST}/en/statements/"]
    assert link_hrefs(head(client, "/en/statements/?utm_source=x"), "canonical") == [f"{HOST}/en/statements/"]
    second = head(client, "/en/statements/?page=2&utm_source=x")
    assert link_hrefs(second, "canonical") == [f"{HOST}/en/statements/?page=2"]
    assert f"{HOST}/ar/statements/?page=2" in link_hrefs(second, "alternate", hreflang="ar")


def test_print_page_names_its_statement_page_as_canonical(client, site):
    statement = site["statement"]
    html = head(client, statement.get_print_url())

    assert link_hrefs(html, "canonical") == [HOST + statement.get_absolute_url()]
    assert link_hrefs(html, "alternate", hreflang="en") == [HOST + "/en" + statement.get_absolute_url()[3:]]
    assert link_hrefs(html, "alternate", hreflang="x-default") == [HOST + statement.get_absolute_url()[3:]]


def test_keyword_page_also_links_its_own_feeds(client, site):
    tag = site["tag"]
    html = head(client, tag.get_absolute_url())

    assert f"/ar/tags/{tag.slug}/feed/" in link_hrefs(html, "alternate", type="application/atom+xml")
    assert f"/ar/tags/{tag.slug}/feed/rss/" in link_hrefs(html, "alternate", type="application/rss+xml")
    assert len(link_hrefs(head(client, "/ar/tags/"), "alternate", type="application/atom+xml")) == 1


def test_feed_links_in_pages_lead_to_feeds(client, site):
    html = head(client, site["tag"].get_absolute_url())

    for href in link_hrefs(html, "alternate", type="application/atom+xml"):
        assert client.get(href)["Content-Type"].startswith("application/atom+xml")
    for href in link_hrefs(html, "alternate", type="application/rss+xml"):
        assert client.get(href)["Content-Type"].startswith("application/rss+xml")


def test_not_found_page_names_no_canonical_address(client):
    response = client.get("/en/statements/999999-nothing/")

    assert response.status_code == 404
    assert link_hrefs(response.content.decode(), "canonical") == []


def robots(html):
    return [e["attrs"].get("content", "") for e in elements(html, "meta", name="robots")]


def hreflang_alternates(html):
    return [e for e in elements(html, "link", rel="alternate") if "hreflang" in e["attrs"]]


@pytest.mark.parametrize("query", ["?q=extremism", "?page=1&q=داعش", "?sort=oldest", "?tag=x&utm_source=y"])
@pytest.mark.parametrize("kind", ["home", "list", "year", "month", "detail", "tags index", "tag page"])
def test_a_page_asked_for_with_a_query_is_not_indexed_and_names_no_original(client, site, kind, query):
    path = page_paths(site)[kind]
    html = head(client, f"/en{path}{query}")

    assert robots(html) == ["noindex, follow"]
    assert link_hrefs(html, "canonical") == []
    assert hreflang_alternates(html) == []
    assert link_hrefs(html, "alternate", type="application/atom+xml")[0] == "/en/feed/"


@pytest.mark.parametrize("query", ["", "?page=1", "?utm_source=newsletter&utm_medium=email", "?fbclid=abc"])
def test_a_page_number_or_a_tracking_tag_keeps_the_page_indexable_and_canonical(client, site, query):
    html = head(client, f"/ar/statements/{query}")

    assert robots(html) == []
    assert link_hrefs(html, "canonical") == [f"{HOST}/ar/statements/"]


def test_print_view_with_a_query_still_names_its_statement_page_and_says_noindex_once(client, site):
    statement = site["statement"]
    html = head(client, statement.get_print_url() + "?q=x")

    assert robots(html) == ["noindex"]
    assert link_hrefs(html, "canonical") == [HOST + statement.get_absolute_url()]


@pytest.mark.parametrize("page", ["detail", "print"])
@pytest.mark.parametrize("state", ["draft", "scheduled"])
def test_staff_preview_names_no_canonical_or_language_twins_and_says_noindex_once(
    staff_client, make_statement, page, state
):
    from statements.models import Statement

    if state == "draft":
        statement = make_statement(status=Statement.Status.DRAFT)
    else:
        statement = make_statement(publish_at=timezone.now() + datetime.timedelta(days=2))
    url = statement.get_absolute_url() if page == "detail" else statement.get_print_url()

    html = head(staff_client, url)

    assert robots(html) == ["noindex"]
    assert link_hrefs(html, "canonical") == []
    assert hreflang_alternates(html) == []


def test_staff_reading_a_public_statement_see_its_canonical_address(staff_client, site):
    statement = site["statement"]
    html = head(staff_client, statement.get_absolute_url())

    assert robots(html) == []
    assert link_hrefs(html, "canonical") == [HOST + statement.get_absolute_url()]
