"""Every response carries the security headers, and the pages work under the Content-Security-Policy."""

import json
import logging
import re
from pathlib import Path

import pytest
from django.test import Client, override_settings

from tests.admin_helpers import add_url, change_url
from tests.html_elements import elements

pytestmark = pytest.mark.django_db

SECURITY_HEADERS = (
    "Content-Security-Policy",
    "Permissions-Policy",
    "Cross-Origin-Resource-Policy",
    "Cross-Origin-Opener-Policy",
    "Referrer-Policy",
    "X-Content-Type-Options",
    "X-Frame-Options",
)


def policy(response):
    """The CSP header as {directive: [values]}."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def assert_secured(response):
    missing = [header for header in SECURITY_HEADERS if not response.has_header(header)]
    assert missing == [], f"{response.status_code} {missing}"


def test_public_pages_carry_every_security_header(client, make_statement):
    statement = make_statement()
    for url in ("/ar/", "/en/statements/", statement.get_absolute_url(), "/ar/tags/", "/ar/feed/", "/robots.txt"):
        assert_secured(client.get(url))


def test_health_checks_carry_every_security_header(client):
    assert_secured(client.get("/healthz/"))
    assert_secured(client.get("/readyz/"))


def test_static_files_carry_the_headers_and_may_be_read_by_the_same_site(client):
    response = client.get("/static/css/site.css")

    assert response.status_code == 200
    assert_secured(response)
    assert response["Cross-Origin-Resource-Policy"] == "same-site"


def test_pages_may_be_read_by_this_origin_only(client):
    assert client.get("/ar/")["Cross-Origin-Resource-Policy"] == "same-origin"


def test_error_responses_carry_every_security_header(client, staff_client):
    assert_secured(client.get("/ar/no-such-page/"))
    assert_secured(client.get("/ar/statements/?page=x"))
    assert_secured(client.get("/ar/", HTTP_HOST="attacker.example"))
    assert_secured(client.post("/csp-report/", "not json", content_type="application/csp-report"))


@override_settings(DEBUG_PROPAGATE_EXCEPTIONS=False)
def test_a_server_error_carries_every_security_header(monkeypatch, make_statement):
    from statements import views

    def broken(*args, **kwargs):
        raise RuntimeError("broken")

    monkeypatch.setattr(views, "render", broken)
    response = Client(raise_request_exception=False).get("/ar/")

    assert response.status_code == 500
    assert_secured(response)


def test_admin_login_carries_every_security_header(client):
    assert_secured(client.get("/admin/login/"))


def test_the_policy_is_strict(client):
    directives = policy(client.get("/ar/"))

    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["report-uri"] == ["/csp-report/"]
    assert not any("unsafe" in value for values in directives.values() for value in values)


def test_permissions_policy_denies_what_the_site_does_not_use(client):
    header = client.get("/ar/")["Permissions-Policy"]

    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert f"{feature}=()" in header


def test_public_pages_run_no_inline_script_and_need_no_nonce(client, make_statement):
    """Cached public HTML is served to many readers: it must not depend on a per-response nonce."""
    statement = make_statement(sources=[{"url": "https://example.org/a", "title": "A"}])
    for url in ("/ar/", statement.get_absolute_url(), statement.get_print_url(), "/en/search/?q=statement"):
        response = client.get(url)
        page = response.content.decode()
        assert "nonce" not in response["Content-Security-Policy"], url
        assert not re.search(r"\son[a-z]+\s*=", page), url
        for script in elements(page, "script"):
            assert script["attrs"].get("src") or script["attrs"].get("type") == "application/ld+json", url


def test_statement_page_keeps_its_json_ld_as_a_data_block(client, make_statement):
    statement = make_statement()
    page = client.get(statement.get_absolute_url()).content.decode()

    (block,) = elements(page, "script", type="application/ld+json")
    assert json.loads(block["text"])["@type"] == "NewsArticle"


def test_the_statement_form_gives_its_import_map_the_response_nonce(publisher_client, make_statement):
    statement = make_statement()
    for url in (change_url(statement), add_url()):
        response = publisher_client.get(url)
        nonces = [value for value in policy(response)["script-src"] if value.startswith("'nonce-")]
        page = response.content.decode()

        assert len(nonces) == 1, url
        nonce = nonces[0][len("'nonce-") : -1]
        (importmap,) = elements(page, "script", type="importmap")
        assert importmap["attrs"]["nonce"] == nonce
        inline = [s for s in elements(page, "script") if not s["attrs"].get("src")]
        assert all(script["attrs"].get("nonce") == nonce for script in inline), url
        assert not re.search(r"<[^>]+\son[a-z]+\s*=", page), url


def test_each_response_gets_a_fresh_nonce(publisher_client, make_statement):
    statement = make_statement()
    first = policy(publisher_client.get(change_url(statement)))["script-src"]
    second = policy(publisher_client.get(change_url(statement)))["script-src"]

    assert first != second


def test_a_violation_report_is_logged_on_one_line(client, caplog):
    report = {
        "csp-report": {
            "document-uri": "https://observatory.example/ar/",
            "blocked-uri": "https://evil.example/x.js",
            "violated-directive": "script-src 'self'",
        }
    }
    with caplog.at_level(logging.WARNING, logger="observatory.csp"):
        response = client.post("/csp-report/", json.dumps(report), content_type="application/csp-report")

    assert response.status_code == 204
    (record,) = [r for r in caplog.records if r.name == "observatory.csp"]
    assert record.blocked_uri == "https://evil.example/x.js"
    assert record.violated_directive == "script-src 'self'"


@pytest.mark.parametrize("body", ["not json", "[1, 2]", '{"csp-report": 3}', "x" * 10000])
def test_a_malformed_report_is_refused_without_an_error(client, body):
    response = client.post("/csp-report/", body, content_type="application/csp-report")

    assert response.status_code in (400, 413)


@override_settings(RATE_LIMITS={"csp-report": 2})
def test_violation_reports_are_rate_limited(client):
    report = json.dumps({"csp-report": {"blocked-uri": "inline"}})
    statuses = [
        client.post("/csp-report/", report, content_type="application/csp-report").status_code for _ in range(4)
    ]

    assert statuses == [204, 204, 429, 429]


def test_gunicorn_sends_no_server_header():
    import runpy

    from gunicorn.http import wsgi

    original = wsgi.Response.default_headers
    try:
        runpy.run_path(str(Path(__file__).resolve().parents[2] / "gunicorn.conf.py"))

        class Request:
            version = (1, 1)

        response = wsgi.Response.__new__(wsgi.Response)
        response.req, response.status, response.version = Request(), "200 OK", "gunicorn"
        response.upgrade, response.chunked = False, False
        response.should_close = lambda: False
        headers = response.default_headers()
    finally:
        wsgi.Response.default_headers = original

    assert not any(line.lower().startswith("server:") for line in headers)
    assert any(line.startswith("Date:") for line in headers)
