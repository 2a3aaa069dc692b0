"""The site runs on a closed network: no page, stylesheet or font is fetched from another host."""

import pytest
from django.contrib.staticfiles import finders

from tests.remote_loads import remote_css_addresses

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["css/site.css", "css/print.css", "css/fonts.css", "css/admin.css"])
def test_stylesheets_use_only_files_that_ship_with_the_site(path):
    with open(finders.find(path), encoding="utf-8") as css:
        rules = css.read()
    assert remote_css_addresses(rules) == []
    for font in ("fonts/noto-naskh-arabic-arabic-400-normal.woff2", "fonts/noto-naskh-arabic-arabic-700-normal.woff2"):
        assert finders.find(font)


def test_public_pages_use_the_arabic_web_font_that_ships_with_the_site(client, db):
    page = client.get("/ar/").content.decode()
    assert "/static/css/site.css" in page
    with open(finders.find("css/fonts.css"), encoding="utf-8") as css:
        assert 'url("../fonts/noto-naskh-arabic-arabic-400-normal.woff2")' in css.read()
    assert client.get("/static/fonts/noto-naskh-arabic-arabic-400-normal.woff2").status_code == 200


def test_stylesheet_check_catches_fonts_and_imports_from_another_host():
    css = '@import "//cdn.example/x.css"; @font-face { src: url("https://fonts.example/a.woff2"); } b { background: url(../img/logo.png) }'

    assert remote_css_addresses(css) == ["//cdn.example/x.css", "https://fonts.example/a.woff2"]
