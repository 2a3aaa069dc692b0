import pytest
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages

from statements.models import Tag, TagRedirect

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/statements/tag/"


def action_post(tags, **extra):
    return {"action": "merge_selected_tags", "_selected_action": [str(tag.pk) for tag in tags], **extra}


@pytest.fixture
def three_tags(make_statement, make_tag):
    rare = make_tag(name_ar="الغلو", name_en="Zealotry")
    common = make_tag(name_ar="التطرف", name_en="Extremism")
    middle = make_tag(name_ar="التشدد", name_en="Hardline")
    make_statement(tags=[common])
    make_statement(tags=[common, middle])
    make_statement(tags=[common, rare])
    make_statement(tags=[middle])
    return rare, common, middle


def test_merge_action_first_asks_which_keyword_to_keep_with_the_most_used_chosen(staff_client, three_tags):
    rare, common, middle = three_tags

    response = staff_client.post(CHANGELIST, action_post(three_tags))

    assert response.status_code == 200
    assert [tag.pk for tag in response.context["tags"]] == [common.pk, middle.pk, rare.pk]
    assert response.context["target"] == common
    body = response.content.decode()
    assert f'name="target" value="{common.pk}" checked' in body
    assert 'name="post" value="yes"' in body
    assert Tag.objects.count() == 3


def test_confirming_the_merge_moves_statements_deletes_the_others_and_redirects_their_pages(
    staff_client, client, three_tags
):
    rare, common, middle = three_tags
    statements = set(rare.statements.all()) | set(common.statements.all()) | set(middle.statements.all())

    response = staff_client.post(
        CHANGELIST, action_post(three_tags, post="yes", target=str(middle.pk)), HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.status_code == 302
    assert list(Tag.objects.all()) == [middle]
    assert set(middle.statements.all()) == statements
    assert set(TagRedirect.objects.values_list("old_slug", flat=True)) == {rare.slug, common.slug}
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert f"Merged 2 keywords into “{middle}”" in messages[0]
    for lang in ("ar", "en"):
        moved = client.get(f"/{lang}/tags/{common.slug}/")
        assert moved.status_code == 301
        assert moved["Location"] == f"/{lang}/tags/{middle.slug}/"


def test_merge_action_needs_two_keywords(staff_client, three_tags):
    rare = three_tags[0]

    response = staff_client.post(CHANGELIST, action_post([rare], post="yes", target=str(rare.pk)), follow=True)

    assert Tag.objects.count() == 3
    assert any(m.level_tag == "warning" for m in response.context["messages"])


def test_merge_confirmation_with_a_target_outside_the_selection_merges_nothing(staff_client, make_tag, three_tags):
    rare, common, _middle = three_tags
    outsider = make_tag(name_en="Moderation")

    response = staff_client.post(CHANGELIST, action_post([rare, common], post="yes", target=str(outsider.pk)))

    assert response.status_code == 200
    assert response.context["missing_target"] is True
    assert Tag.objects.count() == 4
    assert not TagRedirect.objects.exists()


def test_merge_action_is_refused_to_staff_who_may_not_delete_keywords(client, django_user_model, three_tags):
    editor = django_user_model.objects.create_user("editor", password="pw", is_staff=True)
    editor.user_permissions.add(*Permission.objects.filter(codename__in=["view_tag", "change_tag"]))
    client.force_login(editor)

    response = client.post(CHANGELIST, action_post(three_tags, post="yes", target=str(three_tags[1].pk)))

    assert Tag.objects.count() == 3
    assert not TagRedirect.objects.exists()
    assert response.status_code == 200
    assert "merge_selected_tags" not in client.get(CHANGELIST).content.decode()


def test_editor_may_not_merge_keywords(editor_client, three_tags):
    response = editor_client.post(CHANGELIST, action_post(three_tags, post="yes", target=str(three_tags[1].pk)))

    assert response.status_code == 200  # the list again: the action is not among those offered
    assert Tag.objects.count() == 3
    assert not TagRedirect.objects.exists()
    assert "merge_selected_tags" not in editor_client.get(CHANGELIST).content.decode()


def test_publisher_merges_keywords_through_the_action(publisher_client, three_tags):
    rare, common, middle = three_tags
    assert "merge_selected_tags" in publisher_client.get(CHANGELIST).content.decode()

    response = publisher_client.post(CHANGELIST, action_post(three_tags, post="yes", target=str(common.pk)))

    assert response.status_code == 302
    assert list(Tag.objects.all()) == [common]
    assert set(TagRedirect.objects.values_list("old_slug", flat=True)) == {rare.slug, middle.slug}
    assert common.statements.count() == 4
