import datetime
import json
import struct
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.utils.html import strip_tags

from tests.html_elements import elements, meta_content

pytestmark = pytest.mark.django_db

HOST = "http://testserver"
SOURCES = [
    {
        "url": "https://www.independent.co.uk/news/isis-media",
        "title": "Isis propaganda machine hit",
        "publisher": "The Independent",
        "published_on": datetime.date(2018, 4, 27),
    },
    {"url": "https://example.org/report?a=1&b=2", "title": "", "publisher": ""},
]


@pytest.fixture
def statement(make_statement, make_tag):
    tags = [make_tag(name_ar="داعش", name_en="Daesh"), make_tag(name_ar="الإنترنت", name_en="Internet")]
    return make_statement(
        title_ar="المرصد يرحب بالحملة على إعلام داعش",
        title_en="Observatory welcomes the campaign against Daesh media",
        summary_ar="ملخص البيان بالعربية.",
        summary_en="The statement in short.",
        body_ar="<p>نص البيان.</p>",
        body_en="<p>Text of the statement.</p>",
        published_on=datetime.date(2018, 4, 29),
        tags=tags,
        sources=SOURCES,
    )


def page(client, statement, lang):
    response = client.get(f"/{lang}{statement.get_absolute_url()[3:]}")
    assert response.status_code == 200
    return response.content.decode()


def og(html, name):
    return meta_content(html, property=name)


