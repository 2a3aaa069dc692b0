"""The JSON document written by ``export_statements`` and read back by ``import_statements``.

docs/export-format.md describes it for people; this module is the one place that writes and checks it.
The same database always gives the same bytes, so an export can be compared with another one.
"""

import datetime
import json
import uuid

from django.core.exceptions import ValidationError
from django.core.validators import validate_unicode_slug
from django.db.models import Prefetch
from django.utils import timezone

from statements.archive.legacy import ParseError
from statements.images import exchange as images
from statements.models import SourceLink, Statement, StatusChange, Tag, TagRedirect

FORMAT = "observatory-statements"
# Version 2 added what a restore needs to keep permanent links and history (ids, times, status history).
# Readers accept every version listed here; a new key means a new version (unknown keys are refused).
VERSION = 2
READABLE_VERSIONS = (1, 2)

TEXT_FIELDS = ("title_ar", "title_en", "summary_ar", "summary_en", "body_ar", "body_en")
SOURCE_FIELDS = ("position", "url", "title", "publisher", "published_on")
STATUS_CHANGE_KEYS = ("from_status", "to_status", "publish_at", "changed_at", "changed_by")
# What a restore brings back on a statement it creates, beyond its content: its id (the permanent link), its
# times and its status history. An update leaves these to the receiving database.
RESTORED_KEYS = ("id", "created_at", "updated_at", "text_edited_at_ar", "text_edited_at_en", "status_history")
STATEMENT_KEYS = {
    "uuid",
    "published_on",
    "status",
    "publish_at",
    "slug",
    "tags",
    "sources",
    "lead_image",
    *TEXT_FIELDS,
    *RESTORED_KEYS,
}
TAG_KEYS = {"slug", "name_ar", "name_en", "old_slugs"}
# Model fields an export leaves out on purpose: ids other than the statement's (slugs identify keywords, and
# sources and status changes belong to their statement), each database's own bookkeeping, and
# modeltranslation's untranslated base columns.
NOT_EXPORTED = {
    "statements.Statement": {
        "title",
        "summary",
        "body",
        "version",
        *images.FIELDS,  # inside the ``lead_image`` object, or read from its file
    },
    "statements.Tag": {"id", "name", "key_ar", "key_en"},
    "statements.SourceLink": {"id", "statement"},
    "statements.TagRedirect": {"id", "created_at"},
    "statements.StatusChange": {"id", "statement"},
}
MAX_ID = 2**63 - 1  # the largest id the database column holds


def _field_limit(model, name):
    return model._meta.get_field(name).max_length


# --- writing -------------------------------------------------------------------------------------------------


def export_document():
    statements = Statement.objects.prefetch_related(
        "tags", "sources", Prefetch("status_changes", StatusChange.objects.select_related("changed_by"))
    )
    records = sorted((statement_record(s) for s in statements), key=lambda r: (r["published_on"], r["uuid"]))
    tags = sorted((tag_record(tag) for tag in Tag.objects.prefetch_related("redirects")), key=lambda t: t["slug"])
    return {"format": FORMAT, "version": VERSION, "statements": records, "tags": tags}


def tag_record(tag):
    return {
        "slug": tag.slug,
        "name_ar": tag.name_ar or "",
        "name_en": tag.name_en or "",
        "old_slugs": sorted(redirect.old_slug for redirect in tag.redirects.all()),
    }


def statement_record(statement):
    record = {field: getattr(statement, field) or "" for field in TEXT_FIELDS}
    record.update(
        uuid=str(statement.uuid),
        published_on=statement.published_on.isoformat(),
        status=statement.status,
        publish_at=_datetime_text(statement.publish_at),
        slug=statement.slug,
        tags=sorted(tag.slug for tag in statement.tags.all()),
        sources=[
            {
                "position": source.position,
                "url": source.url,
                "title": source.title,
                "publisher": source.publisher,
                "published_on": source.published_on.isoformat() if source.published_on else None,
            }
            for source in statement.sources.all()
        ],
        id=statement.pk,
        created_at=_datetime_text(statement.created_at),
        updated_at=_datetime_text(statement.updated_at),
        text_edited_at_ar=_datetime_text(statement.text_edited_at_ar),
        text_edited_at_en=_datetime_text(statement.text_edited_at_en),
        status_history=[
            {
                "from_status": change.from_status,
                "to_status": change.to_status,
                "publish_at": _datetime_text(change.publish_at),
                "changed_at": _datetime_text(change.changed_at),
                "changed_by": change.changed_by.get_username() if change.changed_by else None,
            }
            for change in sorted(statement.status_changes.all(), key=lambda c: (c.changed_at, c.pk))
        ],
    )
    image = images.image_record(statement)
    if image is not None:  # a statement without one is written as before images existed
        record["lead_image"] = image
    return record


def content_of(record):
    """A statement record without what only a restore brings back: what an import compares to tell a change."""
    return {key: value for key, value in record.items() if key not in RESTORED_KEYS}


