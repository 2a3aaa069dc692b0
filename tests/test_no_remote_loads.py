"""The site runs on a closed network: no page may fetch a script, style, font, image or frame from another host."""

import datetime
import re
from urllib.parse import urljoin, urlsplit

import pytest

from .html_elements import elements

pytestmark = pytest.mark.django_db

HOST = "testserver"
# Elements whose address the browser fetches on its own, and the attributes holding it.
FETCHED = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
}
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""")


def addresses(srcset_or_url):
    return [part.strip().split(" ")[0] for part in srcset_or_url.split(",") if part.strip()]


def is_local(address):
    parts = urlsplit(address)
    if parts.scheme == "data":
        return True
    return parts.scheme in ("", "http", "https") and parts.netloc in ("", HOST)


def fetched_addresses(html):
    found = []
    for element in elements(html):
        attrs = element["attrs"]
        for name in FETCHED.get(element["tag"], ()):
            if attrs.get(name):
                found += addresses(attrs[name])
        if element["tag"] == "link" and attrs.get("href"):
            # Stylesheets, icons, preloads and fonts are fetched; every other link must stay home too.
            found.append(attrs["href"])
    return found


def stylesheet_addresses(client, href):
    """Addresses a local stylesheet pulls in (fonts, images, imports), followed through its imports."""
    response = client.get(urlsplit(href).path)
    assert response.status_code == 200, href
    css = b"".join(response.streaming_content if response.streaming else [response.content]).decode()
    found = []
    for address in CSS_URL.findall(css):
        absolute = urljoin(href, address)
        found.append(absolute)
        if absolute.endswith(".css") and is_local(absolute):
            found += stylesheet_addresses(client, absolute)
    return found


@pytest.fixture
def pages(make_statement, make_tag):
    tag = make_tag(name_ar="داعش", name_en="Daesh")
    sources = [{"url": "https://www.example.com/report", "title": "A report", "publisher": "Example"}]
    statement = make_statement(tags=[tag], sources=sources, published_on=datetime.date(2018, 4, 29))
    make_statement(tags=[tag], published_on=datetime.date(2018, 4, 20))
    paths = [
        "/",
        "/statements/",
        "/statements/2018/",
        "/statements/2018/04/",
        statement.get_absolute_url()[3:],
        "/tags/",
        tag.get_absolute_url()[3:],
        statement.get_print_url()[3:],
        "/statements/999999999-missing/",
    ]
    return [f"/{lang}{path}" for lang in ("ar", "en") for path in paths], statement


def test_public_pages_load_nothing_from_another_host(client, pages):
    urls, _statement = pages
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        html = response.content.decode()
        remote = [a for a in fetched_addresses(html) if not is_local(urljoin(f"http://{HOST}{url}", a))]
        assert remote == [], url


def test_stylesheets_load_fonts_and_images_only_from_this_site(client, pages):
    html = client.get(pages[0][4]).content.decode()
    sheets = [e["attrs"]["href"] for e in elements(html, "link", rel="stylesheet")]
    assert sheets

    for sheet in sheets:
        found = stylesheet_addresses(client, urljoin(f"http://{HOST}/", sheet))
        assert found, sheet  # the shipped fonts are referenced, so the scan is reading the sheet
        assert [a for a in found if not is_local(a)] == []


def test_admin_statement_form_loads_nothing_from_another_host(staff_client, pages):
    _urls, statement = pages
    for url in ("/admin/statements/statement/add/", f"/admin/statements/statement/{statement.pk}/change/"):
        response = staff_client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert any(e["attrs"].get("src") for e in elements(html, "script"))
        assert [a for a in fetched_addresses(html) if not is_local(urljoin(f"http://{HOST}/", a))] == []


def test_remote_address_check_catches_another_host():
    html = '<script src="https://cdn.example.com/x.js"></script><link rel="stylesheet" href="//fonts.example/x.css">'

    assert [a for a in fetched_addresses(html) if not is_local(urljoin(f"http://{HOST}/", a))] == [
        "https://cdn.example.com/x.js",
        "//fonts.example/x.css",
    ]
