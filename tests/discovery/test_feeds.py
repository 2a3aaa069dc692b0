import datetime
import xml.etree.ElementTree as ET

import pytest
import time_machine
from django.utils import timezone

from statements.models import Statement

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def days_ago(n):
    return timezone.localdate() - datetime.timedelta(days=n)


def atom(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def rss(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content)


def atom_titles(feed):
    return [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]


def test_atom_feed_lists_public_statements_newest_first_and_leaves_out_drafts_and_scheduled(client, make_statement):
    old = make_statement(title_en="Old", title_ar="قديم", published_on=days_ago(30))
    new = make_statement(title_en="New", title_ar="جديد", published_on=days_ago(1))
    middle = make_statement(title_en="Middle", title_ar="وسط", published_on=days_ago(10))
    make_statement(title_en="Draft", status=Statement.Status.DRAFT, published_on=days_ago(2))
    make_statement(title_en="In review", status=Statement.Status.REVIEW, published_on=days_ago(2))
    make_statement(title_en="Scheduled", publish_at=timezone.now() + datetime.timedelta(hours=3))

    feed = atom(client, "/en/feed/")

    assert atom_titles(feed) == ["New", "Middle", "Old"]
    links = [entry.find(f"{ATOM}link").get("href") for entry in feed.findall(f"{ATOM}entry")]
    assert links == [f"http://testserver{s.get_absolute_url().replace('/ar/', '/en/', 1)}" for s in (new, middle, old)]


def test_atom_feed_declares_the_language_of_its_url(client, make_statement):
    make_statement(title_ar="عنوان", title_en="Title")

    assert atom(client, "/ar/feed/").get(XML_LANG) == "ar"
    assert atom(client, "/en/feed/").get(XML_LANG) == "en"
    assert atom_titles(atom(client, "/ar/feed/")) == ["عنوان"]
    assert atom_titles(atom(client, "/en/feed/")) == ["Title"]


def test_feed_holds_at_most_the_thirty_latest_statements(client, make_statement):
    statements = [make_statement(published_on=days_ago(n)) for n in range(1, 33)]

    titles = atom_titles(atom(client, "/en/feed/"))
    rss_items = rss(client, "/en/feed/rss/").findall("channel/item")

    assert len(titles) == 30 and len(rss_items) == 30
    assert titles == [s.title_en for s in statements[:30]]


def test_feed_entries_carry_summary_date_and_keywords_as_categories(client, make_statement, make_tag):
    women = make_tag(name_ar="المرأة", name_en="Women")
    africa = make_tag(name_ar="أفريقيا", name_en="Africa")
    statement = make_statement(
        title_en="Sahel report",
        title_ar="تقرير الساحل",
        summary_en="Women under armed groups.",
        summary_ar="النساء تحت سيطرة الجماعات المسلحة.",
        published_on=days_ago(3),
        tags=[women, africa],
    )

    entry = atom(client, "/en/feed/").find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}summary") == "Women under armed groups."
    assert entry.findtext(f"{ATOM}published").startswith(statement.published_on.isoformat())
    assert {c.get("term") for c in entry.findall(f"{ATOM}category")} == {"Women", "Africa"}

    item = rss(client, "/ar/feed/rss/").find("channel/item")
    assert item.findtext("description") == "النساء تحت سيطرة الجماعات المسلحة."
    assert {c.text for c in item.findall("category")} == {"المرأة", "أفريقيا"}


def test_rss_feed_declares_language_and_lists_newest_first_without_drafts(client, make_statement):
    make_statement(title_ar="الأقدم", published_on=days_ago(5))
    make_statement(title_ar="الأحدث", published_on=days_ago(1))
    make_statement(title_ar="مسودة", status=Statement.Status.DRAFT, published_on=days_ago(1))

    channel = rss(client, "/ar/feed/rss/").find("channel")

    assert channel.findtext("language") == "ar"
    assert [item.findtext("title") for item in channel.findall("item")] == ["الأحدث", "الأقدم"]
    assert rss(client, "/en/feed/rss/").find("channel").findtext("language") == "en"


def test_feed_shows_a_one_language_statement_in_the_other_language_feed(client, make_statement):
    make_statement(title_ar="بيان بالعربية فقط", summary_ar="ملخص عربي", body_ar="<p>نص</p>")

    entry = atom(client, "/en/feed/").find(f"{ATOM}entry")

    assert entry.findtext(f"{ATOM}title") == "بيان بالعربية فقط"
    assert entry.findtext(f"{ATOM}summary") == "ملخص عربي"


