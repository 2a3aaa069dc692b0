import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, ManagementUtility, call_command
from django.db import connections
from django.db.models.signals import m2m_changed, post_save

from statements.models import Statement, Tag

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).parents[1] / "fixtures" / "legacy"
AR_SAMPLE = FIXTURES / "observatory-ar-2018-04-29.txt"
EN_SAMPLE = FIXTURES / "observatory-en-2019-02-04.txt"
GOOD_PAGES = sorted(FIXTURES.glob("*.txt"))


def run(*args, **options):
    out, err = StringIO(), StringIO()
    call_command("import_statements", *map(str, args), stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def run_failing(*args, **options):
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import_statements", *map(str, args), stdout=out, stderr=err, **options)
    return raised.value, out.getvalue(), err.getvalue()


def test_arabic_page_fills_the_arabic_fields_and_is_published():
    out, err = run(AR_SAMPLE)

    statement = Statement.objects.get()
    assert statement.title_ar.startswith('"مرصد الأزهر" يعرب عن تقديره')
    assert statement.title_en == "" and statement.body_en == ""
    assert statement.body_ar.startswith("<p>في إطار متابعة مرصد الأزهر")
    assert statement.body_ar.count("<p>") == 8
    assert "طباعة" not in statement.body_ar and "كلمات دالة" not in statement.body_ar
    assert str(statement.published_on) == "2018-04-29"
    assert statement.status == Statement.Status.PUBLISHED
    assert statement in Statement.objects.published()
    assert "1 imported, 0 updated, 0 unchanged, 0 skipped" in out
    assert err == ""


def test_english_page_fills_the_english_fields_and_tags_get_english_names():
    run(EN_SAMPLE)

    statement = Statement.objects.get()
    assert statement.title_en == "Al-Azhar Observatory praises the Document on Human Fraternity"
    assert statement.title_ar == "" and statement.body_ar == ""
    assert statement.body_en.startswith("<p>Al-Azhar Observatory for Combating Extremism praised")
    assert sorted((t.name_en, t.name_ar) for t in statement.tags.all()) == [
        ("Coexistence", ""),
        ("Human Fraternity", ""),
    ]


def test_keywords_reuse_existing_tags_whatever_their_spelling(make_tag):
    daesh = make_tag(name_ar="داعش", name_en="Daesh")
    islamophobia = make_tag(name_ar="الإسلاموفوبيا")
    fraternity = make_tag(name_ar="الأخوة الإنسانية", name_en="human fraternity")

    run(FIXTURES / "ar-yunia.txt", FIXTURES / "ar-levantine-month.txt", EN_SAMPLE)

    assert set(Statement.objects.get(published_on="2018-06-30").tags.all()) == {daesh}  # داعـــش
    levantine = Statement.objects.get(published_on="2019-01-21")
    assert islamophobia in levantine.tags.all()  # الاسلاموفوبيا
    assert fraternity in Statement.objects.get(published_on="2019-02-04").tags.all()  # Human Fraternity
    new = Tag.objects.exclude(pk__in=[daesh.pk, islamophobia.pk, fraternity.pk])
    assert sorted((t.name_ar, t.name_en) for t in new) == [("", "Coexistence"), ("أوروبا", "")]


def test_a_keyword_shared_by_several_pages_becomes_one_tag():
    run(FIXTURES / "ar-keywords-one-per-line.txt", FIXTURES / "ar-yulia.txt", FIXTURES / "ar-keywords-arabic-comma.txt")

    internet = Tag.objects.get(name_ar="الإنترنت")
    assert internet.statements.count() == 3


def test_every_fixture_page_imports_and_a_folder_is_read_recursively(tmp_path):
    nested = tmp_path / "archive" / "2018" / "04"
    nested.mkdir(parents=True)
    for n, source in enumerate(GOOD_PAGES):
        folder = nested if n % 2 else tmp_path / "archive"
        shutil.copy(source, folder / source.name)
    (tmp_path / "archive" / ".hidden.txt").write_text("not a page")

    out, err = run(tmp_path / "archive")

    assert Statement.objects.count() == len(GOOD_PAGES)
    assert f"{len(GOOD_PAGES)} imported, 0 updated, 0 unchanged, 0 skipped" in out
    assert err == ""


def test_importing_the_same_files_again_creates_nothing_new():
    run(*GOOD_PAGES)
    statements = {s.uuid: (s.pk, s.title_ar, s.title_en, s.body_ar, s.body_en) for s in Statement.objects.all()}
    tags = set(Tag.objects.values_list("pk", "name_ar", "name_en"))

    out, err = run(*GOOD_PAGES)

    assert {s.uuid: (s.pk, s.title_ar, s.title_en, s.body_ar, s.body_en) for s in Statement.objects.all()} == statements
    assert set(Tag.objects.values_list("pk", "name_ar", "name_en")) == tags
    assert f"0 imported, 0 updated, {len(GOOD_PAGES)} unchanged, 0 skipped; 0 new keywords" in out


def test_importing_a_changed_page_again_updates_its_statement(tmp_path):
    page = tmp_path / "page.txt"
    text = EN_SAMPLE.read_text(encoding="utf-8")
    page.write_text(text, encoding="utf-8")
    run(page)
    statement = Statement.objects.get()

    page.write_text(
        text.replace("every kind.", "every kind, online and offline.").replace("Coexistence", "Coexistence, Dialogue"),
        encoding="utf-8",
    )
    out, _ = run(page)

    statement.refresh_from_db()
    assert Statement.objects.count() == 1
    assert "online and offline" in statement.body_en
    assert {t.name_en for t in statement.tags.all()} == {"Human Fraternity", "Coexistence", "Dialogue"}
    assert "0 imported, 1 updated" in out


def test_reimport_keeps_editorial_status_and_tags_added_by_editors(make_tag):
    run(EN_SAMPLE, status="draft")
    statement = Statement.objects.get()
    statement.status = Statement.Status.REVIEW
    statement.save()
    editors_tag = make_tag(name_en="Abu Dhabi")
    statement.tags.add(editors_tag)

    run(EN_SAMPLE)

    statement.refresh_from_db()
    assert statement.status == Statement.Status.REVIEW
    assert editors_tag in statement.tags.all()


def test_arabic_and_english_pages_of_one_statement_stay_two_statements():
    run(AR_SAMPLE, EN_SAMPLE)

    assert Statement.objects.count() == 2
    assert Statement.objects.filter(title_en="").count() == 1
    assert Statement.objects.filter(title_ar="").count() == 1


def test_status_draft_imports_drafts_that_the_public_does_not_see(client):
    out, _ = run(AR_SAMPLE, EN_SAMPLE, status="draft")

    assert set(Statement.objects.values_list("status", flat=True)) == {"draft"}
    assert not Statement.objects.published().exists()
    statement = Statement.objects.get(title_ar="")
    assert client.get(statement.get_absolute_url()).status_code == 404


def test_status_must_be_a_known_status():
    with pytest.raises(CommandError, match="invalid choice: 'archived'"):
        run(AR_SAMPLE, "--status", "archived")
    assert not Statement.objects.exists()


def test_dry_run_reports_everything_and_writes_nothing(make_tag):
    make_tag(name_en="Coexistence")
    error, out, err = run_failing(*GOOD_PAGES, FIXTURES / "broken" / "no-date-line.txt", dry_run=True)

    assert not Statement.objects.exists()
    assert list(Tag.objects.values_list("name_en", flat=True)) == ["Coexistence"]
    for page in GOOD_PAGES:
        assert f"{page}: 1 new" in out
    assert f"Would have: {len(GOOD_PAGES)} imported, 0 updated, 0 unchanged, 1 skipped" in out
    assert "nothing was written" in out
    assert "no-date-line.txt: no date line after the title" in err
    assert error.returncode == 1


def test_dry_run_tells_updates_from_unchanged_pages(tmp_path):
    run(AR_SAMPLE, EN_SAMPLE)
    changed = tmp_path / "en.txt"
    changed.write_text(EN_SAMPLE.read_text(encoding="utf-8").replace("every kind", "all kinds"), encoding="utf-8")
    before = Statement.objects.get(title_ar="").body_en

    out, _ = run(AR_SAMPLE, changed, dry_run=True)

    assert "1 updated" in out and "1 unchanged" in out
    assert Statement.objects.get(title_ar="").body_en == before


@pytest.mark.parametrize(
    "name, reason",
    [
        ("no-date-line.txt", "no date line after the title"),
        ("empty-body.txt", "empty body"),
        ("undecodable.txt", "undecodable bytes"),
        ("unknown-month.txt", "date line “Sunday, 29 Aprol, 2018”: unknown month “Aprol”"),
    ],
)
def test_broken_file_is_skipped_with_path_and_reason_and_the_rest_still_import(name, reason):
    broken = FIXTURES / "broken" / name

    error, out, err = run_failing(AR_SAMPLE, broken, EN_SAMPLE)

    assert f"skipped {broken}: {reason}" in err
    assert Statement.objects.count() == 2
    assert "2 imported, 0 updated, 0 unchanged, 1 skipped" in out
    assert error.returncode == 1


def test_unreadable_and_missing_paths_are_skipped_with_their_reason(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(AR_SAMPLE, folder)
    (folder / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    missing = tmp_path / "nowhere"

    error, out, err = run_failing(folder, missing)

    assert f"skipped {folder / 'dangling.txt'}: cannot read the file: No such file or directory" in err
    assert f"skipped {missing}: no such file or folder" in err
    assert "1 imported, 0 updated, 0 unchanged, 2 skipped" in out
    assert error.returncode == 1


def test_command_line_run_exits_with_status_1_when_a_file_failed(capsys, monkeypatch):
    # The suite's database connection must outlive the command, which closes connections on exit.
    monkeypatch.setattr(connections, "close_all", lambda: None)
    broken = FIXTURES / "broken" / "empty-body.txt"

    with pytest.raises(SystemExit) as exited:
        ManagementUtility(["manage.py", "import_statements", str(AR_SAMPLE), str(broken)]).execute()

    assert exited.value.code == 1
    captured = capsys.readouterr()
    assert f"skipped {broken}: empty body" in captured.err
    assert "1 of 2 files could not be imported" in captured.err
    assert Statement.objects.count() == 1


def test_a_file_that_fails_in_the_database_leaves_nothing_behind(tmp_path, monkeypatch):
    page = tmp_path / "page.txt"
    page.write_text(
        "Title\n• | Sunday, 29 April, 2018\nText.\nKeywords: Brand new keyword, Another one\n", encoding="utf-8"
    )

    def refuse(sender, instance, action, **kwargs):
        if action == "post_add":
            from django.db import DatabaseError

            raise DatabaseError("simulated failure")

    m2m_changed.connect(refuse, sender=Statement.tags.through)
    try:
        error, out, err = run_failing(page, EN_SAMPLE)
    finally:
        m2m_changed.disconnect(refuse, sender=Statement.tags.through)

    assert f"skipped {page}: the database refused it: simulated failure" in err
    assert not Statement.objects.filter(title_en="Title").exists()
    assert not Tag.objects.filter(name_en__in=["Brand new keyword", "Another one"]).exists()
    assert error.returncode == 1

    run(page)  # the keyword cache forgot the rolled-back tags: they are created again, and linked
    assert {t.name_en for t in Statement.objects.get(title_en="Title").tags.all()} == {
        "Brand new keyword",
        "Another one",
    }


def test_same_page_twice_in_one_run_is_one_statement_but_a_different_text_is_refused(tmp_path):
    copy = tmp_path / "copy.txt"
    shutil.copy(EN_SAMPLE, copy)
    clash = tmp_path / "clash.txt"
    clash.write_text(EN_SAMPLE.read_text(encoding="utf-8").replace("every kind", "all kinds"), encoding="utf-8")

    out, _ = run(EN_SAMPLE, copy)
    assert Statement.objects.count() == 1
    assert "1 imported, 0 updated, 1 unchanged, 0 skipped" in out

    error, _, err = run_failing(EN_SAMPLE, clash)
    assert f"skipped {clash}: same title, date and language as {EN_SAMPLE}, but a different text" in err
    assert Statement.objects.count() == 1


def test_statements_and_tags_go_through_save_and_the_m2m_api():
    saved, tag_changes = [], []

    def on_save(sender, instance, created, **kwargs):
        saved.append((instance.title_en, created))

    def on_tags(sender, instance, action, **kwargs):
        tag_changes.append(action)

    post_save.connect(on_save, sender=Statement)
    m2m_changed.connect(on_tags, sender=Statement.tags.through)
    try:
        run(EN_SAMPLE)
    finally:
        post_save.disconnect(on_save, sender=Statement)
        m2m_changed.disconnect(on_tags, sender=Statement.tags.through)

    assert saved == [("Al-Azhar Observatory praises the Document on Human Fraternity", True)]
    assert "post_add" in tag_changes


class Terminal(StringIO):
    def isatty(self):
        return True


def test_progress_is_shown_on_a_terminal_only():
    terminal, pipe = Terminal(), StringIO()

    call_command("import_statements", str(AR_SAMPLE), str(EN_SAMPLE), stdout=StringIO(), stderr=terminal)
    call_command("import_statements", str(AR_SAMPLE), str(EN_SAMPLE), stdout=StringIO(), stderr=pipe)

    assert "\r2/2 files" in terminal.getvalue()
    assert pipe.getvalue() == ""


def test_a_broken_file_among_many_spoils_neither_its_batch_nor_the_next(tmp_path):
    for n in range(150):
        day = 1 + n % 28
        (tmp_path / f"page-{n:03d}.txt").write_text(
            f"Statement number {n}\n• | {day} March 2019\nParagraph of statement {n}.\nPrint\nKeywords: Batch\n",
            encoding="utf-8",
        )
    broken = tmp_path / "page-050.txt"
    broken.write_text("Statement without a date\nParagraph.\n", encoding="utf-8")

    error, out, err = run_failing(tmp_path)

    assert f"skipped {broken}: no date line" in err
    assert Statement.objects.count() == 149
    assert Tag.objects.get(name_en="Batch").statements.count() == 149
    assert "149 imported, 0 updated, 0 unchanged, 1 skipped" in out


def test_a_page_still_finds_its_statement_after_an_export_and_import(tmp_path):
    run(EN_SAMPLE)
    exported = tmp_path / "export.json"
    call_command("export_statements", "--output", str(exported), stdout=StringIO())
    Statement.objects.all().delete()
    Tag.objects.all().delete()
    run(exported)

    out, _ = run(EN_SAMPLE)

    assert Statement.objects.count() == 1
    assert "0 imported, 0 updated, 1 unchanged" in out


def test_pages_and_an_export_file_import_together(tmp_path, django_user_model):
    for name in ("amal", "chief"):  # named in the export's status history
        django_user_model.objects.create_user(name)
    shutil.copy(Path(__file__).parents[1] / "fixtures" / "export" / "observatory-export.json", tmp_path / "export.json")
    shutil.copy(AR_SAMPLE, tmp_path)

    out, err = run(tmp_path)

    assert Statement.objects.count() == 4
    assert "4 imported" in out and err == ""


def test_an_unexpected_error_on_one_file_is_reported_and_the_run_goes_on(monkeypatch):
    def explode(sender, instance, created, **kwargs):
        if instance.title_en.startswith("Al-Azhar"):
            raise RuntimeError("index unavailable")

    post_save.connect(explode, sender=Statement)
    try:
        error, out, err = run_failing(EN_SAMPLE, AR_SAMPLE)
    finally:
        post_save.disconnect(explode, sender=Statement)

    assert f"skipped {EN_SAMPLE}: unexpected RuntimeError: index unavailable" in err
    assert Statement.objects.get().title_ar.startswith('"مرصد الأزهر"')
    assert not Tag.objects.filter(name_en="Coexistence").exists()
    assert error.returncode == 1
