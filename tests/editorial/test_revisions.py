import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from reversion.models import Version

from statements.editorial.merge import merge_tag
from statements.models import SourceLink, Statement, Tag
from tests.admin_helpers import add_url, change_url, form_data, history_url, post_change, revision_url

pytestmark = pytest.mark.django_db

DRAFT, REVIEW, PUBLISHED = Statement.Status.DRAFT, Statement.Status.REVIEW, Statement.Status.PUBLISHED


def versions_of(statement):
    return list(Version.objects.get_for_object(statement).select_related("revision__user").order_by("pk"))


@pytest.fixture
def edited_twice(publisher_client, make_tag):
    """A statement written through the admin, then rewritten: new title, body, keyword and source."""
    old_tag, new_tag = make_tag(name_ar="قديم", name_en="Old"), make_tag(name_ar="جديد", name_en="New")
    data = form_data(publisher_client.get(add_url()))
    data.update(
        {
            "title_ar": "العنوان الأول",
            "title_en": "First title",
            "body_en": "<p>First body</p>",
            "status": DRAFT,
            "tags": [str(old_tag.pk)],
            "sources-0-url": "https://example.org/first",
            "sources-0-title": "First source",
            "sources-0-position": "0",
        }
    )
    assert publisher_client.post(add_url(), data).status_code == 302
    statement = Statement.objects.get()
    data = form_data(publisher_client.get(change_url(statement)))
    data.update(
        {
            "title_en": "Second title",
            "body_en": "<p>Second body</p>",
            "tags": [str(new_tag.pk)],
            "sources-0-url": "https://example.org/second",
            "sources-0-title": "Second source",
        }
    )
    assert publisher_client.post(change_url(statement), data).status_code == 302
    statement.refresh_from_db()
    return statement, old_tag, new_tag


def test_every_admin_save_is_a_revision_with_its_author(edited_twice, publisher):
    statement, _old, _new = edited_twice

    versions = versions_of(statement)

    assert len(versions) == 2
    assert all(v.revision.user == publisher for v in versions)
    assert versions[0].field_dict["title_en"] == "First title"
    assert versions[1].field_dict["title_en"] == "Second title"


def test_revisions_hold_the_source_links_of_their_moment(edited_twice):
    statement, _old, _new = edited_twice

    first, second = (v.revision for v in versions_of(statement))

    source_urls = [v.field_dict["url"] for v in first.version_set.all() if v.content_type.model_class() is SourceLink]
    assert source_urls == ["https://example.org/first"]
    assert [v.field_dict["url"] for v in second.version_set.all() if v.content_type.model_class() is SourceLink] == [
        "https://example.org/second"
    ]


def test_history_page_lists_revisions_with_authors_and_offers_compare(publisher_client, edited_twice):
    statement, _old, _new = edited_twice

    page = publisher_client.get(history_url(statement)).content.decode()

    assert page.count(f"/admin/statements/statement/{statement.pk}/history/") >= 2
    assert page.count("publisher") >= 2
    assert 'name="version_id1"' in page and 'name="version_id2"' in page


def test_compare_view_shows_what_changed_between_two_revisions(publisher_client, edited_twice):
    statement, _old, _new = edited_twice
    first, second = versions_of(statement)

    response = publisher_client.get(
        reverse("admin:statements_statement_compare", args=[statement.pk]),
        {"version_id1": first.pk, "version_id2": second.pk},
    )

    assert response.status_code == 200
    body = response.content.decode()
    assert "First title" in body and "Second title" in body
    assert "قديم" in body and "جديد" in body  # the keywords, by their Arabic names


def test_compare_with_unknown_revision_ids_is_404_not_500(publisher_client, edited_twice):
    statement, _old, _new = edited_twice

    response = publisher_client.get(
        reverse("admin:statements_statement_compare", args=[statement.pk]),
        {"version_id1": "x", "version_id2": "999999"},
    )

    assert response.status_code == 404


