import datetime
import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.utils import timezone

from statements.archive.export import NOT_EXPORTED, SOURCE_FIELDS, STATEMENT_KEYS, TAG_KEYS
from statements.models import SourceLink, Statement, Tag, TagRedirect

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parents[1] / "fixtures"
EXPORT = FIXTURES / "export" / "observatory-export.json"


def export(tmp_path, name):
    target = tmp_path / name
    call_command("export_statements", "--output", str(target), stdout=StringIO())
    return target


def import_files(*paths):
    out, err = StringIO(), StringIO()
    call_command("import_statements", *map(str, paths), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def empty_the_database():
    Statement.objects.all().delete()
    Tag.objects.all().delete()
    assert not SourceLink.objects.exists() and not TagRedirect.objects.exists()


@pytest.fixture
def archive(make_statement, make_tag):
    """Statements of every kind: both languages, one language, draft, scheduled, with tags and sources."""
    daesh = make_tag(name_ar="داعش", name_en="Daesh")
    identity = make_tag(name_ar="الهوية")
    make_tag(name_en="Unused")
    TagRedirect.objects.create(old_slug="isis", tag=daesh)
    now = timezone.now()
    make_statement(
        tags=[daesh, identity],
        summary_ar="ملخص",
        summary_en="Summary",
        sources=[
            {"url": "https://example.org/b", "title": "Second", "publisher": "Example", "published_on": None},
            {"url": "https://example.org/a", "title": "", "publisher": "", "published_on": datetime.date(2018, 4, 27)},
        ],
    )
    make_statement(title_ar="بيان بالعربية فقط", body_ar='<p>نص "مقتبس" &amp; رموز</p>', tags=[daesh])
    make_statement(
        title_en="English only",
        body_en='<p dir="ltr">Text <strong>bold</strong>\u00a0<a href="https://example.org/?a=1&amp;b=2">link</a></p>'
        '<blockquote cite="https://example.org/q">Quoted</blockquote><ul><li>one</li></ul>',
        status="draft",
    )
    make_statement(publish_at=now + datetime.timedelta(days=3, microseconds=123))
    make_statement(status="review", publish_at=now - datetime.timedelta(hours=5))


def test_export_import_into_empty_database_and_export_again_gives_the_same_bytes(archive, tmp_path):
    first = export(tmp_path, "first.json")
    empty_the_database()

    out, err = import_files(first)
    second = export(tmp_path, "second.json")

    assert "5 imported, 0 updated, 0 unchanged, 0 skipped; 3 new keywords" in out and err == ""
    assert first.read_bytes() == second.read_bytes()


def test_export_is_sorted_utf8_json_with_arabic_as_is(archive, tmp_path):
    raw = export(tmp_path, "export.json").read_bytes()
    text = raw.decode("utf-8")
    document = json.loads(text)

    assert "داعش" in text and "\\u" not in text
    assert text == json.dumps(document, ensure_ascii=False, sort_keys=True, indent=2) + "\n"
    dates = [(s["published_on"], s["uuid"]) for s in document["statements"]]
    assert dates == sorted(dates)
    assert [t["slug"] for t in document["tags"]] == sorted(t["slug"] for t in document["tags"])


def test_export_carries_every_field_of_a_statement(make_statement, make_tag, tmp_path):
    tag = make_tag(name_ar="داعش", name_en="Daesh")
    publish_at = timezone.now().replace(microsecond=0) + datetime.timedelta(days=2)
    statement = make_statement(
        tags=[tag],
        summary_ar="ملخص",
        summary_en="Summary",
        publish_at=publish_at,
        sources=[
            {"url": "https://example.org/x", "title": "T", "publisher": "P", "published_on": datetime.date(2020, 1, 2)}
        ],
    )

    record = json.loads(export(tmp_path, "x.json").read_text(encoding="utf-8"))["statements"][0]

    assert record["uuid"] == str(statement.uuid)
    assert record["title_ar"] == statement.title_ar and record["title_en"] == statement.title_en
    assert record["summary_ar"] == "ملخص" and record["summary_en"] == "Summary"
    assert record["body_ar"] == statement.body_ar and record["body_en"] == statement.body_en
    assert record["published_on"] == statement.published_on.isoformat()
    assert record["status"] == "published"
    assert datetime.datetime.fromisoformat(record["publish_at"]) == publish_at
    assert record["publish_at"].endswith("+02:00") or record["publish_at"].endswith("+03:00")
    assert record["slug"] == statement.slug
    assert record["tags"] == [tag.slug]
    assert record["sources"] == [
        {"position": 0, "url": "https://example.org/x", "title": "T", "publisher": "P", "published_on": "2020-01-02"}
    ]


def test_export_to_standard_output_is_the_same_document(archive, tmp_path):
    out = StringIO()
    call_command("export_statements", stdout=out)

    assert out.getvalue() == export(tmp_path, "file.json").read_text(encoding="utf-8")


def test_export_to_an_unwritable_place_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="cannot write"):
        call_command("export_statements", "--output", str(tmp_path / "missing" / "x.json"), stdout=StringIO())


