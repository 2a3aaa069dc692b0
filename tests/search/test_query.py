import datetime
import io

import pytest
import time_machine
from django.utils import timezone

from statements.models import SearchDocument, Statement
from statements.search.highlight import highlight, snippet
from statements.search.index import rebuild, remove_statements
from statements.search.query import parse, search
from statements.text.normalize import terms

pytestmark = pytest.mark.django_db


def found(q):
    """Titles (Arabic, else English) of the public statements the search finds for ``q``."""
    ids = search(parse(q)).ids
    return {s.title_ar or s.title_en for s in Statement.objects.filter(pk__in=ids)}


def test_scheduled_statement_is_found_once_its_moment_has_come(make_statement):
    publish_at = timezone.now() + datetime.timedelta(hours=3)
    make_statement(title_en="Eclipse bulletin", body_en="<p>eclipse</p>", publish_at=publish_at)

    assert found("eclipse") == set()
    with time_machine.travel(publish_at + datetime.timedelta(minutes=1)):
        assert found("eclipse") == {"Eclipse bulletin"}


def test_statement_leaves_results_at_once_when_unpublished(make_statement):
    statement = make_statement(title_en="Lighthouse report", body_en="<p>lighthouse</p>")
    assert found("lighthouse") == {"Lighthouse report"}

    statement.status = Statement.Status.DRAFT
    statement.save()
    assert found("lighthouse") == set()


def test_edited_statement_is_found_by_its_new_words_and_not_its_old_ones(make_statement):
    statement = make_statement(title_ar="بيان عن الصحراء", body_ar="<p>الصحراء</p>", title_en="", body_en="")
    statement.body_ar = "<p>الواحة</p>"
    statement.title_ar = "بيان عن الواحة"
    statement.save()

    assert found("واحة") == {"بيان عن الواحة"}
    assert found("صحراء") == set()


def test_added_and_removed_tags_change_what_finds_a_statement(make_statement, make_tag):
    tag = make_tag(name_ar="زلازل", name_en="Earthquakes")
    statement = make_statement(title_en="Field notes", body_en="<p>notes</p>")
    statement.tags.add(tag)
    assert found("earthquake") == {"Field notes"}

    statement.tags.remove(tag)
    assert found("earthquake") == set()

    tag.statements.add(statement)
    assert found("زلازل") == {"Field notes"}
    tag.statements.clear()
    assert found("زلازل") == set()


def test_renamed_tag_finds_its_statements_by_the_new_name(make_statement, make_tag):
    tag = make_tag(name_ar="سيول", name_en="Floods")
    make_statement(title_en="Field notes", body_en="<p>notes</p>", tags=[tag])
    tag.name_en = "Torrents"
    tag.save()

    assert found("torrent") == {"Field notes"}
    assert found("floods") == set()


def test_deleted_tag_no_longer_finds_its_statements(make_statement, make_tag):
    tag = make_tag(name_en="Volcanoes")
    make_statement(title_en="Field notes", body_en="<p>notes</p>", tags=[tag])
    tag.delete()
    assert found("volcano") == set()


def test_renaming_a_tag_twice_keeps_every_other_word_and_phrase_of_its_statements(make_statement, make_tag):
    tag = make_tag(name_ar="سيول", name_en="Floods")
    other = make_tag(name_en="Rivers")
    make_statement(
        title_en="Field notes",
        summary_en="Summer survey.",
        body_en="<p>The valley road washed away.</p>",
        body_ar="<p>جرفت السيول طريق الوادي</p>",
        tags=[tag, other],
    )
    for name in ("Torrents", "Deluges"):
        tag.name_en = name
        tag.save()

    assert found("deluge") == found('"valley road washed"') == found('"طريق الوادي"') == {"Field notes"}
    assert found("summer") == found("rivers") == found("سيول") == found('"field notes"') == {"Field notes"}
    assert found("torrents") == found("floods") == found('"road valley"') == set()


def test_renaming_a_tag_indexes_whole_a_statement_the_index_lacks(make_statement, make_tag):
    tag = make_tag(name_en="Floods")
    statement = make_statement(title_en="Field notes", body_en="<p>washed away</p>", tags=[tag])
    remove_statements([statement.pk])
    assert found("washed") == set()
    tag.name_en = "Torrents"
    tag.save()
    assert found("torrents") == found("washed") == {"Field notes"}


def test_deleted_statement_leaves_the_index(make_statement):
    statement = make_statement(title_en="Comet sighting", body_en="<p>comet</p>")
    statement.delete()
    assert found("comet") == set()
    assert not SearchDocument.objects.exists()


def test_raw_save_of_a_restored_version_is_indexed(make_statement):
    statement = make_statement(title_en="Harbour log", body_en="<p>harbour</p>")
    statement.title_en = "Glacier log"
    statement.body_en = "<p>glacier</p>"
    statement.save_base(raw=True)  # how fixtures and restored revisions are written
    assert found("glacier") == {"Glacier log"}
    assert found("harbour") == set()


