"""Every way a statement or its keywords change keeps the search index current at once."""

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from reversion.models import Version

from statements.models import Statement, Tag
from statements.search import index as search_index
from statements.search.query import parse, search
from tests.admin_helpers import add_url, changelist_url, form_data, post_change

pytestmark = pytest.mark.django_db

DRAFT, PUBLISHED = Statement.Status.DRAFT, Statement.Status.PUBLISHED
FIXTURES = Path(__file__).parents[1] / "fixtures"
EN_SAMPLE = FIXTURES / "legacy" / "observatory-en-2019-02-04.txt"
EXPORT = FIXTURES / "export" / "observatory-export.json"


def found(q):
    return set(search(parse(q)).ids)


def run_action(client, action, statements):
    return client.post(changelist_url(), {"action": action, "_selected_action": [s.pk for s in statements], "index": 0})


def test_statement_written_in_the_admin_is_found_and_an_admin_edit_replaces_its_words(publisher_client):
    data = form_data(publisher_client.get(add_url()))
    data.update(title_ar="", title_en="Lagoon survey", body_en="<p>lagoon</p>", status=PUBLISHED)
    assert publisher_client.post(add_url(), data).status_code == 302
    statement = Statement.objects.get()
    assert found("lagoon") == {statement.pk}

    assert (
        post_change(publisher_client, statement, title_en="Estuary survey", body_en="<p>estuary</p>").status_code == 302
    )
    assert found("estuary") == {statement.pk}
    assert found("lagoon") == set()


def test_keyword_chosen_in_the_admin_form_finds_the_statement(publisher_client, make_statement, make_tag):
    tag = make_tag(name_ar="الكثبان", name_en="Dunes")
    statement = make_statement(title_en="Field notes", body_en="<p>notes</p>")
    assert post_change(publisher_client, statement, tags=[str(tag.pk)]).status_code == 302
    assert found("dunes") == found("كثبان") == {statement.pk}

    assert post_change(publisher_client, statement, tags=[]).status_code == 302
    assert found("dunes") == set()


def test_unpublishing_in_the_admin_form_hides_the_statement_at_once(publisher_client, make_statement):
    statement = make_statement(title_en="Canyon survey", body_en="<p>canyon</p>")
    assert found("canyon") == {statement.pk}
    assert post_change(publisher_client, statement, status=DRAFT).status_code == 302
    assert found("canyon") == set()


def test_publish_and_unpublish_actions_show_and_hide_statements_at_once(publisher_client, make_statement):
    draft = make_statement(title_en="Glacier survey", body_en="<p>glacier</p>", status=DRAFT)
    assert found("glacier") == set()

    run_action(publisher_client, "publish_statements", [draft])
    assert found("glacier") == {draft.pk}

    run_action(publisher_client, "unpublish_statements", [draft])
    assert found("glacier") == set()


def test_restoring_a_revision_makes_its_words_findable_again(publisher_client, make_tag):
    old_tag, new_tag = make_tag(name_en="Marshes"), make_tag(name_en="Deltas")
    data = form_data(publisher_client.get(add_url()))
    data.update(title_ar="", title_en="Heron count", body_en="<p>heron</p>", status=PUBLISHED, tags=[str(old_tag.pk)])
    assert publisher_client.post(add_url(), data).status_code == 302
    statement = Statement.objects.get()
    post_change(publisher_client, statement, title_en="Egret count", body_en="<p>egret</p>", tags=[str(new_tag.pk)])
    assert found("heron") == found("marsh") == set()

    first = Version.objects.get_for_object(statement).order_by("pk").first()
    url = reverse("admin:statements_statement_revision", args=[statement.pk, first.pk])
    assert publisher_client.post(url, form_data(publisher_client.get(url))).status_code == 302

    assert found("heron") == found("marsh") == {statement.pk}
    assert found("egret") == found("delta") == set()


def test_recovering_a_deleted_statement_puts_it_back_in_the_index(publisher_client, make_statement):
    data = form_data(publisher_client.get(add_url()))
    data.update(title_ar="", title_en="Osprey count", body_en="<p>osprey</p>", status=PUBLISHED)
    publisher_client.post(add_url(), data)
    statement = Statement.objects.get()
    statement.delete()
    assert found("osprey") == set()

    version = Version.objects.get_deleted(Statement).get()
    url = reverse("admin:statements_statement_recover", args=[version.pk])
    assert publisher_client.post(url, form_data(publisher_client.get(url))).status_code == 302
    assert found("osprey") == {Statement.objects.get().pk}