def test_import_of_an_export_file_restores_statements_tags_and_sources():
    out, _ = import_files(EXPORT)

    assert "3 imported" in out
    first = Statement.objects.get(uuid="0b6f3c1e-2a4d-4e8f-9c1b-7d2e5f8a9b01")
    assert first.title_en == "Observatory welcomes campaign against Daesh media"
    assert first.summary_ar == "ترحيب بحملة أمنية دولية."
    assert [s.url for s in first.sources.all()] == [
        "https://www.example.org/news/campaign",
        "https://www.example.org/news/follow-up",
    ]
    assert first.sources.first().published_on == datetime.date(2018, 4, 27)
    assert [t.slug for t in first.tags.all()] == ["daesh"]
    second = Statement.objects.get(uuid="5c9e1d2f-3b4a-4c6d-8e7f-1a2b3c4d5e02")
    assert second.publish_at == datetime.datetime(2019, 2, 4, 7, 30, tzinfo=datetime.UTC)
    assert Statement.objects.get(title_ar="المرصد يراجع خطاب الكراهية").status == "draft"
    assert Tag.objects.get(slug="unused-keyword").name_en == "Unused keyword"
    assert sorted(TagRedirect.objects.filter(tag__slug="daesh").values_list("old_slug", flat=True)) == ["isil", "isis"]


def test_importing_an_export_file_into_an_empty_database_exports_it_byte_for_byte(tmp_path, django_user_model):
    for name in ("amal", "chief"):  # accounts travel in a database dump, not in the export
        django_user_model.objects.create_user(name)
    import_files(EXPORT)

    assert export(tmp_path, "again.json").read_bytes() == EXPORT.read_bytes()


def test_export_file_is_recognised_by_content_not_by_name(tmp_path):
    renamed = tmp_path / "archive-page.txt"
    shutil.copy(EXPORT, renamed)

    out, _ = import_files(renamed)

    assert "3 imported" in out


def test_importing_an_export_again_changes_nothing_and_an_edited_one_updates():
    import_files(EXPORT)
    ids = set(Statement.objects.values_list("pk", flat=True))

    out, _ = import_files(EXPORT)
    assert "0 imported, 0 updated, 3 unchanged" in out
    assert set(Statement.objects.values_list("pk", flat=True)) == ids

    statement = Statement.objects.get(uuid="0b6f3c1e-2a4d-4e8f-9c1b-7d2e5f8a9b01")
    statement.title_en = "Edited here"
    statement.save()
    statement.sources.all().delete()
    out, _ = import_files(EXPORT)
    statement.refresh_from_db()
    assert "1 updated, 2 unchanged" in out
    assert statement.title_en == "Observatory welcomes campaign against Daesh media"
    assert statement.sources.count() == 2
    assert set(Statement.objects.values_list("pk", flat=True)) == ids


def test_import_keeps_the_status_and_schedule_written_in_the_export():
    import_files(EXPORT)

    call_command("import_statements", str(EXPORT), "--status", "draft", stdout=StringIO())

    assert Statement.objects.filter(status="published").count() == 2


