from statements.models import Statement
from tests.browser.journeys import sign_in


def test_dbg(demo, open_page, django_user_model):
    django_user_model.objects.create_superuser("chief", "chief@example.org", "pw")
    s = Statement.objects.published().filter(title_ar__gt="", title_en__gt="").first()
    page = open_page(None)
    sign_in(page, "chief", "en")
    page.goto(f"/admin/statements/statement/{s.pk}/history/")
    page.wait_for_load_state("networkidle")
    page.screenshot(path="/tmp/i14-hist.png")
