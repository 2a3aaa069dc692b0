"""The history page in Arabic: correctly spelt, dates with the Arabic comma, every compare radio labelled."""

import re

import pytest
import reversion
from django.conf import settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(staff_client, make_statement):
    statement = make_statement()
    for summary in ("أول", "ثان"):
        with reversion.create_revision():
            statement.summary_ar = summary
            statement.save()
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    return staff_client.get(f"/admin/statements/statement/{statement.pk}/history/").content.decode()


def test_history_page_arabic_is_spelt_correctly(history):
    assert "اختر تاريخًا من القائمة أدناه للعودة إلى نسخة سابقة من هذا العنصر." in history
    assert "القائمه" not in history and "أختر" not in history


def test_history_dates_use_the_arabic_comma(history):
    dates = re.findall(r'<a href="[^"]*/history/\d+/">([^<]+)</a>', history)
    assert dates
    assert all("،" in date and "," not in date for date in dates), dates


def test_every_compare_radio_has_a_label(history):
    radios = re.findall(
        r"<label><input type=\"radio\" name=\"version_id[12]\"[^>]*><span class=\"visually-hidden\">", history
    )
    assert len(radios) == history.count('type="radio"') >= 3
