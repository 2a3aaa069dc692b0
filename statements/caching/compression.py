"""gzip for the public pages (HTML, feeds, sitemaps), not for the admin.

Compressing a page that reflects a reader's input next to a secret (a CSRF token, a session's data) lets an
attacker guess the secret from the compressed length (BREACH). Public pages hold no secret; the admin does,
so it is sent as it is. Other answers (the JSON API, static files, which WhiteNoise compresses ahead of
time) keep their own handling.
"""

from django.middleware.gzip import GZipMiddleware
from django.urls import reverse

COMPRESSED_TYPES = ("text/html", "application/atom+xml", "application/rss+xml", "application/xml", "text/xml")


class PublicGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if request.path.startswith(reverse("admin:index")):
            return response
        if not response.get("Content-Type", "").startswith(COMPRESSED_TYPES):
            return response
        return super().process_response(request, response)
