"""Absolute URLs come from SITE_URL, never from the request's Host header; page numbers have one spelling."""

import json

import pytest
from django.test import override_settings

from tests.html_elements import elements, link_hrefs, meta_content

pytestmark = pytest.mark.django_db

SITE = "https://observatory.example"
HOSTS = ["testserver", "localhost", "127.0.0.1"]


@pytest.fixture(autouse=True)
def site_address():
    with override_settings(SITE_URL=SITE, ALLOWED_HOSTS=HOSTS):
        yield


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1:1", "testserver:8443"])
def test_robots_txt_names_the_site_sitemap_whatever_the_host(client, host):
    body = client.get("/robots.txt", HTTP_HOST=host).content.decode()

    assert f"Sitemap: {SITE}/sitemap.xml" in body
    assert "localhost" not in body and "127.0.0.1" not in body and ":8443" not in body


def test_canonical_language_links_and_open_graph_use_the_site_address(client, make_statement):
    statement = make_statement()
    page = client.get(statement.get_absolute_url(), HTTP_HOST="localhost:1").content.decode()

    assert link_hrefs(page, "canonical") == [SITE + statement.get_absolute_url()]
    assert all(href.startswith(SITE + "/") for href in link_hrefs(page, "alternate") if href.startswith("http"))
    assert meta_content(page, property="og:url") == [SITE + statement.get_absolute_url()]
    assert meta_content(page, property="og:image")[0].startswith(SITE + "/static/")
    assert "localhost" not in page


def test_json_ld_uses_the_site_address(client, make_statement):
    statement = make_statement()
    page = client.get(statement.get_absolute_url(), HTTP_HOST="localhost").content.decode()

    (block,) = elements(page, "script", type="application/ld+json")
    data = json.loads(block["text"])
    assert data["url"] == SITE + statement.get_absolute_url()
    assert data["publisher"]["url"] == SITE + "/"


@pytest.mark.parametrize("url", ["/ar/feed/", "/en/feed/rss/"])
def test_feeds_use_the_site_address(client, make_statement, url):
    statement = make_statement()
    body = client.get(url, HTTP_HOST="127.0.0.1:2").content.decode()

    assert SITE + statement.get_absolute_url().replace("/ar/", url[:4]) in body
    assert "127.0.0.1" not in body


def test_the_sitemap_uses_the_site_address(client, make_statement):
    statement = make_statement()
    body = client.get("/sitemap.xml", HTTP_HOST="localhost:3").content.decode()

    assert f"<loc>{SITE}{statement.get_absolute_url()}</loc>" in body
    assert "localhost" not in body


def test_the_print_view_writes_the_site_address(client, make_statement):
    statement = make_statement()
    page = client.get(statement.get_print_url(), HTTP_HOST="localhost").content.decode()

    assert "localhost" not in page and SITE in page


@pytest.mark.parametrize("query", ["?page=01", "?page=001", "?page=0", "?page=+2", "?page=%D9%A2"])
def test_a_page_number_in_another_spelling_is_a_404(client, make_statement, query):
    make_statement()

    assert client.get(f"/ar/statements/{query}").status_code == 404


def test_page_one_is_still_page_one(client, make_statement):
    make_statement()

    assert client.get("/ar/statements/?page=1").status_code == 200


def settings_in_production(**env):
    import os
    import subprocess
    import sys
    from pathlib import Path

    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("SITE_URL", "CSRF_TRUSTED_ORIGINS", "ALLOWED_HOSTS")
    }
    environment.update(DJANGO_SETTINGS_MODULE="observatory.settings", DEBUG="0", SECRET_KEY="x" * 50, **env)
    code = "import django; django.setup(); from django.conf import settings; print(settings.SITE_URL)"
    run = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parents[2],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return run.stdout.strip()


def test_production_reads_the_site_address_from_the_environment():
    assert settings_in_production(SITE_URL="https://observatory.example/") == "https://observatory.example"


def test_without_it_production_falls_back_to_the_trusted_origin_or_the_first_host():
    assert settings_in_production(CSRF_TRUSTED_ORIGINS="https://a.example,https://b.example") == "https://a.example"
    assert settings_in_production(ALLOWED_HOSTS="c.example,d.example") == "https://c.example"


def test_the_deploy_check_warns_when_production_has_no_site_address():
    from observatory.checks import site_address

    with override_settings(DEBUG=False, SITE_URL_CONFIGURED=False):
        assert [message.id for message in site_address(None)] == ["observatory.W002"]
    with override_settings(DEBUG=False, SITE_URL_CONFIGURED=True, SITE_URL="http://observatory.example"):
        assert [message.id for message in site_address(None)] == ["observatory.W003"]
    with override_settings(DEBUG=False, SITE_URL_CONFIGURED=True, SITE_URL="https://observatory.example"):
        assert site_address(None) == []
