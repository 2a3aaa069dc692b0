"""What readers see and do in a real browser: the page's parts in their own scripts and sizes, addresses in
pasting order, a visible focus ring, controls at one height, and the main journeys by keyboard alone."""

import datetime

import pytest

from statements.models import Statement, Tag

CONTRAST = """(element) => {
  const rgb = (value) => value.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = ([r, g, b]) => {
    const c = [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  let back = element.parentElement;
  while (back && getComputedStyle(back).backgroundColor.match(/rgba\\(.*, 0\\)|transparent/)) back = back.parentElement;
  const [a, b] = [lum(rgb(getComputedStyle(element).outlineColor)), lum(rgb(getComputedStyle(back || document.body).backgroundColor))];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


def tab_to(page, selector, limit=60):
    """Press Tab until the element matching ``selector`` has the focus (the reader's keyboard, nothing else)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return page.locator(":focus")
    raise AssertionError(f"Tab never reached {selector}")


@pytest.fixture
def statements(transactional_db, live_server):
    tag = Tag.objects.create(name_ar="الإرهاب", name_en="Terrorism")
    english_only = Tag.objects.create(name_ar="الهوية")
    made = []
    for n in range(22):
        statement = Statement.objects.create(
            status=Statement.Status.PUBLISHED,
            published_on=datetime.date(2018, 4, 29) - datetime.timedelta(days=n),
            title_ar=f"الهوية والانتماء {n}",
            summary_ar="ملخص البيان",
            body_ar="<p>نص البيان</p>",
            title_en=f"Identity and belonging {n}",
            body_en="<p>Text</p>",
        )
        statement.tags.set([tag, english_only])
        made.append(statement)
    arabic_only = Statement.objects.create(
        status=Statement.Status.PUBLISHED,
        published_on=datetime.date(2018, 5, 1),
        title_ar="بيان بالعربية فقط",
        summary_ar="ملخص البيان",
        body_ar="<p>نص البيان</p>",
    )
    return {"all": made, "arabic only": arabic_only}


def test_keyboard_reader_skips_to_content_searches_switches_language_and_pages(statements, open_page):
    page = open_page("/ar/statements/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.get_attribute("class") == "skip-link"
    box = skip.bounding_box()
    assert 0 <= box["x"] and box["x"] + box["width"] <= 1280, "the skip link shows inside the page when focused"
    page.keyboard.press("Enter")
    assert page.url.endswith("#content")
    # Older, then Newer: back to the list's own address.
    tab_to(page, "a[rel=next]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/ar/statements/?page=2")
    tab_to(page, "a[rel=prev]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/ar/statements/")
    # Search from the header.
    tab_to(page, "#site-search")
    page.keyboard.type("الانتماء")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/ar/search/" in page.url
    assert page.locator(".search-result").count() == 20
    # Switch language.
    tab_to(page, ".language-switcher a[hreflang=en]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/en/search/" in page.url and page.locator("html").get_attribute("lang") == "en"


@pytest.mark.parametrize("width", ["wide", "phone"])
def test_focus_ring_stands_out_three_to_one_on_the_page_and_in_the_header(statements, open_page, width):
    page = open_page("/ar/statements/", width=width)
    link = tab_to(page, "main a")
    assert link.evaluate(CONTRAST) >= 3
    page.goto("/ar/statements/")
    header_link = tab_to(page, ".site-nav a")
    assert header_link.evaluate(CONTRAST) >= 3


def test_each_script_keeps_its_size_on_a_page_of_the_other_language(statements, open_page):
    statement = statements["arabic only"]
    sizes = {}
    for lang in ("ar", "en"):
        page = open_page(f"/{lang}/statements/{statement.pk}-{statement.slug}/")
        sizes[lang] = page.evaluate(
            "() => ['h1', '.summary', '.body p'].map((s) => getComputedStyle(document.querySelector('.statement-text ' + s)).fontSize)"
        )
    assert sizes["ar"] == sizes["en"]


def test_english_parts_of_an_arabic_page_are_in_the_latin_face(statements, open_page):
    statement = statements["all"][0]
    page = open_page(f"/ar/statements/{statement.pk}-{statement.slug}/")
    chip = page.locator(".tag-list a[lang=ar]").first
    assert chip.evaluate("(e) => getComputedStyle(e).fontFamily").startswith('"Noto Naskh Arabic"')
    page = open_page(f"/en/statements/{statement.pk}-{statement.slug}/")
    chip = page.locator(".tag-list a[lang=ar]").first
    assert chip.evaluate("(e) => getComputedStyle(e).fontFamily").startswith('"Noto Naskh Arabic"')
    english = page.locator(".tag-list a[lang=en]").first
    assert not english.evaluate("(e) => getComputedStyle(e).fontFamily").startswith('"Noto Naskh Arabic"')


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("width", ["wide", "phone"])
def test_mixed_script_controls_line_up_at_one_height(statements, open_page, lang, width):
    statement = statements["all"][0]
    page = open_page(f"/{lang}/statements/{statement.pk}-{statement.slug}/", width=width)
    for group in (".language-switcher :is(a, span)", ".search-form :is(input, button)", ".tag-list a"):
        heights = {round(box["height"]) for box in (el.bounding_box() for el in page.locator(group).all())}
        assert len(heights) == 1, f"{group}: {heights}"
    page.goto(f"/{lang}/tags/")
    heights = {round(el.bounding_box()["height"]) for el in page.locator(".letter-nav a").all()}
    assert len(heights) == 1, heights


WORD_BOXES = """([selector, words]) => {
  const root = document.querySelector(selector);
  const text = root.textContent;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  let offset = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) { nodes.push([node, offset]); offset += node.length; }
  const box = (start, length) => {
    const range = document.createRange();
    for (const [node, at] of nodes) {
      if (start >= at && start < at + node.length) { range.setStart(node, start - at); }
      if (start + length > at && start + length <= at + node.length) { range.setEnd(node, start + length - at); }
    }
    return range.getBoundingClientRect().left;
  };
  return words.map((word) => box(text.lastIndexOf(word), word.length));
}"""


def test_an_address_with_an_arabic_slug_reads_left_to_right_as_pasted(statements, open_page):
    statement = statements["arabic only"]
    for path in (statement.get_absolute_url(), statement.get_print_url()):
        page = open_page(path)
        url = ".citation .url" if "/print/" not in path else ".permalink .url"
        host, first, second, last, slash = page.evaluate(
            WORD_BOXES, [url, ["statements/", "بيان", "بالعربية", "فقط", "/"]]
        )
        assert host < first < second < last < slash, path


def test_print_button_shows_only_when_javascript_can_print(statements, open_page):
    statement = statements["all"][0]
    assert open_page(statement.get_print_url()).locator(".print-button").is_visible()
    without = open_page(statement.get_print_url(), java_script=False)
    assert not without.locator(".print-button").is_visible()
    assert without.locator("noscript").count() == 1


SIZES_BY_TEXT = """() => {
  const sizes = {};
  for (const element of document.querySelectorAll('main *')) {
    const own = [...element.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim();
    if (!own || element.closest('[hidden], .visually-hidden')) continue;
    const script = element.closest('[lang]').lang;
    sizes[`${element.tagName}.${element.className}|${own}|${script}`] = getComputedStyle(element).fontSize;
  }
  return sizes;
}"""


@pytest.fixture
def mixed_scripts(statements):
    """The Arabic-only statement with an English source, and an English-only statement, beside the others."""
    arabic_only = statements["arabic only"]
    arabic_only.sources.create(
        url="https://example.org/report", title="The Independent report", publisher="The Independent"
    )
    english_only = Statement.objects.create(
        status=Statement.Status.PUBLISHED,
        published_on=datetime.date(2018, 5, 2),
        title_en="A statement in English only",
        summary_en="Its summary",
        body_en="<p>Its text</p>",
    )
    english_only.tags.set(Tag.objects.all())
    return {"arabic only": arabic_only, "english only": english_only}


@pytest.mark.parametrize("which", ["arabic only", "english only"])
def test_every_part_keeps_its_script_size_on_either_language_page(mixed_scripts, open_page, which):
    statement = mixed_scripts[which]
    tag = Tag.objects.get(name_en="Terrorism")
    for path in (
        f"statements/{statement.pk}-{statement.slug}/",
        f"statements/{statement.pk}/print/",
        "statements/",
        f"tags/{tag.slug}/",
        "search/?q=%D8%A8%D9%8A%D8%A7%D9%86",
        "tags/",
    ):
        ar, en = (open_page(f"/{lang}/{path}").evaluate(SIZES_BY_TEXT) for lang in ("ar", "en"))
        shared = sorted(set(ar) & set(en))
        assert shared, path
        differ = {key: (ar[key], en[key]) for key in shared if ar[key] != en[key]}
        assert not differ, f"/{{ar,en}}/{path}: {differ}"
