from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from observatory.robots import robots_txt
from observatory.security import two_factor
from observatory.security.csp_report import csp_report
from statements.discovery.views import sitemap_section, sitemap_xml

admin.site.site_header = _("Observatory editorial desk")
admin.site.site_title = _("Observatory")
admin.site.index_title = _("Statements and keywords")


urlpatterns = [
    path("admin/two-factor/setup/", two_factor.setup, name="two_factor_setup"),
    path("admin/two-factor/verify/", two_factor.verify, name="two_factor_verify"),
    path("admin/", admin.site.urls),
    path("csp-report/", csp_report, name="csp_report"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap_xml, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap_section, name="sitemap_section"),
    path("robots.txt", robots_txt, name="robots"),
    # The JSON API carries both languages in every answer, so its addresses have no language prefix.
    path("api/v1/", include("statements.api.urls")),
]

urlpatterns += i18n_patterns(
    path("", include("statements.urls")),
    prefix_default_language=True,
)

if settings.DEBUG:
    # Development only (`make run`): production serves uploaded images from the web server or object storage.
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler404 = "observatory.errors.page_not_found"
handler500 = "observatory.errors.server_error"
