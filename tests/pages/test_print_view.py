import datetime
import re

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


@pytest.fixture
def printed(client, make_statement, make_tag):
    tag = make_tag(name_ar="داعش", name_en="Daesh")
    statement = make_statement(
        published_on=datetime.date(2018, 4, 29),
        title_ar="المرصد يشيد بالحملة",
        body_ar="<p>نص البيان للطباعة</p>",
        title_en="The Observatory praises the campaign",
        body_en="<p>Text for paper</p>",
        tags=[tag],
        sources=[
            {
                "url": "https://www.independent.co.uk/news/world/europe/isis-propaganda-a8322836.html",
                "title": "Isis propaganda machine hit",
                "publisher": "The Independent",
            }
        ],
    )
    return statement, client.get(statement.get_print_url()).content.decode()


def test_print_view_has_title_date_body_tags_and_sources_with_full_urls(printed):
    statement, page = printed
    for text in ("المرصد يشيد بالحملة", "الأحد، 29 أبريل 2018", "<p>نص البيان للطباعة</p>", "داعش", "The Independent"):
        assert text in page
    # The address is written out for paper, not hidden behind a link.
    assert (
        '<bdi class="url" dir="ltr" translate="no">https://www.independent.co.uk/news/world/europe/isis-propaganda-a8322836.html</bdi>'
        in page
    )


def test_print_view_writes_out_the_permanent_url(printed):
    statement, page = printed
    assert f">http://testserver/ar/statements/{statement.pk}-{statement.slug}/<" in page


def test_print_view_has_no_navigation_menus_or_footer_links(printed):
    _, page = printed
    assert "<nav" not in page
    assert "site-header" not in page and "site-footer" not in page
    assert "<a " not in page  # nothing to click on paper: not even the tags or sources


def test_print_view_has_a_print_button_that_only_javascript_shows_and_print_rules(printed):
    _, page = printed
    assert re.search(r'<button type="button" class="print-button" hidden>طباعة</button>', page)
    assert "js/print_button.js" in page and "onclick" not in page
    assert "css/print.css" in page
    with open(finders.find("css/print.css"), encoding="utf-8") as css:
        rules = css.read()
    assert "@media print" in rules and "@page" in rules
    assert re.search(r"\.print-controls[^{]*\{[^}]*display:\s*none", rules.split("@media print", 1)[1])


def test_print_view_in_english(client, printed):
    statement, _ = printed
    page = client.get(f"/en/statements/{statement.pk}/print/").content.decode()
    assert "The Observatory praises the campaign" in page and "Sunday, 29 April 2018" in page
    assert ">Print</button>" in page and "Daesh" in page


def test_print_view_of_a_one_language_statement_marks_its_language(client, make_statement):
    statement = make_statement(title_ar="بيان بالعربية فقط", body_ar="<p>نص عربي</p>")
    page = client.get(f"/en/statements/{statement.pk}/print/").content.decode()
    assert '<div class="statement-text" lang="ar" dir="rtl">' in page
    assert "This statement has no English translation; it is shown in Arabic." in page


def test_print_view_writes_an_arabic_permanent_url_in_letters(client, make_statement):
    statement = make_statement(title_ar="الهوية والانتماء", body_ar="<p>نص</p>")
    page = client.get(statement.get_print_url()).content.decode()
    permalink = page[page.index('<footer class="permalink">') :]
    assert (
        f'<bdi class="url" dir="ltr" translate="no">http://testserver/ar/statements/{statement.pk}-'
        "<bdi>الهوية</bdi>-<bdi>والانتماء</bdi>/</bdi>"
    ) in permalink
    assert "%D8" not in permalink
