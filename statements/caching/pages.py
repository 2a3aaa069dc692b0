"""Whole public pages for anonymous readers, kept in the shared cache until the archive changes.

A reader's page is the same for every reader, so it is rendered once per generation of the archive
(``generation``: renewed on every change, and no copy kept past the next scheduled moment) and then served
from the cache, by every web instance that shares it (Redis in production).

Only what is the same for everyone is kept: an anonymous ``GET``/``HEAD`` (no session cookie) of a page on the
list below, answered with 200, a permanent redirect or 404, that sets no cookie, used no CSRF token and does
not ask to be kept private (staff previews do). Anything else passes through untouched, rendered every time.

The key is the page's path, its language, the host its absolute links name and the query parameters the page
reads, nothing else: ``?utm_source=…`` and friends neither make a new copy nor reach the page, since the
request is reduced to those parameters before the view sees it. A query with any other parameter is not kept.

Every public page also carries an ``ETag`` and ``Last-Modified``, so a client or proxy that has it gets
``304 Not Modified``, and ``Cache-Control: public`` with a short lifetime, so a proxy or CDN in front can serve it.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, QueryDict
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date, parse_http_date_safe, urlencode
from django.utils.translation import get_language

from statements.caching.generation import generation, seconds_to_keep
from statements.templatetags.discovery import TRACKING_PARAMETERS

# The public pages kept whole, by URL name, with the only query parameters each one reads.
CACHED_PAGES = {
    "statements:home": (),
    "statements:list": ("page",),
    "statements:year": ("page",),
    "statements:month": ("page",),
    "statements:short": (),
    "statements:detail": (),
    "statements:print": (),
    "statements:tags": (),
    "statements:tag": ("page",),
    "statements:feed": (),
    "statements:feed_rss": (),
    "statements:tag_feed": (),
    "statements:tag_feed_rss": (),
    "statements:search": ("q", "page"),
    "sitemap": ("p",),
    "sitemap_section": ("p",),
    "robots": (),
}
# 301 is a public statement's or a merged keyword's new address: as public as the page it leads to.
CACHED_STATUSES = {200, 301, 404}
# Headers the server sets per request (or that describe this one copy on the wire), never stored.
NOT_STORED_HEADERS = {"set-cookie", "date", "content-length"}
REFUSING_DIRECTIVES = ("private", "no-store", "no-cache")


def page_parameters(request):
    """The query parameters ``request``'s page reads, or None when the page is not one kept whole."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    return CACHED_PAGES.get(match.view_name)


def is_anonymous_read(request):
    return request.method in ("GET", "HEAD") and settings.SESSION_COOKIE_NAME not in request.COOKIES


def normalised_query(request, names):
    """The parameters the page reads, in a fixed order, with tracking tags dropped; None when the query holds
    anything else (``?sort=…``): such a page is rendered for its reader alone (it says ``noindex`` and links
    back to its own query), and a made-up parameter never fills the cache."""
    if any(name not in names and not name.startswith(TRACKING_PARAMETERS) for name in request.GET):
        return None
    return urlencode([(name, value) for name in names for value in request.GET.getlist(name)])


def cache_key(request, query):
    # Absolute links name SITE_URL when it is set; until then the host the reader asked for (one of ALLOWED_HOSTS).
    site = getattr(settings, "SITE_URL", None) or f"{request.scheme}://{request.get_host()}"
    address = hashlib.sha256(f"{site}|{get_language()}|{request.path}|{query}".encode()).hexdigest()
    return f"page:{generation()}:{address}"


def entity_tag(content):
    return '"' + hashlib.blake2b(content, digest_size=16).hexdigest() + '"'


def may_keep(request, response):
    """Whether ``response`` is the same for every anonymous reader and may be shared."""
    if response.status_code not in CACHED_STATUSES or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(directive in cache_control for directive in REFUSING_DIRECTIVES)


def make_public(response, max_age):
    patch_cache_control(
        response,
        public=True,
        max_age=max(0, min(max_age, settings.PAGE_CACHE_MAX_AGE)),
        stale_while_revalidate=settings.PAGE_CACHE_STALE_WHILE_REVALIDATE,
    )


class PageCacheMiddleware:
    """Serves anonymous readers' public pages from the cache, and answers conditional requests with 304.

    Placed after ``LocaleMiddleware`` (the page's language comes from its path) and before everything a hit
    does not need (sessions, CSRF, authentication): a hit reads two cache keys and no database.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        names = page_parameters(request) if is_anonymous_read(request) else None
        if names is None:
            return self.get_response(request)
        query = normalised_query(request, names)
        if query is None:
            return self.get_response(request)
        # The page sees only what its key says, so any copy of it is exactly the page for that key.
        request.META["QUERY_STRING"] = query
        request.GET = QueryDict(query)
        key = cache_key(request, query)
        stored = cache.get(key) if settings.PAGE_CACHE_SECONDS > 0 else None
        if stored is not None:
            return self.from_cache(request, stored)
        started = timezone.now()
        response = self.get_response(request)
        if not may_keep(request, response):
            return response
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        # Neither this copy nor a proxy's outlives the next scheduled moment.
        keep = seconds_to_keep(started, max(settings.PAGE_CACHE_SECONDS, settings.PAGE_CACHE_MAX_AGE))
        response.headers.setdefault("ETag", entity_tag(response.content))
        response.headers.setdefault("Last-Modified", http_date(started.timestamp()))
        make_public(response, keep)
        if settings.PAGE_CACHE_SECONDS > 0 and keep > 0:
            headers = [(name, value) for name, value in response.items() if name.lower() not in NOT_STORED_HEADERS]
            cache.set(key, (response.status_code, response.content, headers), min(keep, settings.PAGE_CACHE_SECONDS))
        return self.conditional(request, response)

    def from_cache(self, request, stored):
        status, content, headers = stored
        response = HttpResponse(content, status=status, headers=headers)
        return self.conditional(request, response)

    @staticmethod
    def conditional(request, response):
        if response.status_code != 200:
            return response
        return get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
            response=response,
        )
