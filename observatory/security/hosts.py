"""A request for a host that is not ours: a 400 and one log line, never a stack trace."""

import logging

from django.core.exceptions import DisallowedHost
from django.http import HttpResponseBadRequest

from observatory.health import HEALTH_PATHS
from observatory.security.clients import client_ip

logger = logging.getLogger("observatory.hosts")


class AllowedHostMiddleware:
    """Check the Host header before anything reads it (Django would log a full trace for each such request).

    Health checks are exempt: balancers probe each instance by its IP address.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info not in HEALTH_PATHS:
            try:
                request.get_host()
            except DisallowedHost:
                logger.warning(
                    "Refused a request for a host that is not ours",
                    extra={
                        "host": request.META.get("HTTP_HOST", "")[:200],
                        "path": request.path[:200],
                        "client": client_ip(request),
                    },
                )
                response = HttpResponseBadRequest(
                    "Bad Request: unknown host. طلب غير صالح: عنوان غير معروف.\n",
                    content_type="text/plain; charset=utf-8",
                )
                # Logged above, once: Django's request log would add a second line for the 400.
                response._has_been_logged = True
                return response
        return self.get_response(request)
