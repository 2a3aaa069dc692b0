import threading

import pytest
from django.db import OperationalError, connection, transaction

from statements.admin.forms import StatementAdminForm
from statements.editorial.merge import merge_tag
from statements.models import StaleVersion, Statement
from tests.admin_helpers import change_url, form_data
from tests.html_elements import elements

pytestmark = pytest.mark.django_db


def test_successful_admin_save_counts_one_more_version(publisher_client, make_statement):
    statement = make_statement()
    assert statement.version == 1
    data = form_data(publisher_client.get(change_url(statement)))
    assert data["base_version"] == "1"

    data["title_en"] = "Edited once"
    assert publisher_client.post(change_url(statement), data).status_code == 302

    statement.refresh_from_db()
    assert (statement.title_en, statement.version) == ("Edited once", 2)
    assert form_data(publisher_client.get(change_url(statement)))["base_version"] == "2"


def test_stale_save_is_refused_and_the_refused_text_is_shown_back(editor_client, publisher_client, make_statement):
    statement = make_statement()
    mine = form_data(editor_client.get(change_url(statement)))
    theirs = form_data(publisher_client.get(change_url(statement)))
    theirs["title_en"] = "Their title, saved first"
    assert publisher_client.post(change_url(statement), theirs).status_code == 302

    mine["title_en"] = "My title, typed for an hour"
    mine["body_en"] = "<p>My long paragraph that must not be lost.</p>"
    response = editor_client.post(change_url(statement), mine, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    body = response.content.decode()
    assert "Someone else saved this statement while you were editing it" in body
    assert "you started from version 1; it is now at version 2" in body
    shown_back = form_data(response)
    assert shown_back["title_en"] == "My title, typed for an hour"
    assert shown_back["body_en"] == "<p>My long paragraph that must not be lost.</p>"
    statement.refresh_from_db()
    assert (statement.title_en, statement.version) == ("Their title, saved first", 2)


def test_save_that_slips_in_after_the_forms_check_is_refused_without_losing_the_text(
    editor_client, make_statement, monkeypatch
):
    """The form's check holds no lock: a rival's save committed between the check and the write meets the
    model's lock, and the editor gets the form back with the stale-version message and their text."""
    statement = make_statement(status="review")  # an editor's save of a published one would await review
    mine = form_data(editor_client.get(change_url(statement)))
    checked, saved = StatementAdminForm._check_version, Statement._save_over_version
    attempts = []

    def rival_has_claimed_the_version(instance, *args, **kwargs):
        if not attempts:
            attempts.append("refused")
            raise StaleVersion(instance.pk)  # what the conditional UPDATE says when a rival got there first
        return saved(instance, *args, **kwargs)

    def check_after_the_rival_committed(form, base):
        if attempts:  # the rival's committed save is visible now
            Statement.objects.filter(pk=statement.pk).update(title_en="The rival's title", version=2)
        checked(form, base)

    monkeypatch.setattr(Statement, "_save_over_version", rival_has_claimed_the_version)
    monkeypatch.setattr(StatementAdminForm, "_check_version", check_after_the_rival_committed)
    mine["title_en"] = "My title, typed for an hour"
    response = editor_client.post(change_url(statement), mine, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert "you started from version 1; it is now at version 2" in response.content.decode()
    assert form_data(response)["title_en"] == "My title, typed for an hour"
    statement.refresh_from_db()
    assert (statement.title_en, statement.version) == ("The rival's title", 2)


def test_form_without_its_base_version_is_refused(publisher_client, make_statement):
    statement = make_statement()
    data = form_data(publisher_client.get(change_url(statement)))
    del data["base_version"]
    data["title_en"] = "No version"

    response = publisher_client.post(change_url(statement), data, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert "does not say which version" in response.content.decode()
    statement.refresh_from_db()
    assert statement.title_en != "No version"


def test_model_save_from_an_outdated_copy_raises_and_overwrites_nothing(make_statement):
    statement = make_statement()
    first_copy = Statement.objects.get(pk=statement.pk)
    second_copy = Statement.objects.get(pk=statement.pk)
    first_copy.title_en = "First"
    first_copy.save()

    second_copy.title_en = "Second"
    with pytest.raises(StaleVersion):
        second_copy.save()

    statement.refresh_from_db()
    assert (statement.title_en, statement.version) == ("First", 2)
    assert second_copy.version == 1


def test_repeated_saves_of_one_copy_keep_counting(make_statement):
    statement = make_statement()

    statement.save()
    statement.save(update_fields=["status"])

    statement.refresh_from_db()
    assert statement.version == 3


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_saves_from_the_same_version_never_overwrite_each_other(make_statement):
    statement = make_statement()
    first = Statement.objects.get(pk=statement.pk)
    second = Statement.objects.get(pk=statement.pk)
    first.title_en, second.title_en = "First writer", "Second writer"
    outcome = {}

    def save_second():
        try:
            second.save()
            outcome["second"] = "saved"
        except (StaleVersion, OperationalError) as exc:
            outcome["second"] = exc
        finally:
            connection.close()

    with transaction.atomic():
        first.save()
        rival = threading.Thread(target=save_second)
        rival.start()
        rival.join(timeout=0.5)  # the rival is now waiting on (or refused by) the first writer's lock
    rival.join(timeout=10)

    statement.refresh_from_db()
    assert (statement.title_en, statement.version) == ("First writer", 2)
    if connection.vendor == "postgresql":
        assert isinstance(outcome["second"], StaleVersion)  # it waited, then saw the newer version
    else:
        # SQLite refuses the rival's write outright ("database table is locked").
        assert isinstance(outcome["second"], (StaleVersion, OperationalError))


@pytest.mark.parametrize("admin_language", ["ar", "en"])
def test_stale_save_shows_the_refused_bodies_back_in_the_rich_text_editors(
    editor_client, publisher_client, make_statement, admin_language
):
    statement = make_statement()
    mine = form_data(editor_client.get(change_url(statement)))
    theirs = form_data(publisher_client.get(change_url(statement)))
    theirs["body_ar"] = "<p>نصهم المحفوظ أولًا</p>"
    assert publisher_client.post(change_url(statement), theirs).status_code == 302

    mine["body_ar"] = (
        '<h2>عنوان فرعي</h2><p dir="rtl">فقرتي <strong>الطويلة</strong></p><ol start="3"><li>بند</li></ol>'
    )
    mine["body_en"] = "<p>My <em>long</em> paragraph that must not be lost.</p>"
    response = editor_client.post(change_url(statement), mine, HTTP_ACCEPT_LANGUAGE=admin_language)

    assert response.status_code == 200
    editors = {name: attrs for name, attrs in textareas(response).items() if name in ("body_ar", "body_en")}
    for name, attrs in editors.items():
        # The prose editor starts from its textarea: what the textarea holds is what the editor shows.
        assert "data-django-prose-editor-configurable" in attrs, name
    assert (editors["body_ar"]["dir"], editors["body_en"]["dir"]) == ("rtl", "ltr")
    shown_back = form_data(response)
    assert shown_back["body_ar"] == mine["body_ar"]
    assert shown_back["body_en"] == mine["body_en"]
    statement.refresh_from_db()
    assert statement.body_ar == "<p>نصهم المحفوظ أولًا</p>"


def textareas(response):
    return {e["attrs"].get("name"): e["attrs"] for e in elements(response.content.decode(), "textarea")}


def test_form_opened_before_a_keyword_merge_saves_with_the_keyword_it_joined(
    editor_client, publisher, make_statement, make_tag
):
    source, target = make_tag(name_en="Hardline"), make_tag(name_en="Extremism")
    # In review, so the editor's save is stored as it is (a published statement's would await review).
    statement = make_statement(tags=[source], status="review")
    mine = form_data(editor_client.get(change_url(statement)))
    merge_tag(source, target, user=publisher)

    mine["title_en"] = "Typed while the keywords were merged"
    response = editor_client.post(change_url(statement), mine)

    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.title_en == "Typed while the keywords were merged"
    assert list(statement.tags.all()) == [target]


def test_form_naming_a_keyword_deleted_since_is_refused_with_the_text_shown_back(
    editor_client, make_statement, make_tag
):
    gone = make_tag(name_en="Obsolete")
    statement = make_statement(tags=[gone])
    mine = form_data(editor_client.get(change_url(statement)))
    gone.delete()

    mine["body_en"] = "<p>Words that must not be lost.</p>"
    response = editor_client.post(change_url(statement), mine, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert "no longer exists" in response.context["adminform"].form.errors["tags"][0]
    assert form_data(response)["body_en"] == "<p>Words that must not be lost.</p>"
