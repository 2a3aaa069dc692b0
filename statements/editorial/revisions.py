"""What a statement's revision holds: its own fields (every language), its keywords and its source links."""

import reversion
from reversion.models import Version

from statements.editorial.merge import merged_into
from statements.models import SourceLink, Statement, Tag


def register_revisions():
    """Called from ``StatementsConfig.ready()``, after modeltranslation has added the per-language fields (so
    they are stored too) and before the admin's autodiscovery would register Statement itself.

    Keywords are registered (not followed) only so the compare view can name the ones added and removed.
    The status history is deliberately not followed: restoring an old revision must not erase the record
    of who published or unpublished the statement since.
    """
    reversion.register(Tag)
    reversion.register(SourceLink)
    reversion.register(Statement, follow=("sources",))


def follow_merged_keywords(statement_id):
    """After rewinding a statement: each keyword merged away since is replaced by the keyword it joined.

    An old revision names its keywords by id; a merged keyword's row is gone, so its link would point at
    nothing. Returns ``(old name, keyword joined)`` pairs; a keyword deleted outright is dropped (``None``).
    """
    links = Statement.tags.through.objects.filter(statement_id=statement_id).exclude(tag_id__in=Tag.objects.all())
    gone = sorted(set(links.values_list("tag_id", flat=True)))
    if not gone:
        return []
    links.delete()
    followed = [(_old_name(tag_id), merged_into(tag_id)) for tag_id in gone]
    Statement.objects.get(pk=statement_id).tags.add(*{target for _name, target in followed if target is not None})
    return followed


def _old_name(tag_id):
    version = Version.objects.get_for_object_reference(Tag, tag_id).first()
    return version.object_repr if version is not None else f"#{tag_id}"
