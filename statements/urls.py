from django.urls import path, register_converter

from statements import views
from statements.converters import MonthConverter, UnicodeSlugConverter, YearConverter
from statements.discovery import feeds
from statements.search import views as search_views

register_converter(YearConverter, "year")
register_converter(MonthConverter, "month")
register_converter(UnicodeSlugConverter, "uslug")

app_name = "statements"

urlpatterns = [
    path("", views.home, name="home"),
    path("statements/", views.StatementList.as_view(), name="list"),
    path("statements/<year:year>/", views.YearArchive.as_view(), name="year"),
    path("statements/<year:year>/<month:month>/", views.MonthArchive.as_view(), name="month"),
    path("statements/<int:pk>/", views.statement_redirect, name="short"),
    path("statements/<int:pk>-<str:slug>/", views.StatementDetail.as_view(), name="detail"),
    path("statements/<int:pk>/print/", views.StatementPrint.as_view(), name="print"),
    path("tags/", views.tag_index, name="tags"),
    path("tags/<uslug:slug>/", views.TagDetail.as_view(), name="tag"),
    path("feed/", feeds.LatestStatementsFeed(), name="feed"),
    path("feed/rss/", feeds.LatestStatementsRssFeed(), name="feed_rss"),
    path("tags/<uslug:slug>/feed/", feeds.TagFeed(), name="tag_feed"),
    path("tags/<uslug:slug>/feed/rss/", feeds.TagRssFeed(), name="tag_feed_rss"),
    path("search/", search_views.search_page, name="search"),
]
