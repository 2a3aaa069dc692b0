import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from statements.editorial.pending import proposal
from statements.models import Statement, StatusChange
from tests.admin_helpers import add_url, form_data, post_change

pytestmark = pytest.mark.django_db

DRAFT, REVIEW, PUBLISHED = Statement.Status.DRAFT, Statement.Status.REVIEW, Statement.Status.PUBLISHED


def test_migration_creates_editors_without_and_publishers_with_publishing_rights():
    editors = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    publishers = set(Group.objects.get(name="Publishers").permissions.values_list("codename", flat=True))

    assert {"add_statement", "change_statement", "view_statement", "add_tag", "change_tag"} <= editors
    assert {"add_sourcelink", "change_sourcelink", "delete_sourcelink"} <= editors
    assert "publish_statement" not in editors
    # Merging keywords deletes them: publishers may, editors may not.
    assert "delete_tag" not in editors
    assert publishers == editors | {"publish_statement", "delete_tag"}


# Every move between the three states, for each role: (from, to, editor may, publisher may).
TRANSITIONS = [
    (DRAFT, DRAFT, True, True),
    (DRAFT, REVIEW, True, True),
    (DRAFT, PUBLISHED, False, True),
    (REVIEW, DRAFT, True, True),
    (REVIEW, REVIEW, True, True),
    (REVIEW, PUBLISHED, False, True),
    (PUBLISHED, DRAFT, False, True),
    (PUBLISHED, REVIEW, False, True),
    (PUBLISHED, PUBLISHED, True, True),
]


@pytest.mark.parametrize("role", ["editor", "publisher"])
@pytest.mark.parametrize(("old", "new", "editor_may", "publisher_may"), TRANSITIONS)
def test_status_transition_through_the_change_form_is_allowed_or_refused_by_role(
    request, make_statement, role, old, new, editor_may, publisher_may
):
    client = request.getfixturevalue(f"{role}_client")
    statement = make_statement(status=old)
    allowed = editor_may if role == "editor" else publisher_may

    response = post_change(client, statement, status=new)

    statement.refresh_from_db()
    if allowed:
        assert response.status_code == 302, response.content.decode()[:2000]
        assert statement.status == new
    else:
        assert response.status_code == 200
        assert statement.status == old
        assert response.context["adminform"].form.errors["status"]
        assert not StatusChange.objects.filter(statement=statement).exists()


def test_editor_cannot_publish_by_posting_status(editor_client, make_statement):
    statement = make_statement(status=REVIEW)

    response = post_change(editor_client, statement, status=PUBLISHED)

    assert response.status_code == 200
    assert "Only publishers can publish a statement" in response.content.decode()
    statement.refresh_from_db()
    assert statement.status == REVIEW
    assert statement not in Statement.objects.published()


