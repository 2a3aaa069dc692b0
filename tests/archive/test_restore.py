"""A restore from an export keeps every permanent link: ids, times, status history and keyword redirects."""

import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from statements.archive.importer import highest_id_given_out, move_id_sequence_past_ids
from statements.models import Statement, StatusChange, TagRedirect

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parents[1] / "fixtures" / "export"
EXPORT = FIXTURES / "observatory-export.json"
EXPORT_V1 = FIXTURES / "observatory-export-v1.json"
FIRST, SECOND, THIRD = (
    "0b6f3c1e-2a4d-4e8f-9c1b-7d2e5f8a9b01",
    "5c9e1d2f-3b4a-4c6d-8e7f-1a2b3c4d5e02",
    "9d8c7b6a-5f4e-4d3c-9b2a-1f0e9d8c7b03",
)


@pytest.fixture(autouse=True)
def fresh_id_counter(db):
    """Each test starts from a database that never gave out an id (PostgreSQL sequences outlive rollbacks)."""
    move_id_sequence_past_ids()


def run(*paths):
    out, err = StringIO(), StringIO()
    call_command("import_statements", *map(str, paths), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def moment(text):
    return timezone.datetime.fromisoformat(text)


def test_an_export_restored_into_an_empty_database_keeps_every_statements_id():
    out, err = run(EXPORT)

    assert "3 imported" in out and "another statement" not in err
    ids = dict(Statement.objects.values_list("uuid", "pk"))
    assert {str(key): pk for key, pk in ids.items()} == {FIRST: 1723, SECOND: 2018, THIRD: 3517}


def test_a_restored_statement_answers_at_its_old_permanent_address(client):
    run(EXPORT)

    response = client.get("/en/statements/1723/", follow=True)

    assert response.status_code == 200
    assert "Observatory welcomes campaign against Daesh media" in response.content.decode()


def test_statements_created_after_a_restore_are_numbered_after_the_restored_ones(make_statement):
    run(EXPORT)

    assert make_statement().pk == 3518


def test_a_restore_keeps_created_updated_and_text_edited_times():
    run(EXPORT)

    first = Statement.objects.get(uuid=FIRST)
    assert first.created_at == moment("2018-04-29T10:15:00+02:00")
    assert first.updated_at == moment("2021-03-02T11:00:00.250000+02:00")
    assert first.text_edited_at_ar == moment("2018-04-29T10:15:00+02:00")
    assert first.text_edited_at_en == moment("2021-03-02T11:00:00.250000+02:00")
    assert Statement.objects.get(uuid=SECOND).text_edited_at_en is None


def test_a_restore_keeps_the_status_history_with_who_when_the_account_exists(django_user_model):
    chief = django_user_model.objects.create_user("chief")

    out, err = run(EXPORT)

    assert "the status history names accounts that do not exist here (amal)" in err
    history = list(StatusChange.objects.filter(statement__uuid=FIRST).order_by("changed_at"))
    assert [(c.from_status, c.to_status) for c in history] == [("", "draft"), ("draft", "published")]
    assert history[0].changed_by is None  # no account "amal" here
    assert history[1].changed_by == chief and history[1].changed_at == moment("2018-04-29T12:00:00+02:00")
    scheduled = StatusChange.objects.get(statement__uuid=SECOND)
    assert scheduled.publish_at == moment("2019-02-04T09:30:00+02:00")


def test_a_restore_brings_back_keyword_redirects(client):
    run(EXPORT)

    assert sorted(TagRedirect.objects.values_list("old_slug", flat=True)) == ["isil", "isis"]
    assert client.get("/ar/tags/isis/").headers["Location"] == "/ar/tags/daesh/"


def test_an_id_taken_here_by_another_statement_is_not_reused_and_the_report_says_so(make_statement):
    other = make_statement(id=2018, title_en="Already here", body_en="<p>Here first.</p>")

    out, err = run(EXPORT)

    restored = Statement.objects.get(uuid=SECOND)
    assert restored.pk not in {2018, 1723, 3517} and restored.pk > 3517
    assert f"statement 2 ({SECOND}): id 2018 is or was another statement's here" in err
    assert f"imported as statement {restored.pk}" in err
    other.refresh_from_db()
    assert other.title_en == "Already here"
    # 1723 is free, but this database has given out ids up to 2018: it may have been a deleted statement's.
    assert Statement.objects.get(uuid=FIRST).pk > 3517 and "id 1723 is or was another statement's here" in err
    assert Statement.objects.get(uuid=THIRD).pk == 3517


def test_an_id_a_deleted_statement_had_is_not_given_to_another_one(make_statement, tmp_path):
    make_statement()
    gone = make_statement()
    gone_id = gone.pk
    gone.delete()
    document = json.loads(EXPORT.read_text(encoding="utf-8"))
    document["statements"][0]["id"] = gone_id
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")

    out, err = run(path)

    assert Statement.objects.get(uuid=FIRST).pk != gone_id
    assert f"id {gone_id} is or was another statement's here" in err


def test_importing_into_a_database_that_holds_the_statements_keeps_their_ids_and_changes_nothing():
    run(EXPORT)

    out, err = run(EXPORT)

    assert "0 imported, 0 updated, 3 unchanged" in out and err == ""
    assert sorted(Statement.objects.values_list("pk", flat=True)) == [1723, 2018, 3517]


def test_a_version_1_export_still_imports_with_new_ids_and_times(tmp_path):
    renamed = tmp_path / "old.json"
    shutil.copy(EXPORT_V1, renamed)

    out, err = run(renamed)

    assert "3 imported" in out and err == ""
    assert not StatusChange.objects.exists()
    assert all(s.created_at.date() == timezone.now().date() for s in Statement.objects.all())


def test_a_dry_run_restore_writes_nothing_and_leaves_the_id_counter_alone():
    before = highest_id_given_out()

    call_command("import_statements", str(EXPORT), "--dry-run", stdout=StringIO(), stderr=StringIO())

    assert not Statement.objects.exists()
    assert highest_id_given_out() == before < 1723
