from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.http import HttpResponse
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from statements.robots import robots_txt
from statements.sitemaps import SITEMAPS

admin.site.site_header = _("Observatory editorial desk")
admin.site.site_title = _("Observatory")
admin.site.index_title = _("Statements and keywords")


def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("healthz/", healthz),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
]

urlpatterns += i18n_patterns(
    path("", include("statements.urls")),
    prefix_default_language=True,
)

handler404 = "statements.errors.page_not_found"
handler500 = "statements.errors.server_error"
