import datetime
import xml.etree.ElementTree as ET

import pytest
import time_machine
from django.utils import timezone

from statements.discovery.sitemaps import StatementSitemap
from statements.models import Statement
from tests.html_elements import meta_content

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
HOST = "http://testserver"


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    locations = [loc.text for loc in root.findall("sm:url/sm:loc", NS)]
    assert len(locations) == len(set(locations)), "an address is listed twice"
    entries = {}
    for url in root.findall("sm:url", NS):
        entries[url.findtext("sm:loc", namespaces=NS)] = {
            "lastmod": url.findtext("sm:lastmod", namespaces=NS),
            "alternates": {
                link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link[@rel='alternate']", NS)
            },
        }
    return entries


def in_language(path, lang):
    return f"/{lang}/" + path.split("/", 2)[2]


def test_sitemap_lists_every_public_statement_in_both_languages_with_alternates(client, make_statement):
    statement = make_statement()
    entries = sitemap(client)

    path = statement.get_absolute_url()
    ar, en = HOST + in_language(path, "ar"), HOST + in_language(path, "en")
    assert ar in entries and en in entries
    expected = {"ar": ar, "en": en, "x-default": HOST + "/" + path.split("/", 2)[2]}
    assert entries[ar]["alternates"] == expected
    assert entries[en]["alternates"] == expected


def test_sitemap_gives_each_entry_its_last_change_as_lastmod(client, make_statement):
    statement = make_statement(published_on=timezone.localdate() - datetime.timedelta(days=400))
    entries = sitemap(client)

    assert all(entry["lastmod"] for entry in entries.values())
    assert (
        entries[HOST + statement.get_absolute_url()]["lastmod"] == timezone.localdate(statement.updated_at).isoformat()
    )


def test_scheduled_statement_counts_as_changed_when_it_appears(client, make_statement):
    now = timezone.now()
    appeared = now - datetime.timedelta(days=2)
    with time_machine.travel(now - datetime.timedelta(days=10)):
        statement = make_statement(publish_at=appeared)

    lastmod = sitemap(client)[HOST + statement.get_absolute_url()]["lastmod"]

    assert timezone.localdate(statement.updated_at) < timezone.localdate(appeared)
    assert lastmod == timezone.localdate(appeared).isoformat()


def test_sitemap_leaves_out_drafts_reviews_and_scheduled_statements(client, make_statement, make_tag):
    hidden_tag = make_tag(name_ar="مخفي", name_en="Hidden")
    long_ago = datetime.date(2001, 3, 5)
    hidden = [
        make_statement(status=Statement.Status.DRAFT, tags=[hidden_tag], published_on=long_ago),
        make_statement(status=Statement.Status.REVIEW, tags=[hidden_tag], published_on=long_ago),
        make_statement(
            publish_at=timezone.now() + datetime.timedelta(days=1), tags=[hidden_tag], published_on=long_ago
        ),
    ]
    visible = make_statement()

    locations = "\n".join(sitemap(client))

    for statement in hidden:
        assert f"/statements/{statement.pk}-" not in locations
    assert f"/statements/{visible.pk}-" in locations
    assert f"/tags/{hidden_tag.slug}/" not in locations
    assert "/statements/2001/" not in locations


def test_sitemap_lists_keyword_pages_of_keywords_with_public_statements(client, make_statement, make_tag):
    used = make_tag(name_ar="الشباب", name_en="Youth")
    unused = make_tag(name_ar="الهوية", name_en="Identity")
    make_statement(tags=[used])

    entries = sitemap(client)

    assert f"{HOST}/ar/tags/{used.slug}/" in entries and f"{HOST}/en/tags/{used.slug}/" in entries
    assert entries[f"{HOST}/en/tags/{used.slug}/"]["alternates"]["x-default"] == f"{HOST}/tags/{used.slug}/"
    assert not any(f"/tags/{unused.slug}/" in loc for loc in entries)


def test_sitemap_lists_archive_years_and_months_that_hold_public_statements(client, make_statement):
    make_statement(published_on=datetime.date(2018, 4, 29))
    make_statement(published_on=datetime.date(2018, 11, 2))
    make_statement(published_on=datetime.date(2018, 11, 20))
    make_statement(published_on=datetime.date(2019, 6, 1), status=Statement.Status.DRAFT)

    entries = sitemap(client)
    archive = {loc for loc in entries if "/statements/20" in loc}

    assert archive == {
        f"{HOST}/{lang}/statements/{period}/" for lang in ("ar", "en") for period in ("2018", "2018/04", "2018/11")
    }
    assert entries[f"{HOST}/ar/statements/2018/04/"]["alternates"] == {
        "ar": f"{HOST}/ar/statements/2018/04/",
        "en": f"{HOST}/en/statements/2018/04/",
        "x-default": f"{HOST}/statements/2018/04/",
    }


