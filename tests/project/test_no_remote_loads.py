"""The site runs on a closed network: no page or stylesheet may fetch a script, style, font, image or frame from
another host."""

import datetime
from urllib.parse import urljoin, urlsplit

import pytest
from django.contrib.staticfiles import finders

from tests.html_elements import elements
from tests.remote_loads import CSS_URL, HOST, is_local, remote_addresses, remote_css_addresses

pytestmark = pytest.mark.django_db


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


def test_public_pages_load_nothing_and_run_no_script_from_another_host(client, pages):
    urls, _statement = pages
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert remote_addresses(response.content.decode(), url) == [], url
        assert scripts_from_elsewhere(response, url) == [], url


def test_stylesheets_load_fonts_and_images_only_from_this_site(client, pages):
    html = client.get(pages[0][4]).content.decode()
    sheets = [e["attrs"]["href"] for e in elements(html, "link", rel="stylesheet")]
    assert sheets

    for sheet in sheets:
        found = stylesheet_addresses(client, urljoin(f"http://{HOST}/", sheet))
        assert found, sheet  # the shipped fonts are referenced, so the scan is reading the sheet
        assert [a for a in found if not is_local(a)] == []


def test_remote_address_check_catches_another_host():
    html = '<script src="https://cdn.example.com/x.js"></script><link rel="stylesheet" href="//fonts.example/x.css">'

    assert remote_addresses(html) == [
        "https://cdn.example.com/x.js",
        "//fonts.example/x.css",
    ]


def scripts_from_elsewhere(response, url):
    """Script elements whose source is on another host, and inline handlers or scripts that name another host."""
    html = response.content.decode()
    found = []
    for element in elements(html, "script"):
        src = element["attrs"].get("src")
        if src and not is_local(urljoin(f"http://{HOST}{url}", src)):
            found.append(src)
        if not src and element["attrs"].get("type") != "application/ld+json" and "//" in element["text"]:
            found.append(element["text"][:80])
    return found


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_staff_previews_and_followed_keyword_redirects_load_nothing_from_another_host(
    staff_client, client, make_statement, make_tag, lang
):
    from django.core.management import call_command
    from django.utils import timezone

    from statements.models import Statement

    old, target = make_tag(name_en="Hardline"), make_tag(name_ar="التطرف", name_en="Extremism")
    sources = [{"url": "https://www.example.com/report", "title": "A report", "publisher": "Example"}]
    draft = make_statement(tags=[old], sources=sources, status=Statement.Status.DRAFT)
    scheduled = make_statement(tags=[target], publish_at=timezone.now() + datetime.timedelta(days=1))
    make_statement(tags=[old, target])
    old_slug = old.slug
    call_command("merge_tags", old_slug, target.slug)

    previews = [s.get_absolute_url() for s in (draft, scheduled)] + [s.get_print_url() for s in (draft, scheduled)]
    for path in previews:
        url = f"/{lang}{path[3:]}"
        response = staff_client.get(url)
        assert response.status_code == 200 and response.context["preview"], url
        assert remote_addresses(response.content.decode(), url) == [], url
        assert scripts_from_elsewhere(response, url) == [], url
    moved = client.get(f"/{lang}/tags/{old_slug}/", follow=True)
    assert moved.redirect_chain and moved.status_code == 200
    assert remote_addresses(moved.content.decode(), moved.request["PATH_INFO"]) == []


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_admin_pages_load_nothing_from_another_host_in_either_language(staff_client, pages, make_tag, lang):
    from django.conf import settings

    _urls, statement = pages
    tag = statement.tags.first()
    other = make_tag(name_ar="أوروبا", name_en="Europe")
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    admin_pages = [
        "/admin/",
        "/admin/statements/statement/",
        "/admin/statements/statement/add/",
        f"/admin/statements/statement/{statement.pk}/change/",
        f"/admin/statements/statement/{statement.pk}/history/",
        "/admin/statements/tag/",
        f"/admin/statements/tag/{tag.pk}/change/",
    ]
    responses = [(url, staff_client.get(url)) for url in admin_pages]
    merge = "/admin/statements/tag/"
    responses.append(
        (merge, staff_client.post(merge, {"action": "merge_selected_tags", "_selected_action": [tag.pk, other.pk]}))
    )
    # The statement form's language switch is served from this site (its tag then carries the response's CSP nonce).
    assert '<script src="/static/js/admin_translation_view.js"' in responses[2][1].content.decode()
    for url, response in responses:
        assert response.status_code == 200, url
        assert response.content.decode().count("<script") > 0, url
        assert remote_addresses(response.content.decode(), url) == [], url
        assert scripts_from_elsewhere(response, url) == [], url


def test_script_check_catches_a_remote_source_and_an_inline_loader_but_not_structured_data():
    class Page:
        content = (
            b'<script src="https://cdn.example.com/x.js"></script>'
            b'<script>var s=document.createElement("script");s.src="https://t.example/t.js"</script>'
            b'<script type="application/ld+json">{"url": "https://example.org/"}</script>'
            b'<script src="/static/admin/js/core.js"></script>'
        )

    assert len(scripts_from_elsewhere(Page, "/en/")) == 2


@pytest.mark.parametrize("path", ["css/site.css", "css/print.css", "css/fonts.css", "css/admin.css"])
def test_stylesheets_use_only_files_that_ship_with_the_site(path):
    with open(finders.find(path), encoding="utf-8") as css:
        rules = css.read()
    assert remote_css_addresses(rules) == []
    for font in ("fonts/noto-naskh-arabic-arabic-400-normal.woff2", "fonts/noto-naskh-arabic-arabic-700-normal.woff2"):
        assert finders.find(font)


def test_public_pages_use_the_arabic_web_font_that_ships_with_the_site(client):
    page = client.get("/ar/").content.decode()
    assert "/static/css/site.css" in page
    with open(finders.find("css/fonts.css"), encoding="utf-8") as css:
        assert 'url("../fonts/noto-naskh-arabic-arabic-400-normal.woff2")' in css.read()
    assert client.get("/static/fonts/noto-naskh-arabic-arabic-400-normal.woff2").status_code == 200


def test_stylesheet_check_catches_fonts_and_imports_from_another_host():
    css = '@import "//cdn.example/x.css"; @font-face { src: url("https://fonts.example/a.woff2"); } b { background: url(../img/logo.png) }'

    assert remote_css_addresses(css) == ["//cdn.example/x.css", "https://fonts.example/a.woff2"]
