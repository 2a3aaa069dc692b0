"""Several web instances share one Redis: what one instance publishes, the others show on their next response.

Each instance is a cache client of its own (its own connection pool) on the same Redis database: the test's
database ``TEST_REDIS_URL`` (default ``redis://127.0.0.1:6379/15``), which is flushed before and after, and no
other. Without a reachable Redis these tests fail: CI has one, and a shared cache is what they prove.
"""

import os

import pytest
import redis
from django.core.cache.backends.redis import RedisCache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from statements.caching import generation, pages
from statements.models import Statement

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture
def shared_redis(settings):
    """The suite's cache is Redis for these tests; the database is emptied before and after."""
    server = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        server.ping()
    except redis.RedisError as exc:
        pytest.fail(f"Redis at {REDIS_URL} (TEST_REDIS_URL) is unreachable: {exc}")
    server.flushdb()
    redis_cache = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    settings.CACHES = {"default": redis_cache, "fragments": {**redis_cache, "KEY_PREFIX": "fragment"}}
    yield server
    server.flushdb()
    server.close()


class Instance:
    """One web instance: its own cache client on the shared Redis, used for everything it reads and writes."""

    def __init__(self):
        self.cache = RedisCache(REDIS_URL, {})
        self.client = Client()

    def __enter__(self):
        self.patch = pytest.MonkeyPatch()
        for module in (pages, generation):
            self.patch.setattr(module, "cache", self.cache)
        return self

    def __exit__(self, *exc):
        self.patch.undo()

    def get(self, url):
        with self, CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        return response, len(queries)


def test_a_page_built_by_one_instance_is_served_by_the_other_without_a_query(shared_redis, make_statement):
    first, second = Instance(), Instance()
    assert first.cache._cache is not second.cache._cache  # two clients, two connection pools
    make_statement(title_en="Shared statement")

    built, built_queries = first.get("/en/statements/")
    served, served_queries = second.get("/en/statements/")

    assert built_queries > 0
    assert served_queries == 0
    assert served.content == built.content
    assert any(key.startswith(b":1:page:") for key in shared_redis.keys())


def test_a_statement_published_through_one_instance_is_on_the_others_next_response(
    shared_redis, make_statement, django_capture_on_commit_callbacks
):
    first, second = Instance(), Instance()
    statement = make_statement(title_en="Published elsewhere", status=Statement.Status.REVIEW)
    url = "/en" + statement.get_absolute_url()[3:]
    for instance in (first, second):
        assert b"Published elsewhere" not in instance.get("/en/statements/")[0].content
        assert instance.get(url)[0].status_code == 404

    with first, django_capture_on_commit_callbacks(execute=True):
        statement.status = Statement.Status.PUBLISHED
        statement.save()

    assert b"Published elsewhere" in second.get("/en/statements/")[0].content
    assert second.get(url)[0].status_code == 200
