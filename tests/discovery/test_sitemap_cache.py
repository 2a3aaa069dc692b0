"""The sitemap is kept in the shared cache for a few minutes, but never says what is no longer true."""

import datetime
import xml.etree.ElementTree as ET

import pytest
import time_machine
from django.utils import timezone

from statements.caching.sitemaps import SITEMAP_CACHE_SECONDS
from statements.models import Statement

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
HOST = "http://testserver"


def locations(response):
    assert response.status_code == 200
    return {
        url.findtext("sm:loc", namespaces=NS): url.findtext("sm:lastmod", namespaces=NS)
        for url in ET.fromstring(response.content).findall("sm:url", NS)
    }


def statement_address(statement, lang="ar"):
    return f"{HOST}/{lang}/" + statement.get_absolute_url().split("/", 2)[2]


def test_a_second_request_is_answered_from_the_cache_with_the_same_body_and_headers(
    client, make_statement, make_tag, django_assert_num_queries
):
    make_statement(tags=[make_tag(name_en="Daesh")])  # every section then has a lastmod, so Last-Modified is sent
    first = client.get("/sitemap.xml")

    with django_assert_num_queries(0):
        second = client.get("/sitemap.xml")

    assert second.status_code == 200
    assert second.content == first.content
    for header in ("Content-Type", "Last-Modified", "X-Robots-Tag"):
        assert second[header] == first[header]


def test_cached_sitemap_expires_after_a_few_minutes(client, make_statement):
    statement = make_statement()
    client.get("/sitemap.xml")
    Statement.objects.update(status=Statement.Status.DRAFT)  # a bulk update sends no signal to renew the cache

    assert statement_address(statement) in locations(client.get("/sitemap.xml"))
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=SITEMAP_CACHE_SECONDS + 1)):
        assert statement_address(statement) not in locations(client.get("/sitemap.xml"))


def test_a_published_statement_appears_as_soon_as_it_is_committed(
    client, make_statement, django_capture_on_commit_callbacks
):
    make_statement()
    client.get("/sitemap.xml")

    with django_capture_on_commit_callbacks(execute=True):
        new = make_statement()

    assert statement_address(new) in locations(client.get("/sitemap.xml"))


def test_a_withdrawn_statement_leaves_as_soon_as_it_is_committed(
    client, make_statement, django_capture_on_commit_callbacks
):
    kept, withdrawn = make_statement(), make_statement()
    assert statement_address(withdrawn) in locations(client.get("/sitemap.xml"))

    with django_capture_on_commit_callbacks(execute=True):
        withdrawn.status = Statement.Status.DRAFT
        withdrawn.save()

    listed = locations(client.get("/sitemap.xml"))
    assert statement_address(withdrawn) not in listed
    assert statement_address(kept) in listed


def test_an_edit_renews_the_lastmod_of_a_cached_entry(client, make_statement, django_capture_on_commit_callbacks):
    later = timezone.now() + datetime.timedelta(days=3)
    statement = make_statement(published_on=timezone.localdate() - datetime.timedelta(days=30))
    before = locations(client.get("/sitemap.xml"))[statement_address(statement)]

    with time_machine.travel(later, tick=False), django_capture_on_commit_callbacks(execute=True):
        statement.title_en = "Corrected title"
        statement.save()
    with time_machine.travel(later + datetime.timedelta(seconds=1)):
        after = locations(client.get("/sitemap.xml"))[statement_address(statement)]

    assert before == timezone.localdate().isoformat()
    assert after == timezone.localdate(later).isoformat()


def test_a_merged_keyword_leaves_the_cached_sitemap_at_once(
    client, make_statement, make_tag, django_capture_on_commit_callbacks
):
    from django.core.management import call_command

    source, target = make_tag(name_en="Hardline"), make_tag(name_en="Extremism")
    make_statement(tags=[source])
    make_statement(tags=[target])
    assert f"{HOST}/en/tags/{source.slug}/" in locations(client.get("/sitemap.xml"))

    with django_capture_on_commit_callbacks(execute=True):
        call_command("merge_tags", source.slug, target.slug)

    listed = locations(client.get("/sitemap.xml"))
    assert f"{HOST}/en/tags/{source.slug}/" not in listed
    assert f"{HOST}/en/tags/{target.slug}/" in listed


def test_a_scheduled_statement_is_listed_the_moment_it_goes_live_though_the_sitemap_was_cached(client, make_statement):
    moment = (timezone.now() + datetime.timedelta(seconds=90)).replace(microsecond=0)
    scheduled = make_statement(publish_at=moment)
    make_statement()

    with time_machine.travel(moment - datetime.timedelta(seconds=30), tick=False):
        assert statement_address(scheduled) not in locations(client.get("/sitemap.xml"))
    with time_machine.travel(moment, tick=False):
        listed = locations(client.get("/sitemap.xml"))

    assert listed[statement_address(scheduled)] == timezone.localdate(moment).isoformat()


def test_each_host_gets_its_own_addresses(client, make_statement):
    statement = make_statement()
    client.get("/sitemap.xml")

    listed = locations(client.get("/sitemap.xml", HTTP_HOST="localhost"))

    assert "http://localhost/" + statement.get_absolute_url().lstrip("/") in listed


def test_a_missing_sitemap_page_is_not_cached_as_a_page(client, make_statement):
    assert client.get("/sitemap-statements.xml?p=2").status_code == 404
    make_statement()

    assert client.get("/sitemap-statements.xml?p=x").status_code == 404
    assert client.get("/sitemap-statements.xml").status_code == 200
