"""Reading a reader's query and finding the public statements that match it.

The query is parsed here, never by the database: words, "quoted phrases" and -excluded words
become normalised words, and only those reach SQL, as parameters. Visibility is decided at request
time through ``Statement.objects.published()``; the index knows nothing about it.
"""

import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection, transaction
from django.db.models import BooleanField, F, Q
from django.db.models.expressions import RawSQL

from statements.models import SearchDocument, Statement
from statements.search.index import FTS_TABLE
from statements.text.normalize import ENGLISH_STOPWORDS, is_arabic, stem, strip_article, words

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
# The newest matches that are ranked; a query matching more is shown as "more than" this many.
CANDIDATES = 1000
_CHUNK = re.compile(r'"([^"]*)"?|(\S+)')
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


@dataclass
class Query:
    text: str = ""
    terms: list = field(default_factory=list)
    phrases: list = field(default_factory=list)
    excluded: list = field(default_factory=list)
    trimmed: bool = False

    @property
    def is_empty(self):
        return not (self.terms or self.phrases)

    @property
    def wanted_terms(self):
        """The stemmed terms a matching statement contains (what highlighting marks)."""
        return {stem(word) for word in [*self.terms, *(w for phrase in self.phrases for w in phrase)]}

    @property
    def tag_name(self):
        return " ".join(self.text.replace('"', " ").split())


def _meaningful(word):
    return word not in ENGLISH_STOPWORDS


def parse(raw):
    """A ``Query`` from what the reader typed, whatever it is (too long, NUL bytes, punctuation, SQL)."""
    text = " ".join(_UNPRINTABLE.sub(" ", raw or "").split())
    trimmed = len(text) > MAX_QUERY_LENGTH
    text = text[:MAX_QUERY_LENGTH].strip()
    query = Query(text=text, trimmed=trimmed)
    budget = MAX_WORDS
    for match in _CHUNK.finditer(text):
        phrase, chunk = match.groups()
        if phrase is not None:
            found = [w for w in words(phrase)][:budget]
            if len(found) > 1:
                query.phrases.append(found)
            elif found and _meaningful(found[0]):
                query.terms.append(found[0])
        elif chunk.startswith("-") and len(chunk) > 1:
            found = [w for w in words(chunk[1:]) if _meaningful(w)][:budget]
            query.excluded.extend(found)
        else:
            found = [w for w in words(chunk) if _meaningful(w)][:budget]
            query.terms.extend(found)
        budget -= len(found)
        if budget <= 0:
            query.trimmed = True
            break
    query.terms = list(dict.fromkeys(query.terms))
    return query


@dataclass
class Results:
    ids: list
    more: bool  # more matches than CANDIDATES: the count shown is "more than"

    @property
    def count(self):
        return len(self.ids)


def search(query, now=None):
    """Public statements matching ``query``: the newest ``CANDIDATES`` matches, best ranked first."""
    if query.is_empty:
        return Results([], False)
    published = Statement.objects.published(now=now)
    if connection.vendor == "postgresql":
        return _search_postgres(query, published)
    return _search_sqlite(query, published)


def matching(query):
    """A filter for statements of any status whose words match ``query`` (the editors' search in the admin).

    Unlike ``search()`` it neither ranks nor stops at the newest matches: it leaves that to the caller.
    """
    if connection.vendor == "postgresql":
        return Q(pk__in=SearchDocument.objects.filter(vector=_tsquery(query)).values("statement_id"))
    return Q(pk__in=RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [_fts_expression(query)]))


def _fold(word):
    return strip_article(word) if is_arabic(word) else word


def _either_config(text, search_type):
    return SearchQuery(text, config="arabic", search_type=search_type) | SearchQuery(
        text, config="english", search_type=search_type
    )


def _tsquery(query):
    parts = [_either_config(_fold(word), "plain") for word in query.terms]
    parts += [_either_config(" ".join(_fold(w) for w in phrase), "phrase") for phrase in query.phrases]
    # Not (arabic or english) = not arabic and not english.
    parts += [
        SearchQuery(_fold(word), config=config, search_type="plain", invert=True)
        for word in query.excluded
        for config in ("arabic", "english")
    ]
    combined = parts[0]
    for part in parts[1:]:
        combined &= part
    return combined


def _search_postgres(query, published):
    # Candidates are the newest matches, each ranked in the same query on its title, keywords and summary
    # (the small ``head`` vector), so a match there comes first and a match in the body alone keeps date order.
    tsquery = _tsquery(query)
    newest = (
        published.filter(search_document__vector=tsquery)
        .annotate(rank=SearchRank(F("search_document__head"), tsquery))
        .order_by("-published_on", "-id")
        .values_list("pk", "rank")[: CANDIDATES + 1]
    )
    sql, params = newest.query.sql_with_params()
    with transaction.atomic(), connection.cursor() as cursor:
        # Starting parallel workers costs more than the newest-first walk itself (docs/search.md).
        cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
        # Read from the cursor: the ORM would wrap each of a thousand rows for translation, for nothing.
        # Columns are found by their aliases, as the ORM orders them its own way.
        cursor.execute(sql, params)
        columns = [column.name for column in cursor.description]
        pk_at, rank_at = columns.index("pk"), columns.index("rank")
        newest = [(row[pk_at], row[rank_at]) for row in cursor.fetchall()]
    more = len(newest) > CANDIDATES
    newest = newest[:CANDIDATES]
    # The sort is stable: equal ranks stay newest first.
    return Results([pk for pk, _ in sorted(newest, key=lambda row: -row[1])], more)


