"""The sitemap, kept for a few minutes in the shared cache, so crawlers do not rebuild it on every request.

The cache is shared by every web instance (Redis in production), so what one instance builds the others serve.
Keys carry a generation that any change to statements or keywords renews, once the change is committed: a
new, edited or withdrawn statement shows at once, with its ``lastmod``. A scheduled statement appears without
any save, so a copy is never kept past the next scheduled moment: the sitemap lists it as it goes live.
"""

import math
from functools import wraps
from uuid import uuid4

from django.core.cache import cache
from django.db import transaction
from django.db.models import Min
from django.http import HttpResponse
from django.utils import timezone

from .models import Statement

SITEMAP_CACHE_SECONDS = 300
GENERATION_KEY = "sitemap:generation"
# Headers worth keeping with the body: the type, the date a conditional GET compares and the crawler hint.
KEPT_HEADERS = ("Content-Type", "Last-Modified", "X-Robots-Tag")


def generation():
    return cache.get_or_set(GENERATION_KEY, uuid4().hex, timeout=None)


def renew_generation():
    cache.set(GENERATION_KEY, uuid4().hex, timeout=None)


def content_changed(**kwargs):
    """Signal receiver: the sitemap is rebuilt after the change is committed, never from a half-made one."""
    if kwargs.get("action", "post_").startswith("post_"):
        transaction.on_commit(renew_generation)


def next_scheduled_moment(after):
    return Statement.objects.scheduled(now=after).aggregate(moment=Min("publish_at"))["moment"]


def cache_key(request, kwargs):
    # The addresses in a sitemap are absolute, so the host and scheme are part of what is cached;
    # of the query string only the page number counts, so no other parameter can fill the cache.
    page = request.GET.get("p", "1")
    section = kwargs.get("section", "")
    return f"sitemap:{generation()}:{request.scheme}://{request.get_host()}:{section}:{page}"


def cached_sitemap(view):
    @wraps(view)
    def cached_view(request, *args, **kwargs):
        key = cache_key(request, kwargs)
        stored = cache.get(key)
        if stored is not None:
            content, headers = stored
            return HttpResponse(content, headers=headers)
        started = timezone.now()
        response = view(request, *args, **kwargs)
        if response.status_code != 200:
            return response
        if hasattr(response, "render"):
            response.render()
        timeout = SITEMAP_CACHE_SECONDS
        moment = next_scheduled_moment(started)
        if moment is not None:
            timeout = min(timeout, math.floor((moment - timezone.now()).total_seconds()))
        if timeout > 0:
            headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
            cache.set(key, (response.content, headers), timeout)
        return response

    return cached_view
