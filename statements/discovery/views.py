"""The sitemap views: one file while the archive fits on a page, an index of paged sections past that."""

from django.contrib.sitemaps import views as sitemap_views
from django.views.decorators.http import require_safe

from statements.caching.sitemaps import cached_sitemap
from statements.discovery.sitemaps import SITEMAPS


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