@pytest.mark.parametrize(
    "change, reason",
    [
        (lambda d: d.update(format="something-else"), "not an Observatory export"),
        (lambda d: d.update(version=99), "format version 99 is not supported"),
        (lambda d: d["statements"][0].update(uuid="nope"), "statement 1: “uuid” is missing or not a UUID"),
        (lambda d: d["statements"][1].update(status="gone"), "“status” must be one of draft, review, published"),
        (lambda d: d["statements"][1].update(publish_at="2019-02-04T09:30:00"), "“publish_at” must be an ISO 8601"),
        (lambda d: d["statements"][2].update(published_on="29/04/2018"), "“published_on” must be a date"),
        (lambda d: d["statements"][0].update(tags=["missing"]), "keyword “missing” is not in the document"),
        (lambda d: d["statements"][0].update(titel_ar="typo"), "unknown field “titel_ar”"),
        (lambda d: d["statements"][0]["sources"][0].update(url=""), "source 1: “url” must be a non-empty text"),
        (lambda d: d["tags"][0].update(slug=""), "keyword 1: “slug” must be a non-empty text"),
    ],
)
def test_a_faulty_export_file_is_skipped_whole_with_the_reason(tmp_path, change, reason):
    document = json.loads(EXPORT.read_text(encoding="utf-8"))
    change(document)
    faulty = tmp_path / "faulty.json"
    faulty.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    err = StringIO()

    with pytest.raises(CommandError) as raised:
        call_command("import_statements", str(faulty), stdout=StringIO(), stderr=err)

    assert f"skipped {faulty}: " in err.getvalue()
    assert reason in err.getvalue()
    assert raised.value.returncode == 1
    assert not Statement.objects.exists() and not Tag.objects.exists()


def test_invalid_json_is_reported_with_its_position(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "observatory-statements",\n "statements": [}', encoding="utf-8")
    err = StringIO()

    with pytest.raises(CommandError):
        call_command("import_statements", str(broken), stdout=StringIO(), stderr=err)

    assert f"skipped {broken}: invalid JSON" in err.getvalue()
    assert "line 2" in err.getvalue()


def test_dry_run_of_an_export_file_writes_nothing():
    out = StringIO()
    call_command("import_statements", str(EXPORT), "--dry-run", stdout=out, stderr=StringIO())

    assert "Would have: 3 imported" in out.getvalue()
    assert not Statement.objects.exists() and not Tag.objects.exists()


def test_a_keyword_whose_name_belongs_to_another_keyword_here_is_refused_by_name(make_tag):
    make_tag(name_ar="داعـش", name_en="ISIS")  # same folded Arabic name as the file's "daesh", another slug
    err = StringIO()

    with pytest.raises(CommandError):
        call_command("import_statements", str(EXPORT), stdout=StringIO(), stderr=err)

    assert "keyword “daesh”: the name “داعش” already belongs to the keyword “isis” here" in err.getvalue()
    assert not Statement.objects.exists()


def test_every_model_field_is_exported_or_deliberately_left_out():
    exported = {
        "statements.Statement": STATEMENT_KEYS,
        "statements.Tag": TAG_KEYS,
        "statements.SourceLink": set(SOURCE_FIELDS),
        "statements.TagRedirect": {"old_slug", "tag"},
    }
    for label, keys in exported.items():
        model = apps.get_model(label)
        names = {field.name for field in model._meta.get_fields() if not field.auto_created or field.concrete}
        missing = names - keys - NOT_EXPORTED[label]
        assert not missing, f"{label} fields {sorted(missing)}: add them to the export format or to NOT_EXPORTED"


def test_round_trip_is_byte_identical_after_merges_edits_and_imports_and_restores_edit_times(
    archive, make_tag, tmp_path
):
    from reversion.models import Revision

    from statements.editorial.merge import merge_tag

    extremism, radicalism = make_tag(name_en="Extremism"), make_tag(name_ar="التطرف", name_en="Radicalism")
    statement = Statement.objects.filter(title_en="English only").get()
    statement.tags.add(extremism)
    merge_tag(extremism, radicalism)
    statement.refresh_from_db()
    statement.body_en = "<p>Edited since, so its English text has an edit time.</p>"
    statement.save()
    assert statement.text_edited_at_en is not None
    first = export(tmp_path, "first.json")
    text = first.read_text(encoding="utf-8")
    assert "version" not in json.loads(text)["statements"][0]
    assert {"extremism"} <= {old for t in json.loads(text)["tags"] for old in t["old_slugs"]}
    before = {s.uuid: (s.pk, s.created_at, s.text_edited_at_ar, s.text_edited_at_en) for s in Statement.objects.all()}

    empty_the_database()
    Revision.objects.all().delete()
    import_files(first)

    assert export(tmp_path, "second.json").read_bytes() == first.read_bytes()
    assert TagRedirect.objects.get(old_slug="extremism").tag.slug == radicalism.slug
    after = {s.uuid: (s.pk, s.created_at, s.text_edited_at_ar, s.text_edited_at_en) for s in Statement.objects.all()}
    assert after == before
    assert Revision.objects.count() == Statement.objects.count()
