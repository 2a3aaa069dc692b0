"""Keyword counts are counted once and kept in the shared cache, but never say what is no longer true."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from statements.discovery.keyword_counts import COUNTS_CACHE_SECONDS, public_tag_counts
from statements.models import Statement

pytestmark = pytest.mark.django_db


def top_tags(client, lang="en"):
    return [(tag.name_en, tag.public_count) for tag in client.get(f"/{lang}/").context["top_tags"]]


def test_counts_are_read_from_the_cache_once_counted(make_statement, make_tag):
    tag = make_tag(name_en="Daesh")
    make_statement(tags=[tag])
    assert public_tag_counts() == {tag.pk: 1}
    with CaptureQueriesContext(connection) as queries:
        assert public_tag_counts() == {tag.pk: 1}
    assert len(queries) == 0


def test_a_statement_saved_in_an_open_transaction_counts_at_once(client, make_statement, make_tag):
    tag = make_tag(name_en="Daesh")
    make_statement(tags=[tag])
    assert top_tags(client) == [("Daesh", 1)]
    make_statement(tags=[tag])  # the test's transaction is never committed: the receivers renew at once too
    assert top_tags(client) == [("Daesh", 2)]


def test_an_unpublished_statement_leaves_the_counts_at_once(client, make_statement, make_tag):
    tag, other = make_tag(name_en="Daesh"), make_tag(name_en="Media")
    make_statement(tags=[tag, other])
    gone = make_statement(tags=[tag])
    assert top_tags(client) == [("Daesh", 2), ("Media", 1)]
    gone.status = Statement.Status.DRAFT
    gone.save()
    assert top_tags(client) == [("Daesh", 1), ("Media", 1)]


def test_a_renamed_keyword_shows_its_new_name_with_its_count(client, make_statement, make_tag):
    tag = make_tag(name_en="Daesh")
    make_statement(tags=[tag])
    assert top_tags(client) == [("Daesh", 1)]
    tag.name_en = "ISIS"
    tag.save()
    assert top_tags(client) == [("ISIS", 1)]


def test_a_scheduled_statement_counts_from_its_moment_without_any_save(client, make_statement, make_tag):
    tag = make_tag(name_en="Daesh")
    make_statement(tags=[tag])
    moment = timezone.now() + datetime.timedelta(minutes=10)
    make_statement(tags=[tag], publish_at=moment)
    assert top_tags(client) == [("Daesh", 1)]
    assert client.get("/en/search/", {"q": "Daesh"}).context["tag_offer"].public_count == 1
    with time_machine.travel(moment + datetime.timedelta(seconds=1)):
        assert top_tags(client) == [("Daesh", 2)]
        assert client.get("/en/search/", {"q": "Daesh"}).context["tag_offer"].public_count == 2


def test_counts_changed_behind_the_receivers_back_are_fresh_within_minutes(client, make_statement, make_tag, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the counts themselves, under pages that would otherwise be kept whole
    tag = make_tag(name_en="Daesh")
    make_statement(tags=[tag])
    assert top_tags(client) == [("Daesh", 1)]
    Statement.objects.update(status=Statement.Status.DRAFT)  # a bulk update sends no signal
    assert top_tags(client) == [("Daesh", 1)]
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=COUNTS_CACHE_SECONDS + 1)):
        assert top_tags(client) == []


def test_a_keyword_without_public_statements_is_not_offered_by_search(client, make_statement, make_tag):
    tag = make_tag(name_en="Daesh")
    make_statement(tags=[tag], status=Statement.Status.DRAFT)
    make_statement(title_en="Daesh in the news", body_en="<p>Daesh</p>")
    response = client.get("/en/search/", {"q": "Daesh"})
    assert response.context["tag_offer"] is None
    assert 'class="search-tag-offer"' not in response.content.decode()


def test_the_keyword_index_lists_each_public_keyword_with_its_count(client, make_statement, make_tag):
    busy, quiet, hidden = make_tag(name_en="Daesh"), make_tag(name_en="Media"), make_tag(name_en="Hidden")
    make_statement(tags=[busy, quiet])
    make_statement(tags=[busy])
    make_statement(tags=[hidden], status=Statement.Status.REVIEW)
    index = client.get("/en/tags/")
    entries = {e["tag"].name_en: e["count"] for group in index.context["groups"] for e in group["entries"]}
    assert entries == {"Daesh": 2, "Media": 1}
