"""Merging one keyword into another, shared by the admin action and the ``merge_tags`` command."""

import reversion
from django.db import transaction
from django.utils.translation import gettext as _
from reversion.models import Version

from statements.models import Tag, TagRedirect
from statements.search.index import deferred_indexing


class MergeError(ValueError):
    pass


@transaction.atomic
def merge_tag(source, target, user=None):
    """Move every statement of ``source`` to ``target``, delete ``source`` and redirect its slug to ``target``.

    Statements are moved one by one through ``statement.tags`` so ``m2m_changed`` reaches every listener
    (the search index among them); deleting the tag alone would drop its links without a signal.
    Each moved statement gets a revision of its own that says so (older revisions keep the keyword they
    had), and the deleted keyword is kept in a revision too, so a restore can find the keyword it joined.
    Returns the number of statements that carried ``source``.
    """
    if source.pk == target.pk:
        raise MergeError(source.slug)
    # Lock both rows so a concurrent merge or rename of either waits for this one.
    locked = {tag.pk: tag for tag in Tag.objects.select_for_update().filter(pk__in=[source.pk, target.pk])}
    source, target = locked[source.pk], locked[target.pk]
    note = _("Keyword “%(source)s” merged into “%(target)s”.") % {"source": source, "target": target}
    _record(note, user, source)
    statements = list(source.statements.all())
    # The moved statements are indexed for search once, together, rather than on each add and remove.
    with deferred_indexing():
        for statement in statements:
            statement.tags.add(target)
            statement.tags.remove(source)
            _record(note, user, statement)
        # Earlier merges into the source now lead to the target: no chain of redirects, no dead end.
        TagRedirect.objects.filter(tag=source).update(tag=target)
        TagRedirect.objects.update_or_create(old_slug=source.slug, defaults={"tag": target})
        source.delete()
    return len(statements)


def _record(note, user, obj):
    # A revision of its own: restoring one statement's revision never rewinds another, nor revives the keyword.
    with reversion.create_revision(manage_manually=True):
        reversion.add_to_revision(obj)
        reversion.set_comment(note)
        reversion.set_user(user)


def merged_into(tag_id):
    """The keyword that the deleted keyword ``tag_id`` was merged into, or None if it was simply deleted."""
    version = Version.objects.get_for_object_reference(Tag, tag_id).first()
    slug = version.field_dict.get("slug") if version is not None else None
    redirect = TagRedirect.objects.filter(old_slug=slug).select_related("tag").first() if slug else None
    return redirect.tag if redirect is not None else None
