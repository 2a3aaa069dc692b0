"""The sitemap, kept for a few minutes in the shared cache, so crawlers do not rebuild it on every request.

It follows the archive's generation (``content_cache``): a new, edited or withdrawn statement shows at once,
with its ``lastmod``, and a scheduled one as it goes live.
"""

from functools import wraps

from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone

from statements.caching.generation import generation, seconds_to_keep

SITEMAP_CACHE_SECONDS = 300
# Headers worth keeping with the body: the type, the date a conditional GET compares and the crawler hint.
KEPT_HEADERS = ("Content-Type", "Last-Modified", "X-Robots-Tag")


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
        timeout = seconds_to_keep(started, SITEMAP_CACHE_SECONDS)
        if timeout > 0:
            headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
            cache.set(key, (response.content, headers), timeout)
        return response

    return cached_view
