"""Where lead images show: the statement's figure, cards, print, link previews, JSON-LD and feeds."""

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements.images import renditions
from tests.html_elements import elements, meta_content
from tests.pages.test_query_counts import PAGES

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def detail_url(statement, lang):
    return f"/{lang}/statements/{statement.pk}-{statement.slug}/"


def stored_files(media_root):
    return sorted(p.relative_to(media_root) for p in Path(media_root).rglob("*") if p.is_file())


def test_statement_page_shows_a_figure_with_webp_and_jpeg_sizes_dimensions_alt_and_caption(client, make_illustrated):
    statement = make_illustrated(lead_image_caption_en="Cairo at night", lead_image_credit="Photo desk")
    html = page(client, detail_url(statement, "en"))
    figure = elements(html, "figure")
    assert figure and "lead-image" in figure[0]["attrs"]["class"]
    (source,) = elements(html, "source", type="image/webp")
    assert [entry.rsplit(" ", 1)[1] for entry in source["attrs"]["srcset"].split(", ")] == ["400w", "800w", "1200w"]
    assert source["attrs"]["sizes"]
    (img,) = [e for e in elements(html, "img") if "/lead/" in e["attrs"].get("src", "")]
    assert img["attrs"]["src"].endswith("/800.jpg")
    assert (img["attrs"]["width"], img["attrs"]["height"]) == ("800", "500")
    assert img["attrs"]["alt"] == "A test picture" and img["attrs"]["lang"] == "en"
    assert ".jpg 1200w" in img["attrs"]["srcset"] and img["attrs"]["sizes"]
    assert "loading" not in img["attrs"]  # at the top of the page: fetched at once
    assert "Cairo at night" in html and "Photo desk" in html


def test_every_address_in_the_figure_is_a_stored_file(client, make_illustrated, media_root):
    statement = make_illustrated()
    html = page(client, detail_url(statement, "ar"))
    addresses = [e["attrs"]["src"] for e in elements(html, "img") if "/media/" in e["attrs"].get("src", "")]
    for element in elements(html, "source") + elements(html, "img"):
        for entry in element["attrs"].get("srcset", "").split(", "):
            if entry:
                addresses.append(entry.split(" ")[0])
    assert len(addresses) >= 7
    for address in addresses:
        assert (Path(media_root) / address.removeprefix("/media/")).is_file(), address


def test_alt_text_and_caption_fall_back_to_the_other_language_marked(client, make_illustrated):
    statement = make_illustrated(lead_image_alt_en="", lead_image_caption_ar="القاهرة ليلًا")
    html = page(client, detail_url(statement, "en"))
    (img,) = [e for e in elements(html, "img") if "/lead/" in e["attrs"].get("src", "")]
    assert (img["attrs"]["alt"], img["attrs"]["lang"]) == ("صورة اختبار", "ar")
    (caption,) = elements(html, "span", **{"class": "caption"})
    assert (caption["attrs"]["lang"], caption["attrs"]["dir"]) == ("ar", "rtl")
    assert "(caption in Arabic only)" in html


def test_a_small_picture_is_never_enlarged(client, make_illustrated):
    from tests.conftest import picture_bytes

    statement = make_illustrated(picture=picture_bytes(size=(600, 300)))
    html = page(client, detail_url(statement, "en"))
    (source,) = elements(html, "source", type="image/webp")
    assert [entry.rsplit(" ", 1)[1] for entry in source["attrs"]["srcset"].split(", ")] == ["400w", "600w"]


def test_no_page_makes_a_rendition_while_a_reader_waits(client, make_illustrated, media_root, monkeypatch, make_tag):
    tag = make_tag(name_en="Pictures")
    statement = make_illustrated(tags=[tag])
    before = stored_files(media_root)

    def refuse(*args, **kwargs):
        raise AssertionError("a rendition was made during a request")

    monkeypatch.setattr(renditions, "_save", refuse)
    monkeypatch.setattr(renditions, "make_renditions", refuse)
    for url in (
        detail_url(statement, "ar"),
        f"/en/statements/{statement.pk}/print/",
        "/en/",
        "/en/statements/",
        f"/en/tags/{tag.slug}/",
        "/en/feed/",
        "/en/feed/rss/",
    ):
        page(client, url)
    assert stored_files(media_root) == before


def test_cards_show_a_thumbnail_lazy_below_the_first_two(client, make_illustrated, make_tag):
    tag = make_tag(name_en="Pictures")
    for _ in range(4):
        make_illustrated(tags=[tag])
    for url in ("/en/", "/en/statements/", f"/en/tags/{tag.slug}/"):
        html = page(client, url)
        thumbnails = [e for e in elements(html, "img") if "/lead/" in e["attrs"].get("src", "")]
        assert len(thumbnails) == 4, url
        assert all(t["attrs"]["src"].endswith("/400.jpg") for t in thumbnails)
        assert all(t["attrs"]["width"] == "400" and t["attrs"]["height"] == "250" for t in thumbnails)
        assert [t["attrs"].get("loading") for t in thumbnails] == [None, None, "lazy", "lazy"]


