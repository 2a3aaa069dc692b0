"""The search page among the site's other pages: head links, language switcher, header box, keyword offer."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def keyword_statement(make_statement, make_tag):
    tag = make_tag(name_ar="التطرف", name_en="Extremism")
    statement = make_statement(title_en="Extremism report", body_en="<p>extremism</p>", tags=[tag])
    return tag, statement


def head(html):
    return html[: html.index("</head>")]


def test_results_page_says_noindex_follow_once_and_names_no_canonical_or_keyword_feed(client, keyword_statement):
    html = client.get("/en/search/", {"q": "extremism"}).content.decode()
    assert 'class="search-tag-offer"' in html
    robots = re.findall(r'<meta name="robots" content="([^"]*)">', head(html))
    assert robots == ["noindex, follow"]
    assert 'rel="canonical"' not in head(html)
    assert "/tags/extremism/feed/" not in head(html)


def test_search_page_without_a_query_is_an_ordinary_page_with_its_canonical_address(client, keyword_statement):
    html = client.get("/ar/search/").content.decode()
    assert '<meta name="robots"' not in head(html)
    assert '<link rel="canonical" href="http://testserver/ar/search/">' in head(html)
    assert 'hreflang="en" href="http://testserver/en/search/"' in head(html)


def test_language_switcher_keeps_the_query(client, keyword_statement):
    html = client.get("/ar/search/", {"q": "تطرف", "page": "1"}).content.decode()
    switcher = html[html.index('class="language-switcher"') :]
    assert 'href="/en/search/?q=%D8%AA%D8%B7%D8%B1%D9%81&amp;page=1"' in switcher


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_public_page_has_the_search_box_in_its_header_and_the_print_view_none(client, keyword_statement, lang):
    tag, statement = keyword_statement
    pages = [
        reverse("statements:home"),
        reverse("statements:list"),
        statement.get_absolute_url(),
        reverse("statements:tags"),
        tag.get_absolute_url(),
        reverse("statements:search"),
        f"/{lang}/no-such-page/",
    ]
    for path in pages:
        path = f"/{lang}/" + path.split("/", 2)[2]
        response = client.get(path)
        html = response.content.decode()
        header = html[html.index("<header") : html.index("</header>")]
        assert f'action="/{lang}/search/"' in header and 'name="q"' in header, path
    printed = client.get(reverse("statements:print", args=[statement.pk]))
    assert printed.status_code == 200
    assert 'role="search"' not in printed.content.decode()


def test_query_naming_a_merged_keyword_offers_the_keyword_it_joined(client, make_statement, make_tag):
    source = make_tag(name_en="Zealotry")
    target = make_tag(name_ar="التشدد", name_en="Hardline")
    make_statement(tags=[source])
    call_command("merge_tags", source.slug, target.slug, stdout=StringIO())

    html = client.get("/en/search/", {"q": "zealotry"}).content.decode()
    offer = html[html.index('class="search-tag-offer"') :]
    assert f'href="{target.get_absolute_url().replace("/ar/", "/en/")}"' in offer[: offer.index("</p>")]


def test_query_naming_no_keyword_offers_none(client, keyword_statement):
    html = client.get("/en/search/", {"q": "report"}).content.decode()
    assert 'class="search-tag-offer"' not in html


@pytest.mark.parametrize("raw", ["q=%FF%FE", "q=%00%00", "q=%ED%A0%80", "q=a&q=%00", "q=%D9"])
def test_undecodable_or_nul_bytes_in_the_address_get_a_page(client, keyword_statement, raw):
    response = client.get(f"/ar/search/?{raw}")
    assert response.status_code == 200


def test_search_boxes_set_a_query_in_its_own_direction_whatever_the_page_language(client, keyword_statement):
    html = client.get("/en/search/", {"q": "داعش"}).content.decode()
    boxes = re.findall(r'<input type="search"[^>]*>', html)
    assert len(boxes) == 2
    assert all('dir="auto"' in box and 'value="داعش"' in box for box in boxes)


def test_crawlers_may_fetch_results_pages_to_read_their_noindex_and_the_sitemap_lists_none(client, keyword_statement):
    robots = client.get("/robots.txt").content.decode()
    assert "/search/" not in robots
    assert "/search/" not in client.get("/sitemap.xml").content.decode()
