"""The OpenAPI 3.1 description and the documentation page, which ships its assets and runs under a strict CSP."""

import pytest

from tests.html_elements import elements
from tests.remote_loads import remote_addresses

pytestmark = pytest.mark.django_db


def test_the_openapi_description_is_3_1_and_names_every_endpoint_and_error(client):
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"] == "3.1.0"
    assert set(schema["paths"]) == {
        "/api/v1/",
        "/api/v1/statements/",
        "/api/v1/statements/{id}/",
        "/api/v1/tags/",
        "/api/v1/tags/{slug}/",
    }
    listing = schema["paths"]["/api/v1/statements/"]["get"]
    assert {p["name"] for p in listing["parameters"]} == {"tag", "since", "until", "lang", "q", "cursor", "limit"}
    assert {"200", "304", "400", "405", "429"} <= set(listing["responses"])
    assert "application/problem+json" in listing["responses"]["400"]["content"]
    assert "404" in schema["paths"]["/api/v1/statements/{id}/"]["get"]["responses"]
    assert "301" in schema["paths"]["/api/v1/tags/{slug}/"]["get"]["responses"]


def test_the_documentation_page_loads_nothing_from_another_host_and_runs_no_inline_script(client):
    response = client.get("/api/v1/docs/")

    assert response.status_code == 200
    html = response.content.decode()
    scripts = elements(html, "script")
    assert scripts and all(script["attrs"].get("src") and not script["text"].strip() for script in scripts)
    assert "<style" not in html and " style=" not in html
    assert remote_addresses(html, "/api/v1/docs/") == []


def test_the_documentation_page_says_a_strict_content_security_policy(client):
    policy = client.get("/api/v1/docs/")["Content-Security-Policy"]

    assert "script-src 'self';" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_every_asset_of_the_documentation_page_is_served_by_the_site(client):
    html = client.get("/api/v1/docs/").content.decode()
    addresses = [e["attrs"]["src"] for e in elements(html, "script")]
    addresses += [e["attrs"]["href"] for e in elements(html, "link")]

    for address in addresses:
        response = client.get(address)
        assert response.status_code == 200, address
    start = client.get(next(a for a in addresses if "script=" in a))
    assert start["Content-Type"].startswith("application/javascript")
    assert b"/api/v1/openapi.json" in start.content


@pytest.mark.parametrize("lang, label", [("ar", "واجهة البيانات البرمجية"), ("en", "Data API")])
def test_the_footer_links_to_the_documentation_page_in_both_languages(client, lang, label):
    html = client.get(f"/{lang}/").content.decode()
    footer = html[html.index('<footer class="site-footer') :]

    assert f'<a href="/api/v1/docs/" hreflang="en">{label}</a>' in footer


def test_the_description_generates_without_a_warning_and_validates_against_the_openapi_schema(tmp_path):
    from django.core.management import call_command

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "openapi.yaml"))

    assert "openapi: 3.1.0" in (tmp_path / "openapi.yaml").read_text()


def test_the_description_promises_the_caching_paging_and_rate_limit_headers(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    listing = paths["/api/v1/statements/"]["get"]["responses"]

    assert {"ETag", "Cache-Control", "Link"} <= set(listing["200"]["headers"])
    assert listing["429"]["headers"]["Retry-After"]["required"] is True
    assert "Location" in paths["/api/v1/tags/{slug}/"]["get"]["responses"]["301"]["headers"]