def test_feed_summary_falls_back_to_the_opening_of_the_body(client, make_statement):
    make_statement(title_en="No summary", body_en="<p>First words of the <b>body</b> text.</p>")

    entry = atom(client, "/en/feed/").find(f"{ATOM}entry")

    assert entry.findtext(f"{ATOM}summary") == "First words of the body text."


def test_title_with_markup_characters_stays_valid_xml(client, make_statement):
    make_statement(title_en='Fish & <chips> "quoted" </entry>', title_ar="س")

    assert atom_titles(atom(client, "/en/feed/")) == ['Fish & <chips> "quoted" </entry>']


def test_tag_feed_lists_only_public_statements_with_that_keyword(client, make_statement, make_tag):
    daesh = make_tag(name_ar="داعش", name_en="Daesh")
    other = make_tag(name_ar="أوروبا", name_en="Europe")
    make_statement(title_en="Tagged old", tags=[daesh], published_on=days_ago(9), title_ar="أ")
    make_statement(title_en="Tagged new", tags=[daesh, other], published_on=days_ago(2), title_ar="ب")
    make_statement(title_en="Untagged", tags=[other], published_on=days_ago(1), title_ar="ج")
    make_statement(title_en="Tagged draft", tags=[daesh], status=Statement.Status.DRAFT, title_ar="د")

    feed = atom(client, f"/en/tags/{daesh.slug}/feed/")
    channel = rss(client, f"/ar/tags/{daesh.slug}/feed/rss/").find("channel")

    assert atom_titles(feed) == ["Tagged new", "Tagged old"]
    assert feed.get(XML_LANG) == "en"
    assert "Daesh" in feed.findtext(f"{ATOM}title")
    assert feed.find(f"{ATOM}link[@rel='alternate']").get("href") == f"http://testserver/en/tags/{daesh.slug}/"
    assert [item.findtext("title") for item in channel.findall("item")] == ["ب", "أ"]
    assert channel.findtext("language") == "ar"


@pytest.mark.parametrize("url", ["/en/tags/no-such-keyword/feed/", "/ar/tags/no-such-keyword/feed/rss/"])
def test_feed_of_unknown_keyword_is_404(client, url):
    assert client.get(url).status_code == 404


def test_feed_entry_is_updated_when_a_scheduled_statement_appears(client, make_statement):
    now = timezone.now()
    appeared = now - datetime.timedelta(hours=2)
    dated = days_ago(4)
    with time_machine.travel(now - datetime.timedelta(days=3)):
        make_statement(title_en="Scheduled earlier", title_ar="س", publish_at=appeared, published_on=dated)

    entry = atom(client, "/en/feed/").find(f"{ATOM}entry")

    assert entry.findtext(f"{ATOM}published").startswith(dated.isoformat())
    assert datetime.datetime.fromisoformat(entry.findtext(f"{ATOM}updated")) == appeared


DC_LANGUAGE = "{http://purl.org/dc/elements/1.1/}language"


def test_atom_entries_declare_the_language_they_are_written_in(client, make_statement):
    make_statement(title_ar="بيان بالعربية فقط", body_ar="<p>نص</p>", published_on=days_ago(1))
    make_statement(title_en="English only", body_en="<p>Text</p>", published_on=days_ago(2))
    make_statement(
        title_ar="بيان", body_ar="<p>نص</p>", title_en="Both", body_en="<p>Text</p>", published_on=days_ago(3)
    )

    english = atom(client, "/en/feed/")
    arabic = atom(client, "/ar/feed/")

    assert english.get(XML_LANG) == "en" and arabic.get(XML_LANG) == "ar"
    assert [entry.get(XML_LANG) for entry in english.findall(f"{ATOM}entry")] == ["ar", "en", "en"]
    assert [entry.get(XML_LANG) for entry in arabic.findall(f"{ATOM}entry")] == ["ar", "en", "ar"]


