"""Printing a statement page, and its print view, to PDF gives clean pages: Arabic in logical order, the sources'
addresses written out, nothing cut off at the page's edges."""

import re

import pytest

from statements.models import SourceLink, Statement
from tests.browser.pdf import pdf_text, pdf_words

TITLE = "الهوية والانتماء: كيف يستغل المتطرفون أزمة الشباب"
SOURCES = [
    {
        "publisher": "The Independent",
        "title": "Europol takes down ISIS propaganda",
        "url": "https://www.independent.co.uk/news/world/europe/isis-propaganda-a8322836.html",
    },
    {
        "publisher": "الأهرام",
        "title": "مرصد الأزهر يحذر",
        "url": "https://gate.ahram.org.eg/News/2018/04/29/مرصد-الأزهر.aspx",
    },
]


@pytest.fixture
def statement(live_server, transactional_db):
    statement = Statement.objects.create(
        status=Statement.Status.PUBLISHED,
        published_on="2018-04-29",
        title_ar=TITLE,
        summary_ar="ملخص البيان في سطر واحد.",
        body_ar="<p>" + "يحذر المرصد من استغلال الجماعات المتطرفة لأزمة الهوية لدى الشباب. " * 12 + "</p>",
    )
    for position, source in enumerate(SOURCES):
        SourceLink.objects.create(statement=statement, position=position, **source)
    return statement


def squeeze(text):
    """Text without spaces or bidi controls: pdftotext spaces Arabic letters apart and marks embedding levels."""
    return re.sub(r"[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]+", "", text)


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("view", ["page", "print view"])
def test_printed_statement_reads_in_order_with_addresses_and_nothing_clipped(
    statement, open_page, tmp_path, paper, view
):
    path = statement.get_absolute_url() if view == "page" else statement.get_print_url()
    page = open_page(path)
    page.emulate_media(media="print")
    pdf = tmp_path / "statement.pdf"
    page.pdf(path=str(pdf), format=paper, print_background=True)
    text = pdf_text(pdf)
    # Arabic in logical order: the title's letters come out in the order they were written.
    assert squeeze(TITLE) in squeeze(text)
    # Every source's address is on paper (perhaps broken over lines). pdftotext reorders a line mixing Latin and
    # Arabic by its own rules, so an address with Arabic words is checked run by run.
    for source in SOURCES:
        for run in re.split(r"-?([\u0600-\u06ff]+)-?", source["url"]):
            assert squeeze(run) in squeeze(text), f"{run!r} of {source['url']} is not on paper"
    # No clipping: every word lies inside the sheet.
    words = pdf_words(pdf)
    assert words
    outside = [word for word, x_min, x_max, width in words if x_min < 0 or x_max > width]
    assert outside == []
    # The text uses the width of the sheet, not half of it: lines reach past its middle on both sides.
    width = words[0][3]
    assert min(x_min for _, x_min, _, _ in words) < width * 0.25
    assert max(x_max for _, _, x_max, _ in words) > width * 0.75
    # The page's chrome is not printed.
    assert "Skip to content" not in text and "تخطَّ إلى المحتوى" not in text