def test_sitemap_lists_home_list_and_keyword_index(client, make_statement):
    make_statement()
    entries = sitemap(client)

    for path in ("/", "/statements/", "/tags/"):
        for lang in ("ar", "en"):
            assert f"{HOST}/{lang}{path}" in entries


def test_language_neutral_address_sends_the_reader_to_a_language(client, make_statement):
    statement = make_statement()
    neutral = "/" + statement.get_absolute_url().split("/", 2)[2]

    response = client.get(neutral, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 302
    assert response["Location"] == in_language(statement.get_absolute_url(), "en")
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/en/"
    assert client.get("/statements/?page=2", HTTP_ACCEPT_LANGUAGE="ar")["Location"] == "/ar/statements/?page=2"


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_admin_and_print_views(client):
    response = client.get("/robots.txt")
    lines = response.content.decode().splitlines()

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /ar/statements/*/print/" in lines
    assert "Disallow: /en/statements/*/print/" in lines


def test_print_views_and_previews_ask_not_to_be_indexed(client, staff_client, make_statement):
    public = make_statement()
    draft = make_statement(status=Statement.Status.DRAFT)

    assert meta_content(client.get(public.get_print_url()).content.decode(), name="robots") == ["noindex"]
    assert meta_content(staff_client.get(draft.get_absolute_url()).content.decode(), name="robots") == ["noindex"]
    assert meta_content(client.get(public.get_absolute_url()).content.decode(), name="robots") == []


def test_large_sitemap_becomes_an_index_of_paged_sections_that_still_hold_every_address(
    client, make_statement, make_tag, monkeypatch
):
    monkeypatch.setattr(StatementSitemap, "limit", 4)
    tag = make_tag(name_ar="أوروبا", name_en="Europe")
    statements = [make_statement(tags=[tag]) for _ in range(3)]
    make_statement(status=Statement.Status.DRAFT)

    response = client.get("/sitemap.xml")
    root = ET.fromstring(response.content)
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    parts = [loc.text for loc in root.findall("sm:sitemap/sm:loc", NS)]
    assert f"{HOST}/sitemap-statements.xml" in parts and f"{HOST}/sitemap-statements.xml?p=2" in parts

    entries = {}
    for part in parts:
        page = client.get(part.removeprefix(HOST))
        assert page.status_code == 200, part
        for url in ET.fromstring(page.content).findall("sm:url", NS):
            alternates = {link.get("hreflang") for link in url.findall("xhtml:link", NS)}
            entries[url.findtext("sm:loc", namespaces=NS)] = alternates
    expected = {HOST + in_language(s.get_absolute_url(), lang) for s in statements for lang in ("ar", "en")}
    assert {loc for loc in entries if "/statements/" in loc and "-" in loc.rsplit("/", 2)[1]} == expected
    assert f"{HOST}/en/tags/{tag.slug}/" in entries
    assert all(alternates == {"ar", "en", "x-default"} for alternates in entries.values())


@pytest.mark.parametrize("url", ["/sitemap-nothing.xml", "/sitemap-statements.xml?p=9", "/sitemap-statements.xml?p=x"])
def test_unknown_sitemap_section_or_page_is_404(client, make_statement, url):
    make_statement()

    assert client.get(url).status_code == 404


@pytest.mark.parametrize("url", ["/sitemap.xml", "/robots.txt"])
def test_crawlers_may_ask_with_head(client, db, url):
    assert client.head(url).status_code == 200


def test_sitemap_index_dates_each_section_by_its_latest_public_change(client, make_statement, make_tag, monkeypatch):
    monkeypatch.setattr(StatementSitemap, "limit", 2)
    start = timezone.now() - datetime.timedelta(days=30)
    with time_machine.travel(start, tick=False):
        make_statement(tags=[make_tag(name_en="Europe")])
    with time_machine.travel(start + datetime.timedelta(days=10), tick=False):
        make_statement()  # newer, but carries no keyword
    with time_machine.travel(start + datetime.timedelta(days=20), tick=False):
        make_statement(status=Statement.Status.DRAFT)  # newest, but not public

    root = ET.fromstring(client.get("/sitemap.xml").content)
    lastmods = {
        entry.findtext("sm:loc", namespaces=NS).removeprefix(HOST): entry.findtext("sm:lastmod", namespaces=NS)
        for entry in root.findall("sm:sitemap", NS)
    }

    tagged_day = timezone.localdate(start).isoformat()
    latest_day = timezone.localdate(start + datetime.timedelta(days=10)).isoformat()
    assert lastmods["/sitemap-keywords.xml"].startswith(tagged_day)
    assert lastmods["/sitemap-archive.xml"].startswith(latest_day)
    assert lastmods["/sitemap-statements.xml"].startswith(latest_day)
