"""Health checks for load balancers: ``/healthz/`` (the process answers) and ``/readyz/`` (it can serve pages)."""

import json
import logging

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse

HEALTH_PATH = "/healthz/"
READY_PATH = "/readyz/"
HEALTH_PATHS = (HEALTH_PATH, READY_PATH)
READY_KEY = "health:ready"

logger = logging.getLogger("observatory.health")


def database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


def cache_answers():
    """The shared cache stores and returns a value (a cache that degrades to no cache says it is down)."""
    try:
        ping = getattr(cache, "ping", None)
        if ping is not None:
            return ping()
        cache.set(READY_KEY, 1, 10)
        return cache.get(READY_KEY) == 1
    except Exception:  # noqa: BLE001 - whatever the backend raises, the answer is "not ready"
        return False


def readiness():
    checks = {"database": database_answers(), "cache": cache_answers()}
    body = json.dumps({name: "ok" if ok else "down" for name, ok in checks.items()})
    if all(checks.values()):
        return HttpResponse(body, content_type="application/json")
    logger.warning("Not ready", extra={"checks": checks})
    response = HttpResponse(body, content_type="application/json", status=503)
    response["Retry-After"] = "5"
    return response


class HealthCheckMiddleware:
    """Answer the load balancer's health checks before host validation and the HTTPS redirect.

    Balancers probe each instance by its IP address over plain HTTP, which ALLOWED_HOSTS and
    SECURE_SSL_REDIRECT would otherwise refuse. ``/healthz/`` touches nothing (a worker that answers is alive);
    ``/readyz/`` asks the database and the cache one cheap question each.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and request.path_info in HEALTH_PATHS:
            response = (
                HttpResponse("ok", content_type="text/plain") if request.path_info == HEALTH_PATH else readiness()
            )
            if request.method == "HEAD":
                response.content = b""
            return response
        return self.get_response(request)
