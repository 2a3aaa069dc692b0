"""Changes awaiting review: an Editor's save of a public or scheduled statement waits for a publisher.

The public version stays in the Statement row: ``published()``, the public pages, feeds, sitemap, search
index, API and caches all read that row, so none of them can serve a change nobody has reviewed. What the
Editor proposed is kept as a django-reversion revision of its own (the statement and its sources, as a save
would have stored them), flagged by a ``PendingChange``: it lists in the history, the compare view sets it
beside the published version, and publishing it is a save like any publisher's (search index, caches and
text-edited times follow at that moment).
"""

from dataclasses import dataclass

import reversion
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from reversion.models import Revision, Version

from statements.editorial.merge import merged_into
from statements.editorial.workflow import can_publish, local_moment, record_status_change
from statements.models import TEXT_FIELDS, PendingChange, SourceLink, Statement, StatusChange, Tag

# What a change awaiting review may change: the text and the date. Status and publication time are the
# publishers' (an Editor's form refuses them), so publishing a change never moves them.
CONTENT_FIELDS = (*TEXT_FIELDS, "published_on")
SOURCE_FIELDS = ("position", "publisher", "title", "url", "published_on")


class NothingPending(Exception):
    """The statement has no change awaiting review (published or discarded meanwhile)."""


class ProposedMeanwhile(Exception):
    """Another change awaiting review was recorded since the form was opened: it is not replaced."""


def held_for_review(user, stored_status):
    """True when ``user``'s save of a statement stored with ``stored_status`` must wait for a publisher.

    A published statement, live or scheduled, is what readers are (or will be) shown; drafts and
    statements in review are nobody's yet, so editors change them directly.
    """
    return stored_status == Statement.Status.PUBLISHED and not can_publish(user)


@dataclass(frozen=True)
class Entry:
    """One object of a proposed version, serialized the way django-reversion stores it."""

    model: type
    object_id: str
    data: str
    label: str


def snapshot(statement_id, known_source_ids):
    """The statement and its sources as stored at this moment, to be kept once the save is undone.

    Called inside the save that is about to be rolled back. Sources that did not exist before it lose their
    id (the database may hand that id to another source once the save is undone); their entries carry a
    negative number instead, which no stored source has.
    """
    statement = Statement.objects.get(pk=statement_id)
    entries = [Entry(Statement, str(statement.pk), _serialize(statement), str(statement))]
    new = 0
    for source in statement.sources.all():
        if source.pk in known_source_ids:
            object_id = str(source.pk)
        else:
            new += 1
            object_id = str(-new)
            source.pk = source.id = None
        entries.append(Entry(SourceLink, object_id, _serialize(source), str(source)))
    return entries


def _serialize(obj):
    return serializers.serialize("json", [obj])


@dataclass(frozen=True)
class Proposal:
    """A version of a statement held in a revision: an unsaved statement, its keyword ids and its sources."""

    statement: Statement
    tag_ids: tuple
    sources: tuple

    def content(self):
        return (
            tuple(getattr(self.statement, name) or "" for name in CONTENT_FIELDS),
            tuple(sorted(self.tag_ids)),
            # Sources by what they say, not by id: a source deleted and typed again is the same source.
            tuple(tuple(getattr(source, name) or "" for name in SOURCE_FIELDS) for source in self.sources),
        )

    def tags(self):
        return live_tags(self.tag_ids)

    def shown(self):
        """The proposed statement with its proposed keywords and sources in place of the stored ones (as a
        prefetch would hold them), so whatever a page reads of it (``statement.sources.all()``) is the proposal."""
        tags = Tag.objects.filter(pk__in=[tag.pk for tag in self.tags()])
        sources = SourceLink.objects.none()
        sources._result_cache, sources._prefetch_done = list(self.sources), True
        self.statement._prefetched_objects_cache = {"tags": tags, "sources": sources}
        list(tags)
        return self.statement


def read_entries(entries, statement_id=None):
    """The version of a statement that serialized ``entries`` hold (those of ``statement_id`` when given)."""
    statement, tag_ids, sources = None, (), []
    for data in entries:
        for item in serializers.deserialize("json", data, ignorenonexistent=True):
            obj = item.object
            if isinstance(obj, Statement) and statement_id in (None, obj.pk):
                statement = obj
                tag_ids = tuple(int(pk) for pk in (item.m2m_data or {}).get("tags", ()))
            elif isinstance(obj, SourceLink) and statement_id in (None, obj.statement_id):
                sources.append(obj)
    sources.sort(key=lambda s: (s.position, s.pk or 0))
    return Proposal(statement=statement, tag_ids=tag_ids, sources=tuple(sources))


def proposal(pending):
    """What ``pending`` proposes, read from its revision."""
    versions = Version.objects.filter(revision_id=pending.revision_id).order_by("pk")
    return read_entries(version.serialized_data for version in versions)


def live_tags(tag_ids):
    """The keywords ``tag_ids`` name now: one merged away since stands for the keyword it joined."""
    found = list(Tag.objects.filter(pk__in=tag_ids))
    missing = set(tag_ids) - {tag.pk for tag in found}
    for tag_id in sorted(missing):
        target = merged_into(tag_id)
        if target is not None and target not in found:
            found.append(target)
    return found


def _stored(statement):
    entries = [_serialize(statement), *(_serialize(source) for source in statement.sources.all())]
    return read_entries(entries)


