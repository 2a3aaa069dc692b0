"""The reader's search over one small archive, built once for the module: what each query finds, exactly,
on SQLite and PostgreSQL alike, and how the results page answers odd and hostile queries."""

import datetime
import logging

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from statements.models import Statement, Tag
from statements.search.query import parse, search
from tests.conftest import build_statement

pytestmark = pytest.mark.django_db


def found(q):
    """Titles (Arabic, else English) of the public statements the search finds for ``q``."""
    ids = search(parse(q)).ids
    return {s.title_ar or s.title_en for s in Statement.objects.filter(pk__in=ids)}


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    """Built once for the module and rolled back after it: every test here only reads it."""
    with django_db_blocker.unblock(), transaction.atomic():
        _build_archive()
        yield
        transaction.set_rollback(True)


def _build_archive():
    extremism = Tag.objects.create(name_ar="التطرف", name_en="Extremism")
    build_statement(
        title_ar="حماية الهُوِيَّة الوطنيّة",
        summary_ar="يحذّر مرصد الأزهر من حملات تستهدف الهُوِيَّة.",
        body_ar="<p>تتحمّل الأسرة المسـؤولية الأولى، ويُحذِّر مرصد الأزهر من بَثّ الشائعات.</p>",
        title_en="Protecting national identity",
        summary_en="The Observatory warns of campaigns against identity.",
        body_en="<p>Families carry the first responsibility against rumours.</p>",
        tags=[extremism],
    )
    build_statement(
        title_ar="تصريح المسئول عن الإعلام",
        body_ar="<p>قال المسئول إن الإسلام دين سلام، وإن المستشفى فتح أبوابه للجميع.</p>",
        title_en="Statement of the media official",
        body_en="<p>The official said the hospitals opened their doors.</p>",
    )
    build_statement(
        title_ar="قراءة في خطاب الجماعات",
        body_ar="<p>أصدر الأزهر تقريرًا، وبعده بأسبوع أصدر المرصد ملخصًا للمرصد والمرصد.</p>",
        title_en="Reading extremist discourse",
        body_en="<p>Observatories across the region publish reports on extremists.</p>",
    )
    build_statement(
        title_ar="بيان الأسرة والمدرسة",
        body_ar="<p>دور الأسرة والمدرسة في التربية.</p>",
        title_en="",
        body_en="",
    )
    build_statement(title_en="Draft about identity", body_en="<p>identity</p>", status=Statement.Status.DRAFT)
    build_statement(title_en="Review about identity", body_en="<p>identity</p>", status=Statement.Status.REVIEW)
    build_statement(
        title_en="Scheduled about identity",
        body_en="<p>identity</p>",
        publish_at=timezone.now() + datetime.timedelta(days=1),
    )


IDENTITY = "حماية الهُوِيَّة الوطنيّة"
OFFICIAL = "تصريح المسئول عن الإعلام"
DISCOURSE = "قراءة في خطاب الجماعات"
FAMILY = "بيان الأسرة والمدرسة"

QUERY_TABLE = [
    # (query, must find, must not find)
    ("هوية", {IDENTITY}, {OFFICIAL, DISCOURSE, FAMILY}),  # diacritics in the text, none in the query
    ("هُوِيَّة", {IDENTITY}, {OFFICIAL}),  # diacritics in the query
    ("الهوية", {IDENTITY}, {OFFICIAL}),  # the article
    ("مسؤول", {OFFICIAL}, {FAMILY}),  # مسئول in the text
    ("مسئولية", {IDENTITY, OFFICIAL}, {FAMILY}),  # المسـؤولية (tatweel, waw hamza); stem of مسئول too
    ("المسـؤولية", {IDENTITY}, {FAMILY}),  # tatweel in the query
    ("اسلام", {OFFICIAL}, {IDENTITY}),  # bare alef for الإسلام
    ("مستشفي", {OFFICIAL}, {IDENTITY}),  # ي for ى
    ("للمرصد", {IDENTITY, DISCOURSE}, {OFFICIAL, FAMILY}),  # لل prefix
    ("والمرصد", {IDENTITY, DISCOURSE}, {OFFICIAL}),  # وال prefix
    ("بث", {IDENTITY}, {OFFICIAL}),  # بَثّ in the text
    ("observatory", {IDENTITY, DISCOURSE}, {OFFICIAL, FAMILY}),  # English plural and case
    ("HOSPITAL", {OFFICIAL}, {IDENTITY}),
    ("extremism", {IDENTITY}, {OFFICIAL}),  # the tag's English name
    ("التطرف", {IDENTITY}, {DISCOURSE}),  # the tag's Arabic name
    ("هوية اسلام", set(), {IDENTITY, OFFICIAL}),  # every word must match
    ("هوية مرصد", {IDENTITY}, {DISCOURSE}),
    ('"مرصد الأزهر"', {IDENTITY}, {DISCOURSE}),  # phrase: adjacent words only
    ('"مرصد الازهر"', {IDENTITY}, {DISCOURSE}),
    ("مرصد الأزهر", {IDENTITY, DISCOURSE}, {OFFICIAL}),  # the same words, not as a phrase
    ("مرصد -هوية", {DISCOURSE}, {IDENTITY}),  # exclusion
    ("الأسرة -المدرسة", {IDENTITY}, {FAMILY}),
    ("identity", {IDENTITY}, set()),  # drafts, reviews and scheduled statements are never found
]