@pytest.fixture
def two_keywords(make_statement, make_tag):
    source = make_tag(name_ar="الغلو", name_en="Zealotry")
    target = make_tag(name_ar="التشدد", name_en="Hardline")
    statement = make_statement(title_en="Field notes", body_en="<p>notes</p>", tags=[source])
    return source, target, statement


def test_merge_command_moves_what_finds_the_statements_to_the_target_keyword(two_keywords):
    source, target, statement = two_keywords
    assert found("zealotry") == {statement.pk}

    call_command("merge_tags", source.slug, target.slug, stdout=StringIO())

    assert found("hardline") == found("تشدد") == {statement.pk}
    assert found("zealotry") == found("غلو") == set()


def test_merge_action_moves_what_finds_the_statements_to_the_target_keyword(publisher_client, two_keywords):
    source, target, statement = two_keywords
    response = publisher_client.post(
        reverse("admin:statements_tag_changelist"),
        {
            "action": "merge_selected_tags",
            "_selected_action": [source.pk, target.pk],
            "post": "yes",
            "target": target.pk,
        },
    )
    assert response.status_code == 302
    assert found("hardline") == {statement.pk}
    assert found("zealotry") == set()


def test_keyword_renamed_in_the_admin_finds_its_statements_by_the_new_name(publisher_client, two_keywords):
    source, _target, statement = two_keywords
    url = reverse("admin:statements_tag_change", args=[source.pk])
    data = form_data(publisher_client.get(url), form_id="tag_form")
    data.update(name_en="Fanaticism")
    assert publisher_client.post(url, data).status_code == 302
    assert Tag.objects.get(pk=source.pk).name_en == "Fanaticism"
    assert found("fanaticism") == {statement.pk}
    assert found("zealotry") == set()


def test_imported_legacy_page_is_found_and_a_reimport_replaces_its_words(tmp_path):
    page = tmp_path / "page.txt"
    text = EN_SAMPLE.read_text(encoding="utf-8")
    page.write_text(text, encoding="utf-8")
    call_command("import_statements", str(page), stdout=StringIO(), stderr=StringIO())
    statement = Statement.objects.get()
    assert found("fraternity") == found("coexistence") == {statement.pk}
    assert found("tolerance") == set()

    page.write_text(text.replace("every kind.", "every kind, preaching tolerance."), encoding="utf-8")
    call_command("import_statements", str(page), stdout=StringIO(), stderr=StringIO())
    assert found("tolerance") == {statement.pk}


def test_imported_export_file_is_found_and_a_reimport_replaces_its_words(tmp_path):
    call_command("import_statements", str(EXPORT), stdout=StringIO(), stderr=StringIO())
    statement = Statement.objects.get(uuid="0b6f3c1e-2a4d-4e8f-9c1b-7d2e5f8a9b01")
    assert statement.pk in found("welcomes daesh")
    assert found("heliograph") == set()

    edited = tmp_path / "edited.json"
    shutil.copy(EXPORT, edited)
    edited.write_text(
        edited.read_text(encoding="utf-8").replace("against Daesh media", "against Daesh heliograph"),
        encoding="utf-8",
    )
    call_command("import_statements", str(edited), stdout=StringIO(), stderr=StringIO())
    assert found("heliograph") == {statement.pk}


def test_demo_content_is_searchable_right_after_seeding(db):
    call_command("seed_demo", stdout=StringIO())
    public = set(Statement.objects.published().values_list("pk", flat=True))
    assert public
    assert public <= found("مرصد") | found("observatory")
    assert found("Fraternity") and found("الأخوة")


@pytest.mark.django_db(transaction=True)
def test_migrating_a_database_that_holds_statements_indexes_them_for_search():
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    graph = MigrationExecutor(connection).loader.graph
    adding = next(key for key in graph.nodes if key[0] == "statements" and key[1].endswith("_search_document"))
    before = [parent for parent in graph.node_map[adding].parents if parent.key[0] == "statements"][0].key
    call_command("migrate", *before, verbosity=0)
    old_apps = MigrationExecutor(connection).loader.project_state([before]).apps
    old_apps.get_model("statements", "Statement").objects.create(
        title_en="Tern census", body_en="<p>tern</p>", published_on="2018-04-29", status="published"
    )

    out = StringIO()
    call_command("migrate", "statements", stdout=out)

    assert "Search index: 1 statements indexed." in out.getvalue()
    assert found("tern") == set(Statement.objects.values_list("pk", flat=True))


