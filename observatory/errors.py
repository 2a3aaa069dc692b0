"""Bilingual error pages: the 404 speaks the URL's language; the 500 page needs no database or context."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    if request.path.startswith("/api/"):
        from statements.api.problems import problem_response

        return problem_response(request, 500, "The server failed to answer; the failure is logged.")
    # Render without context processors: whatever failed may fail again.
    return HttpResponseServerError(loader.get_template("500.html").render())