def json_ld(html):
    scripts = elements(html, "script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0]["text"])


def test_statement_page_carries_open_graph_tags_in_its_language(client, statement):
    html = page(client, statement, "en")
    url = f"{HOST}/en{statement.get_absolute_url()[3:]}"

    assert og(html, "og:type") == ["article"]
    assert og(html, "og:title") == ["Observatory welcomes the campaign against Daesh media"]
    assert og(html, "og:description") == ["The statement in short."]
    assert og(html, "og:url") == [url]
    assert og(html, "og:locale") == ["en_US"]
    assert og(html, "og:locale:alternate") == ["ar_AR"]
    assert og(html, "article:published_time") == ["2018-04-29"]
    assert datetime.datetime.fromisoformat(og(html, "article:modified_time")[0]) == statement.updated_at
    assert sorted(og(html, "article:tag")) == ["Daesh", "Internet"]
    assert meta_content(html, name="twitter:card") == ["summary_large_image"]
    assert meta_content(html, name="twitter:title") == og(html, "og:title")
    assert meta_content(html, name="description") == ["The statement in short."]


def test_arabic_statement_page_declares_arabic_locale_and_text(client, statement):
    html = page(client, statement, "ar")

    assert og(html, "og:locale") == ["ar_AR"]
    assert og(html, "og:locale:alternate") == ["en_US"]
    assert og(html, "og:title") == ["المرصد يرحب بالحملة على إعلام داعش"]
    assert sorted(og(html, "article:tag")) == sorted(["داعش", "الإنترنت"])


def test_preview_image_is_an_absolute_address_of_a_shipped_1200_by_630_png(client, statement):
    html = page(client, statement, "ar")
    (image,) = og(html, "og:image")

    assert image == f"{HOST}{settings.STATIC_URL}img/og-default.png"
    assert meta_content(html, name="twitter:image") == [image]
    shipped = Path(settings.BASE_DIR, "static", "img", "og-default.png").read_bytes()
    assert shipped[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", shipped[16:24]) == (1200, 630)
    assert client.get(urlsplit(image).path).status_code == 200


def test_json_ld_describes_the_statement_as_a_news_article(client, statement):
    data = json_ld(page(client, statement, "en"))
    url = f"{HOST}/en{statement.get_absolute_url()[3:]}"

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Observatory welcomes the campaign against Daesh media"
    assert data["description"] == "The statement in short."
    assert data["datePublished"] == "2018-04-29"
    assert datetime.datetime.fromisoformat(data["dateModified"]) == statement.updated_at
    assert data["inLanguage"] == "en"
    assert sorted(data["keywords"]) == ["Daesh", "Internet"]
    assert data["mainEntityOfPage"]["@id"] == url
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["name"] == "Al-Azhar Observatory for Combating Extremism"
    assert data["publisher"]["logo"]["url"] == f"{HOST}{settings.STATIC_URL}img/logo.png"
    assert data["citation"] == [
        {
            "@type": "CreativeWork",
            "url": "https://www.independent.co.uk/news/isis-media",
            "name": "Isis propaganda machine hit",
            "publisher": {"@type": "Organization", "name": "The Independent"},
            "datePublished": "2018-04-27",
        },
        {
            "@type": "CreativeWork",
            "url": "https://example.org/report?a=1&b=2",
            "name": "https://example.org/report?a=1&b=2",
        },
    ]


def test_json_ld_cannot_be_broken_out_of_by_a_title(client, make_statement):
    title = 'Evil </script><script>alert("x")</script> & <!-- title'
    statement = make_statement(title_en=title, title_ar="عنوان", summary_en="</SCRIPT>")
    html = page(client, statement, "en")

    (script,) = elements(html, "script", type="application/ld+json")
    assert "<" not in script["text"] and ">" not in script["text"]
    assert html.count("<script") == 1
    data = json_ld(html)
    assert data["headline"] == title
    assert data["description"] == "</SCRIPT>"


def test_one_language_statement_previews_use_its_only_text(client, make_statement):
    statement = make_statement(title_ar="بيان بالعربية فقط", summary_ar="ملخص عربي", body_ar="<p>نص</p>")
    html = page(client, statement, "en")

    assert og(html, "og:title") == ["بيان بالعربية فقط"]
    assert og(html, "og:description") == ["ملخص عربي"]
    data = json_ld(html)
    assert data["headline"] == "بيان بالعربية فقط"
    assert data["inLanguage"] == "ar"


def test_description_falls_back_to_the_opening_of_the_body(client, make_statement):
    statement = make_statement(title_en="No summary", body_en="<p>Opening <em>words</em> of the body.</p>")
    html = page(client, statement, "en")

    assert og(html, "og:description") == ["Opening words of the body."]
    assert json_ld(html)["description"] == "Opening words of the body."


def citation(html):
    """The reference as a reader copies it: the text of the one citation block."""
    (block,) = elements(html, "pre", **{"class": "citation"})
    raw = html.split('<pre class="citation"', 1)[1].split(">", 1)[1].split("</pre>", 1)[0]
    return unescape(strip_tags(raw))


def test_cite_block_gives_observatory_title_date_and_permanent_link_in_english(client, statement):
    html = page(client, statement, "en")
    text = citation(html)

    assert text.startswith("Al-Azhar Observatory for Combating Extremism.")
    assert "Observatory welcomes the campaign against Daesh media" in text
    assert "Sunday, 29 April 2018" in text
    assert text.endswith(f"{HOST}/en{statement.get_absolute_url()[3:]}")


def test_cite_block_speaks_arabic_on_the_arabic_page(client, statement):
    text = citation(page(client, statement, "ar"))

    assert text.startswith("مرصد الأزهر لمكافحة التطرف")
    assert "«المرصد يرحب بالحملة على إعلام داعش»" in text
    assert "الأحد، 29 أبريل 2018" in text
    assert text.endswith(HOST + statement.get_absolute_url())


def share_links(html):
    section = html.split('class="share-links', 1)[1].split("</section>", 1)[0]
    return [e["attrs"]["href"] for e in elements(section, "a")]


def test_share_links_are_plain_links_with_encoded_title_and_absolute_address(client, statement):
    html = page(client, statement, "en")
    url = f"{HOST}/en{statement.get_absolute_url()[3:]}"
    title = "Observatory welcomes the campaign against Daesh media"
    links = {urlsplit(href).scheme + ":" + urlsplit(href).netloc: href for href in share_links(html)}

    assert set(links) == {"mailto:", "https:x.com", "https:www.facebook.com", "https:wa.me", "https:t.me"}
    mail = parse_qs(urlsplit(links["mailto:"]).query)
    assert mail["subject"] == [title] and mail["body"] == [f"{title}\n{url}"]
    assert parse_qs(urlsplit(links["https:x.com"]).query) == {"text": [title], "url": [url]}
    assert parse_qs(urlsplit(links["https:www.facebook.com"]).query) == {"u": [url]}
    assert parse_qs(urlsplit(links["https:wa.me"]).query) == {"text": [f"{title} {url}"]}
    assert parse_qs(urlsplit(links["https:t.me"]).query) == {"url": [url], "text": [title]}
    assert " " not in "".join(links.values())


def test_share_links_encode_arabic_and_reserved_characters(client, make_statement):
    statement = make_statement(title_ar="سؤال & جواب؟ #وسم", title_en="Q")
    html = page(client, statement, "ar")
    x_link = next(href for href in share_links(html) if "x.com" in href)

    assert parse_qs(urlsplit(x_link).query)["text"] == ["سؤال & جواب؟ #وسم"]


def test_cite_block_shows_markup_in_a_title_as_text(client, make_statement):
    statement = make_statement(title_en="<b>Bold</b> claim", title_ar="ع")
    html = page(client, statement, "en")

    raw = html.split('<pre class="citation"', 1)[1].split("</pre>", 1)[0]
    assert "<b>" not in raw
    assert "“<b>Bold</b> claim”" in citation(html)


def test_one_language_statement_declares_the_locale_its_preview_is_written_in(client, make_statement):
    statement = make_statement(title_ar="بيان بالعربية فقط", summary_ar="ملخص عربي", body_ar="<p>نص</p>")

    english_page = page(client, statement, "en")
    arabic_page = page(client, statement, "ar")

    assert og(english_page, "og:locale") == ["ar_AR"] == og(arabic_page, "og:locale")
    assert og(english_page, "og:locale:alternate") == [] == og(arabic_page, "og:locale:alternate")
    assert json_ld(english_page)["inLanguage"] == "ar"


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_source_links_are_not_dressed_as_the_copyable_reference(client, statement, lang):
    html = page(client, statement, lang)
    # One reference box to copy; each source is a plain run in its own direction, publisher first.
    assert html.count('class="citation"') == 1
    sources = elements(html, "span", **{"class": "source"})
    assert len(sources) == len(SOURCES)
    assert all(source["attrs"].get("dir") == "auto" for source in sources)


def test_cite_block_writes_an_arabic_slug_in_letters_as_the_print_view_does(client, make_statement):
    statement = make_statement(title_ar="الهوية والانتماء", body_ar="<p>نص</p>")
    text = citation(page(client, statement, "en"))
    assert text.endswith(f"{HOST}/en/statements/{statement.pk}-الهوية-والانتماء/")
    assert "%D8" not in text