def test_editor_cannot_add_a_statement_as_published(editor_client):
    data = form_data(editor_client.get(add_url()))
    data.update(title_ar="بيان جديد", status=PUBLISHED)

    response = editor_client.post(add_url(), data, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert "Only publishers can publish a statement" in response.content.decode()
    assert not Statement.objects.exists()


def test_editor_can_add_a_draft_and_send_it_to_review(editor_client, editor):
    data = form_data(editor_client.get(add_url()))
    data.update(title_ar="بيان جديد", title_en="A new statement", status=REVIEW)

    response = editor_client.post(add_url(), data)

    assert response.status_code == 302
    statement = Statement.objects.get()
    assert statement.status == REVIEW
    change = statement.status_changes.get()
    assert (change.from_status, change.to_status, change.changed_by) == ("", REVIEW, editor)


def _form_datetime(value):
    local = timezone.localtime(value)
    return {"publish_at_0": local.strftime("%Y-%m-%d"), "publish_at_1": local.strftime("%H:%M:%S")}


def test_editor_cannot_reschedule_a_published_statement(editor_client, make_statement):
    planned = (timezone.now() + datetime.timedelta(days=1)).replace(microsecond=0)
    statement = make_statement(status=PUBLISHED, publish_at=planned)

    response = post_change(editor_client, statement, **_form_datetime(planned + datetime.timedelta(hours=3)))

    assert response.status_code == 200
    assert "Only publishers can schedule" in response.content.decode()
    statement.refresh_from_db()
    assert statement.publish_at == planned


def test_editor_cannot_make_a_scheduled_statement_live_by_clearing_its_time(editor_client, make_statement):
    planned = timezone.now() + datetime.timedelta(days=1)
    statement = make_statement(status=PUBLISHED, publish_at=planned)

    response = post_change(editor_client, statement, publish_at_0="", publish_at_1="")

    assert response.status_code == 200
    statement.refresh_from_db()
    assert statement.publish_at == planned
    assert statement not in Statement.objects.published()


def test_editor_cannot_schedule_a_draft(editor_client, make_statement):
    statement = make_statement(status=DRAFT)

    response = post_change(editor_client, statement, **_form_datetime(timezone.now() + datetime.timedelta(days=2)))

    assert response.status_code == 200
    statement.refresh_from_db()
    assert statement.publish_at is None


def test_editor_correction_of_a_scheduled_statement_awaits_review_without_touching_its_publication(
    editor_client, make_statement
):
    planned = timezone.now() + datetime.timedelta(days=1)
    statement = make_statement(status=PUBLISHED, publish_at=planned)
    title = statement.title_en

    response = post_change(editor_client, statement, title_en="Corrected title")

    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.title_en == title
    assert (statement.status, statement.publish_at) == (PUBLISHED, planned)
    assert proposal(statement.pending_change).statement.title_en == "Corrected title"


def test_publisher_can_schedule_through_the_change_form(publisher_client, publisher, make_statement):
    statement = make_statement(status=REVIEW)
    planned = (timezone.now() + datetime.timedelta(days=1)).replace(microsecond=0)

    response = post_change(publisher_client, statement, status=PUBLISHED, **_form_datetime(planned))

    assert response.status_code == 302
    statement.refresh_from_db()
    assert (statement.status, statement.publish_at) == (PUBLISHED, planned)
    assert statement.is_scheduled
    change = statement.status_changes.get()
    assert (change.from_status, change.to_status, change.publish_at, change.changed_by) == (
        REVIEW,
        PUBLISHED,
        planned,
        publisher,
    )


def test_status_change_from_the_form_shows_in_the_statement_history(publisher_client, make_statement):
    statement = make_statement(status=REVIEW)
    post_change(publisher_client, statement, status=PUBLISHED)

    page = publisher_client.get(
        f"/admin/statements/statement/{statement.pk}/history/", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    assert "publisher" in page
    assert "Status: In review → Published" in page
    assert 'id="status-history"' in page


def test_editor_sees_what_the_status_and_time_fields_allow_them(editor_client, publisher_client, make_statement):
    statement = make_statement(status=DRAFT)

    for_editor = editor_client.get(f"/admin/statements/statement/{statement.pk}/change/", HTTP_ACCEPT_LANGUAGE="en")
    for_publisher = publisher_client.get(
        f"/admin/statements/statement/{statement.pk}/change/", HTTP_ACCEPT_LANGUAGE="en"
    )

    assert "a publisher publishes it" in for_editor.content.decode()
    assert "a publisher publishes it" not in for_publisher.content.decode()


@pytest.mark.parametrize(
    ("choice", "expected"),
    [("draft", {"draft"}), ("review", {"review"}), ("scheduled", {"scheduled"}), ("live", {"live"})],
)
def test_publication_filter_separates_scheduled_from_live(publisher_client, make_statement, choice, expected):
    made = {
        "draft": make_statement(status=DRAFT),
        "review": make_statement(status=REVIEW),
        "scheduled": make_statement(status=PUBLISHED, publish_at=timezone.now() + datetime.timedelta(days=1)),
        "live": make_statement(status=PUBLISHED),
    }

    response = publisher_client.get("/admin/statements/statement/", {"publication": choice})

    shown = {name for name, s in made.items() if s in response.context["cl"].result_list}
    assert shown == expected


def test_editor_adds_and_removes_source_links_through_the_inline(editor_client, make_statement):
    statement = make_statement(status=DRAFT, sources=[{"url": "https://example.org/old", "title": "Old source"}])
    data = form_data(editor_client.get(f"/admin/statements/statement/{statement.pk}/change/"))
    assert data["sources-INITIAL_FORMS"] == "1"
    data.update(
        {
            "sources-0-DELETE": "on",
            "sources-1-url": "https://example.org/new",
            "sources-1-title": "New source",
            "sources-1-position": "1",
        }
    )

    response = editor_client.post(f"/admin/statements/statement/{statement.pk}/change/", data)

    assert response.status_code == 302
    assert [(s.url, s.title) for s in statement.sources.all()] == [("https://example.org/new", "New source")]


def test_change_form_speaks_arabic_right_to_left_by_default(editor_client, make_statement):
    statement = make_statement(status=PUBLISHED, publish_at=timezone.now() + datetime.timedelta(days=1))

    body = editor_client.get(f"/admin/statements/statement/{statement.pk}/change/").content.decode()

    assert 'dir="rtl"' in body
    assert "يمكنك إبقاء البيان مسودةً أو إرساله إلى المراجعة" in body
    assert "الطول والترجمة" in body
    assert "سجل الحالة" in body
