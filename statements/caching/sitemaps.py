"""The sitemap, kept for a few minutes in the shared cache, so crawlers do not rebuild it on every request.

It follows the archive's generation (``content_cache``): a new, edited or withdrawn statement shows at once,
with its ``lastmod``, and a scheduled one as it goes live.
"""

from functools import wraps

from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.utils import timezone

from statements.caching.generation import generation, seconds_to_keep

SITEMAP_CACHE_SECONDS = 300
# Headers worth keeping with the body: the type, the date a conditional GET compares and the crawler hint.
KEPT_HEADERS = ("Content-Type", "Last-Modified", "X-Robots-Tag")


def page_number(request):
    """The ``p`` parameter in its one spelling (``1``, ``2``, …); ``?p=01`` or ``?p=x`` is a 404, not a new copy."""
    page = request.GET.get("p", "1")
    if not (page.isascii() and page.isdigit() and len(page) <= 6 and not page.startswith("0")):
        raise Http404("No such sitemap page.")
    return page


def cache_key(request, kwargs):
    # The addresses in a sitemap are the site's own (SITE_URL), whatever the request's host: the host is not part
    # of the key. Of the query string only the page number counts, so no other parameter can fill the cache;
    # an unknown section is a 404 and is not kept.
    section = kwargs.get("section", "")
    return f"sitemap:{generation()}:{section}:{page_number(request)}"


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