def test_restore_brings_back_old_title_body_tags_and_sources(publisher_client, edited_twice):
    statement, old_tag, _new = edited_twice
    first, _second = versions_of(statement)

    restore_form = publisher_client.get(revision_url(statement, first))
    assert restore_form.status_code == 200
    response = publisher_client.post(revision_url(statement, first), form_data(restore_form))

    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.title_en == "First title"
    assert statement.body_en == "<p>First body</p>"
    assert list(statement.tags.all()) == [old_tag]
    assert [(s.url, s.title) for s in statement.sources.all()] == [("https://example.org/first", "First source")]


def test_viewing_an_old_revision_changes_nothing(publisher_client, edited_twice):
    statement, _old, new_tag = edited_twice
    first, _second = versions_of(statement)

    publisher_client.get(revision_url(statement, first))

    statement.refresh_from_db()
    assert statement.title_en == "Second title"
    assert list(statement.tags.all()) == [new_tag]
    assert statement.version == 2


def test_restoring_is_itself_a_new_revision_and_a_new_version(publisher_client, publisher, edited_twice):
    statement, _old, _new = edited_twice
    first, _second = versions_of(statement)

    restore_form = form_data(publisher_client.get(revision_url(statement, first)))
    publisher_client.post(revision_url(statement, first), restore_form, HTTP_ACCEPT_LANGUAGE="en")

    statement.refresh_from_db()
    versions = versions_of(statement)
    assert len(versions) == 3
    assert versions[-1].revision.user == publisher
    assert "Reverted to previous version" in versions[-1].revision.comment
    assert statement.version == 3  # counted on from the live version, not rewound to the restored one


def test_restore_form_based_on_an_outdated_version_is_refused(publisher_client, edited_twice):
    statement, _old, _new = edited_twice
    first, _second = versions_of(statement)
    restore_form = form_data(publisher_client.get(revision_url(statement, first)))
    post_change(publisher_client, statement, title_en="Third title")

    response = publisher_client.post(revision_url(statement, first), restore_form)

    assert response.status_code == 200
    statement.refresh_from_db()
    assert statement.title_en == "Third title"


def test_editor_cannot_publish_by_restoring_a_published_revision(publisher_client, editor_client, make_statement):
    statement = make_statement(status=DRAFT)
    post_change(publisher_client, statement, status=PUBLISHED)
    post_change(publisher_client, statement, status=DRAFT, title_en="Withdrawn")
    published_version = versions_of(statement)[0]
    assert published_version.field_dict["status"] == PUBLISHED

    restore_form = editor_client.get(revision_url(statement, published_version))
    response = editor_client.post(revision_url(statement, published_version), form_data(restore_form))

    assert response.status_code == 200
    statement.refresh_from_db()
    assert statement.status == DRAFT
    assert statement.title_en == "Withdrawn"


def test_compare_view_is_refused_to_staff_without_rights_on_statements(client, django_user_model, edited_twice):
    statement, _old, _new = edited_twice
    first, second = versions_of(statement)
    clerk = django_user_model.objects.create_user("clerk", "clerk@example.org", "pw", is_staff=True)
    client.force_login(clerk)

    response = client.get(
        reverse("admin:statements_statement_compare", args=[statement.pk]),
        {"version_id1": first.pk, "version_id2": second.pk},
    )

    assert response.status_code == 403


