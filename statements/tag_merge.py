"""Merging one keyword into another, shared by the admin action and the ``merge_tags`` command."""

from django.db import transaction

from .models import Tag, TagRedirect


class MergeError(ValueError):
    pass


@transaction.atomic
def merge_tag(source, target):
    """Move every statement of ``source`` to ``target``, delete ``source`` and redirect its slug to ``target``.

    Statements are moved one by one through ``statement.tags`` so ``m2m_changed`` reaches every listener
    (the search index among them); deleting the tag alone would drop its links without a signal.
    Returns the number of statements that carried ``source``.
    """
    if source.pk == target.pk:
        raise MergeError(source.slug)
    # Lock both rows so a concurrent merge or rename of either waits for this one.
    locked = {tag.pk: tag for tag in Tag.objects.select_for_update().filter(pk__in=[source.pk, target.pk])}
    source, target = locked[source.pk], locked[target.pk]
    statements = list(source.statements.all())
    for statement in statements:
        statement.tags.add(target)
        statement.tags.remove(source)
    # Earlier merges into the source now lead to the target: no chain of redirects, no dead end.
    TagRedirect.objects.filter(tag=source).update(tag=target)
    TagRedirect.objects.update_or_create(old_slug=source.slug, defaults={"tag": target})
    source.delete()
    return len(statements)