def statement_record_from_checked(checked):
    """The content ``statement_record`` would write for a statement holding ``checked`` (from ``read_document``)."""
    record = {field: checked[field] for field in TEXT_FIELDS}
    record.update(
        uuid=str(checked["uuid"]),
        published_on=checked["published_on"].isoformat(),
        status=checked["status"],
        publish_at=_datetime_text(checked["publish_at"]),
        slug=checked["slug"],
        tags=checked["tags"],
        sources=[
            {**source, "published_on": source["published_on"].isoformat() if source["published_on"] else None}
            for source in checked["sources"]
        ],
    )
    if checked["lead_image"] is not None:
        record["lead_image"] = checked["lead_image"]
    return record


def dumps(document):
    return json.dumps(document, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def _datetime_text(value):
    # In the site's time zone, with its offset: readable, and exact for any reader.
    return timezone.localtime(value).isoformat() if value else None


# --- reading -------------------------------------------------------------------------------------------------


def looks_like_export(text):
    return text.lstrip().startswith("{")


def read_document(text):
    """The checked document from ``text``: every statement and keyword valid, or a ParseError naming the first fault."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ParseError(f"invalid JSON: {error.msg} (line {error.lineno}, column {error.colno})") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ParseError(f'a JSON document, but not an Observatory export (no "format": "{FORMAT}")')
    if document.get("version") not in READABLE_VERSIONS:
        readable = ", ".join(map(str, READABLE_VERSIONS))
        raise ParseError(
            f"export format version {document.get('version')!r} is not supported (this site reads {readable})"
        )
    statements, tags = document.get("statements"), document.get("tags", [])
    if not isinstance(statements, list) or not isinstance(tags, list):
        raise ParseError("“statements” and “tags” must be lists")
    tags = [_check_tag(n, tag) for n, tag in enumerate(tags, 1)]
    slugs = {tag["slug"] for tag in tags}
    if len(slugs) != len(tags):
        raise ParseError("the same keyword slug is listed twice")
    old_slugs = [old for tag in tags for old in tag["old_slugs"]]
    if len(set(old_slugs)) != len(old_slugs) or slugs & set(old_slugs):
        raise ParseError("an old keyword slug is listed twice, or is also a current slug")
    statements = [_check_statement(n, record, slugs) for n, record in enumerate(statements, 1)]
    if len({record["uuid"] for record in statements}) != len(statements):
        raise ParseError("the same statement uuid is listed twice")
    ids = [record["id"] for record in statements if record["id"] is not None]
    if len(set(ids)) != len(ids):
        raise ParseError("the same statement id is listed twice")
    return {"statements": statements, "tags": tags}


def _check_tag(n, tag):
    where = f"keyword {n}"
    if not isinstance(tag, dict):
        raise ParseError(f"{where}: not an object")
    _no_unknown_keys(where, tag, TAG_KEYS)
    slug = tag.get("slug")
    if not isinstance(slug, str) or not slug.strip() or len(slug) > _field_limit(Tag, "slug"):
        raise ParseError(f"{where}: “slug” must be a non-empty text of at most {_field_limit(Tag, 'slug')} characters")
    _slug(where, "slug", slug)
    checked = {"slug": slug}
    for field in ("name_ar", "name_en"):
        checked[field] = _text(f"{where} ({slug})", tag, field, _field_limit(Tag, "name"))
    old_slugs = tag.get("old_slugs", [])
    limit = _field_limit(TagRedirect, "old_slug")
    if not isinstance(old_slugs, list) or not all(
        isinstance(old, str) and old.strip() and len(old) <= limit for old in old_slugs
    ):
        raise ParseError(f"{where} ({slug}): “old_slugs” must be a list of slugs of at most {limit} characters")
    for old in old_slugs:
        _slug(f"{where} ({slug})", "old_slugs", old)
    checked["old_slugs"] = sorted(set(old_slugs))
    return checked


def _slug(where, field, value):
    """Keyword slugs become addresses: letters, digits, hyphens and underscores only, as the admin's slug field."""
    try:
        validate_unicode_slug(value)
    except ValidationError:
        raise ParseError(
            f"{where}: “{field}” value “{value}” is not a slug (letters, digits, hyphens and underscores only)"
        ) from None


def _check_statement(n, record, slugs):
    where = f"statement {n}"
    if not isinstance(record, dict):
        raise ParseError(f"{where}: not an object")
    _no_unknown_keys(where, record, STATEMENT_KEYS)
    try:
        key = uuid.UUID(str(record.get("uuid")))
    except ValueError:
        raise ParseError(f"{where}: “uuid” is missing or not a UUID") from None
    where = f"statement {n} ({key})"
    checked = {"uuid": key}
    for field in TEXT_FIELDS:
        limit = _field_limit(Statement, "title") if field.startswith("title_") else None
        checked[field] = _text(where, record, field, limit)
    checked["slug"] = _text(where, record, "slug", _field_limit(Statement, "slug"))
    checked["published_on"] = _date(where, record, "published_on", required=True)
    status = record.get("status")
    if status not in Statement.Status.values:
        raise ParseError(f"{where}: “status” must be one of {', '.join(Statement.Status.values)}")
    checked["status"] = status
    checked["publish_at"] = _datetime(where, record.get("publish_at"), "publish_at")
    tag_slugs = record.get("tags", [])
    if not isinstance(tag_slugs, list) or not all(isinstance(slug, str) for slug in tag_slugs):
        raise ParseError(f"{where}: “tags” must be a list of keyword slugs")
    unknown = sorted(set(tag_slugs) - slugs)
    if unknown:
        raise ParseError(f"{where}: keyword “{unknown[0]}” is not in the document's “tags” list")
    checked["tags"] = sorted(set(tag_slugs))
    sources = record.get("sources", [])
    if not isinstance(sources, list):
        raise ParseError(f"{where}: “sources” must be a list")
    checked["sources"] = [_check_source(f"{where}, source {i}", source) for i, source in enumerate(sources, 1)]
    checked["where"] = where
    checked["present"] = set(record) & set(RESTORED_KEYS)  # a version 1 file carries none of them
    statement_id = record.get("id")
    if statement_id is not None and (
        not isinstance(statement_id, int) or isinstance(statement_id, bool) or not 1 <= statement_id <= MAX_ID
    ):
        raise ParseError(f"{where}: “id” must be a whole number of at least 1, or null")
    checked["id"] = statement_id
    for field in ("created_at", "updated_at", "text_edited_at_ar", "text_edited_at_en"):
        checked[field] = _datetime(where, record.get(field), field)
    history = record.get("status_history", [])
    if not isinstance(history, list):
        raise ParseError(f"{where}: “status_history” must be a list")
    checked["status_history"] = [
        _check_status_change(f"{where}, status change {i}", change) for i, change in enumerate(history, 1)
    ]
    checked["lead_image"] = images.check_record(where, record.get("lead_image"))
    return checked


def _check_status_change(where, change):
    if not isinstance(change, dict):
        raise ParseError(f"{where}: not an object")
    _no_unknown_keys(where, change, set(STATUS_CHANGE_KEYS))
    statuses = Statement.Status.values
    if change.get("to_status") not in statuses or change.get("from_status", "") not in ("", *statuses):
        raise ParseError(f"{where}: “from_status” and “to_status” must be one of {', '.join(statuses)}")
    changed_at = _datetime(where, change.get("changed_at"), "changed_at")
    if changed_at is None:
        raise ParseError(f"{where}: “changed_at” is missing")
    changed_by = change.get("changed_by")
    if changed_by is not None and (not isinstance(changed_by, str) or not changed_by or len(changed_by) > 150):
        raise ParseError(f"{where}: “changed_by” must be a user name or null")
    return {
        "from_status": change.get("from_status", ""),
        "to_status": change["to_status"],
        "publish_at": _datetime(where, change.get("publish_at"), "publish_at"),
        "changed_at": changed_at,
        "changed_by": changed_by,
    }


def _check_source(where, source):
    if not isinstance(source, dict):
        raise ParseError(f"{where}: not an object")
    _no_unknown_keys(where, source, set(SOURCE_FIELDS))
    url = source.get("url")
    if not isinstance(url, str) or not url.strip() or len(url) > _field_limit(SourceLink, "url"):
        raise ParseError(
            f"{where}: “url” must be a non-empty text of at most {_field_limit(SourceLink, 'url')} characters"
        )
    position = source.get("position", 0)
    if not isinstance(position, int) or isinstance(position, bool) or position < 0:
        raise ParseError(f"{where}: “position” must be a whole number, 0 or more")
    return {
        "position": position,
        "url": url,
        "title": _text(where, source, "title", _field_limit(SourceLink, "title")),
        "publisher": _text(where, source, "publisher", _field_limit(SourceLink, "publisher")),
        "published_on": _date(where, source, "published_on", required=False),
    }


def _no_unknown_keys(where, value, known):
    unknown = sorted(set(value) - known)
    if unknown:
        raise ParseError(f"{where}: unknown field “{unknown[0]}”")


def _text(where, record, field, limit):
    value = record.get(field, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ParseError(f"{where}: “{field}” must be text")
    if limit and len(value) > limit:
        raise ParseError(f"{where}: “{field}” is longer than {limit} characters")
    return value


def _date(where, record, field, *, required):
    value = record.get(field)
    if value is None and not required:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ParseError(f"{where}: “{field}” must be a date like 2018-04-29") from None


def _datetime(where, value, field):
    if value is None:
        return None
    try:
        moment = datetime.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        moment = None
    if moment is None or moment.tzinfo is None:
        raise ParseError(f"{where}: “{field}” must be an ISO 8601 date and time with an offset, or null")
    return moment
