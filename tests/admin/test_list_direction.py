"""Admin lists mark each title and keyword name with its own language, so punctuation stays in place."""

import datetime
import re

import pytest
from django.conf import settings
from django.utils import timezone

pytestmark = pytest.mark.django_db


def in_language(client, lang):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    return client


def cell(html, field, pk=None):
    """The inner HTML of the first ``field-…`` cell (of the row for ``pk`` when given)."""
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.S)
    for row in rows:
        if pk is None or f'value="{pk}"' in row:
            match = re.search(rf'class="field-{field}"[^>]*>(.*?)</t[hd]>', row, re.S)
            if match:
                return match.group(1)
    raise AssertionError(f"no {field} cell")


@pytest.mark.parametrize("admin_lang", ["ar", "en"])
def test_statement_titles_carry_their_own_language_and_direction_in_the_list(staff_client, make_statement, admin_lang):
    english = make_statement(title_en="Daesh, again: why?", body_en="<p>t</p>")
    arabic = make_statement(title_ar="داعش، مرة أخرى: لماذا؟", body_ar="<p>ن</p>")
    html = in_language(staff_client, admin_lang).get("/admin/statements/statement/").content.decode()
    assert '<span lang="en" dir="ltr">Daesh, again: why?</span>' in cell(html, "display_title", english.pk)
    assert '<span lang="ar" dir="rtl">داعش، مرة أخرى: لماذا؟</span>' in cell(html, "display_title", arabic.pk)
    # Still the link to the change form.
    assert f"/admin/statements/statement/{english.pk}/change/" in cell(html, "display_title", english.pk)


def test_the_title_column_keeps_the_workflow_columns_beside_it(staff_client, make_statement):
    scheduled = make_statement(
        title_en="Later", body_en="<p>t</p>", publish_at=timezone.now() + datetime.timedelta(days=2)
    )
    draft = make_statement(title_ar="مسودة", body_ar="<p>ن</p>", status="draft")
    html = in_language(staff_client, "en").get("/admin/statements/statement/").content.decode()
    assert cell(html, "publication_state", scheduled.pk).startswith("Scheduled for ")
    assert cell(html, "publication_state", draft.pk) == "Draft"
    assert cell(html, "language_versions", scheduled.pk) == "EN"
    assert cell(html, "language_versions", draft.pk) == "AR"
    assert 'value="publish_statements"' in html and 'value="unpublish_statements"' in html


def test_sorting_by_title_places_untranslated_statements_by_the_title_they_show(staff_client, make_statement):
    make_statement(title_ar="ب", body_ar="<p>ن</p>")
    make_statement(title_en="A only in English", body_en="<p>t</p>")
    make_statement(title_ar="أ", title_en="Z", body_ar="<p>ن</p>", body_en="<p>t</p>")
    response = staff_client.get("/admin/statements/statement/", {"o": "1"})
    assert [str(s) for s in response.context["cl"].result_list] == ["A only in English", "أ", "ب"]


@pytest.mark.parametrize("admin_lang", ["ar", "en"])
def test_keyword_names_carry_their_own_language_and_direction_in_the_list(staff_client, make_tag, admin_lang):
    english = make_tag(name_en="U.S. policy")
    both = make_tag(name_ar="التطرف", name_en="Extremism")
    html = in_language(staff_client, admin_lang).get("/admin/statements/tag/").content.decode()
    assert '<span lang="en" dir="ltr">U.S. policy</span>' in cell(html, "display_name", english.pk)
    assert '<span lang="ar" dir="rtl">التطرف</span>' in cell(html, "display_name", both.pk)
    assert '<span lang="en" dir="ltr">Extremism</span>' in cell(html, "display_name_en", both.pk)


@pytest.mark.parametrize("admin_lang", ["ar", "en"])
def test_change_form_isolates_the_title_in_its_breadcrumbs(staff_client, make_statement, admin_lang):
    english = make_statement(title_en="Why does hatred last?", body_en="<p>t</p>")
    html = in_language(staff_client, admin_lang).get(f"/admin/statements/statement/{english.pk}/change/")
    breadcrumbs = html.content.decode().split('<div class="breadcrumbs">', 1)[1].split("</div>", 1)[0]
    assert "<bdi>Why does hatred last?</bdi>" in breadcrumbs
    assert 'class="viewsitelink"' in html.content.decode()  # still the whole change form
