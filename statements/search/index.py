"""The search index: what a statement contributes to it and how each database stores it.

PostgreSQL keeps a weighted ``tsvector`` per statement in ``SearchDocument.vector`` (stemmed by its
``arabic`` and ``english`` configurations); SQLite keeps Snowball-stemmed terms in the FTS5 table
``statements_search_fts``. Both are fed from the same ``textnorm`` functions, so they find the same things.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from itertools import islice

from django.db import connection, transaction
from django.utils import timezone

from statements.languages import LANGUAGE_CODES
from statements.models import SearchDocument, Statement
from statements.text.normalize import fold_words, terms
from statements.text.plain import visible_text

FTS_TABLE = "statements_search_fts"
BATCH_SIZE = 500
# Title and keywords weigh most, then the summary, then the body (PostgreSQL weights A, B, C).
WEIGHTS = ("A", "B", "C")


def batched(items, size):
    iterator = iter(items)
    while chunk := tuple(islice(iterator, size)):
        yield chunk


def document_parts(statement, tags, body=True):
    """``{(weight, lang): original text}`` for one statement and its tags (without the body: the head only)."""
    parts = {}
    for lang in LANGUAGE_CODES:
        names = [getattr(tag, f"name_{lang}", "") or "" for tag in tags]
        parts["A", lang] = " ".join([getattr(statement, f"title_{lang}", "") or "", *names])
        parts["B", lang] = getattr(statement, f"summary_{lang}", "") or ""
        if body:
            parts["C", lang] = visible_text(getattr(statement, f"body_{lang}", ""))
    return parts


HEAD_FIELDS = [f"{field}_{lang}" for field in ("title", "summary") for lang in LANGUAGE_CODES]


class PostgresIndex:
    CONFIG = {"ar": "arabic", "en": "english"}

    def __init__(self):
        table = SearchDocument._meta.db_table

        def weighted(weights):
            return " || ".join(
                f"setweight(to_tsvector('{self.CONFIG[lang]}'::regconfig, %s), '{weight}')"
                for weight in weights
                for lang in LANGUAGE_CODES
            )

        # The head (A and B) is computed once and reused as the end of the whole vector. The body (C) comes
        # first, so a new head can replace the old one without moving the body's word positions.
        self.upsert = (
            f"INSERT INTO {table} (statement_id, head, vector, indexed_at) "
            f"SELECT %s, head, {weighted('C')} || head, %s FROM (SELECT {weighted('AB')} AS head) AS parts "
            "ON CONFLICT (statement_id) DO UPDATE "
            "SET head = EXCLUDED.head, vector = EXCLUDED.vector, indexed_at = EXCLUDED.indexed_at"
        )
        self.replace_head = (
            f"UPDATE {table} SET head = parts.head, vector = ts_filter(vector, '{{c}}') || parts.head, "
            f"indexed_at = %s FROM (SELECT {weighted('AB')} AS head) AS parts WHERE statement_id = %s"
        )

    def write(self, cursor, documents):
        now = timezone.now()
        rows = []
        for pk, parts in documents:
            folded = {key: fold_words(text) for key, text in parts.items()}
            head = [folded[weight, lang] for weight in "AB" for lang in LANGUAGE_CODES]
            body = [folded["C", lang] for lang in LANGUAGE_CODES]
            # Parameters in the order they appear in the statement: the C parts come before the head's.
            rows.append((pk, *body, now, *head))
        cursor.executemany(self.upsert, rows)

    def write_heads(self, cursor, documents):
        now = timezone.now()
        rows = []
        for pk, parts in documents:
            head = [fold_words(parts[weight, lang]) for weight in "AB" for lang in LANGUAGE_CODES]
            rows.append((now, *head, pk))
        cursor.executemany(self.replace_head, rows)

    def delete(self, cursor, pks):
        SearchDocument.objects.filter(statement_id__in=pks).delete()


class SqliteIndex:
    def write(self, cursor, documents):
        now = timezone.now()
        pks = [pk for pk, _ in documents]
        self.delete(cursor, pks)
        cursor.executemany(
            f"INSERT INTO {FTS_TABLE} (rowid, a, b, c) VALUES (%s, %s, %s, %s)",
            [
                (pk, *(" ".join(terms(parts[weight, "ar"]) + terms(parts[weight, "en"])) for weight in WEIGHTS))
                for pk, parts in documents
            ],
        )
        SearchDocument.objects.bulk_create(
            [SearchDocument(statement_id=pk, indexed_at=now) for pk in pks],
            update_conflicts=True,
            unique_fields=["statement"],
            update_fields=["indexed_at"],
        )

    def write_heads(self, cursor, documents):
        cursor.executemany(
            f"UPDATE {FTS_TABLE} SET a = %s, b = %s WHERE rowid = %s",
            [
                (*(" ".join(terms(parts[weight, "ar"]) + terms(parts[weight, "en"])) for weight in "AB"), pk)
                for pk, parts in documents
            ],
        )
        SearchDocument.objects.filter(statement_id__in=[pk for pk, _ in documents]).update(indexed_at=timezone.now())

    def delete(self, cursor, pks):
        cursor.executemany(f"DELETE FROM {FTS_TABLE} WHERE rowid = %s", [(pk,) for pk in pks])
        SearchDocument.objects.filter(statement_id__in=pks).delete()


def backend():
    return PostgresIndex() if connection.vendor == "postgresql" else SqliteIndex()


def index_statements(pks, batch_size=BATCH_SIZE):
    """Bring the index up to date for the statements ``pks``; ids that no longer exist leave the index."""
    index = backend()
    count = 0
    for chunk in batched(sorted(set(pks)), batch_size):
        with transaction.atomic(), connection.cursor() as cursor:
            statements = list(Statement.objects.filter(pk__in=chunk).prefetch_related("tags"))
            documents = [(s.pk, document_parts(s, list(s.tags.all()))) for s in statements]
            if documents:
                index.write(cursor, documents)
            gone = set(chunk) - {pk for pk, _ in documents}
            if gone:
                index.delete(cursor, sorted(gone))
        count += len(documents)
    return count


# Statements changed inside a ``deferred_indexing()`` block, or None outside one.
_pending = ContextVar("search_index_pending", default=None)


def reindex(pks, head_only=False):
    """Index the statements ``pks`` now, or once at the end of the surrounding ``deferred_indexing()`` block.

    ``head_only``: only their titles, keywords or summaries changed (a block indexes them whole).
    """
    pending = _pending.get()
    if pending is not None:
        pending.update(pks)
    elif head_only:
        index_heads(pks)
    else:
        index_statements(pks)


@contextmanager
def deferred_indexing():
    """Index every statement changed inside the block once, in bulk, as the block ends without an error.

    An import saves a statement and then its keywords, each of which would index it: two passes per file
    took two thirds of an import's time. A statement created and then rolled back inside the block is
    simply not found when the block ends. An error leaves the indexing to the rollback that follows it.
    """
    if _pending.get() is not None:
        yield  # the outer block indexes
        return
    pending = set()
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
    index_statements(pending)


def index_heads(pks, batch_size=BATCH_SIZE):
    """Bring the title, keyword and summary part of the index up to date for ``pks``, keeping their bodies'.

    A keyword renamed or deleted changes only that part of its statements, and a keyword may carry thousands,
    whose bodies need not be read and stemmed again (docs/search.md). Statements the index lacks are
    indexed whole.
    """
    index = backend()
    count = 0
    for chunk in batched(sorted(set(pks)), batch_size):
        with transaction.atomic(), connection.cursor() as cursor:
            indexed = set(SearchDocument.objects.filter(statement_id__in=chunk).values_list("statement_id", flat=True))
            statements = Statement.objects.filter(pk__in=indexed).only(*HEAD_FIELDS).prefetch_related("tags")
            documents = [(s.pk, document_parts(s, list(s.tags.all()), body=False)) for s in statements]
            if documents:
                index.write_heads(cursor, documents)
        count += len(documents)
        count += index_statements(set(chunk) - indexed, batch_size)
    return count


def remove_statements(pks):
    with connection.cursor() as cursor:
        backend().delete(cursor, list(pks))


def rebuild(batch_size=BATCH_SIZE, progress=None):
    """Index every statement again, in batches, and drop entries whose statement is gone."""
    pks = list(Statement.objects.order_by("pk").values_list("pk", flat=True))
    done = 0
    for chunk in batched(pks, batch_size * 4):
        done += index_statements(chunk, batch_size)
        if progress:
            progress(done, len(pks))
    stale = SearchDocument.objects.exclude(statement_id__in=Statement.objects.values("pk"))
    remove_statements(list(stale.values_list("statement_id", flat=True)))
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid NOT IN (SELECT id FROM {Statement._meta.db_table})")
    refresh_statistics()
    return done


def refresh_statistics():
    """After a bulk load, let the planner know how common each word now is (rare words use the index)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            tables = [SearchDocument._meta.db_table, Statement._meta.db_table, Statement.tags.through._meta.db_table]
            cursor.execute(f"ANALYZE {', '.join(tables)}")
        else:
            cursor.execute("ANALYZE")