def propose(statement_id, entries, *, user, base_version, comment, replaces=None):
    """Keep ``entries`` (from ``snapshot``) as the statement's change awaiting review; returns the
    ``PendingChange``, or None when they change nothing of the published version.

    A previous proposal is replaced (its revision stays in the history) only if it is ``replaces`` (the
    revision id of the one the Editor's form was opened with), else ``ProposedMeanwhile``. The published
    version is recorded first when the history lacks it, so the compare view always has both sides.
    """
    proposed = read_entries(entry.data for entry in entries)
    with transaction.atomic():
        statement = Statement.objects.select_for_update().get(pk=statement_id)
        current = PendingChange.objects.filter(statement=statement).values_list("revision_id", flat=True).first()
        if current != replaces:
            raise ProposedMeanwhile(statement_id)
        stored = _stored(statement)
        if proposed.content() == stored.content():
            return None
        _record_published_version(statement, stored)
        now = timezone.now()
        revision = Revision.objects.create(date_created=now, user=_user_or_none(user), comment=comment)
        Version.objects.bulk_create(
            Version(
                revision=revision,
                content_type=ContentType.objects.get_for_model(entry.model),
                object_id=entry.object_id,
                db=Statement.objects.db,
                format="json",
                serialized_data=entry.data,
                object_repr=entry.label[:191],
            )
            for entry in entries
        )
        pending, _created = PendingChange.objects.update_or_create(
            statement=statement,
            defaults={
                "revision": revision,
                "proposed_by": _user_or_none(user),
                "proposed_at": now,
                "base_version": base_version,
            },
        )
        return pending


def _record_published_version(statement, stored):
    if published_version(statement, stored) is not None:
        return
    with reversion.create_revision(manage_manually=True):
        reversion.add_to_revision(statement)
        reversion.set_comment(_("The published version, recorded before a change to it was proposed."))


def _version_content(version):
    revision_versions = Version.objects.filter(revision_id=version.revision_id).order_by("pk")
    data = (v.serialized_data for v in revision_versions)
    return read_entries(data, statement_id=int(version.object_id)).content()


# How far back the history is searched for the published version; a proposal records it when it is not there.
RECENT_VERSIONS = 20


def published_version(statement, stored=None):
    """The newest of the recent revisions of ``statement`` that reads as its published version does (None if
    none does). Proposals are revisions too, so the newest revision is not necessarily the published one."""
    content = (stored or _stored(statement)).content()
    for version in Version.objects.get_for_object(statement)[:RECENT_VERSIONS]:
        if _version_content(version) == content:
            return version
    return None


def _user_or_none(user):
    return user if user is not None and user.is_authenticated else None


def publish_pending(statement_id, user):
    """Make the statement's change awaiting review its public version, as a save by ``user`` (a publisher).

    Returns the saved statement. The status history records it; the history gets a revision of its own.
    """
    if not can_publish(user):
        raise PermissionError("statements.publish_statement")
    with transaction.atomic(), reversion.create_revision():
        pending = _locked_pending(statement_id)
        statement = Statement.objects.select_for_update().get(pk=statement_id)
        proposed = proposal(pending)
        for name in CONTENT_FIELDS:
            setattr(statement, name, getattr(proposed.statement, name))
        statement.save()
        statement.tags.set(proposed.tags())
        _apply_sources(statement, proposed.sources)
        record_status_change(
            statement, from_status=statement.status, user=user, event=StatusChange.Event.PENDING_PUBLISHED
        )
        reversion.add_to_revision(statement)
        reversion.set_user(_user_or_none(user))
        reversion.set_comment(_describe(pending, _("Published the change proposed by %(who)s on %(moment)s.")))
        pending.delete()
    return statement


def settle_if_published(statement, user):
    """After a publisher's own save: a change awaiting review that the statement now reads exactly (the
    publisher restored it, or typed it) is published, and recorded so."""
    pending = PendingChange.objects.filter(statement=statement).select_related("proposed_by").first()
    if pending is None or proposal(pending).content() != _stored(statement).content():
        return False
    record_status_change(statement, from_status=statement.status, user=user, event=StatusChange.Event.PENDING_PUBLISHED)
    pending.delete()
    return True


def discard_pending(statement_id, user):
    """Drop the statement's change awaiting review; the published version stays. Recorded in the status history."""
    if not can_publish(user):
        raise PermissionError("statements.publish_statement")
    with transaction.atomic():
        pending = _locked_pending(statement_id)
        statement = Statement.objects.get(pk=statement_id)
        record_status_change(
            statement, from_status=statement.status, user=user, event=StatusChange.Event.PENDING_DISCARDED
        )
        pending.delete()
    return statement


def _locked_pending(statement_id):
    pending = PendingChange.objects.select_for_update().filter(statement_id=statement_id).first()
    if pending is None:
        raise NothingPending(statement_id)
    return pending


def _describe(pending, text):
    who = pending.proposed_by.get_username() if pending.proposed_by else "—"
    return text % {"who": who, "moment": local_moment(pending.proposed_at)}


def _apply_sources(statement, proposed_sources):
    """Bring the statement's sources to the proposed list: kept ones updated, new ones added, the rest deleted."""
    current = {source.pk: source for source in statement.sources.all()}
    kept = set()
    for proposed in proposed_sources:
        values = {name: getattr(proposed, name) for name in SOURCE_FIELDS}
        existing = current.get(proposed.pk) if proposed.pk is not None else None
        if existing is None:
            SourceLink.objects.create(statement=statement, **values)
            continue
        kept.add(existing.pk)
        if any(getattr(existing, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(existing, name, value)
            existing.save()
    for pk, source in current.items():
        if pk not in kept:
            source.delete()
