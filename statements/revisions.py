"""What a statement's revision holds: its own fields (every language), its keywords and its source links."""

import reversion

from .models import SourceLink, Statement, Tag


def register_revisions():
    """Register once, after modeltranslation has added the per-language fields (so they are stored too).

    Keywords are registered (not followed) only so the compare view can name the ones added and removed.
    The status history is deliberately not followed: restoring an old revision must not erase the record
    of who published or unpublished the statement since.
    """
    if not reversion.is_registered(Tag):
        reversion.register(Tag)
    if not reversion.is_registered(SourceLink):
        reversion.register(SourceLink)
    if not reversion.is_registered(Statement):
        reversion.register(Statement, follow=("sources",))
