"""The site's own address (``SITE_URL``), the one source of absolute URLs.

Robots.txt, the sitemap, feeds, canonical and Open Graph links and JSON-LD name the configured address, never
the request's Host header: those responses are cached and served to everyone, so a forged header must not be
able to put its host into them.
"""

import copy
from urllib.parse import urlsplit

from django.conf import settings


def absolute(path):
    """``/ar/statements/`` → ``https://observatory.example/ar/statements/`` (a full URL stays as it is)."""
    if urlsplit(path).scheme:
        return path
    return settings.SITE_URL + path


def on_site(request):
    """A copy of ``request`` whose host and scheme are the site's, for Django views that build absolute URLs
    from the request (the sitemap framework, syndication feeds)."""
    parts = urlsplit(settings.SITE_URL)
    site_request = copy.copy(request)
    site_request.META = {**request.META, "HTTP_HOST": parts.netloc, "wsgi.url_scheme": parts.scheme}
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure_value = settings.SECURE_PROXY_SSL_HEADER
        site_request.META[header] = secure_value if parts.scheme == "https" else parts.scheme
    site_request.get_host = lambda: parts.netloc
    site_request._get_scheme = lambda: parts.scheme
    return site_request
