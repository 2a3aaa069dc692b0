from django.urls import path, re_path

from statements.api import views
from statements.api.problems import not_found

app_name = "api"

urlpatterns = [
    path("", views.Index.as_view(), name="index"),
    path("statements/", views.StatementList.as_view(), name="statements"),
    path("statements/<int:pk>/", views.StatementDetail.as_view(), name="statement"),
    path("tags/", views.KeywordList.as_view(), name="tags"),
    path("tags/<str:slug>/", views.KeywordDetail.as_view(), name="tag"),
    path("openapi.json", views.OpenAPIDescription.as_view(), name="openapi"),
    path("docs/", views.Documentation.as_view(), name="docs"),
    # Anything else under /api/v1/ is a problem document too, not the site's HTML 404 page.
    re_path(r"^.*/$", not_found),
]
