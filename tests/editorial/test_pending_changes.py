"""An Editor's change to a published (or scheduled) statement waits for a publisher's review."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from statements.caching.generation import generation
from statements.editorial.pending import proposal
from statements.models import PendingChange, SourceLink, Statement, StatusChange
from tests.admin_helpers import change_url, changelist_url, form_data, post_change, revision_url

pytestmark = pytest.mark.django_db

PUBLISHED, REVIEW = Statement.Status.PUBLISHED, Statement.Status.REVIEW


def pending_url(statement):
    return reverse("admin:statements_statement_pending", args=[statement.pk])


@pytest.fixture
def live(make_statement, make_tag):
    keyword = make_tag(name_ar="أصل", name_en="Original")
    return make_statement(
        title_ar="العنوان المنشور",
        body_ar="<p>النص المنشور</p>",
        title_en="Published title",
        body_en="<p>Published body</p>",
        tags=[keyword],
        sources=[{"url": "https://example.org/published", "title": "Published source"}],
    )


@pytest.fixture
def proposed(editor_client, live, make_tag):
    """The editor rewrites the live statement's English title and body, keyword and source, and saves."""
    new_keyword = make_tag(name_ar="جديد", name_en="Freshword")
    response = post_change(
        editor_client,
        live,
        title_en="Rewritten title",
        body_en="<p>Rewritten zanzibarword body</p>",
        tags=[str(new_keyword.pk)],
        **{"sources-0-url": "https://example.org/rewritten", "sources-0-title": "Rewritten source"},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    live.refresh_from_db()
    return live, new_keyword


def test_editor_save_of_a_live_statement_leaves_the_public_version_unchanged(proposed, client):
    statement, _keyword = proposed

    assert statement.title_en == "Published title"
    assert statement.body_en == "<p>Published body</p>"
    assert [tag.name_en for tag in statement.tags.all()] == ["Original"]
    assert [source.url for source in statement.sources.all()] == ["https://example.org/published"]
    page = client.get(statement.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    english = client.get(f"/en/statements/{statement.pk}-{statement.slug}/").content.decode()
    assert "Rewritten" not in page + english
    assert "Published title" in english


def test_editor_save_of_a_live_statement_is_recorded_as_pending_with_who_and_when(proposed, editor):
    statement, keyword = proposed

    pending = PendingChange.objects.get(statement=statement)
    assert pending.proposed_by == editor
    assert timezone.now() - pending.proposed_at < datetime.timedelta(minutes=1)
    version = proposal(pending)
    assert version.statement.title_en == "Rewritten title"
    assert version.tag_ids == (keyword.pk,)
    assert [source.url for source in version.sources] == ["https://example.org/rewritten"]


def test_feed_search_sitemap_and_api_keep_serving_the_published_text(proposed, client):
    statement, keyword = proposed

    api = client.get(f"/api/v1/statements/{statement.pk}/").content.decode()
    assert "Published title" in api and "Rewritten" not in api and "Freshword" not in api
    assert f"/tags/{keyword.slug}/" not in client.get("/sitemap.xml").content.decode()
    feed = client.get("/en/feed/").content.decode()
    found = client.get("/en/search/", {"q": "zanzibarword"}).content.decode()
    published = client.get("/en/search/", {"q": "Published"}).content.decode()

    assert "Rewritten" not in feed and "Published title" in feed
    assert f"/en/statements/{statement.pk}-" not in found
    assert f"/en/statements/{statement.pk}-" in published


def test_text_edited_times_follow_the_public_version(live, editor_client):
    before = (live.text_edited_at_ar, live.text_edited_at_en)

    post_change(editor_client, live, title_en="Rewritten title")

    live.refresh_from_db()
    assert (live.text_edited_at_ar, live.text_edited_at_en) == before


def test_keyword_counts_keep_the_public_keywords_after_an_editor_save(live, editor_client, make_tag, client):
    extra = make_tag(name_ar="مقترح", name_en="Proposedword")
    client.get("/en/tags/")  # counts built from the public version

    post_change(editor_client, live, tags=[str(extra.pk)])

    assert "Proposedword" not in client.get("/en/tags/").content.decode()
    assert "Proposedword" not in client.get("/en/").content.decode()


def test_change_form_says_changes_await_review_with_who(proposed, editor_client, publisher_client):
    statement, _keyword = proposed

    for admin in (editor_client, publisher_client):
        page = admin.get(change_url(statement), HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert "Changes awaiting review" in page
        assert "proposed by editor" in page
        assert pending_url(statement) in page


def test_change_form_of_a_statement_without_pending_change_says_nothing_of_it(live, publisher_client):
    page = publisher_client.get(change_url(live), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "Changes awaiting review" not in page


def test_admin_list_filters_statements_with_changes_awaiting_review(proposed, make_statement, publisher_client):
    statement, _keyword = proposed
    other = make_statement(title_en="Untouched statement", title_ar="بيان لم يمس")

    waiting = publisher_client.get(changelist_url(), {"pending": "yes"}, HTTP_ACCEPT_LANGUAGE="en")
    others = publisher_client.get(changelist_url(), {"pending": "no"}, HTTP_ACCEPT_LANGUAGE="en")

    assert [row.pk for row in waiting.context["cl"].result_list] == [statement.pk]
    assert other.pk in [row.pk for row in others.context["cl"].result_list]
    assert statement.pk not in [row.pk for row in others.context["cl"].result_list]
    assert "changes awaiting review" in waiting.content.decode()


def test_compare_view_sets_the_proposal_beside_the_published_version(proposed, publisher_client):
    statement, _keyword = proposed
    page = publisher_client.get(change_url(statement), HTTP_ACCEPT_LANGUAGE="en")
    compare = page.context["pending_change"]["compare_url"]

    response = publisher_client.get(compare, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    body = response.content.decode()
    assert "Rewritten title" in body and "Published title" in body


def test_publisher_publishes_the_pending_change(proposed, publisher_client, publisher, client):
    statement, keyword = proposed

    response = publisher_client.post(pending_url(statement), {"action": "publish"})

    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.title_en == "Rewritten title"
    assert list(statement.tags.all()) == [keyword]
    assert [source.url for source in statement.sources.all()] == ["https://example.org/rewritten"]
    assert not PendingChange.objects.filter(statement=statement).exists()
    record = statement.status_changes.get()
    assert (record.event, record.changed_by, record.to_status) == (
        StatusChange.Event.PENDING_PUBLISHED,
        publisher,
        PUBLISHED,
    )
    assert "Rewritten title" in client.get(f"/en/statements/{statement.pk}-{statement.slug}/").content.decode()
    assert f"/en/statements/{statement.pk}-" in client.get("/en/search/", {"q": "zanzibarword"}).content.decode()


def test_publishing_the_pending_change_stamps_the_text_edit_and_renews_the_caches(proposed, publisher_client):
    statement, _keyword = proposed
    before, generation_before = statement.text_edited_at_en, generation()

    publisher_client.post(pending_url(statement), {"action": "publish"})

    statement.refresh_from_db()
    assert statement.text_edited_at_en > before
    assert generation() != generation_before


def test_publisher_discards_the_pending_change(proposed, publisher_client, publisher):
    statement, _keyword = proposed

    response = publisher_client.post(pending_url(statement), {"action": "discard"})

    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.title_en == "Published title"
    assert not PendingChange.objects.filter(statement=statement).exists()
    record = statement.status_changes.get()
    assert (record.event, record.changed_by) == (StatusChange.Event.PENDING_DISCARDED, publisher)
    page = publisher_client.get(change_url(statement), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Change awaiting review discarded" in page  # the status history on the change form


def test_editor_cannot_publish_or_discard_a_pending_change(proposed, editor_client):
    statement, _keyword = proposed

    for action in ("publish", "discard"):
        assert editor_client.post(pending_url(statement), {"action": action}).status_code == 403

    statement.refresh_from_db()
    assert statement.title_en == "Published title"
    assert PendingChange.objects.filter(statement=statement).exists()


def test_pending_page_refuses_an_unknown_action_and_answers_404_for_an_unknown_statement(proposed, publisher_client):
    statement, _keyword = proposed

    assert publisher_client.post(pending_url(statement), {"action": "explode"}).status_code == 400
    assert publisher_client.get("/admin/statements/statement/999999/pending/").status_code == 404
    assert publisher_client.get("/admin/statements/statement/abc/pending/").status_code == 404


def test_staff_preview_shows_the_pending_version_marked_as_such(proposed, editor_client, client):
    statement, _keyword = proposed
    url = f"/en/statements/{statement.pk}-{statement.slug}/"

    preview = editor_client.get(url)
    published = editor_client.get(url, {"published": ""})
    public = client.get(url)

    assert "Rewritten title" in preview.content.decode()
    assert "Changes awaiting review" in preview.content.decode()
    assert "https://example.org/rewritten" in preview.content.decode()
    assert "https://example.org/published" not in preview.content.decode()  # nor in its citation data
    assert "Freshword" in preview.content.decode() and "Original" not in preview.content.decode()
    assert "no-cache" in preview["Cache-Control"] and "private" in preview["Cache-Control"]
    assert "Published title" in published.content.decode()
    assert "Rewritten" not in public.content.decode()


def test_publisher_save_of_a_live_statement_goes_live_at_once(live, publisher_client):
    response = post_change(publisher_client, live, title_en="Publisher's title")

    assert response.status_code == 302
    live.refresh_from_db()
    assert live.title_en == "Publisher's title"
    assert not PendingChange.objects.exists()


def test_editor_save_of_a_statement_in_review_is_stored_at_once(make_statement, editor_client):
    statement = make_statement(status=REVIEW)

    post_change(editor_client, statement, title_en="Reviewed title")

    statement.refresh_from_db()
    assert statement.title_en == "Reviewed title"
    assert not PendingChange.objects.exists()


def test_editor_form_with_errors_records_nothing(live, editor_client):
    response = post_change(editor_client, live, title_en="", body_en="<p>A body without its title</p>")

    assert response.status_code == 200
    assert response.context["adminform"].form.errors
    assert not PendingChange.objects.exists()


def test_editor_save_that_changes_nothing_records_nothing(live, editor_client):
    response = post_change(editor_client, live)

    assert response.status_code == 302
    assert not PendingChange.objects.exists()


def test_editor_restore_of_an_old_revision_of_a_live_statement_awaits_review(
    live, publisher_client, editor_client, editor
):
    post_change(publisher_client, live, title_en="First live title")
    post_change(publisher_client, live, title_en="Second live title")
    first = Version.objects.get_for_object(live).order_by("pk").first()
    assert first.field_dict["title_en"] == "First live title"

    data = form_data(editor_client.get(revision_url(live, first)))
    response = editor_client.post(revision_url(live, first), data)

    assert response.status_code == 302
    live.refresh_from_db()
    assert live.title_en == "Second live title"
    pending = PendingChange.objects.get(statement=live)
    assert pending.proposed_by == editor
    assert proposal(pending).statement.title_en == "First live title"


def test_new_source_of_a_pending_change_never_takes_another_statements_source(
    live, editor_client, publisher_client, make_statement
):
    post_change(editor_client, live, **{"sources-1-url": "https://example.org/added", "sources-1-position": "1"})
    # Another statement's source is written meanwhile (and may reuse an id the undone save had used).
    other = make_statement(sources=[{"url": "https://example.org/other"}])

    publisher_client.post(pending_url(live), {"action": "publish"})

    assert [source.url for source in live.sources.all()] == [
        "https://example.org/published",
        "https://example.org/added",
    ]
    assert [source.url for source in SourceLink.objects.filter(statement=other)] == ["https://example.org/other"]


def test_a_second_proposal_replaces_the_first(live, editor_client):
    post_change(editor_client, live, title_en="First proposal")
    post_change(editor_client, live, title_en="Second proposal")

    pending = PendingChange.objects.get(statement=live)
    assert proposal(pending).statement.title_en == "Second proposal"


def test_editor_save_leaves_the_content_generation_of_the_caches_as_it_was(live, editor_client):
    before = generation()

    post_change(editor_client, live, title_en="Rewritten title")

    assert PendingChange.objects.filter(statement=live).exists()
    assert generation() == before


def test_editor_save_over_a_proposal_made_since_the_form_was_opened_is_refused(live, editor_client, make_tag):
    data = form_data(editor_client.get(change_url(live), HTTP_ACCEPT_LANGUAGE="en"))
    post_change(editor_client, live, title_en="Someone else's proposal")

    data["title_en"] = "My proposal"
    response = editor_client.post(change_url(live), data, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert "Someone else proposed a change" in response.content.decode()
    assert proposal(PendingChange.objects.get(statement=live)).statement.title_en == "Someone else's proposal"


def test_editor_goes_on_editing_the_proposed_version(proposed, editor_client):
    statement, keyword = proposed
    edit_url = editor_client.get(change_url(statement)).context["pending_change"]["edit_url"]

    data = form_data(editor_client.get(edit_url))
    assert data["title_en"] == "Rewritten title"
    data["summary_en"] = "Added on second thought"
    response = editor_client.post(edit_url, data)

    assert response.status_code == 302
    version = proposal(PendingChange.objects.get(statement=statement))
    assert (version.statement.title_en, version.statement.summary_en) == ("Rewritten title", "Added on second thought")
    assert version.tag_ids == (keyword.pk,)
    statement.refresh_from_db()
    assert statement.title_en == "Published title"


def test_publisher_restoring_the_proposed_version_publishes_it_and_records_so(proposed, publisher_client, publisher):
    statement, _keyword = proposed
    edit_url = publisher_client.get(change_url(statement)).context["pending_change"]["edit_url"]

    response = publisher_client.post(edit_url, form_data(publisher_client.get(edit_url)))

    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.title_en == "Rewritten title"
    assert [source.url for source in statement.sources.all()] == ["https://example.org/rewritten"]
    assert not PendingChange.objects.filter(statement=statement).exists()
    assert statement.status_changes.get().event == StatusChange.Event.PENDING_PUBLISHED


def test_history_page_names_the_publication_of_a_pending_change(proposed, publisher_client):
    statement, _keyword = proposed
    publisher_client.post(pending_url(statement), {"action": "publish"})

    page = publisher_client.get(
        reverse("admin:statements_statement_history", args=[statement.pk]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    assert "Change awaiting review published" in page
    assert "Change awaiting review." in page  # the proposal's own revision


def test_compare_link_sets_the_latest_proposal_beside_the_published_version_not_an_earlier_proposal(
    live, editor_client, publisher_client
):
    post_change(editor_client, live, title_en="First proposal")
    post_change(editor_client, live, title_en="Second proposal")
    compare = publisher_client.get(change_url(live)).context["pending_change"]["compare_url"]

    body = publisher_client.get(compare, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "Second proposal" in body and "Published title" in body
    assert "First proposal" not in body


def test_editor_save_from_a_stale_form_of_a_live_statement_is_refused_and_records_nothing(
    live, editor_client, publisher_client
):
    data = form_data(editor_client.get(change_url(live), HTTP_ACCEPT_LANGUAGE="en"))
    post_change(publisher_client, live, title_en="Publisher's newer title")

    data["title_en"] = "Editor's title"
    response = editor_client.post(change_url(live), data, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert "Someone else saved this statement" in response.content.decode()
    assert form_data(response)["title_en"] == "Editor's title"
    assert not PendingChange.objects.exists()


def test_proposal_recorded_while_an_editor_saves_is_not_replaced(live, editor_client, editor, monkeypatch):
    """Two Editors' saves pass the form's check together: the second to record its proposal does not replace
    the first, and gets the form back with the message and its text."""
    from statements.admin import workflow
    from statements.editorial import pending as pending_module

    recorded = pending_module.propose

    def rival_records_first(statement_id, entries, **kwargs):
        if not PendingChange.objects.exists():
            recorded(statement_id, entries, **{**kwargs, "comment": "rival", "replaces": None})
        return recorded(statement_id, entries, **kwargs)

    monkeypatch.setattr(workflow, "propose", rival_records_first)
    data = form_data(editor_client.get(change_url(live), HTTP_ACCEPT_LANGUAGE="en"))
    data["title_en"] = "My proposal"

    response = editor_client.post(change_url(live), data, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert "Someone else proposed a change" in response.content.decode()
    assert form_data(response)["title_en"] == "My proposal"
    assert PendingChange.objects.get(statement=live).revision.comment == "rival"


def test_pending_page_offers_publish_and_discard_to_publishers_only(proposed, editor_client, publisher_client):
    statement, _keyword = proposed

    for_publisher = publisher_client.get(pending_url(statement), HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    for_editor = editor_client.get(pending_url(statement), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "تعديلات بانتظار المراجعة" in for_publisher
    assert 'value="publish"' in for_publisher and 'value="discard"' in for_publisher
    assert "Changes awaiting review" in for_editor
    assert 'value="publish"' not in for_editor
    assert "A publisher publishes or discards these changes." in for_editor


def test_admin_list_of_changes_awaiting_review_counts_a_proposal_made_after_it_was_shown(
    live, editor_client, publisher_client
):
    first = publisher_client.get(changelist_url(), {"pending": "yes"}, HTTP_ACCEPT_LANGUAGE="en")
    assert list(first.context["cl"].result_list) == []

    post_change(editor_client, live, title_en="Rewritten title")
    again = publisher_client.get(changelist_url(), {"pending": "yes"}, HTTP_ACCEPT_LANGUAGE="en")

    assert [row.pk for row in again.context["cl"].result_list] == [live.pk]
    assert again.context["cl"].result_count == 1