def test_a_list_of_twenty_illustrated_cards_costs_no_more_queries_than_without_pictures(client, make_illustrated):
    for _ in range(20):
        make_illustrated()
    with CaptureQueriesContext(connection) as queries:
        html = page(client, "/en/statements/")
    assert html.count("/400.jpg") == 20
    assert len(queries) <= PAGES["list"]


def test_print_view_shows_the_widest_rendition_within_the_page(client, make_illustrated):
    statement = make_illustrated()
    html = page(client, f"/ar/statements/{statement.pk}/print/")
    (img,) = [e for e in elements(html, "img") if "/lead/" in e["attrs"].get("src", "")]
    assert img["attrs"]["src"].endswith("/1200.jpg") and img["attrs"]["width"] == "1200"
    assert "loading" not in img["attrs"]  # a printed page must hold its picture
    assert (Path(__file__).parents[2] / "static/css/print.css").read_text().count(".lead-image img") == 1


def test_link_previews_use_the_focal_point_crop_and_the_alt_text(client, make_illustrated):
    statement = make_illustrated(lead_image_focus_x=70, lead_image_focus_y=40)
    html = page(client, detail_url(statement, "en"))
    (og_image,) = meta_content(html, property="og:image")
    assert og_image.startswith("http://testserver/media/lead/") and og_image.endswith("/social-70-40.jpg")
    assert meta_content(html, property="og:image:width") == ["1200"]
    assert meta_content(html, property="og:image:height") == ["630"]
    assert meta_content(html, property="og:image:type") == ["image/jpeg"]
    assert meta_content(html, property="og:image:alt") == ["A test picture"]
    assert meta_content(html, name="twitter:image") == [og_image]


def test_the_social_crop_is_1200_by_630_and_keeps_the_focal_point(make_illustrated, media_root):
    from PIL import Image

    statement = make_illustrated(lead_image_focus_x=100, lead_image_focus_y=0)
    renditions.make_renditions(statement.lead_image.name, 50, 50)
    # The 1600×1000 test picture has a light square at 400–800 × 250–500; a 1200×630 crop takes 1600×840 of it,
    # scaled by ¾. Cut from the top edge, the square reaches y = 375; cut from the middle, only y = 315.
    top = Image.open(Path(media_root) / renditions.social(statement.lead_image.name, 100, 0).name)
    middle = Image.open(Path(media_root) / renditions.social(statement.lead_image.name, 50, 50).name)
    assert top.size == middle.size == (1200, 630)
    assert top.getpixel((450, 350))[0] > 200
    assert middle.getpixel((450, 350))[0] < 100


def test_json_ld_names_the_statement_picture(client, make_illustrated):
    statement = make_illustrated()
    html = page(client, detail_url(statement, "en"))
    (script,) = elements(html, "script", type="application/ld+json")
    images = json.loads(script["text"])["image"]
    assert images[0].endswith("/1200.jpg") and images[1].endswith("/social-50-50.jpg")
    assert all(url.startswith("http://testserver/media/lead/") for url in images)


def test_without_a_picture_previews_and_json_ld_keep_the_site_image(client, make_statement):
    statement = make_statement()
    html = page(client, detail_url(statement, "en"))
    assert meta_content(html, property="og:image")[0].endswith("/static/img/og-default.png")
    assert not elements(html, "figure")
    (script,) = elements(html, "script", type="application/ld+json")
    assert json.loads(script["text"])["image"][0].endswith("/static/img/og-default.png")


def test_atom_entries_carry_the_picture_as_an_enclosure_with_type_and_length(client, make_illustrated, make_statement):
    from tests.conftest import picture_bytes

    statement = make_illustrated(picture=picture_bytes("PNG", size=(500, 300)))
    make_statement()
    feed = ET.fromstring(client.get("/en/feed/").content)
    enclosures = feed.findall(f"{ATOM}entry/{ATOM}link[@rel='enclosure']")
    assert len(enclosures) == 1
    (enclosure,) = enclosures
    assert enclosure.get("href") == f"http://testserver/media/{statement.lead_image.name}"
    assert enclosure.get("type") == "image/png"
    assert enclosure.get("length") == str(statement.lead_image.size) == str(statement.lead_image_size)


def test_rss_items_carry_the_picture_as_an_enclosure(client, make_illustrated):
    statement = make_illustrated()
    channel = ET.fromstring(client.get("/ar/feed/rss/").content).find("channel")
    (enclosure,) = channel.findall("item/enclosure")
    assert enclosure.get("url") == f"http://testserver/media/{statement.lead_image.name}"
    assert enclosure.get("type") == "image/jpeg"
    assert int(enclosure.get("length")) == statement.lead_image.size
