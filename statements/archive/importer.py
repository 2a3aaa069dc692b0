"""Bringing files into the database: pages of the old website and the site's own JSON exports.

One ``Importer`` serves one run of ``import_statements``. Each file is written atomically (a transaction, or a
savepoint inside the caller's), and statements and keywords are saved through ``save()`` and the m2m API so
that every signal fires.
"""

import os
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.management.color import no_style
from django.db import DatabaseError, connection, transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.text import slugify

from statements.archive import export as export_format
from statements.archive import legacy
from statements.archive.history import (
    PendingRevisions,
    imported_comment,
    keep_current_state,
    remember_relations,
    updated_comment,
)
from statements.archive.legacy import ParseError
from statements.images import exchange as images
from statements.models import SourceLink, StaleVersion, Statement, StatusChange, Tag, TagRedirect
from statements.text.normalize import normalize
from statements.text.sanitize import sanitize_html


@dataclass
class Outcome:
    """What became of one file; ``error`` is set when it was skipped."""

    path: str
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    new_tags: int = 0
    error: str = ""
    notes: list = field(default_factory=list)
    warnings: list = field(default_factory=list)


def collect_files(paths):
    """The files named, and the files inside the folders named (recursively, hidden ones left out), in order.

    Returns (files, missing): names that exist as neither file nor folder are returned apart.
    """
    files, missing = [], []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = []
            for folder, subfolders, filenames in os.walk(path):
                # An export's image files sit in images/ beside it: the document reads them, not the walk.
                subfolders[:] = [sub for sub in subfolders if not sub.startswith(".") and sub != images.FOLDER]
                found.extend(Path(folder, filename) for filename in filenames if not filename.startswith("."))
            files.extend(sorted(found))
        elif path.exists():
            files.append(path)
        else:
            missing.append(path)
    return files, missing