def test_rss_items_declare_the_language_they_are_written_in(client, make_statement):
    make_statement(title_ar="بيان بالعربية فقط", body_ar="<p>نص</p>", published_on=days_ago(1))
    make_statement(title_en="English only", body_en="<p>Text</p>", published_on=days_ago(2))

    channel = rss(client, "/en/feed/rss/").find("channel")

    assert channel.findtext("language") == "en"
    assert [item.findtext(DC_LANGUAGE) for item in channel.findall("item")] == ["ar", "en"]


def test_keyword_feeds_declare_each_entry_language_too(client, make_statement, make_tag):
    tag = make_tag(name_ar="داعش", name_en="Daesh")
    make_statement(title_ar="بيان بالعربية فقط", body_ar="<p>نص</p>", tags=[tag])

    entry = atom(client, f"/en/tags/{tag.slug}/feed/").find(f"{ATOM}entry")
    item = rss(client, f"/en/tags/{tag.slug}/feed/rss/").find("channel/item")

    assert entry.get(XML_LANG) == "ar"
    assert item.findtext(DC_LANGUAGE) == "ar"


HOSTILE = "<svg onload=alert(1)>"


def test_a_summary_that_looks_like_markup_reaches_feed_readers_as_text(client, make_statement):
    make_statement(title_en="T", summary_en=f"Before {HOSTILE} after", published_on=days_ago(1))

    atom_summary = atom(client, "/en/feed/").find(f"{ATOM}entry/{ATOM}summary")
    rss_description = rss(client, "/en/feed/rss/").findtext("channel/item/description")

    # What a reader gets after XML parsing is HTML: the markup must still be escaped there.
    assert atom_summary.get("type") == "html"
    assert atom_summary.text == "Before &lt;svg onload=alert(1)&gt; after"
    assert rss_description == "Before &lt;svg onload=alert(1)&gt; after"


def test_a_body_excerpt_in_a_feed_is_text_escaped_as_html(client, make_statement):
    make_statement(title_en="T", body_en="<p>Quoted: &lt;img src=x onerror=alert(1)&gt; end</p>")

    description = rss(client, "/en/feed/rss/").findtext("channel/item/description")

    assert "<img" not in description and "&lt;img src=x onerror=alert(1)&gt;" in description


def test_a_keyword_name_that_looks_like_markup_is_text_in_the_keyword_feed(client, make_statement, make_tag):
    tag = make_tag(name_en=f"Odd {HOSTILE}")
    make_statement(tags=[tag])

    channel = rss(client, f"/en/tags/{tag.slug}/feed/rss/").find("channel")
    feed = atom(client, f"/en/tags/{tag.slug}/feed/")

    assert "<svg" not in channel.findtext("description") and "&lt;svg" in channel.findtext("description")
    assert HOSTILE in feed.findtext(f"{ATOM}subtitle")  # Atom's subtitle is text, declared as such


def test_feed_entries_carry_a_bounded_excerpt_of_a_long_statement(client, make_statement):
    make_statement(title_en="Long", body_en="<p>" + "word " * 50_000 + "</p>")
    make_statement(title_en="Long summary", summary_en="s" * 50_000)

    for description in (i.findtext("description") for i in rss(client, "/en/feed/rss/").findall("channel/item")):
        assert len(description) <= 2001


@pytest.mark.parametrize("status, publish_in", [("draft", None), ("review", None), ("published", 3)])
def test_a_keyword_without_a_public_statement_has_no_feed(client, make_statement, make_tag, status, publish_in):
    tag = make_tag(name_en="Hidden keyword")
    publish_at = timezone.now() + datetime.timedelta(days=publish_in) if publish_in else None
    make_statement(tags=[tag], status=status, publish_at=publish_at)

    for url in (f"/en/tags/{tag.slug}/feed/", f"/en/tags/{tag.slug}/feed/rss/"):
        response = client.get(url)
        assert response.status_code == 404 and b"Hidden keyword" not in response.content


def test_a_hidden_keyword_that_took_an_old_slug_is_404_not_a_redirect(client, make_statement, make_tag):
    from io import StringIO

    from django.core.management import call_command

    source, target = make_tag(name_en="Old name"), make_tag(name_en="Target")
    make_statement(tags=[target])
    call_command("merge_tags", source.slug, target.slug, stdout=StringIO())
    reborn = make_tag(name_en="Old name")
    make_statement(tags=[reborn], status="draft")

    assert client.get(f"/en/tags/{reborn.slug}/feed/").status_code == 404
    assert client.get(f"/en/tags/{reborn.slug}/").status_code == 404
