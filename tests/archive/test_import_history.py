"""What imports leave in the statements' history, and how they meet editors' work and merged keywords."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError
from django.db.models.signals import m2m_changed
from reversion.models import Revision, Version

from statements.editorial.merge import merge_tag
from statements.models import Statement, Tag, TagRedirect
from tests.admin_helpers import form_data, history_url, post_change, revision_url

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parents[1] / "fixtures" / "legacy"
EN_SAMPLE = FIXTURES / "observatory-en-2019-02-04.txt"
AR_SAMPLE = FIXTURES / "observatory-ar-2018-04-29.txt"


def run(*paths, **options):
    out, err = StringIO(), StringIO()
    call_command("import_statements", *map(str, paths), stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def versions_of(statement):
    return list(Version.objects.get_for_object(statement).select_related("revision__user").order_by("pk"))


@pytest.fixture
def page(tmp_path):
    """A copy of the English sample page, to change between imports."""
    copy = tmp_path / "page.txt"
    copy.write_text(EN_SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    return copy


def rewrite(page, old, new):
    text = page.read_text(encoding="utf-8")
    assert old in text
    page.write_text(text.replace(old, new), encoding="utf-8")


def test_an_imported_statement_has_one_revision_naming_its_file_with_its_text_and_keywords():
    run(EN_SAMPLE)
    statement = Statement.objects.get()

    [version] = versions_of(statement)

    assert f"\u2068{EN_SAMPLE}\u2069" in version.revision.comment  # the path reads left to right in Arabic too
    assert version.revision.user is None
    assert version.field_dict["title_en"] == statement.title_en
    assert version.field_dict["body_en"] == statement.body_en
    assert sorted(version.field_dict["tags"]) == sorted(statement.tags.values_list("pk", flat=True))


def test_admin_history_shows_the_import_and_its_file(publisher_client):
    run(AR_SAMPLE)
    statement = Statement.objects.get()

    response = publisher_client.get(history_url(statement), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert AR_SAMPLE.name in response.content.decode()


def test_importing_the_same_file_again_adds_no_revision():
    run(EN_SAMPLE, AR_SAMPLE)

    run(EN_SAMPLE, AR_SAMPLE)

    assert Revision.objects.count() == 2
    assert all(len(versions_of(statement)) == 1 for statement in Statement.objects.all())


def test_dry_run_writes_no_revision():
    run(EN_SAMPLE, Path(__file__).parents[1] / "fixtures" / "export" / "observatory-export.json", dry_run=True)

    assert not Revision.objects.exists() and not Version.objects.exists()


def test_a_file_that_fails_leaves_no_revision_and_the_others_keep_theirs(tmp_path):
    broken = tmp_path / "broken.txt"
    broken.write_text("Title\n• | Sunday, 29 April, 2018\nText.\nKeywords: Brand new keyword\n", encoding="utf-8")

    def refuse(sender, instance, action, **kwargs):
        if action == "post_add" and instance.title_en == "Title":
            raise DatabaseError("simulated failure")

    m2m_changed.connect(refuse, sender=Statement.tags.through)
    try:
        with pytest.raises(CommandError):
            run(broken, EN_SAMPLE)
    finally:
        m2m_changed.disconnect(refuse, sender=Statement.tags.through)

    assert [str(EN_SAMPLE) in revision.comment for revision in Revision.objects.all()] == [True]
    assert not Version.objects.filter(serialized_data__contains="Brand new keyword").exists()


def test_reimport_over_an_editors_edit_updates_says_so_and_the_edit_can_be_restored(page, publisher_client):
    run(page)
    statement = Statement.objects.get()
    response = post_change(publisher_client, statement, body_en="<p>The editor's careful rewrite.</p>")
    assert response.status_code == 302
    rewrite(page, "every kind.", "every kind, online and offline.")

    out, err = run(page)

    statement.refresh_from_db()
    assert "online and offline" in statement.body_en  # the file wins: importing it again updates its statement
    assert "0 imported, 1 updated" in out
    assert str(page) in err and "publisher" in err and "history" in err  # …but never silently
    imported, edited, updated = versions_of(statement)
    assert edited.revision.user.username == "publisher"
    assert str(page) in updated.revision.comment and updated.revision.user is None
    assert "online and offline" in updated.field_dict["body_en"]

    restore = publisher_client.get(revision_url(statement, edited))
    assert publisher_client.post(revision_url(statement, edited), form_data(restore)).status_code == 302
    statement.refresh_from_db()
    assert statement.body_en == "<p>The editor's careful rewrite.</p>"


def test_reimport_after_a_save_outside_the_admin_first_keeps_that_state_in_the_history(page):
    run(page)
    statement = Statement.objects.get()
    statement.body_en = "<p>Changed by a script, with no revision.</p>"
    statement.save()
    rewrite(page, "every kind.", "every kind, online and offline.")

    _, err = run(page)

    imported, kept, updated = versions_of(statement)
    assert kept.field_dict["body_en"] == "<p>Changed by a script, with no revision.</p>"
    assert str(page) in kept.revision.comment and str(page) in updated.revision.comment
    assert "online and offline" in updated.field_dict["body_en"]
    assert f"note {page}:" in err and "was changed on" in err


def test_reimport_of_an_untouched_statement_says_nothing_but_records_the_update(page):
    run(page)
    rewrite(page, "every kind.", "every kind, online and offline.")

    _, err = run(page)

    assert err == ""
    assert len(versions_of(Statement.objects.get())) == 2


def test_export_import_gives_each_statement_a_revision_of_its_own(make_statement, tmp_path):
    make_statement()
    make_statement(title_en="English only", body_en="<p>Text</p>")
    export = tmp_path / "export.json"
    call_command("export_statements", "--output", str(export), stdout=StringIO())
    Statement.objects.all().delete()
    Revision.objects.all().delete()

    run(export)

    for statement in Statement.objects.all():
        [version] = versions_of(statement)
        assert str(export) in version.revision.comment
        assert version.revision.version_set.count() == 1  # restoring it rewinds this statement only


def test_reimport_of_an_edited_export_records_the_update(make_statement, tmp_path):
    statement = make_statement()
    export = tmp_path / "export.json"
    call_command("export_statements", "--output", str(export), stdout=StringIO())
    document = json.loads(export.read_text(encoding="utf-8"))
    document["statements"][0]["title_en"] = "Renamed in the file"
    export.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")

    run(export)

    kept, updated = versions_of(statement)  # saved outside the admin: its state before the import is kept first
    assert kept.field_dict["title_en"] == statement.title_en
    assert updated.field_dict["title_en"] == "Renamed in the file"


def test_a_keyword_merged_into_another_is_not_brought_back_by_an_import(page, tmp_path):
    run(page)
    coexistence = Tag.objects.get(name_en="Coexistence")
    living_together = Tag.objects.create(name_en="Living together")
    merge_tag(coexistence, living_together)
    other = tmp_path / "other.txt"
    other.write_text("Another title\n• | Monday, 4 February, 2019\nText.\nKeywords: Coexistence\n", encoding="utf-8")

    out, _ = run(page, other)

    assert not Tag.objects.filter(name_en="Coexistence").exists()
    assert "0 new keywords" in out and "1 unchanged" in out
    assert list(Statement.objects.get(title_en="Another title").tags.all()) == [living_together]
    assert TagRedirect.objects.get(old_slug=coexistence.slug).tag == living_together


def test_a_statement_saved_by_someone_else_during_the_import_is_skipped_not_overwritten(page, monkeypatch):
    import statements.archive.importer

    run(page)
    before = Statement.objects.get().body_en
    rewrite(page, "every kind.", "every kind, online and offline.")
    keep = statements.archive.importer.keep_current_state

    def rival_save_first(statement, path, pending, **options):
        # An editor saves the statement between the importer reading it and writing it.
        rival = Statement.objects.get(pk=statement.pk)
        rival.body_en = "<p>Saved by an editor a moment ago.</p>"
        rival.save()
        return keep(statement, path, pending, **options)

    monkeypatch.setattr(statements.archive.importer, "keep_current_state", rival_save_first)
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError) as failed:
        call_command("import_statements", str(page), stdout=out, stderr=err)

    assert failed.value.returncode == 1
    assert f"skipped {page}: someone saved its statement while it was being imported; import the file again" in (
        err.getvalue()
    )
    assert Statement.objects.get().body_en == before  # (the rival's save was in this test's transaction too)
    assert len(versions_of(Statement.objects.get())) == 1

    monkeypatch.setattr(statements.archive.importer, "keep_current_state", keep)
    out, _ = run(page)
    assert "1 updated" in out and "online and offline" in Statement.objects.get().body_en


def test_dry_run_tells_which_editors_change_a_reimport_would_replace(page, publisher_client):
    run(page)
    statement = Statement.objects.get()
    assert post_change(publisher_client, statement, body_en="<p>The editor's rewrite.</p>").status_code == 302
    rewrite(page, "every kind.", "every kind, online and offline.")

    out, err = run(page, dry_run=True)

    assert "would have: 0 imported, 1 updated" in out.lower()
    assert f"note {page}:" in err and "changed by publisher" in err and "would replace" in err
    statement.refresh_from_db()
    assert statement.body_en == "<p>The editor's rewrite.</p>" and len(versions_of(statement)) == 2


def test_an_importer_used_on_its_own_writes_each_files_revision_with_the_file():
    from statements.archive.importer import Importer

    outcome = Importer().import_file(EN_SAMPLE)

    assert outcome.imported == 1 and not outcome.error
    [version] = versions_of(Statement.objects.get())
    assert str(EN_SAMPLE) in version.revision.comment
