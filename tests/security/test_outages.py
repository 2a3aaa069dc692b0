"""Outages: a cache that is down or hangs degrades to no cache; a database that is down or hangs is a quick 503."""

import json
import logging
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import override_settings

from observatory.security import cache as degrading

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
PUBLIC_PAGES = (
    "/ar/",
    "/en/statements/",
    "/ar/tags/",
    "/ar/search/",
    "/ar/search/?q=بيان",
    "/sitemap.xml",
    "/ar/feed/",
)


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def silent_server():
    """A port that accepts connections and never says a word: a hung Redis or PostgreSQL."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    yield server.getsockname()[1]
    server.close()


def redis_cache(url):
    redis = {
        "BACKEND": "observatory.security.cache.DegradingRedisCache",
        "LOCATION": url,
        "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
    }
    return {"default": redis, "fragments": {**redis, "KEY_PREFIX": "fragment"}}


@pytest.fixture(autouse=True)
def no_outage_remembered():
    degrading._outages.clear()
    yield
    degrading._outages.clear()


@pytest.mark.parametrize("kind", ["refused", "silent"])
def test_every_public_page_answers_from_the_database_when_redis_is_down(
    client, make_statement, make_tag, silent_server, caplog, kind
):
    make_statement(tags=[make_tag(name_en="Daesh")])
    port = closed_port() if kind == "refused" else silent_server
    with override_settings(CACHES=redis_cache(f"redis://127.0.0.1:{port}/0")), caplog.at_level(logging.WARNING):
        for url in PUBLIC_PAGES:
            assert client.get(url).status_code == 200, url

    outages = [r for r in caplog.records if r.name == "observatory.cache"]
    assert len(outages) == 1  # one line for the outage, not one per cache call
    assert outages[0].getMessage() == "Cache unavailable, serving without it"


def test_readiness_fails_while_redis_is_down(client):
    with override_settings(CACHES=redis_cache(f"redis://127.0.0.1:{closed_port()}/0")):
        response = client.get("/readyz/")

    assert response.status_code == 503
    assert json.loads(response.content) == {"database": "ok", "cache": "down"}


def test_with_redis_up_the_cache_works_and_the_site_is_ready(client, make_statement):
    make_statement()
    with override_settings(CACHES=redis_cache(TEST_REDIS_URL)):
        cache.set("outages:probe-up", 1)
        assert cache.get("outages:probe-up") == 1
        response = client.get("/readyz/")
        assert client.get("/ar/").status_code == 200
        cache.delete("outages:probe-up")

    assert response.status_code == 200
    assert json.loads(response.content) == {"database": "ok", "cache": "ok"}


def test_the_cache_comes_back_after_an_outage(caplog):
    with override_settings(CACHES=redis_cache(f"redis://127.0.0.1:{closed_port()}/0")):
        assert cache.get("anything", "missed") == "missed"
    degrading._outages[TEST_REDIS_URL] = 0  # the retry pause is over
    with override_settings(CACHES=redis_cache(TEST_REDIS_URL)), caplog.at_level(logging.WARNING):
        cache.set("outages:probe-back", 2)
        assert cache.get("outages:probe-back") == 2
        cache.delete("outages:probe-back")

    assert "Cache available again" in [r.getMessage() for r in caplog.records if r.name == "observatory.cache"]


def test_health_says_alive_and_readiness_ready(client):
    assert client.get("/healthz/").content == b"ok"
    assert json.loads(client.get("/readyz/").content) == {"database": "ok", "cache": "ok"}


def production_run(database_url, paths):
    """Ask ``paths`` of a production configuration whose database is at ``database_url``, in a fresh process.

    The subprocess's own timeout is the bound: without connect and statement timeouts a silent database would
    hold the request, and with it the test, for good.
    """
    script = f"""
import json, django
django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
answers = {{}}
for path in {list(paths)!r}:
    response = client.get(path, secure=True)
    answers[path] = [response.status_code, response.get("Retry-After"), response.content.decode()]
print(json.dumps(answers))
"""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "observatory.settings",
        "DEBUG": "0",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": database_url,
        "DATABASE_CONNECT_TIMEOUT": "2",
        "LOG_LEVEL": "CRITICAL",
    }
    environment.pop("REDIS_URL", None)
    run = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(run.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("kind", ["refused", "silent"])
def test_a_database_that_is_down_gives_a_bilingual_503_with_retry_after(silent_server, kind):
    port = closed_port() if kind == "refused" else silent_server
    answers = production_run(f"postgres://observatory@127.0.0.1:{port}/observatory", ["/ar/", "/en/statements/"])

    for status, retry_after, body in answers.values():
        assert status == 503
        assert int(retry_after) > 0
        assert "Service unavailable" in body and "الخدمة غير متاحة" in body


def test_readiness_fails_while_the_database_is_down(silent_server):
    answers = production_run(f"postgres://observatory@127.0.0.1:{silent_server}/observatory", ["/readyz/", "/healthz/"])

    status, retry_after, body = answers["/readyz/"]
    assert status == 503 and retry_after
    assert json.loads(body)["database"] == "down"
    assert answers["/healthz/"][0] == 200  # alive: the process answers, the database is another matter


def test_postgresql_connections_carry_connect_and_statement_timeouts():
    code = "import django; django.setup(); from django.conf import settings; print(settings.DATABASES['default']['OPTIONS'])"
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "observatory.settings",
        "DATABASE_URL": "postgres://observatory@127.0.0.1:5432/observatory",
        "DATABASE_CONNECT_TIMEOUT": "3",
        "DATABASE_STATEMENT_TIMEOUT": "8000",
    }
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True)

    assert "'connect_timeout': 3" in run.stdout
    assert "statement_timeout=8000" in run.stdout
