"""Every public page type, and the admin list, reads a fixed number of queries however large the archive grows.

Each page is asked for over a small archive and again after it has grown: a query run once per statement,
keyword or source (a template reaching for a relation nobody prefetched) makes the second count larger.
"""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from statements.admin.options import StatementAdmin
from statements.models import Statement

pytestmark = pytest.mark.django_db

# The most queries each page may run, as measured (SQLite and PostgreSQL alike), with no headroom:
# a page that needs one more should say why in the commit that raises its figure.
# Pages showing keyword counts are measured as they count them (three queries); once counted, the figures
# come from the cache (see test_keyword_counts_come_from_the_cache_until_the_archive_changes).
# Each is measured on an empty cache, so each includes the one query a generation of the archive makes for its
# next scheduled moment (how long the page may be kept); served from the cache, a page makes none
# (tests/caching/test_page_cache.py).
PAGES = {
    "home": 4,
    "list": 3,
    "year": 4,
    "month": 3,
    "detail": 10,  # with the keyword counts: related reading asks how busy the keywords are
    "print": 4,
    "tags": 3,
    "tag": 4,
    "feed": 3,
    "feed_rss": 3,
    "tag_feed": 4,
    "sitemap": 8,
    "sitemap_statements": 3,
    "sitemap_keywords": 3,
}
SITEMAP_INDEX = 9
# The keyword list reads its counts from the cache, counted here (one query) as the cache is cleared.
# A statement list of several pages reads its page's ids, then their rows; a search finds its newest matches
# by title and by word (two queries) first, on PostgreSQL inside a transaction that turns parallel workers off
# for them (three statements more).
ADMIN_PAGES = {
    "admin_statements": 8,
    "admin_keywords": 6,
    "admin_page_2": 8,
    "admin_search": 11,
    "admin_keyword_filter": 8,
    "admin_change_form": 11,
    "admin_autocomplete": 4,
}
FIRST_DAY = datetime.date(2018, 4, 1)


@pytest.fixture
def archive(make_statement, make_tag):
    """``grow(n)`` adds ``n`` statements, each with one to four of the keywords and a source link."""
    tags = [make_tag(name_ar=f"وسم {n}", name_en=f"Keyword {n}") for n in range(6)]
    made = []

    def grow(count):
        for _ in range(count):
            n = len(made)
            made.append(
                make_statement(
                    tags=tags[: n % 4 + 1],
                    sources=[{"url": f"https://example.org/{n}", "title": f"Report {n}", "publisher": "Example"}],
                    published_on=FIRST_DAY + datetime.timedelta(days=n),
                )
            )
        return made

    return tags, grow


def addresses(statement, tag):
    return {
        "home": "/ar/",
        "list": "/ar/statements/",
        "year": "/ar/statements/2018/",
        "month": "/ar/statements/2018/04/",
        "detail": statement.get_absolute_url(),
        "print": statement.get_print_url(),
        "tags": "/ar/tags/",
        "tag": tag.get_absolute_url(),
        "feed": "/ar/feed/",
        "feed_rss": "/ar/feed/rss/",
        "tag_feed": f"{tag.get_absolute_url()}feed/",
        "sitemap": "/sitemap.xml",
        "sitemap_statements": "/sitemap-statements.xml",
        "sitemap_keywords": "/sitemap-keywords.xml",
        "admin_statements": "/admin/statements/statement/",
        "admin_keywords": "/admin/statements/tag/",
        "admin_page_2": "/admin/statements/statement/?p=2",
        # A word of every statement, in Arabic as readers type it: the title and the index both match.
        "admin_search": "/admin/statements/statement/?q=بيان",
        "admin_keyword_filter": f"/admin/statements/statement/?tags__id__exact={tag.pk}",
        "admin_change_form": f"/admin/statements/statement/{statement.pk}/change/",
        "admin_autocomplete": "/admin/autocomplete/?app_label=statements&model_name=statement&field_name=tags&term=وسم",
    }


def queries_for(client, url):
    cache.clear()  # the sitemap is cached: measure the request that builds it
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def measure(client, archive, pages):
    tags, grow = archive
    statement = grow(3)[1]
    urls = addresses(statement, tags[0])
    small = {page: queries_for(client, urls[page]) for page in pages}
    grow(12)
    large = {page: queries_for(client, urls[page]) for page in pages}
    return small, large


def assert_fixed_and_within(small, large, limits):
    """Each page's count (small archive, grown archive) neither grows nor passes its limit; offenders are named."""
    grown = {page: (small[page], large[page]) for page in limits if large[page] > small[page]}
    over = {
        page: (small[page], large[page], limit)
        for page, limit in limits.items()
        if max(small[page], large[page]) > limit
    }
    assert grown == {}, "queries grow with the archive: (small, grown)"
    assert over == {}, "more queries than the page's limit: (small, grown, limit)"


def test_public_pages_run_a_fixed_number_of_queries_as_the_archive_grows(archive):
    small, large = measure(Client(), archive, PAGES)
    assert_fixed_and_within(small, large, PAGES)


def test_admin_lists_run_a_fixed_number_of_queries_as_the_archive_grows(archive, staff_client, monkeypatch):
    # The session and the user are read on every admin request; they count, the rows must not.
    # Two statements a page, so the lists have a second page from the start.
    monkeypatch.setattr(StatementAdmin, "list_per_page", 2)
    small, large = measure(staff_client, archive, ADMIN_PAGES)
    assert_fixed_and_within(small, large, ADMIN_PAGES)


def test_query_count_check_catches_a_query_per_statement(archive):
    tags, grow = archive
    grow(3)
    with CaptureQueriesContext(connection) as few:
        [list(s.tags.all()) for s in Statement.objects.all()]
    grow(5)
    with CaptureQueriesContext(connection) as more:
        [list(s.tags.all()) for s in Statement.objects.all()]

    with pytest.raises(AssertionError):
        assert_fixed_and_within({"page": len(few)}, {"page": len(more)}, {"page": 100})


def test_sitemap_index_runs_a_fixed_number_of_queries_as_the_archive_grows(archive, monkeypatch):
    from statements.discovery.sitemaps import BilingualSitemap

    monkeypatch.setattr(BilingualSitemap, "limit", 4)  # a few statements already make an index of pages
    tags, grow = archive
    grow(3)
    small = queries_for(Client(), "/sitemap.xml")
    grow(12)
    large = queries_for(Client(), "/sitemap.xml")

    assert_fixed_and_within({"index": small}, {"index": large}, {"index": SITEMAP_INDEX})


def test_keyword_counts_come_from_the_cache_until_the_archive_changes(
    archive, django_capture_on_commit_callbacks, settings
):
    tags, grow = archive
    grow(3)
    settings.PAGE_CACHE_SECONDS = 0  # the figures under the page: each request renders its page
    client = Client()
    for url, counting, cached in (("/ar/", 4, 2), ("/ar/tags/", 3, 1), ("/ar/search/", 3, 1)):
        cache.clear()
        with CaptureQueriesContext(connection) as first:
            client.get(url)
        with CaptureQueriesContext(connection) as second:
            client.get(url)
        assert (len(first), len(second)) == (counting, cached), url
    with django_capture_on_commit_callbacks(execute=True):
        grow(1)
    with CaptureQueriesContext(connection) as after_change:
        response = client.get("/ar/")
    assert len(after_change) == 4
    assert [tag.public_count for tag in response.context["top_tags"]] == [4, 3, 2, 1]
