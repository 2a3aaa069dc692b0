import datetime

import pytest
from django.utils import timezone
from reversion.models import Version

from statements.models import Statement, StatusChange
from tests.admin_helpers import changelist_url, history_url

pytestmark = pytest.mark.django_db

DRAFT, REVIEW, PUBLISHED = Statement.Status.DRAFT, Statement.Status.REVIEW, Statement.Status.PUBLISHED


def run_action(client, action, statements):
    return client.post(
        changelist_url(),
        {"action": action, "_selected_action": [s.pk for s in statements], "index": 0},
        follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )


def offered_actions(client):
    response = client.get(changelist_url())
    assert response.status_code == 200
    if response.context["action_form"] is None:  # no action at all for this user
        return set()
    return {value for value, _label in response.context["action_form"].fields["action"].choices}


def test_workflow_actions_are_offered_to_publishers_only(editor_client, publisher_client, make_statement):
    make_statement()
    workflow = {"publish_statements", "unpublish_statements", "send_back_to_draft"}

    assert workflow <= offered_actions(publisher_client)
    assert not workflow & offered_actions(editor_client)


@pytest.mark.parametrize("action", ["publish_statements", "unpublish_statements", "send_back_to_draft"])
def test_editor_posting_a_workflow_action_changes_nothing(editor_client, make_statement, action):
    draft = make_statement(status=DRAFT)
    review = make_statement(status=REVIEW)
    live = make_statement(status=PUBLISHED)

    run_action(editor_client, action, [draft, review, live])

    assert [s.status for s in Statement.objects.filter(pk__in=[draft.pk, review.pk, live.pk]).order_by("pk")] == [
        DRAFT,
        REVIEW,
        PUBLISHED,
    ]
    assert not StatusChange.objects.exists()


def test_publish_action_publishes_drafts_and_reviews_and_records_who_did_it(
    publisher_client, publisher, make_statement
):
    draft = make_statement(status=DRAFT)
    review = make_statement(status=REVIEW)

    response = run_action(publisher_client, "publish_statements", [draft, review])

    assert "2 statements published." in response.content.decode()
    for statement, old in ((draft, DRAFT), (review, REVIEW)):
        statement.refresh_from_db()
        assert statement.status == PUBLISHED
        assert statement in Statement.objects.published()
        change = statement.status_changes.get()
        assert (change.from_status, change.to_status, change.changed_by) == (old, PUBLISHED, publisher)
        assert abs(change.changed_at - timezone.now()) < datetime.timedelta(minutes=1)


def test_publish_action_makes_a_scheduled_statement_live_now(publisher_client, make_statement):
    scheduled = make_statement(status=PUBLISHED, publish_at=timezone.now() + datetime.timedelta(days=3))

    run_action(publisher_client, "publish_statements", [scheduled])

    scheduled.refresh_from_db()
    assert scheduled in Statement.objects.published()
    assert scheduled.publish_at <= timezone.now()


def test_unpublish_action_takes_published_statements_back_to_draft_and_leaves_others(publisher_client, make_statement):
    live = make_statement(status=PUBLISHED)
    review = make_statement(status=REVIEW)

    response = run_action(publisher_client, "unpublish_statements", [live, review])

    live.refresh_from_db()
    review.refresh_from_db()
    assert (live.status, review.status) == (DRAFT, REVIEW)
    body = response.content.decode()
    assert "1 statement unpublished." in body
    assert "1 statement left as it was" in body


def test_send_back_action_returns_statements_in_review_to_draft(publisher_client, make_statement):
    review = make_statement(status=REVIEW)
    live = make_statement(status=PUBLISHED)

    run_action(publisher_client, "send_back_to_draft", [review, live])

    review.refresh_from_db()
    live.refresh_from_db()
    assert (review.status, live.status) == (DRAFT, PUBLISHED)


def test_actions_save_through_the_model_and_count_a_new_version(publisher_client, make_statement):
    draft = make_statement(status=DRAFT)

    run_action(publisher_client, "publish_statements", [draft])

    draft.refresh_from_db()
    assert draft.version == 2


def test_each_statement_an_action_changes_gets_its_own_revision_with_author_and_note(
    publisher_client, publisher, make_statement
):
    first = make_statement(status=DRAFT)
    second = make_statement(status=REVIEW)

    run_action(publisher_client, "publish_statements", [first, second])

    first_versions = Version.objects.get_for_object(first)
    second_versions = Version.objects.get_for_object(second)
    assert first_versions.count() == second_versions.count() == 1
    assert first_versions[0].revision_id != second_versions[0].revision_id
    assert first_versions[0].revision.user == publisher
    assert first_versions[0].revision.comment == "Status: Draft → Published"
    assert second_versions[0].revision.comment == "Status: In review → Published"


def test_action_status_change_is_visible_in_the_admin_history(publisher_client, make_statement):
    statement = make_statement(status=REVIEW)
    run_action(publisher_client, "publish_statements", [statement])

    page = publisher_client.get(history_url(statement), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "Status: In review → Published" in page
    assert "publisher" in page