def test_rebuild_restores_an_emptied_index(make_statement):
    make_statement(title_en="Meteor shower", body_en="<p>meteor</p>")
    SearchDocument.objects.all().delete()
    from statements.search.index import remove_statements

    remove_statements(Statement.objects.values_list("pk", flat=True))
    assert found("meteor") == set()

    assert rebuild() == 1
    assert found("meteor") == {"Meteor shower"}


def test_title_match_ranks_above_body_match(make_statement):
    make_statement(title_en="Annual figures", body_en="<p>The desert grows.</p>")
    make_statement(title_en="Desert report", body_en="<p>Annual figures.</p>")
    ids = search(parse("desert")).ids
    assert [Statement.objects.get(pk=pk).title_en for pk in ids] == ["Desert report", "Annual figures"]


def test_postgresql_keeps_visibility_beside_the_id_for_the_search_join(db):
    from django.db import connection

    with connection.cursor() as cursor:
        indexes = connection.introspection.get_constraints(cursor, Statement._meta.db_table)
    if connection.vendor == "postgresql":
        assert indexes["statement_visible_by_id"]["columns"] == ["id", "status", "publish_at", "published_on"]
    else:
        assert "statement_visible_by_id" not in indexes  # SQLite has no INCLUDE and plans its search otherwise


def test_highlight_marks_the_original_diacritised_word():
    wanted = {*terms("هوية"), *terms("مسئول")}
    marked = highlight("حماية الهُوِيَّة و<المسـؤول>", wanted)
    assert marked == "حماية <mark>الهُوِيَّة</mark> و&lt;<mark>المسـؤول</mark>&gt;"


def test_snippet_is_cut_around_the_first_match_and_escaped():
    text = " ".join(["كلمة"] * 60) + " <b>Observatories</b> " + " ".join(["word"] * 60)
    cut = snippet(text, set(terms("observatory")))
    assert "<mark>Observatories</mark>" in cut
    assert "&lt;b&gt;" in cut
    assert cut.startswith("… ") and cut.endswith(" …")


def test_results_are_paged_twenty_at_a_time_keeping_the_query(client, make_statement):
    for n in range(23):
        make_statement(title_en=f"Tide table {n}", body_en="<p>tide</p>")
    first = client.get("/en/search/", {"q": "tide"}).content.decode()
    assert first.count('class="statement-card search-result"') == 20
    assert "23 results" in first
    assert "?q=tide&amp;page=2" in first
    second = client.get("/en/search/", {"q": "tide", "page": "2"}).content.decode()
    assert second.count('class="statement-card search-result"') == 3


def test_query_matching_more_than_the_ranked_set_says_more_than(client, make_statement, monkeypatch):
    monkeypatch.setattr("statements.search.query.CANDIDATES", 3)
    monkeypatch.setattr("statements.search.views.CANDIDATES", 3)
    for n in range(5):
        make_statement(title_en=f"Tide table {n}", body_en="<p>tide</p>")
    results = search(parse("tide"))
    assert results.more and results.count == 3
    assert "More than 3 results" in client.get("/en/search/", {"q": "tide"}).content.decode()


def test_saving_a_tag_without_renaming_it_does_not_reindex_its_statements(make_statement, make_tag, monkeypatch):
    tag = make_tag(name_en="Deserts")
    make_statement(title_en="Field notes", body_en="<p>notes</p>", tags=[tag])
    calls = []
    monkeypatch.setattr("statements.search.signals.reindex", lambda pks, **how: calls.append(list(pks)))
    tag.save()
    assert calls == []
    tag.name_ar = "صحارى"
    tag.save()
    assert len(calls) == 1 and len(calls[0]) == 1


def test_seed_demo_count_adds_indexed_synthetic_statements_once(db):
    from django.core.management import call_command

    from statements.demo.synthetic import SIGNATURE

    call_command("seed_demo", count=3, stdout=io.StringIO())
    synthetic = Statement.objects.filter(slug__startswith="synthetic-")
    assert synthetic.count() == 3
    assert SearchDocument.objects.filter(statement__in=synthetic).count() == 3
    assert all(len(terms(s.body_ar)) > 150 and len(terms(s.body_en)) > 150 for s in synthetic)

    call_command("seed_demo", count=3, stdout=io.StringIO())
    assert synthetic.count() == 3
    demo_total = Statement.objects.exclude(slug__startswith="synthetic-").count()
    call_command("seed_demo", stdout=io.StringIO())
    assert Statement.objects.exclude(slug__startswith="synthetic-").count() == demo_total
    public_synthetic = set(
        Statement.objects.published().filter(slug__startswith="synthetic-").values_list("pk", flat=True)
    )
    with_signature = {s.pk for s in synthetic if SIGNATURE["en"] in s.body_en}
    assert public_synthetic & with_signature <= set(search(parse('"Al-Azhar Observatory"')).ids)


def test_rebuild_search_index_command_reports_what_it_indexed(make_statement):
    from django.core.management import call_command

    make_statement(title_en="Reef survey", body_en="<p>reef</p>")
    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    assert "1 statements" in out.getvalue()
    assert found("reef") == {"Reef survey"}
