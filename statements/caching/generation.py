"""What public pages build from the whole archive, kept in the shared cache until the archive changes.

The cache is shared by every web instance (Redis in production), so what one instance builds the others serve.
Keys carry a generation that any change to statements or keywords renews: a new, edited or withdrawn
statement shows at once. A scheduled statement goes live without any save, so nothing is kept past the
next scheduled moment.
"""

import math
from contextlib import contextmanager
from contextvars import ContextVar
from uuid import uuid4

from django.core.cache import cache
from django.db import transaction
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone

from statements.models import SourceLink, Statement, Tag

GENERATION_KEY = "content:generation"

# Set while writes run that will be undone (an Editor's save kept for review): the public content stays.
_held = ContextVar("content_generation_held", default=False)


@contextmanager
def public_content_unchanged():
    """Writes made inside this block will be rolled back: they renew nothing, so no cached page is rebuilt."""
    token = _held.set(True)
    try:
        yield
    finally:
        _held.reset(token)


def generation():
    return cache.get_or_set(GENERATION_KEY, lambda: uuid4().hex, timeout=None)


def renew_generation():
    cache.set(GENERATION_KEY, uuid4().hex, timeout=None)


@receiver(post_save, sender=Statement, dispatch_uid="content_statement_saved")
@receiver(post_delete, sender=Statement, dispatch_uid="content_statement_deleted")
@receiver(post_save, sender=Tag, dispatch_uid="content_tag_saved")
@receiver(post_delete, sender=Tag, dispatch_uid="content_tag_deleted")
@receiver(post_save, sender=SourceLink, dispatch_uid="content_source_saved")
@receiver(post_delete, sender=SourceLink, dispatch_uid="content_source_deleted")
@receiver(m2m_changed, sender=Statement.tags.through, dispatch_uid="content_tags_changed")
def content_changed(**kwargs):
    """Signal receiver: renew now, so this process sees its own change, and again once the change is
    committed, so no copy built from the archive before the commit outlives it."""
    if kwargs.get("action", "post_").startswith("post_") and not _held.get():
        renew_generation()
        transaction.on_commit(renew_generation)


NO_MOMENT = "none"
MOMENT_MEMO_SECONDS = 300


def next_scheduled_moment(after):
    """The first scheduled moment after ``after``, looked up once per generation (and again once it has come):
    only a change, which renews the generation, can bring an earlier one."""
    key = f"content:next-moment:{generation()}"
    moment = cache.get(key)
    if moment is None or (moment != NO_MOMENT and moment <= after):
        moment = Statement.objects.scheduled(now=after).aggregate(moment=Min("publish_at"))["moment"] or NO_MOMENT
        # Bounded, like every copy here, for rows written behind the receivers' back (bulk updates).
        seconds = MOMENT_MEMO_SECONDS if moment == NO_MOMENT else math.ceil((moment - after).total_seconds())
        cache.set(key, moment, timeout=max(1, min(seconds, MOMENT_MEMO_SECONDS)))
    return None if moment == NO_MOMENT else moment


def seconds_to_keep(started, longest):
    """How long a copy built from the archive as it was at ``started`` may be served: ``longest`` seconds at
    most, and never past the next scheduled moment (0 or less: do not keep it)."""
    moment = next_scheduled_moment(started)
    if moment is None:
        return longest
    return min(longest, math.floor((moment - timezone.now()).total_seconds()))
