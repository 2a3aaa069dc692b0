import datetime

import pytest
import time_machine
from django.utils import timezone

from statements.models import Statement
from statements.text.plain import reading_minutes, word_count
from tests.admin_helpers import change_url, post_change

pytestmark = pytest.mark.django_db


def test_word_count_reads_words_not_markup():
    assert word_count("<p>one</p><p>two <strong>three</strong></p>") == 3
    assert word_count("<p>بِسْمِ اللَّهِ الرَّحْمَٰنِ</p>", "— ملخص") == 4
    assert word_count("", None) == 0


def test_reading_time_uses_each_language_reading_speed():
    assert reading_minutes(0, "en") == 0
    assert reading_minutes(1, "en") == 1
    assert reading_minutes(456, "en") == 2
    assert reading_minutes(456, "ar") == 4


@pytest.mark.parametrize(
    ("role", "admin_language", "figures"),
    [
        (
            "publisher_client",
            "en",
            ("Arabic: 300 words · about 3 minutes to read", "English: 300 words · about 2 minutes to read"),
        ),
        (
            "editor_client",
            "ar",
            ("العربية: 300 كلمة · نحو 3 دقائق للقراءة", "الإنجليزية: 300 كلمة · نحو دقيقتين للقراءة"),
        ),
    ],
)
def test_change_form_shows_word_count_and_reading_time_per_language(
    request, make_statement, role, admin_language, figures
):
    statement = make_statement(
        title_ar="عنوان",
        body_ar="<p>" + " ".join(["كلمة"] * 300) + "</p>",
        title_en="Title",
        body_en="<p>" + " ".join(["word"] * 300) + "</p>",
    )
    client = request.getfixturevalue(role)

    body = client.get(change_url(statement), HTTP_ACCEPT_LANGUAGE=admin_language).content.decode()

    for figure in figures:
        assert figure in body


def test_arabic_edited_after_english_shows_the_stale_translation_warning(publisher_client, make_statement):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        statement = make_statement()
    assert not statement.translation_is_stale

    with time_machine.travel(start + datetime.timedelta(days=2), tick=False):
        response = post_change(publisher_client, statement, body_ar="<p>نص عربي معدل</p>")
    assert response.status_code == 302

    statement.refresh_from_db()
    assert statement.text_edited_at_ar > statement.text_edited_at_en
    assert statement.translation_is_stale
    body = publisher_client.get(change_url(statement), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "The English version is older than the Arabic one" in body


def test_updating_the_english_clears_the_warning(publisher_client, make_statement):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        statement = make_statement()
    with time_machine.travel(start + datetime.timedelta(days=1), tick=False):
        post_change(publisher_client, statement, body_ar="<p>نص عربي معدل</p>")
    with time_machine.travel(start + datetime.timedelta(days=2), tick=False):
        post_change(publisher_client, statement, body_en="<p>Updated translation</p>")

    statement.refresh_from_db()
    assert not statement.translation_is_stale
    body = publisher_client.get(change_url(statement), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "older than the Arabic one" not in body


def test_saving_without_changing_a_language_keeps_its_edit_time(make_statement):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        statement = make_statement()
    edited_en = statement.text_edited_at_en

    with time_machine.travel(start + datetime.timedelta(hours=5), tick=False):
        statement.title_ar = "عنوان جديد"
        statement.status = Statement.Status.REVIEW
        statement.save()

    statement.refresh_from_db()
    assert statement.text_edited_at_en == edited_en
    assert statement.text_edited_at_ar == start + datetime.timedelta(hours=5)


def test_markup_only_change_does_not_count_as_an_edit(make_statement):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        statement = make_statement(title_en="T", body_en="<p>Same words</p>", title_ar="ع", body_ar="<p>نص</p>")

    with time_machine.travel(start + datetime.timedelta(hours=1), tick=False):
        statement.body_en = "<p><strong>Same</strong> words</p>"
        statement.save()

    statement.refresh_from_db()
    assert statement.text_edited_at_en == start


def test_one_language_statement_never_warns(make_statement):
    statement = make_statement(title_ar="عنوان", body_ar="<p>نص</p>")

    assert statement.text_edited_at_en is None
    assert not statement.translation_is_stale


def test_saving_only_other_fields_does_not_stamp_unsaved_text(make_statement):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        statement = make_statement()

    with time_machine.travel(start + datetime.timedelta(hours=1), tick=False):
        statement.title_en = "Typed but not written"
        statement.status = Statement.Status.REVIEW
        statement.save(update_fields=["status"])

    statement.refresh_from_db()
    assert statement.status == Statement.Status.REVIEW
    assert statement.title_en != "Typed but not written"
    assert statement.text_edited_at_en == start


def test_change_form_says_a_missing_language_is_not_written_rather_than_zero_minutes(publisher_client, make_statement):
    statement = make_statement(title_en="Title", body_en="<p>" + " ".join(["word"] * 300) + "</p>")

    body = publisher_client.get(change_url(statement), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "Arabic: not written yet" in body
    assert "about 0 minutes" not in body
    assert "English: 300 words · about 2 minutes to read" in body


@pytest.mark.parametrize(
    ("admin_language", "warning"),
    [("en", "The English version is older than the Arabic one"), ("ar", "النسخة الإنجليزية أقدم من العربية")],
)
def test_editor_sees_the_stale_translation_warning_in_either_admin_language(
    editor_client, make_statement, admin_language, warning
):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        statement = make_statement(status="review")  # an editor's save of a published one would await review
    with time_machine.travel(start + datetime.timedelta(days=2), tick=False):
        assert post_change(editor_client, statement, body_ar="<p>نص عربي معدل</p>").status_code == 302

    body = editor_client.get(change_url(statement), HTTP_ACCEPT_LANGUAGE=admin_language).content.decode()

    # Once as a message at the top of the form, once beside the word counts.
    assert body.count(warning) == 2