class Importer:
    def __init__(self, *, status=Statement.Status.PUBLISHED, dry_run=False, defer_history=False):
        """``defer_history``: the caller writes the revisions (``save_history``) before it commits, once per batch."""
        self.status = status
        self.dry_run = dry_run
        self.defer_history = defer_history
        self.history = PendingRevisions()
        self._tags = {}  # folded keyword -> Tag (unsaved in a dry run); saves a query per keyword per file
        self._tags_added_by_current_file = []
        self._pages_seen = {}  # page uuid -> (path, page) in this run
        self._page_key = None  # uuid of the page being imported, to forget if its file fails
        self._known_uuids = None  # every statement uuid in the database, read once: new pages need no lookup

    def import_file(self, path):
        outcome = Outcome(path=str(path))
        self._tags_added_by_current_file = []
        self._page_key = None
        history_mark = len(self.history)
        try:
            with transaction.atomic():
                self._import(Path(path), outcome)
                if not self.defer_history:
                    self.history.save()
        except ParseError as error:
            outcome.error = str(error)
        except StaleVersion:
            outcome.error = "someone saved its statement while it was being imported; import the file again"
        except DatabaseError as error:
            outcome.error = f"the database refused it: {error}"
        except Exception as error:  # one odd file must not stop an archive of thousands
            outcome.error = f"unexpected {type(error).__name__}: {error}"
        if outcome.error:
            # Forget what the rolled-back transaction had created.
            self.history.forget_since(history_mark)
            for key in self._tags_added_by_current_file:
                self._tags.pop(key, None)
            if self._page_key is not None:
                self._pages_seen.pop(self._page_key, None)
                self._known_uuids = None
            outcome.imported = outcome.updated = outcome.unchanged = outcome.new_tags = 0
            outcome.warnings = []
        return outcome

    def _import(self, path, outcome):
        try:
            check_file_size(path)
            data = path.read_bytes()
        except OSError as error:
            raise ParseError(f"cannot read the file: {error.strerror or error}") from None
        text = legacy.decode(data)
        if export_format.looks_like_export(text):
            self._import_document(str(path), export_format.read_document(text), outcome)
        else:
            self._import_page(str(path), legacy.parse_text(text), outcome)

    # --- pages of the old site ---------------------------------------------------------------------------------

    def _import_page(self, path, page, outcome):
        key = page.uuid
        if key in self._pages_seen:
            earlier_path, earlier_page = self._pages_seen[key]
            if earlier_page != page:
                raise ParseError(f"same title, date and language as {earlier_path}, but a different text")
            outcome.unchanged += 1
            outcome.notes.append(f"the same page as {earlier_path}")
            return
        self._pages_seen[key] = (path, page)
        self._page_key = key

        lang = page.language
        title_field, body_field = f"title_{lang}", f"body_{lang}"
        body = page.body_html
        if len(body) <= settings.STATEMENT_MAX_BODY_CHARS:
            body = sanitize_html(body)  # a longer one is refused by validation below, before any work on it
        tags = [self._tag_for_keyword(keyword, lang, outcome) for keyword in page.keywords]
        if self._known_uuids is None:
            self._known_uuids = set(Statement.objects.values_list("uuid", flat=True))
        statement = Statement.objects.get(uuid=key) if key in self._known_uuids else None
        if statement is None:
            outcome.imported += 1
            outcome.notes.append(f"{lang}, {page.date.isoformat()}, {len(page.paragraphs)} paragraphs: {page.title}")
            statement = Statement(uuid=key, status=self.status, published_on=page.date)
            setattr(statement, title_field, page.title)
            setattr(statement, body_field, body)
            validate("the page", statement)
            if not self.dry_run:
                statement.save()
                if tags:
                    statement.tags.add(*tags)
                remember_relations(statement, tags=tags, sources=())
                self.history.add(statement, imported_comment(path))
                self._known_uuids.add(key)
            return

        # An update applies the page's text and date; status stays as editors left it, and tags are only
        # added, so keywords an editor attached since the first import survive.
        current_tags = set(statement.tags.values_list("pk", flat=True))
        changed = (
            getattr(statement, title_field) != page.title
            or getattr(statement, body_field) != body
            or statement.published_on != page.date
            or any(tag.pk not in current_tags for tag in tags)
        )
        if not changed:
            outcome.unchanged += 1
            return
        outcome.updated += 1
        outcome.notes.append(f"statement {statement.uuid}")
        self._note_edit_replaced(statement, path, outcome)
        setattr(statement, title_field, page.title)
        setattr(statement, body_field, body)
        statement.published_on = page.date
        validate("the page", statement)
        if not self.dry_run:
            statement.save()
            statement.tags.set([*current_tags, *tags])
            self.history.add(statement, updated_comment(path))

    def save_history(self):
        """Write the revisions of the files imported since the last call; inside the transaction that commits them."""
        self.history.save()

    def _note_edit_replaced(self, statement, path, outcome):
        """Keep the statement's current state in its history, and tell the operator if an editor's work is replaced.

        The file wins (importing a file again updates its statement), but never silently: the text it
        replaces stays in the statement's history, to compare and restore in the admin.
        """
        edit = keep_current_state(statement, path, self.history, record=not self.dry_run)
        if edit is None:
            return
        who, when = edit
        by = f" by {who.get_username()}" if who is not None else ""
        replaced = "would replace" if self.dry_run else "replaced"
        outcome.warnings.append(
            f"statement {statement.uuid} “{statement}” was changed{by} on "
            f"{timezone.localtime(when):%Y-%m-%d %H:%M} since it was last imported; this file's text {replaced} "
            "that change, which stays in the statement's history in the admin"
        )

    def _tag_for_keyword(self, keyword, lang, outcome):
        key = normalize(keyword).strip()
        tag = self._tags.get(key)
        if tag is None:
            tag = Tag.objects.matching(keyword).first() or self._merged_into(keyword)
            if tag is None:
                tag = Tag(**{f"name_{lang}": keyword})
                validate(f"keyword “{keyword}”", tag, exclude=["slug"])
                if not self.dry_run:
                    tag.save()
                self._tags_added_by_current_file.append(key)
                outcome.new_tags += 1
            self._tags[key] = tag
        return tag

    def _merged_into(self, keyword):
        """The keyword that a keyword of this name was merged into, if any: a merge is not undone by an import."""
        slug = slugify(keyword, allow_unicode=True)
        redirect = TagRedirect.objects.select_related("tag").filter(old_slug=slug).first() if slug else None
        return redirect.tag if redirect is not None else None

    # --- the site's own exports --------------------------------------------------------------------------------

    def _import_document(self, path, document, outcome):
        self._images_folder = images.folder_beside(path)
        tags = self._import_document_tags(document["tags"], outcome)
        # Tag names may have changed and statements may be new: look them up again.
        self._tags.clear()
        self._known_uuids = None

        records = document["statements"]
        current = {s.uuid: s for s in Statement.objects.filter(uuid__in=[r["uuid"] for r in records])}
        new_records = [r for r in records if r["uuid"] not in current]
        ids = self._plan_ids(new_records, outcome)
        users = self._users(new_records, outcome)
        for record in records:
            statement = current.get(record["uuid"])
            if statement is None:
                outcome.imported += 1
                statement = Statement(uuid=record["uuid"], pk=ids[record["uuid"]])
                sources = self._fill(statement, record)
                if not self.dry_run:
                    self._write_statement(statement, record, tags, sources, new=True)
                    self._restore(statement, record, users)
                    self.history.add(statement, imported_comment(path))
            elif self._record_differs(statement, record):
                outcome.updated += 1
                self._note_edit_replaced(statement, path, outcome)
                sources = self._fill(statement, record)
                if not self.dry_run:
                    self._write_statement(statement, record, tags, sources, new=False)
                    self.history.add(statement, updated_comment(path))
            else:
                outcome.unchanged += 1
        if ids and not self.dry_run:
            move_id_sequence_past_ids()

    def _plan_ids(self, records, outcome):
        """The id each new statement gets: its own from the file, unless this database ever gave it out.

        An id at or below the highest one this database has handed out may have been another statement's
        permanent link (deleted or not), so such a statement gets a fresh id above all others, and the
        report says so. Into a database without statements (a restore), every statement keeps its id.
        """
        highest = highest_id_given_out() if Statement.objects.exists() else 0
        ids, moved = {}, []
        for record in records:
            if record["id"] is not None and record["id"] > highest:
                ids[record["uuid"]] = record["id"]
            else:
                moved.append(record)
        following = max([highest, *ids.values()]) + 1
        for record in moved:
            ids[record["uuid"]] = following
            if record["id"] is not None:
                action = "would be imported" if self.dry_run else "imported"
                outcome.warnings.append(
                    f"{record['where']}: id {record['id']} is or was another statement's here, so its old address "
                    f"no longer leads to it; {action} as statement {following}"
                )
            following += 1
        return ids

    def _users(self, records, outcome):
        """The accounts named in the status history, by user name; accounts travel in a database dump only."""
        names = {c["changed_by"] for r in records for c in r["status_history"] if c["changed_by"] is not None}
        if not names:
            return {}
        model = get_user_model()
        users = {user.get_username(): user for user in model._default_manager.filter(username__in=names)}
        missing = sorted(names - set(users))
        if missing:
            outcome.warnings.append(
                f"the status history names accounts that do not exist here ({', '.join(missing)}); their changes "
                "are kept without a name. Create the accounts first to keep who made them"
            )
        return users

    def _import_document_tags(self, records, outcome):
        """Keywords by slug, created or renamed as the document says, with the old slugs that redirect to them."""
        existing = {tag.slug: tag for tag in Tag.objects.filter(slug__in=[r["slug"] for r in records])}
        tags = {}
        for n, record in enumerate(records, 1):
            tag = existing.get(record["slug"])
            if tag is None:
                tag = Tag(slug=record["slug"])
                outcome.new_tags += 1
            if (tag.name_ar or "", tag.name_en or "") != (record["name_ar"], record["name_en"]):
                self._refuse_duplicate_names(tag, record)
                tag.name_ar, tag.name_en = record["name_ar"], record["name_en"]
                # Names that fold onto another keyword's were refused just above, in plainer words.
                validate(f"keyword {n} ({record['slug']})", tag, exclude=["key_ar", "key_en"], unique=False)
                if not self.dry_run:
                    tag.save()
            tags[record["slug"]] = tag
            if record["old_slugs"] and not self.dry_run:
                self._redirect(record["old_slugs"], tag)
        return tags

    def _refuse_duplicate_names(self, tag, record):
        # The keyword rules allow one keyword per folded name: say which one is in the way, rather than
        # letting the database refuse it in its own words.
        for name in (record["name_ar"], record["name_en"]):
            other = Tag.objects.matching(name).exclude(slug=record["slug"]).first()
            if other is not None:
                raise ParseError(
                    f"keyword “{record['slug']}”: the name “{name}” already belongs to the keyword “{other.slug}” "
                    "here; merge or rename one of them first"
                )

    def _redirect(self, old_slugs, tag):
        current = {r.old_slug: r for r in TagRedirect.objects.filter(old_slug__in=old_slugs)}
        for old_slug in old_slugs:
            redirect = current.get(old_slug) or TagRedirect(old_slug=old_slug)
            if redirect.tag_id != tag.pk:
                redirect.tag = tag
                redirect.save()

    def _record_differs(self, statement, record):
        content = export_format.content_of(export_format.statement_record(statement))
        return content != export_format.statement_record_from_checked(record)

    def _fill(self, statement, record):
        """Give ``statement`` the record's content and check it by the admin's rules; its sources, checked too."""
        for name in (*export_format.TEXT_FIELDS, "slug", "published_on", "status", "publish_at"):
            setattr(statement, name, record[name])
        images.apply_record(statement, record["lead_image"], self._images_folder, dry_run=self.dry_run)
        where = record["where"]
        validate(where, statement)
        sources = [SourceLink(**source) for source in record["sources"]]
        for n, source in enumerate(sources, 1):
            validate(f"{where}, source {n}", source, exclude=["statement"])
        return sources

    def _write_statement(self, statement, record, tags, sources, *, new):
        statement.save(force_insert=new)
        statement.tags.set([tags[slug] for slug in record["tags"]])
        if not new:
            statement.sources.all().delete()
        for source in sources:
            source.statement = statement
            source.save()

    def _restore(self, statement, record, users):
        """Bring back the times and status history a new statement had where it was exported from."""
        times = {
            field: record[field]
            for field in ("created_at", "updated_at", "text_edited_at_ar", "text_edited_at_en")
            if field in record["present"]
        }
        if times:
            # update() rather than save(): save() would stamp the times of this import over them.
            Statement.objects.filter(pk=statement.pk).update(**times)
            for field, value in times.items():
                setattr(statement, field, value)
        StatusChange.objects.bulk_create(
            StatusChange(
                statement=statement,
                from_status=change["from_status"],
                to_status=change["to_status"],
                publish_at=change["publish_at"],
                changed_at=change["changed_at"],
                changed_by=users.get(change["changed_by"]),
            )
            for change in record["status_history"]
        )


