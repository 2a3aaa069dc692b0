"""The site's addresses plus ``/bench/trivial/``: a bare view rendering a small template through the same middleware."""

from django.http import HttpResponse
from django.template import engines
from django.urls import path

from observatory.urls import handler404, handler500  # noqa: F401
from observatory.urls import urlpatterns as site_urlpatterns

TRIVIAL = engines["django"].from_string(
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ greeting }}</title></head>'
    "<body><p>{{ greeting }}</p></body></html>"
)


def trivial(request):
    return HttpResponse(TRIVIAL.render({"greeting": "ok"}, request))


urlpatterns = [path("bench/trivial/", trivial), *site_urlpatterns]
