"""axe-core finds no WCAG 2.0/2.1/2.2 A or AA violation on the admin's login, list, change form, history and
compare pages, in Arabic and in English."""

import pytest
from reversion.models import Version

from statements.models import Statement
from tests.browser.conftest import axe_violations, report
from tests.browser.journeys import sign_in


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_admin_pages_have_no_axe_violations(demo, open_page, live_server, django_user_model, lang):
    django_user_model.objects.create_superuser("chief", "chief@example.org", "pw")
    statement = Statement.objects.published().filter(title_ar__gt="", title_en__gt="").first()
    # A second version, so the history has two to compare.
    statement.summary_en = "A summary written later."
    statement.save()
    from reversion import create_revision

    with create_revision():
        statement.save()
    versions = list(Version.objects.get_for_object(statement).values_list("pk", flat=True))
    base = f"/admin/statements/statement/{statement.pk}"
    pages = {
        "list": "/admin/statements/statement/",
        "change form": f"{base}/change/",
        "history": f"{base}/history/",
        "compare": f"{base}/history/compare/?version_id1={versions[-1]}&version_id2={versions[0]}",
    }
    # axe-core goes in as a script element, which the site's strict CSP would refuse: only its context skips it.
    page = open_page(None, bypass_csp=True)
    found = {}
    login = sign_in(page, "chief", lang, check=lambda p: axe_violations(p))
    if login:
        found["login"] = login
    for page_type, path in pages.items():
        response = page.goto(path)
        assert response.status == 200, f"{page_type}: {path} answered {response.status}"
        assert page.locator("html").get_attribute("lang") == lang
        violations = axe_violations(page)
        if violations:
            found[page_type] = violations
    assert not found, report(found)
