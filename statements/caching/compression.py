"""gzip for the public pages, not for the admin.

Compressing a page that reflects a reader's input next to a secret (a CSRF token, a session's data) lets an
attacker guess the secret from the compressed length (BREACH). Public pages hold no secret; the admin does,
so it is sent as it is.
"""

from django.middleware.gzip import GZipMiddleware
from django.urls import reverse


class PublicGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if request.path.startswith(reverse("admin:index")):
            return response
        return super().process_response(request, response)