def test_editor_cannot_publish_by_recovering_a_deleted_published_statement(
    publisher_client, editor_client, make_statement, admin_client
):
    statement = make_statement(status=DRAFT)
    post_change(publisher_client, statement, status=PUBLISHED)
    admin_client.post(reverse("admin:statements_statement_delete", args=[statement.pk]), {"post": "yes"})
    assert not Statement.objects.filter(pk=statement.pk).exists()
    deleted = Version.objects.get_deleted(Statement).first()
    recover_url = reverse("admin:statements_statement_recover", args=[deleted.pk])

    response = editor_client.post(recover_url, form_data(editor_client.get(recover_url)), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert "Only publishers can publish a statement" in response.content.decode()
    assert not Statement.objects.filter(pk=statement.pk).exists()


def test_editor_cannot_publish_by_restoring_a_revision_of_a_deleted_statement(
    publisher_client, editor_client, make_statement, admin_client
):
    statement = make_statement(status=DRAFT)
    post_change(publisher_client, statement, status=PUBLISHED)
    published_version = versions_of(statement)[0]
    admin_client.post(reverse("admin:statements_statement_delete", args=[statement.pk]), {"post": "yes"})
    url = revision_url(statement, published_version)

    response = editor_client.post(url, form_data(editor_client.get(url)), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert "Only publishers can publish a statement" in response.content.decode()
    assert not Statement.objects.filter(pk=statement.pk).exists()


def test_merging_a_keyword_leaves_a_revision_in_each_statements_history(publisher_client, publisher, edited_twice):
    statement, _old, new_tag = edited_twice
    target = make_target(new_tag)
    before = versions_of(statement)

    with translation.override("en"):
        merge_tag(new_tag, target, user=publisher)

    versions = versions_of(statement)
    assert len(versions) == len(before) + 1
    merged = versions[-1]
    assert merged.revision.user == publisher
    assert merged.revision.comment == f"Keyword “{new_tag}” merged into “{target}”."
    assert merged.field_dict["tags"] == [target.pk]
    # History is not rewritten: the revision before the merge still names the keyword it had.
    assert versions[-2].field_dict["tags"] == [new_tag.pk]
    page = publisher_client.get(history_url(statement), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f"merged into “{target}”" in page
    assert publisher.get_username() in page


def test_merge_command_leaves_a_revision_too(make_statement, make_tag):
    source, target = make_tag(name_en="Hardline"), make_tag(name_en="Extremism")
    statement = make_statement(tags=[source])

    with translation.override("en"):
        call_command("merge_tags", source.slug, target.slug, stdout=io.StringIO())

    [version] = versions_of(statement)
    assert version.field_dict["tags"] == [target.pk]
    assert "merged into" in version.revision.comment


def test_restoring_a_revision_whose_keyword_was_merged_away_carries_the_keyword_it_joined(
    publisher_client, publisher, edited_twice
):
    statement, old_tag, new_tag = edited_twice
    target = make_target(old_tag)
    first = versions_of(statement)[0]
    old_name, old_tag_pk = str(old_tag), old_tag.pk
    merge_tag(old_tag, target, user=publisher)

    restore_form = publisher_client.get(revision_url(statement, first), HTTP_ACCEPT_LANGUAGE="en")
    assert restore_form.status_code == 200
    assert f"“{old_name}” of this revision has since been merged into “{target}”" in restore_form.content.decode()
    data = form_data(restore_form)
    assert data["tags"] == str(target.pk)
    response = publisher_client.post(revision_url(statement, first), data)

    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.title_en == "First title"
    assert list(statement.tags.all()) == [target]
    # The restore is a revision of its own; the ones it started from are still there.
    assert [v.field_dict["tags"] for v in versions_of(statement)] == [[old_tag_pk], [new_tag.pk], [target.pk]]


def test_restoring_a_revision_whose_keyword_was_deleted_leaves_it_out(publisher_client, edited_twice):
    statement, old_tag, _new = edited_twice
    first = versions_of(statement)[0]
    old_tag.delete()

    restore_form = publisher_client.get(revision_url(statement, first), HTTP_ACCEPT_LANGUAGE="en")
    response = publisher_client.post(revision_url(statement, first), form_data(restore_form))

    assert response.status_code == 302
    statement.refresh_from_db()
    assert statement.title_en == "First title"
    assert list(statement.tags.all()) == []


def make_target(tag):
    return Tag.objects.create(name_ar=f"{tag.name_ar} جامع", name_en=f"{tag.name_en} (all)")