def test_restoring_a_revision_whose_keyword_was_merged_since_finds_it_by_the_keyword_it_joined(
    publisher_client, make_tag
):
    source, target = make_tag(name_en="Zealotry"), make_tag(name_en="Hardline")
    data = form_data(publisher_client.get(add_url()))
    data.update(title_ar="", title_en="Ibis count", body_en="<p>ibis</p>", status=PUBLISHED, tags=[str(source.pk)])
    publisher_client.post(add_url(), data)
    statement = Statement.objects.get()
    post_change(publisher_client, statement, title_en="Stork count", body_en="<p>stork</p>", tags=[])
    call_command("merge_tags", source.slug, target.slug, stdout=StringIO())

    first = Version.objects.get_for_object(statement).order_by("pk").first()
    url = reverse("admin:statements_statement_revision", args=[statement.pk, first.pk])
    assert publisher_client.post(url, form_data(publisher_client.get(url))).status_code == 302

    assert found("ibis") == found("hardline") == {statement.pk}
    assert found("stork") == found("zealotry") == set()


@pytest.fixture
def passes(monkeypatch):
    """The sets of statements indexed, one per indexing pass, as they happen (indexing still takes place)."""
    seen = []
    index_now = search_index.index_statements
    monkeypatch.setattr(search_index, "index_statements", lambda pks: seen.append(set(pks)) or index_now(pks))
    return seen


def test_an_import_indexes_its_statements_once_per_batch_not_on_every_save(tmp_path, passes):
    text = EN_SAMPLE.read_text(encoding="utf-8")
    for word in ("heliograph", "semaphore", "telegraph"):
        page = text.replace("the Document on Human Fraternity", f"the {word} charter")
        (tmp_path / f"{word}.txt").write_text(page, encoding="utf-8")
    (tmp_path / "broken.txt").write_text("not an old-site page", encoding="utf-8")

    with pytest.raises(CommandError, match="1 of 4 files"):
        call_command("import_statements", str(tmp_path), stdout=StringIO(), stderr=StringIO())

    imported = set(Statement.objects.values_list("pk", flat=True))
    assert len(imported) == 3 and passes == [imported]
    for word in ("heliograph", "semaphore", "telegraph"):
        assert found(word) == {Statement.objects.get(title_en__contains=word).pk}


def test_deferred_indexing_indexes_once_at_the_end_and_not_after_an_error(make_statement, passes):
    with search_index.deferred_indexing():
        first = make_statement(title_en="Heliograph report", body_en="<p>heliograph</p>")
        with search_index.deferred_indexing():  # an inner block leaves the indexing to the outer one
            second = make_statement(title_en="Semaphore report", body_en="<p>semaphore</p>")
        assert passes == [] and found("heliograph") == set()
    assert passes == [{first.pk, second.pk}]
    assert found("heliograph") == {first.pk} and found("semaphore") == {second.pk}

    with pytest.raises(RuntimeError), search_index.deferred_indexing():
        make_statement(title_en="Telegraph report", body_en="<p>telegraph</p>")
        raise RuntimeError("the caller's transaction rolls back")
    assert len(passes) == 1
    first.title_en = "Heliograph and telegraph"
    first.save()  # outside a block, a save indexes at once again
    assert found("telegraph") == {first.pk}


def test_merging_a_keyword_indexes_its_statements_in_one_pass(two_keywords, make_statement, passes):
    from statements.editorial.merge import merge_tag

    source, target, first = two_keywords
    others = [make_statement(title_en=f"Report {n}", body_en="<p>report</p>", tags=[source]) for n in range(2)]
    passes.clear()  # the statements' own saves indexed them; only the merge's passes count
    merge_tag(source, target)
    assert passes == [{first.pk, *(s.pk for s in others)}]
    assert found("hardline") == {first.pk, *(s.pk for s in others)} and found("zealotry") == set()
