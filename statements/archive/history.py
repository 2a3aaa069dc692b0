"""What an import leaves in a statement's history (django-reversion): a revision naming the file it came from.

Every statement an import creates or changes gets a revision of its own (restoring one statement in the
admin never rewinds another), in the same transaction as the change itself: a file that fails leaves no
history, and a run that stops leaves no history without its statements.

A re-import that changes a statement first keeps the statement's current state in its history when the
history does not hold it yet (saved outside the admin, or imported before imports kept history), so whatever
the import replaced can be seen, compared and restored in the admin.

The revisions are written together, a batch of files at a time (``save``), rather than one ``create_revision``
block per file: the per-revision queries would otherwise cost a large import a third of its speed. They hold
exactly what django-reversion itself would store (the fields and followed relations it was registered with).
"""

from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import connections, router
from django.utils import timezone
from django.utils.translation import gettext as _
from reversion.models import Revision, Version
from reversion.revisions import _get_options


def imported_comment(path):
    return _("Imported from %(file)s") % {"file": _isolated(path)}


def updated_comment(path):
    return _("Updated by the import of %(file)s") % {"file": _isolated(path)}


def kept_comment(path):
    return _("As it was before the import of %(file)s") % {"file": _isolated(path)}


def _isolated(path):
    # A file path reads left to right even inside an Arabic sentence ("/tmp/a.txt", not "tmp/a.txt/").
    return f"\u2068{path}\u2069"


def remember_relations(statement, **related):
    """Tell ``statement`` the keywords and sources it was just given, as ``prefetch_related`` would.

    Its revision then serialises them without a query each; for a new statement they are known anyway.
    """
    cache = statement.__dict__.setdefault("_prefetched_objects_cache", {})
    for name, objects in related.items():
        queryset = getattr(statement, name).all()
        queryset._result_cache, queryset._prefetch_done = sorted(set(objects), key=lambda obj: obj.pk), True
        cache[name] = queryset


class PendingRevisions:
    """Revisions of statements, taken when ``add`` is called and written to the database by ``save``."""

    def __init__(self):
        self._pending = []  # (Revision, [Version]), unsaved
        self._statements = set()  # ids (as revisions store them) of the statements with a pending revision

    def __len__(self):
        return len(self._pending)

    def add(self, statement, comment):
        versions = [_version(statement)]
        versions.extend(_version(related) for related in _followed(statement))
        self._pending.append((Revision(date_created=timezone.now(), comment=comment), versions))
        self._statements.add(str(statement.pk))

    def forget_since(self, mark):
        """Drop what was added after ``len(self)`` was ``mark``: the changes it recorded were rolled back."""
        del self._pending[mark:]
        self._statements = {versions[0].object_id for _, versions in self._pending}

    def holds(self, statement):
        return str(statement.pk) in self._statements

    def save(self):
        if not self._pending:
            return
        revisions = [revision for revision, _ in self._pending]
        if connections[router.db_for_write(Revision)].features.can_return_rows_from_bulk_insert:
            Revision.objects.bulk_create(revisions)
        else:
            for revision in revisions:
                revision.save()
        versions = []
        for revision, its_versions in self._pending:
            for version in its_versions:
                version.revision = revision
                versions.append(version)
        Version.objects.bulk_create(versions)
        self._pending, self._statements = [], set()


def _version(obj):
    options = _get_options(type(obj))
    return Version(
        content_type=ContentType.objects.get_for_model(type(obj)),
        object_id=str(getattr(obj, options.object_id_field)),
        db=router.db_for_write(type(obj), instance=obj),
        format=options.format,
        serialized_data=serializers.serialize(
            options.format, (obj,), fields=options.fields, use_natural_foreign_keys=options.use_natural_foreign_keys
        ),
        object_repr=str(obj),
    )


def _followed(obj):
    for name in _get_options(type(obj)).follow:
        yield from getattr(obj, name).all()


def latest_version(statement):
    return Version.objects.get_for_object(statement).select_related("revision__user").first()


def history_holds_current_state(statement, latest):
    if latest is None:
        return False
    candidate = _version(statement)
    return _comparable(candidate._local_field_dict) == _comparable(latest._local_field_dict)


def _comparable(fields):
    # Keywords are a set: their order in a revision is whatever order they were read in.
    return {name: sorted(value) if isinstance(value, list) else value for name, value in fields.items()}


def keep_current_state(statement, path, pending, *, record=True):
    """Record the statement as it stands before an import changes it, unless its history already holds that.

    ``record=False`` (a dry run) only tells whether someone changed it since.

    Returns ``(who, when)`` when someone changed the statement since it was last imported (``who`` is None
    when the change was saved outside the admin and no revision names its author), else None.
    """
    if pending.holds(statement):
        return None  # written earlier in this run, by this import
    latest = latest_version(statement)
    if history_holds_current_state(statement, latest):
        if latest.revision.user_id is not None:
            return latest.revision.user, latest.revision.date_created
        return None
    if record:
        pending.add(statement, kept_comment(path))
    if latest is None:
        return None  # imported before imports kept history: nothing tells an edit from the import itself
    return None, statement.updated_at
