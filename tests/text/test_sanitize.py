import pytest

from statements.models import Statement

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<p onclick="steal()">Hello <strong>world</strong></p>'
    "<script>alert('x')</script>"
    '<a href="javascript:alert(1)">bad link</a>'
    '<a href=" JaVaScRiPt:alert(2)">bad link 2</a>'
    '<img src="/media/x.png" onerror="alert(3)" alt="a picture">'
    '<iframe src="https://evil.example/"></iframe>'
    '<p style="background:url(javascript:alert(4))">styled</p>'
)


def test_script_handlers_and_javascript_urls_are_removed_on_save(make_statement):
    statement = make_statement(body_ar=HOSTILE, title_ar="عنوان")
    stored = Statement.objects.get(pk=statement.pk).body_ar
    for bad in ("<script", "alert('x')", "onclick", "onerror", "javascript:", "<iframe", "style="):
        assert bad.lower() not in stored.lower()
    assert "<strong>world</strong>" in stored and 'alt="a picture"' in stored


def test_sanitised_body_is_what_the_page_shows(client, make_statement):
    statement = make_statement(body_en=HOSTILE, title_en="Title")
    for url in (f"/en/statements/{statement.pk}-{statement.slug}/", f"/en/statements/{statement.pk}/print/"):
        page = client.get(url).content.decode().lower()
        assert "javascript:" not in page and "onerror" not in page and "steal()" not in page
        assert "alert('x')" not in page


def test_allowed_markup_survives(make_statement):
    allowed = (
        "<h2>Heading</h2><h3>Sub</h3><p>A <em>line</em><br>break <b>bold</b> <i>it</i></p>"
        '<ul><li>one</li></ul><ol><li>two</li></ol><blockquote cite="https://example.org/q">quote</blockquote>'
        '<p><a href="https://example.org/report" title="Report">a link</a></p><img src="/media/p.png" alt="alt text">'
    )
    stored = make_statement(body_en=allowed, title_en="T").body_en
    for fragment in (
        "<h2>Heading</h2>",
        "<h3>Sub</h3>",
        "<em>line</em>",
        "<br>",
        "<ul><li>one</li></ul>",
        "<ol><li>two</li></ol>",
        '<blockquote cite="https://example.org/q">quote</blockquote>',
        'href="https://example.org/report"',
        'rel="noopener noreferrer"',
        '<img src="/media/p.png" alt="alt text">',
    ):
        assert fragment in stored


def test_images_from_other_hosts_lose_their_address(make_statement):
    stored = make_statement(
        body_en='<img src="https://tracker.example/p.gif" alt="x"><img src="//cdn.example/y.png">', title_en="T"
    ).body_en
    assert "tracker.example" not in stored and "cdn.example" not in stored


def test_titles_and_summaries_are_escaped_not_rendered(client, make_statement):
    statement = make_statement(title_ar="<script>alert(1)</script>عنوان", summary_ar="<b>ملخص</b>", body_ar="<p>نص</p>")
    page = client.get(statement.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;عنوان" in page


def test_body_written_without_save_is_still_cleaned_on_the_page(client, make_statement):
    statement = make_statement(title_en="T", body_en="<p>fine</p>")
    Statement.objects.filter(pk=statement.pk).update(body_en='<p onmouseover="x()">fine</p><script>alert(5)</script>')
    for url in (f"/en/statements/{statement.pk}-{statement.slug}/", f"/en/statements/{statement.pk}/print/"):
        page = client.get(url).content.decode()
        assert "<script>alert(5)" not in page and "onmouseover" not in page
        assert "<p>fine</p>" in page


def test_numbered_list_keeps_its_start_number_and_style_on_the_public_page(client, make_statement):
    statement = make_statement(
        title_en="Steps", body_en='<p>First steps above.</p><ol start="4" type="a"><li>fourth</li></ol>'
    )

    assert '<ol start="4" type="a"><li>fourth</li></ol>' in statement.body_en
    page = client.get(statement.get_absolute_url().replace("/ar/", "/en/", 1)).content.decode()
    assert '<ol start="4" type="a">' in page


@pytest.mark.parametrize("attributes", ['start="x4"', 'type="circle"', 'start="4" onclick="steal()"'])
def test_list_attributes_outside_html_values_are_dropped(make_statement, attributes):
    stored = make_statement(title_en="T", body_en=f"<ol {attributes}><li>one</li></ol>").body_en

    assert "x4" not in stored and "circle" not in stored and "onclick" not in stored
    assert "<li>one</li></ol>" in stored


@pytest.mark.parametrize(
    "cite", ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "data:text/html,x"]
)
def test_a_quotation_citing_an_unsafe_address_loses_the_address(make_statement, cite):
    stored = make_statement(title_en="T", body_en=f'<blockquote cite="{cite}">quoted</blockquote>').body_en

    assert stored == "<blockquote>quoted</blockquote>"


@pytest.mark.parametrize(
    "control", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
)
def test_link_image_and_quotation_addresses_with_bidi_controls_are_dropped(make_statement, control):
    body = (
        f'<p><a href="https://example.org/{control}gpj.exe">report</a></p>'
        f'<p><a href="java{control}script:alert(1)">trick</a></p>'
        f'<img src="/media/{control}x.png" alt="a">'
        f'<blockquote cite="https://example.org/{control}q">quoted</blockquote>'
    )

    stored = make_statement(title_en="T", body_en=body).body_en

    assert control not in stored and "javascript" not in stored and "href" not in stored
    assert "src=" not in stored and "cite=" not in stored
    assert ">report</a>" in stored and ">quoted</blockquote>" in stored


def test_bidi_controls_in_the_text_itself_are_kept(make_statement):
    # They belong to mixed Arabic and English prose; only addresses are at risk.
    stored = make_statement(title_ar="ع", body_ar="<p>\u2067نص\u2069 text</p>").body_ar

    assert stored == "<p>\u2067نص\u2069 text</p>"
