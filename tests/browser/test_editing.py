"""The editor's journey in the Arabic admin, by keyboard: write a statement, save it, preview it; a publisher
publishes it. And the form's one language switch, side by side for translating."""

import pytest

from statements.models import Statement
from tests.browser.journeys import sign_in


def focus_and_type(page, selector, text):
    page.focus(selector)
    page.keyboard.type(text)


def press_button(page, selector):
    page.focus(selector)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_editor_writes_saves_and_previews_then_a_publisher_publishes(editorial_groups, open_page, editor, publisher):
    page = open_page(None)
    sign_in(page, "editor", "ar")
    page.goto("/admin/statements/statement/add/")
    focus_and_type(page, "#id_title_ar", "المرصد يحذر من التطرف الرقمي")
    focus_and_type(page, "#id_summary_ar", "ملخص قصير")
    page.focus(".field-body_ar [contenteditable=true]")
    page.keyboard.type("نص البيان الكامل.")
    page.fill("#id_published_on", "2024-03-10")
    press_button(page, "input[name=_continue]")
    assert page.locator(".errornote").count() == 0, page.locator(".errorlist").all_inner_texts()
    statement = Statement.objects.get(title_ar="المرصد يحذر من التطرف الرقمي")
    assert statement.status == Statement.Status.DRAFT
    assert "نص البيان الكامل." in statement.body_ar

    # The preview: the public address, marked as not public, for staff only.
    page.goto(statement.get_absolute_url())
    assert page.locator(".preview-banner").is_visible()
    reader = open_page(None)
    assert reader.goto(statement.get_absolute_url()).status == 404

    chief = open_page(None)
    sign_in(chief, "publisher", "ar")
    chief.goto(f"/admin/statements/statement/{statement.pk}/change/")
    chief.focus("#id_status")
    chief.select_option("#id_status", Statement.Status.PUBLISHED)
    press_button(chief, "input[name=_save]")
    assert chief.locator(".errornote").count() == 0, chief.locator(".errorlist").all_inner_texts()
    # A reader who has not seen the address yet: the one above may keep its 404 for the page's max-age.
    reader = open_page(None)
    assert reader.goto(statement.get_absolute_url()).status == 200
    assert reader.locator("h1").inner_text() == "المرصد يحذر من التطرف الرقمي"


@pytest.fixture
def statement(transactional_db, live_server):
    return Statement.objects.create(
        status=Statement.Status.DRAFT,
        published_on="2024-03-10",
        title_ar="عنوان عربي",
        title_en="English title",
        body_ar="<p>نص</p>",
        body_en="<p>Text</p>",
    )


def test_one_switch_shows_arabic_english_or_both_side_by_side(statement, open_page, django_user_model):
    django_user_model.objects.create_superuser("chief", "chief@example.org", "pw")
    page = open_page(None)
    sign_in(page, "chief", "ar")
    page.goto(f"/admin/statements/statement/{statement.pk}/change/")
    assert page.locator(".tab-ar, .ui-tabs-nav").count() == 0, "no per-field AR/EN tabs"
    for field in ("title", "summary", "body"):
        ar, en = (page.locator(f".field-{field}_{lang}").bounding_box() for lang in ("ar", "en"))
        assert abs(ar["y"] - en["y"]) < 2, f"{field}: Arabic and English side by side"
        assert ar["x"] > en["x"], f"{field}: the Arabic original first, on the right"
    page.get_by_role("radio", name="English", exact=True).check()
    assert not page.locator(".field-title_ar").is_visible() and page.locator(".field-title_en").is_visible()
    page.get_by_role("radio", name="العربية", exact=True).check()
    assert page.locator(".field-body_ar").is_visible() and not page.locator(".field-body_en").is_visible()


def test_toolbar_speaks_the_admin_s_language_and_mirrors_its_icons_right_to_left(
    statement, open_page, django_user_model
):
    django_user_model.objects.create_superuser("chief", "chief@example.org", "pw")
    page = open_page(None)
    sign_in(page, "chief", "ar")
    page.goto(f"/admin/statements/statement/{statement.pk}/change/")
    page.wait_for_load_state("networkidle")
    titles = page.evaluate(
        "[...document.querySelectorAll('.field-body_ar .prose-menubar__button[title]')].map((b) => b.title)"
    )
    assert len(titles) == 16
    assert [title for title in titles if title.isascii()] == []
    undo = page.locator(".field-body_ar .prose-menubar__button", has_text="undo")
    assert undo.get_attribute("aria-label") == "تراجع"
    assert undo.evaluate("(b) => getComputedStyle(b).transform") == "matrix(-1, 0, 0, 1, 0, 0)"
    english_undo = page.locator(".field-body_en .prose-menubar__button", has_text="undo")
    assert english_undo.evaluate("(b) => getComputedStyle(b).transform") == "none"


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_source_links_fit_the_form_at_1280_px(statement, open_page, django_user_model, lang):
    django_user_model.objects.create_superuser("chief", "chief@example.org", "pw")
    page = open_page(None)
    sign_in(page, "chief", lang)
    page.goto(f"/admin/statements/statement/{statement.pk}/change/")
    table = page.locator(".inline-group .tabular").first
    assert table.evaluate("(t) => t.scrollWidth <= t.clientWidth + 1"), "the sources table scrolls sideways"
    for field in ("title", "url"):
        width = page.locator(f"#id_sources-0-{field}").bounding_box()["width"]
        assert width >= 140, f"{field} is only {width} px wide"


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_statement_list_on_a_phone_keeps_the_language_column_in_view(statement, open_page, django_user_model, lang):
    django_user_model.objects.create_superuser("chief", "chief@example.org", "pw")
    page = open_page(None, width="phone")
    sign_in(page, "chief", lang)
    page.goto("/admin/statements/statement/")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways"
    cell = page.locator("td.field-language_versions").first.bounding_box()
    assert 0 <= cell["x"] and cell["x"] + cell["width"] <= 390, cell
