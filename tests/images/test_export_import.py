"""Exports carry lead images as files beside the JSON; importing them back gives the same bytes and files."""

import hashlib
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from statements.models import Statement, Tag
from tests.conftest import picture_bytes
from tests.images.test_validation import with_gps_and_camera

pytestmark = pytest.mark.django_db


def export(folder, name="statements.json"):
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    call_command("export_statements", "--output", str(target), stdout=StringIO())
    return target


def import_files(*paths, fails=False):
    out, err = StringIO(), StringIO()
    if fails:
        with pytest.raises(CommandError):
            call_command("import_statements", *map(str, paths), stdout=out, stderr=err)
    else:
        call_command("import_statements", *map(str, paths), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def image_files(folder):
    return {path.name: path.read_bytes() for path in sorted((folder / "images").iterdir())}


@pytest.fixture
def illustrated_archive(make_illustrated, make_statement, make_tag):
    tag = make_tag(name_ar="صور", name_en="Pictures")
    make_illustrated(
        tags=[tag],
        lead_image_caption_ar="تعليق",
        lead_image_caption_en="Caption",
        lead_image_credit="Photo desk",
        lead_image_focus_x=30,
        lead_image_focus_y=70,
    )
    make_illustrated(picture=picture_bytes("PNG", size=(640, 480)), title_ar="بالعربية", body_ar="<p>نص</p>")
    make_illustrated(picture=picture_bytes("WEBP", size=(900, 900)), status="draft", lead_image_alt_en="")
    make_statement()  # no picture


def test_round_trip_with_images_gives_the_same_document_and_the_same_files(illustrated_archive, tmp_path, settings):
    first = export(tmp_path / "first")
    files = image_files(tmp_path / "first")
    assert len(files) == 3
    for name, data in files.items():
        assert name == f"{hashlib.sha256(data).hexdigest()}.{name.rsplit('.', 1)[1]}"

    Statement.objects.all().delete()
    Tag.objects.all().delete()
    settings.MEDIA_ROOT = tmp_path / "fresh-media"  # an empty database on another site, with no files yet
    out, err = import_files(first)
    assert "4 imported" in out and err == ""

    second = export(tmp_path / "second")
    assert first.read_bytes() == second.read_bytes()
    assert image_files(tmp_path / "second") == files
    # The new site made its renditions on import: its pages need nothing made while a reader waits.
    statement = Statement.objects.get(lead_image_focus_x=30)
    assert (Path(settings.MEDIA_ROOT) / statement.lead_image.name.replace(".jpg", "/social-30-70.jpg")).is_file()


def test_the_document_names_each_image_with_its_checksum_and_texts(illustrated_archive, tmp_path):
    document = json.loads(export(tmp_path).read_text(encoding="utf-8"))
    with_images = [s["lead_image"] for s in document["statements"] if "lead_image" in s]
    assert len(with_images) == 3 and len(document["statements"]) == 4
    record = next(r for r in with_images if r["credit"])
    assert record == {
        "alt_ar": "صورة اختبار",
        "alt_en": "A test picture",
        "caption_ar": "تعليق",
        "caption_en": "Caption",
        "credit": "Photo desk",
        "file": f"{record['sha256']}.jpg",
        "focus_x": 30,
        "focus_y": 70,
        "sha256": record["sha256"],
    }


def test_importing_again_leaves_illustrated_statements_unchanged(illustrated_archive, tmp_path):
    first = export(tmp_path)
    out, err = import_files(first)
    assert "0 imported, 0 updated, 4 unchanged" in out and err == ""


def test_an_image_that_does_not_match_its_checksum_skips_its_file(illustrated_archive, tmp_path):
    first = export(tmp_path / "export")
    victim = sorted((tmp_path / "export" / "images").iterdir())[0]
    victim.write_bytes(victim.read_bytes() + b"tampered")
    Statement.objects.all().delete()
    out, err = import_files(first, fails=True)
    assert "does not match its checksum" in err and "1 skipped" in out
    assert not Statement.objects.exists()


def test_a_missing_image_file_skips_its_file_with_the_reason(illustrated_archive, tmp_path):
    first = export(tmp_path / "export")
    sorted((tmp_path / "export" / "images").iterdir())[0].unlink()
    Statement.objects.all().delete()
    out, err = import_files(first, fails=True)
    assert "cannot be read" in err and not Statement.objects.exists()


def test_an_imported_image_passes_the_upload_checks(make_statement, tmp_path, media_root):
    statement = make_statement()
    first = export(tmp_path)
    document = json.loads(first.read_text(encoding="utf-8"))
    data = with_gps_and_camera()
    sha256 = hashlib.sha256(data).hexdigest()
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / f"{sha256}.jpg").write_bytes(data)
    document["statements"][0]["lead_image"] = {
        "file": f"{sha256}.jpg",
        "sha256": sha256,
        "alt_ar": "صورة",
        "alt_en": "A picture",
    }
    first.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    out, err = import_files(first)
    assert err == "", err
    statement.refresh_from_db()
    stored = (Path(media_root) / statement.lead_image.name).read_bytes()
    assert b"SpyCam" not in stored and statement.lead_image_alt_ar == "صورة"


def test_a_folder_import_leaves_the_image_files_to_the_document(illustrated_archive, tmp_path):
    export(tmp_path / "export")
    out, err = import_files(tmp_path / "export")
    assert err == "" and "0 skipped" in out


def test_export_to_standard_output_refuses_when_images_have_nowhere_to_go(illustrated_archive):
    with pytest.raises(CommandError, match="--output"):
        call_command("export_statements", stdout=StringIO())


def test_an_import_refuses_a_published_image_without_alt_text(make_statement, tmp_path, media_root):
    make_statement()
    first = export(tmp_path / "export")
    document = json.loads(first.read_text(encoding="utf-8"))
    data = picture_bytes()
    sha256 = hashlib.sha256(data).hexdigest()
    (tmp_path / "export" / "images").mkdir()
    (tmp_path / "export" / "images" / f"{sha256}.jpg").write_bytes(data)
    document["statements"][0]["lead_image"] = {"file": f"{sha256}.jpg", "sha256": sha256, "alt_ar": "صورة"}
    first.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    out, err = import_files(first, fails=True)
    assert "lead_image_alt_en" in err or "alternative text" in err
