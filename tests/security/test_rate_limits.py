"""Search and feeds are limited per client through the shared cache: a 429 with Retry-After past the limit."""

import itertools

import pytest
import time_machine
from django.test import override_settings
from django.utils import timezone

pytestmark = pytest.mark.django_db


_queries = itertools.count(1)


def statuses(client, url, times, **headers):
    """Statuses of ``times`` requests; each search asks a new question, as a page served whole from the
    cache costs nothing and is not counted."""
    return [client.get(_fresh(url), **headers).status_code for _ in range(times)]


def _fresh(url):
    return f"{url}{next(_queries)}" if "?q=" in url else url


@override_settings(RATE_LIMITS={"search": 3, "feeds": 60})
def test_search_past_the_limit_is_a_429_with_retry_after(client, make_statement):
    make_statement()
    with time_machine.travel(timezone.now().replace(second=10), tick=False):
        assert statuses(client, "/ar/search/?q=بيان", 3) == [200, 200, 200]
        response = client.get(_fresh("/ar/search/?q=بيان"))

    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    body = response.content.decode()
    assert "Too many requests" in body and "طلبات كثيرة جدًا" in body


@override_settings(RATE_LIMITS={"search": 2, "feeds": 60})
def test_the_limit_is_per_client(client, make_statement):
    make_statement()
    with time_machine.travel(timezone.now().replace(second=10), tick=False):
        assert statuses(client, "/ar/search/?q=x", 3, REMOTE_ADDR="10.0.0.1")[-1] == 429
        assert statuses(client, "/ar/search/?q=x", 2, REMOTE_ADDR="10.0.0.2") == [200, 200]


@override_settings(RATE_LIMITS={"search": 2, "feeds": 60}, TRUSTED_PROXY_COUNT=1)
def test_behind_a_proxy_the_client_is_the_address_the_proxy_saw(client):
    with time_machine.travel(timezone.now().replace(second=10), tick=False):
        first = statuses(client, "/ar/search/?q=x", 3, HTTP_X_FORWARDED_FOR="198.51.100.1", REMOTE_ADDR="10.0.0.9")
        # A client cannot escape by prepending addresses of its own: the proxy's entry is the last one.
        spoofed = statuses(
            client, "/ar/search/?q=x", 1, HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.1", REMOTE_ADDR="10.0.0.9"
        )
        other = statuses(client, "/ar/search/?q=x", 1, HTTP_X_FORWARDED_FOR="198.51.100.2", REMOTE_ADDR="10.0.0.9")

    assert first == [200, 200, 429]
    assert spoofed == [429]
    assert other == [200]


@override_settings(RATE_LIMITS={"search": 1, "feeds": 60})
def test_the_limit_starts_again_in_the_next_minute(client):
    moment = timezone.now().replace(second=10)
    with time_machine.travel(moment, tick=False):
        assert statuses(client, "/ar/search/?q=x", 2) == [200, 429]
    with time_machine.travel(moment.replace(second=0) + timezone.timedelta(minutes=1), tick=False):
        assert statuses(client, "/ar/search/?q=x", 1) == [200]


@override_settings(RATE_LIMITS={"search": 1, "feeds": 60})
def test_the_empty_search_page_is_not_counted(client):
    with time_machine.travel(timezone.now().replace(second=10), tick=False):
        assert statuses(client, "/ar/search/", 5) == [200] * 5
        assert statuses(client, "/ar/search/?q=x", 2) == [200, 429]


@override_settings(RATE_LIMITS={"search": 30, "feeds": 2})
def test_feeds_past_the_limit_are_a_429(client, make_statement, make_tag):
    tag = make_tag(name_en="Daesh")
    make_statement(tags=[tag])
    with time_machine.travel(timezone.now().replace(second=10), tick=False):
        got = [client.get(url).status_code for url in ("/ar/feed/", f"/en/tags/{tag.slug}/feed/rss/", "/en/feed/")]

    assert got == [200, 200, 429]


def test_the_default_limits_are_generous_for_a_reader(client, make_statement):
    """A reader searching every two seconds for a minute is never refused."""
    make_statement()
    with time_machine.travel(timezone.now().replace(second=0), tick=False):
        assert set(statuses(client, "/ar/search/?q=بيان", 30)) == {200}
        assert set(statuses(client, "/ar/feed/", 30)) == {200}


@override_settings(RATE_LIMITS={"search": 1, "feeds": 60})
def test_a_search_answered_from_the_page_cache_is_not_counted(client, make_statement):
    make_statement()
    with time_machine.travel(timezone.now().replace(second=10), tick=False):
        repeated = [client.get("/ar/search/?q=بيان").status_code for _ in range(4)]
        assert statuses(client, "/ar/search/?q=x", 1) == [429]

    assert repeated == [200] * 4