def test_unpublished_statements_are_never_found(archive):
    everything = found("identity") | found("about")
    assert not any(title.startswith(("Draft", "Review", "Scheduled")) for title in everything)


def test_results_page_marks_matches_and_each_result_carries_its_language(client, archive):
    response = client.get(reverse("statements:search"), {"q": "هوية"}, HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 200
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert "<mark>الهُوِيَّة</mark>" in main
    assert 'lang="ar" dir="rtl"' in main


def test_english_page_shows_arabic_results_marked_as_arabic(client, archive):
    with_translation = client.get("/en/search/", {"q": "مسؤول"}).content.decode()
    main = with_translation[with_translation.index("<main") :]
    assert "<mark>" in main
    assert 'lang="en" dir="ltr"' in main or 'lang="ar" dir="rtl"' in main
    family = client.get("/en/search/", {"q": "المدرسة"}).content.decode()
    assert 'lang="ar" dir="rtl"><a href' in family


def test_query_naming_a_tag_offers_the_tag_page(client, archive):
    response = client.get("/ar/search/", {"q": "التطرّف"})
    assert 'class="search-tag-offer"' in response.content.decode()
    assert "/ar/tags/extremism/" in response.content.decode()


def test_empty_query_shows_the_form_and_most_used_tags(client, archive):
    response = client.get("/ar/search/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="search-page-q"' in html
    assert "/ar/tags/extremism/" in html


def test_every_page_has_a_search_box_in_its_header(client, archive):
    html = client.get("/en/statements/").content.decode()
    header = html[html.index("<header") : html.index("</header>")]
    assert 'role="search"' in header and 'action="/en/search/"' in header and 'name="q"' in header
    assert '<label class="visually-hidden" for="site-search">' in header


HOSTILE = [
    "",
    "   ",
    "ا" * 3000,
    "word\x00more",
    "\x00",
    "!!! ... ،؟",
    '"',
    '"unclosed phrase',
    "*",
    "obs*",
    ":",
    "title:x",
    "&",
    "|",
    "!",
    "(",
    "a & b | !c",
    "'; DROP TABLE statements_statement; --",
    "1' OR '1'='1",
    "%",
    "%%",
    "\\",
    "\\x00",
    "-",
    "--",
    "-هوية",
    "NEAR(a b)",
    "a AND OR NOT b",
    "the of and",
]


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_query_gets_a_page_and_no_logged_error(client, archive, caplog, q):
    with caplog.at_level(logging.WARNING):
        response = client.get("/ar/search/", {"q": q})
    assert response.status_code == 200
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], caplog.text


def test_very_long_query_is_trimmed_and_said_so(client, archive):
    response = client.get("/en/search/", {"q": "identity " * 400})
    assert response.status_code == 200
    assert len(response.context["query"].text) <= 200
    assert response.context["query"].trimmed


# Exactly what each query of the table finds: one expectation, so SQLite and PostgreSQL must agree, and what
# it must not find is checked by the same equality. The stemmers bring مسؤول and مسؤولية together, so each finds
# both statements.
EXACT = {q: hits for q, hits, _misses in QUERY_TABLE} | {
    "مسؤول": {IDENTITY, OFFICIAL},
    "المسـؤولية": {IDENTITY, OFFICIAL},
}


def test_query_table_expectations_agree_with_each_other():
    for q, hits, misses in QUERY_TABLE:
        assert hits <= EXACT[q] and not misses & EXACT[q], q


@pytest.mark.parametrize("q", list(EXACT))
def test_query_table_finds_exactly_what_the_reader_means_on_either_database(archive, q):
    assert found(q) == EXACT[q]
