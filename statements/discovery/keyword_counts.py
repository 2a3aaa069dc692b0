"""How many public statements carry each keyword.

Counting means reading the whole archive (docs/search.md has the figures), and the home page, the keyword
index, the search page and its keyword offer all show them. So they are counted once per generation of the
archive and kept in the shared cache (``statements.caching.generation``): a change to any statement or keyword, or a
scheduled statement going live, brings fresh figures.
"""

from django.core.cache import cache
from django.db.models import Count
from django.utils import timezone

from statements.caching.generation import generation, seconds_to_keep
from statements.models import Statement, Tag

# Without a shared cache each process keeps its own copy, which only its own changes renew: five minutes bounds
# how long another process may show old figures.
COUNTS_CACHE_SECONDS = 300


def _counted():
    """``[(tag id, public statements)]``, most used first, then by Arabic and English sort key."""
    key = f"tag-counts:{generation()}"
    counted = cache.get(key)
    if counted is None:
        started = timezone.now()
        counted = list(
            Statement.objects.published(now=started)
            .filter(tags__isnull=False)
            .values("tags")
            .annotate(count=Count("pk"))
            .order_by("-count", "tags__key_ar", "tags__key_en")
            .values_list("tags", "count")
        )
        timeout = seconds_to_keep(started, COUNTS_CACHE_SECONDS)
        if timeout > 0:
            cache.set(key, counted, timeout)
    return counted


def statement_counts():
    """``{tag id: statements carrying it}`` whatever their status (the editors' keyword list), kept like the
    public figures but with no scheduled moment to wait for: a status does not change these."""
    key = f"tag-counts-all:{generation()}"
    counted = cache.get(key)
    if counted is None:
        links = Statement.tags.through.objects
        counted = dict(links.order_by().values("tag_id").annotate(count=Count("*")).values_list("tag_id", "count"))
        cache.set(key, counted, COUNTS_CACHE_SECONDS)
    return counted


def public_tag_counts():
    """``{tag id: number of public statements carrying it}``, for keywords with at least one."""
    return dict(_counted())


def _with_counts(tags, counts):
    for tag in tags:
        tag.public_count = counts[tag.pk]
    return tags


def most_used_tags(limit):
    """The ``limit`` keywords on the most public statements, each with ``public_count``."""
    top = _counted()[:limit]
    tags = Tag.objects.in_bulk([pk for pk, _ in top])
    return _with_counts([tags[pk] for pk, _ in top if pk in tags], dict(top))


def public_tags():
    """Every keyword that public statements carry, each with ``public_count``."""
    counts = public_tag_counts()
    return _with_counts([tag for tag in Tag.objects.all() if tag.pk in counts], counts)


def public_tag(tag):
    """``tag`` with its ``public_count``, or None when no public statement carries it (or there is no tag)."""
    count = public_tag_counts().get(tag.pk) if tag is not None else None
    if not count:
        return None
    tag.public_count = count
    return tag
