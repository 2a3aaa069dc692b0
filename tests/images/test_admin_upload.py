"""Editors upload a statement's lead image in its change form; what is not a safe picture is a form error."""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from statements.images import renditions
from statements.models import Statement
from tests.admin_helpers import change_url, post_change
from tests.conftest import picture_bytes
from tests.images.test_validation import GPS_IFD, with_gps_and_camera

pytestmark = pytest.mark.django_db


def upload(data, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def form_errors(response):
    assert response.status_code == 200, "the form was accepted"
    return response.context["adminform"].form.errors


@pytest.fixture
def draft(make_statement, media_root):
    return make_statement(status=Statement.Status.DRAFT)


def test_change_form_offers_the_image_fields_and_accepts_only_pictures(staff_client, draft):
    html = staff_client.get(change_url(draft), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'type="file" name="lead_image"' in html and 'accept="image/jpeg,image/png,image/webp"' in html
    for name in ("lead_image_alt_ar", "lead_image_alt_en", "lead_image_caption_ar", "lead_image_credit"):
        assert f'name="{name}"' in html


def test_an_uploaded_picture_is_stored_by_content_with_every_rendition(staff_client, draft, media_root):
    data = picture_bytes(size=(1500, 900))
    response = post_change(staff_client, draft, lead_image=upload(data, name="../../etc/passwd.jpg"))
    assert response.status_code == 302, form_errors(response)
    draft.refresh_from_db()
    name = draft.lead_image.name
    assert name.startswith("lead/") and "passwd" not in name  # the site chooses the name, not the uploader
    assert (draft.lead_image_width, draft.lead_image_height, draft.lead_image_size) == (1500, 900, len(data))
    assert (Path(media_root) / name).read_bytes() == data
    pictures = renditions.responsive(name, 1500, 900)
    for rendition in [*pictures["webp"], *pictures["jpg"], renditions.social(name)]:
        with Image.open(Path(media_root) / rendition.name) as made:
            assert made.size == (rendition.width, rendition.height)


def test_the_stored_picture_has_no_gps_or_camera_data(staff_client, draft, media_root):
    response = post_change(staff_client, draft, lead_image=upload(with_gps_and_camera()))
    assert response.status_code == 302, form_errors(response)
    draft.refresh_from_db()
    stored = (Path(media_root) / draft.lead_image.name).read_bytes()
    assert not Image.open(io.BytesIO(stored)).getexif().get_ifd(GPS_IFD)
    assert b"SpyCam" not in stored


@pytest.mark.parametrize(
    "data, code",
    [
        (b"just text, named like a picture\n" * 10, "not_an_image"),
        (picture_bytes(size=(1200, 800))[:3000], "not_an_image"),
    ],
    ids=["renamed text file", "truncated jpeg"],
)
def test_a_file_that_is_not_a_whole_picture_is_a_form_error_and_nothing_is_saved(
    staff_client, draft, media_root, data, code
):
    version = draft.version
    response = post_change(staff_client, draft, lead_image=upload(data), title_en="Changed title")
    errors = form_errors(response)
    assert errors.as_data()["lead_image"][0].code == code
    draft.refresh_from_db()
    assert (draft.lead_image.name, draft.version) == ("", version)
    assert draft.title_en != "Changed title"
    assert not Path(media_root).exists() or not any(Path(media_root).rglob("*.*"))


def test_a_decompression_bomb_is_a_form_error(staff_client, draft):
    out = io.BytesIO()
    Image.new("1", (9000, 9000)).save(out, format="PNG")
    response = post_change(staff_client, draft, lead_image=upload(out.getvalue(), "bomb.png", "image/png"))
    assert form_errors(response).as_data()["lead_image"][0].code == "image_too_many_pixels"


def test_publishing_with_an_image_needs_alt_text_in_each_written_language(staff_client, draft):
    response = post_change(
        staff_client,
        draft,
        lead_image=upload(picture_bytes()),
        lead_image_alt_ar="صورة",
        lead_image_alt_en="",
        status="published",
    )
    errors = form_errors(response)
    assert list(errors) == ["lead_image_alt_en"]
    draft.refresh_from_db()
    assert draft.status == Statement.Status.DRAFT


def test_a_one_language_statement_needs_alt_text_in_its_language_only(staff_client, make_statement, media_root):
    statement = make_statement(status=Statement.Status.DRAFT, title_ar="بيان", body_ar="<p>نص</p>")
    response = post_change(
        staff_client, statement, lead_image=upload(picture_bytes()), lead_image_alt_ar="صورة", status="published"
    )
    assert response.status_code == 302, form_errors(response)


def test_a_draft_may_keep_an_image_without_alt_text(staff_client, draft):
    response = post_change(staff_client, draft, lead_image=upload(picture_bytes()))
    assert response.status_code == 302, form_errors(response)


def test_clearing_the_image_removes_it_from_the_statement_but_keeps_the_file(
    staff_client, make_illustrated, media_root
):
    statement = make_illustrated()
    name = statement.lead_image.name
    response = post_change(staff_client, statement, **{"lead_image-clear": "on"})
    assert response.status_code == 302, form_errors(response)
    statement.refresh_from_db()
    assert not statement.lead_image and statement.lead_image_width is None
    assert (Path(media_root) / name).is_file()  # older revisions still name it


def test_moving_the_focal_point_makes_a_new_social_crop(staff_client, make_illustrated, media_root):
    statement = make_illustrated()
    response = post_change(staff_client, statement, lead_image_focus_x="10", lead_image_focus_y="90")
    assert response.status_code == 302, form_errors(response)
    assert (Path(media_root) / renditions.social(statement.lead_image.name, 10, 90).name).is_file()


def test_the_same_picture_on_two_statements_is_stored_once(staff_client, make_statement, media_root):
    data = picture_bytes()
    first, second = make_statement(status="draft"), make_statement(status="draft")
    for statement in (first, second):
        assert post_change(staff_client, statement, lead_image=upload(data)).status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.lead_image.name == second.lead_image.name
    assert len(list((Path(media_root) / "lead").glob("*.jpg"))) == 1


def test_the_publish_action_leaves_a_statement_whose_image_lacks_alt_text_unpublished(
    staff_client, make_illustrated, media_root
):
    from tests.admin_helpers import changelist_url

    lacking = make_illustrated(status=Statement.Status.REVIEW, lead_image_alt_en="")
    complete = make_illustrated(status=Statement.Status.REVIEW)
    response = staff_client.post(
        changelist_url(), {"action": "publish_statements", "_selected_action": [lacking.pk, complete.pk]}
    )
    assert response.status_code == 302
    lacking.refresh_from_db()
    complete.refresh_from_db()
    assert (lacking.status, complete.status) == (Statement.Status.REVIEW, Statement.Status.PUBLISHED)