def _fts_required(query):
    def quoted(word):
        return f'"{stem(word)}"'  # a stem is letters and digits only: never FTS5 syntax

    required = [quoted(word) for word in query.terms]
    required += ['"' + " ".join(stem(w) for w in phrase) + '"' for phrase in query.phrases]
    return " AND ".join(required), " OR ".join(quoted(word) for word in query.excluded)


def _fts_expression(query):
    required, excluded = _fts_required(query)
    return f"({required}) NOT ({excluded})" if excluded else required


def _search_sqlite(query, published):
    table = Statement._meta.db_table
    # The unary + keeps SQLite from looking statements up one by one by id: it walks the covering
    # visibility index newest first instead and stops at the limit.
    matching = RawSQL(
        f"+{table}.id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)",
        [_fts_expression(query)],
        output_field=BooleanField(),
    )
    newest = list(
        published.filter(matching).order_by("-published_on", "-id").values_list("pk", flat=True)[: CANDIDATES + 1]
    )
    more = len(newest) > CANDIDATES
    newest = newest[:CANDIDATES]
    if not newest:
        return Results([], False)
    # Ranked like PostgreSQL's head vector: every word in the title or keywords (column a) first, then
    # in the summary (b); a match in the body alone keeps date order.
    required, _ = _fts_required(query)
    rank = {}
    with connection.cursor() as cursor:
        for column, weight in (("b", 1), ("a", 2)):
            cursor.execute(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [f"{{{column}}} : ({required})"]
            )
            for (pk,) in cursor.fetchall():
                rank[pk] = rank.get(pk, 0) + weight
    # The sort is stable: equal ranks stay newest first.
    return Results(sorted(newest, key=lambda pk: -rank.get(pk, 0)), more)


def _title_chunks(text):
    """The pieces of typed text a title must contain (Django's admin search: each space-separated piece, quotes
    taken off), and those it must not (``-piece``)."""
    wanted, unwanted = [], []
    for match in _CHUNK.finditer(text):
        phrase, chunk = match.groups()
        piece = phrase if phrase is not None else chunk
        if chunk is not None and chunk.startswith("-") and len(chunk) > 1:
            unwanted.append(chunk[1:])
        elif piece.strip():
            wanted.append(piece.strip())
    return wanted[:MAX_WORDS], unwanted[:MAX_WORDS]


def _newest(queryset, limit, cursor):
    newest = queryset.order_by("-published_on", "-id").values_list("pk", "published_on")[: limit + 1]
    if cursor is None:
        return list(newest)
    sql, params = newest.query.sql_with_params()
    cursor.execute(sql, params)
    columns = [column.name for column in cursor.description]
    pk_at, date_at = columns.index("pk"), columns.index("published_on")
    return [(row[pk_at], row[date_at]) for row in cursor.fetchall()]


@dataclass
class Matches:
    ids: list  # newest first
    dates: list  # their dates, in the same order
    more: bool  # more statements match than were kept


def editorial_search(raw, queryset, limit=CANDIDATES):
    """The editors' search in the admin: statements of ``queryset`` (any status) whose title contains the typed
    text, or whose words match it the way the public search matches them (without diacritics, any hamza form,
    in the summary and body too).

    Keeps the newest ``limit`` matches and says whether more match. Like ``search()`` it never counts or sorts
    every match of a common word: each of the two ways of matching stops at ``limit`` + 1 newest, so the union
    is exact up to ``limit`` and otherwise known to be larger.
    """
    query = parse(raw)
    wanted, unwanted = _title_chunks(query.text)
    ways = []
    if wanted:
        in_titles = Q()
        for piece in wanted:
            in_titles &= Q(title_ar__icontains=piece) | Q(title_en__icontains=piece)
        for piece in unwanted:
            in_titles &= ~Q(title_ar__icontains=piece) & ~Q(title_en__icontains=piece)
        ways.append(queryset.filter(in_titles))
    if not query.is_empty:
        ways.append(queryset.filter(matching(query)))
    found = []
    if connection.vendor == "postgresql":
        with transaction.atomic(), connection.cursor() as cursor:
            # As for search(): parallel workers cost more to start than the newest-first walk itself.
            cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
            for way in ways:
                found += _newest(way, limit, cursor)
    else:
        for way in ways:
            found += _newest(way, limit, None)
    newest = sorted(set(found), key=lambda row: (row[1], row[0]), reverse=True)
    kept = newest[:limit]
    return Matches([pk for pk, _ in kept], [day for _, day in kept], len(newest) > limit)
