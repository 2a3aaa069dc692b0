"""axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation on any public page type, in either language, at either width."""

import pytest
from django.utils import translation

from tests.browser.conftest import axe_violations, report
from tests.browser.pages import public_pages

PAGE_TYPES = ["home", "list", "year", "month", "statement", "print", "tag index", "tag", "search", "search form"]


@pytest.mark.parametrize("width", ["wide", "phone"])
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_public_pages_have_no_axe_violations(demo, open_page, lang, width):
    with translation.override(lang):
        pages = public_pages(lang)
    found = {}
    # axe-core goes in as a script element, which the site's strict CSP would refuse: only its context skips it.
    page = open_page(None, width=width, bypass_csp=True)
    for page_type in PAGE_TYPES:
        response = page.goto(pages[page_type])
        assert response.status == 200, f"{page_type}: {pages[page_type]} answered {response.status}"
        violations = axe_violations(page)
        if violations:
            found[page_type] = violations
    assert not found, report(found)
