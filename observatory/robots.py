"""robots.txt: what crawlers may read, and where the sitemap is."""

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from observatory.site_address import absolute


def disallowed_paths():
    """The admin, and the print view of every statement in every language (``*`` stands for the id)."""
    paths = [reverse("admin:index")]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.append(reverse("statements:print", args=[0]).replace("/0/", "/*/"))
    return paths


@require_safe
def robots_txt(request):
    return render(
        request,
        "robots.txt",
        {"sitemap_url": absolute(reverse("sitemap")), "disallowed": disallowed_paths()},
        content_type="text/plain; charset=utf-8",
    )
