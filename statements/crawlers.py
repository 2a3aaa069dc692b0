"""What search engines read: robots.txt and the sitemap."""

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from .sitemap_cache import cached_sitemap
from .sitemaps import SITEMAPS


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
        {"sitemap_url": request.build_absolute_uri(reverse("sitemap")), "disallowed": disallowed_paths()},
        content_type="text/plain; charset=utf-8",
    )


@require_safe
@cached_sitemap
def sitemap_xml(request):
    """Every address in one sitemap while they fit on one page; past that, an index of paged section sitemaps.

    A single file for a large archive takes too long to build in one request and grows past what crawlers read.
    """
    sites = {name: site() for name, site in SITEMAPS.items()}
    if all(site.page_count() <= 1 for site in sites.values()):
        return sitemap_views.sitemap(request, sites)
    return sitemap_views.index(request, sites, sitemap_url_name="sitemap_section")


@require_safe
@cached_sitemap
def sitemap_section(request, section):
    return sitemap_views.sitemap(request, SITEMAPS, section=section)
