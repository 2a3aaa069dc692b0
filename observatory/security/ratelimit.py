"""Per-client rate limits counted in the shared cache: a 429 with Retry-After past the limit.

Each limit is a number of requests a minute per client address (``settings.RATE_LIMITS``), counted in fixed
one-minute windows, so every instance behind the balancer counts against the same total. Without a cache to
count in (Redis down) nothing is limited: readers come first.
"""

import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.template import loader

from observatory.security.clients import client_ip

WINDOW_SECONDS = 60


def over_limit(request, scope):
    """Seconds until the client may ask again, or 0 when this request is within ``scope``'s limit."""
    limit = settings.RATE_LIMITS.get(scope, 0)
    if limit <= 0:
        return 0
    now = time.time()
    window = int(now // WINDOW_SECONDS)
    key = f"ratelimit:{scope}:{client_ip(request) or 'unknown'}:{window}"
    cache.add(key, 0, WINDOW_SECONDS + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: this is the window's first request
        cache.add(key, 1, WINDOW_SECONDS + 1)
        count = 1
    if count <= limit:
        return 0
    return max(1, int((window + 1) * WINDOW_SECONDS - now) + 1)


def too_many_requests(retry_after):
    # Rendered without a request: both languages, like the other error pages that must not cost anything.
    response = HttpResponse(loader.get_template("429.html").render(), status=429)
    response["Retry-After"] = str(retry_after)
    return response


def rate_limited(scope):
    """Decorate a view (or anything called with the request first) with ``scope``'s limit."""

    def decorate(view):
        @wraps(view)
        def limited(request, *args, **kwargs):
            retry_after = over_limit(request, scope)
            if retry_after:
                return too_many_requests(retry_after)
            return view(request, *args, **kwargs)

        return limited

    return decorate