def validate(where, instance, *, exclude=(), unique=True):
    """The admin's checks for ``instance`` (field rules, ``clean()``, uniqueness), or a ParseError naming the fault.

    The uuid and id are the importer's own business: it matched the record by one and chose the other.
    """
    try:
        instance.full_clean(exclude=[*exclude, "id", "uuid"], validate_unique=unique, validate_constraints=unique)
    except ValidationError as error:
        raise ParseError(f"{where}: {describe(error)}") from None


def describe(error):
    """The admin's messages, in English like the rest of the import's report."""
    parts = []
    with translation.override("en"):
        messages_by_field = error.message_dict
    for name, messages in messages_by_field.items():
        text = " ".join(messages)
        parts.append(text if name == NON_FIELD_ERRORS else f"“{name}”: {text}")
    return "; ".join(parts)


def check_file_size(path):
    """Refuse a file beyond the size limit before reading it: a page of the old site, or an export."""
    size = path.stat().st_size
    with path.open("rb") as file:
        head = file.read(64)
    export = head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{")
    limit, setting, kind = (
        (settings.IMPORT_MAX_EXPORT_BYTES, "IMPORT_MAX_EXPORT_BYTES", "an export")
        if export
        else (settings.IMPORT_MAX_PAGE_BYTES, "IMPORT_MAX_PAGE_BYTES", "a page of the old site")
    )
    if size > limit:
        raise ParseError(f"the file has {size:,} bytes, more than the {limit:,} allowed for {kind} ({setting})")


def highest_id_given_out():
    """The highest statement id this database has ever handed out, deleted statements included."""
    table = Statement._meta.db_table
    highest = Statement.objects.aggregate(highest=Max("pk"))["highest"] or 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [table])
            (sequence,) = cursor.fetchone()
            if sequence:
                cursor.execute(f"SELECT last_value, is_called FROM {sequence}")
                last_value, is_called = cursor.fetchone()
                highest = max(highest, last_value if is_called else last_value - 1)
        elif connection.vendor == "sqlite":
            # AUTOINCREMENT tables remember the highest id ever used here.
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
            row = cursor.fetchone()
            if row:
                highest = max(highest, row[0])
    return highest


def move_id_sequence_past_ids():
    """After statements were written with their own ids, new ones must be numbered after them (PostgreSQL).

    SQLite moves its counter by itself when a larger id is written.
    """
    statements = connection.ops.sequence_reset_sql(no_style(), [Statement])
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
