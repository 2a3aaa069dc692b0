"""Bilingual error pages: the 404 speaks the URL's language; the 500 and 503 pages need no database or context."""

import sys

from django.db import DatabaseError
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader

# How soon a reader (or a crawler) may try again when the database is down or too slow.
DATABASE_RETRY_AFTER_SECONDS = 30


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    if request.path.startswith("/api/"):
        from statements.api.problems import problem_response

        return problem_response(request, 500, "The server failed to answer; the failure is logged.")
    # Render without context processors: whatever failed may fail again.
    if isinstance(sys.exc_info()[1], DatabaseError):
        # The database is down, refused the connection in time or cut a statement off: not our bug, a pause.
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(DATABASE_RETRY_AFTER_SECONDS)
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())
