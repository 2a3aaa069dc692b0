"""Readers' pages come whole from the cache, and the very next request after any change shows the new state.

Anonymous readers share one copy of each public page per generation of the archive; staff, previews and
anything personal never enter the cache; clients and proxies revalidate with ETag / Last-Modified.
"""

import datetime
import gzip

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from statements.caching.pages import PageCacheMiddleware
from statements.editorial.merge import merge_tag
from statements.models import Statement
from tests.admin_helpers import post_change

pytestmark = pytest.mark.django_db

LEGACY_SAMPLE = "tests/fixtures/legacy/observatory-en-2019-02-04.txt"


@pytest.fixture
def reader():
    return Client()


@pytest.fixture
def commits(django_capture_on_commit_callbacks):
    """Run what a commit runs (the generation renewed once the change is committed), as production does."""

    def committing():
        return django_capture_on_commit_callbacks(execute=True)

    return committing


def public_urls(statement, tag):
    return [
        "/ar/",
        "/en/statements/",
        "/en/statements/?page=1",
        f"/en/statements/{statement.published_on.year}/",
        f"/en/statements/{statement.published_on:%Y/%m}/",
        "/en" + statement.get_absolute_url()[3:],
        "/en" + statement.get_print_url()[3:],
        "/en/tags/",
        "/en" + tag.get_absolute_url()[3:],
        "/en/feed/",
        "/en/feed/rss/",
        "/en" + tag.get_absolute_url()[3:] + "feed/",
        "/en/search/?q=Statement",
        "/sitemap.xml",
        "/robots.txt",
    ]


def queries(client, url, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, headers=headers)
    return response, len(captured)


def test_a_second_anonymous_request_is_served_from_the_cache_without_any_query(reader, make_statement, make_tag):
    tag = make_tag(name_en="Daesh")
    statement = make_statement(tags=[tag])
    for url in public_urls(statement, tag):
        first, _ = queries(reader, url)
        second, count = queries(reader, url)
        assert first.status_code == 200, url
        assert (second.status_code, count) == (200, 0), url
        assert second.content == first.content, url
        assert second["Content-Type"] == first["Content-Type"], url


def test_a_missing_page_is_kept_too_and_a_publication_makes_it_appear(reader, make_statement, commits):
    statement = make_statement(status=Statement.Status.DRAFT)
    assert reader.get(statement.get_absolute_url()).status_code == 404
    assert queries(reader, statement.get_absolute_url())[1] == 0

    with commits():
        statement.status = Statement.Status.PUBLISHED
        statement.save()

    assert reader.get(statement.get_absolute_url()).status_code == 200


def test_public_pages_say_a_shared_cache_may_keep_them_briefly(reader, make_statement, make_tag):
    tag = make_tag(name_en="Daesh")
    statement = make_statement(tags=[tag])
    for url in public_urls(statement, tag):
        for response in (reader.get(url), reader.get(url)):
            directives = {part.strip() for part in response["Cache-Control"].split(",")}
            assert {"public", "max-age=60", "stale-while-revalidate=30"} <= directives, url
            assert response["ETag"].startswith('"'), url
            assert response.has_header("Last-Modified"), url


def test_no_public_page_sets_a_cookie_or_carries_a_csrf_token(reader, make_statement, make_tag):
    tag = make_tag(name_en="Daesh")
    statement = make_statement(tags=[tag])
    for url in public_urls(statement, tag):
        for response in (reader.get(url), reader.get(url)):
            assert not response.cookies, url
            assert "Set-Cookie" not in response, url
            assert b"csrfmiddlewaretoken" not in response.content, url
            assert b"csrftoken" not in response.content, url


def test_a_tracking_parameter_is_neither_a_new_copy_nor_part_of_the_page(reader, make_statement):
    make_statement()
    plain = reader.get("/en/statements/")

    tracked, count = queries(reader, "/en/statements/?utm_source=newsletter&fbclid=abc")

    assert count == 0
    assert tracked.content == plain.content
    assert b"newsletter" not in tracked.content


def test_the_page_parameters_in_either_order_are_one_copy(reader, make_statement):
    make_statement(title_en="Daesh", body_en="<p>Daesh</p>")
    first = reader.get("/en/search/?q=Daesh&page=1")

    second, count = queries(reader, "/en/search/?page=1&q=Daesh")

    assert count == 0
    assert second.content == first.content


def test_a_page_asked_for_with_another_parameter_is_rendered_for_its_reader_and_not_kept(reader, make_statement):
    make_statement()
    reader.get("/en/statements/?sort=<oldest>")

    response, count = queries(reader, "/en/statements/?sort=other")

    assert count > 0
    assert b"oldest" not in response.content
    assert "public" not in response.get("Cache-Control", "")
    assert queries(reader, "/en/statements/")[1] > 0  # nor did it fill the plain page's place


def test_an_edit_shows_on_the_next_request(reader, make_statement, commits):
    statement = make_statement(title_en="Before the edit")
    url = "/en" + statement.get_absolute_url()[3:]
    assert b"Before the edit" in reader.get(url).content

    with commits():
        statement.title_en = "After the edit"
        statement.save()

    assert b"After the edit" in reader.get(url).content
    assert b"After the edit" in reader.get("/en/statements/").content


def test_publishing_and_unpublishing_through_the_admin_show_on_the_next_request(
    reader, publisher_client, make_statement, commits
):
    statement = make_statement(title_en="Waiting in review", body_en="<p>Soon</p>", status=Statement.Status.REVIEW)
    assert b"Waiting in review" not in reader.get("/en/statements/").content
    assert reader.get(statement.get_absolute_url()).status_code == 404

    with commits():
        assert post_change(publisher_client, statement, status=Statement.Status.PUBLISHED).status_code == 302
    assert b"Waiting in review" in reader.get("/en/statements/").content
    assert reader.get(statement.get_absolute_url()).status_code == 200

    with commits():
        assert post_change(publisher_client, statement, status=Statement.Status.DRAFT).status_code == 302
    assert b"Waiting in review" not in reader.get("/en/statements/").content
    assert reader.get(statement.get_absolute_url()).status_code == 404


def test_a_scheduled_statement_shows_on_the_first_request_after_its_moment(reader, make_statement):
    moment = (timezone.now() + datetime.timedelta(minutes=30)).replace(microsecond=0)
    make_statement(title_en="Scheduled news", publish_at=moment)
    assert b"Scheduled news" not in reader.get("/en/statements/").content
    assert b"Scheduled news" not in reader.get("/en/feed/").content

    with time_machine.travel(moment + datetime.timedelta(seconds=1)):
        assert b"Scheduled news" in reader.get("/en/statements/").content
        assert b"Scheduled news" in reader.get("/en/feed/").content


def test_a_keyword_rename_and_a_merge_show_on_the_next_request(reader, make_statement, make_tag, commits):
    old, kept = make_tag(name_en="Extremism"), make_tag(name_en="Radicalism")
    make_statement(title_en="About extremism", tags=[old])
    make_statement(title_en="About radicalism", tags=[kept])
    old_url = "/en" + old.get_absolute_url()[3:]
    assert b"Extremism" in reader.get("/en/tags/").content
    assert reader.get(old_url).status_code == 200

    with commits():
        old.name_en = "Violent extremism"
        old.save()
    assert b"Violent extremism" in reader.get("/en/tags/").content

    with commits():
        merge_tag(old, kept)
    assert b"Violent extremism" not in reader.get("/en/tags/").content
    moved = reader.get(old_url)
    assert moved.status_code == 301
    assert b"About extremism" in reader.get("/en" + kept.get_absolute_url()[3:]).content


def test_an_import_shows_on_the_next_request(reader, make_statement, commits):
    make_statement()
    before = reader.get("/en/statements/").content

    with commits():
        call_command("import_statements", LEGACY_SAMPLE, stdout=open("/dev/null", "w"))

    imported = Statement.objects.published().exclude(title_en="").order_by("-id").first()
    after = reader.get("/en/statements/").content
    assert after != before
    assert imported.get_absolute_url()[3:].encode() in after


def test_what_staff_see_never_enters_the_cache(reader, staff_client, make_statement):
    public = make_statement(title_en="Public statement")
    draft = make_statement(title_en="Draft statement", status=Statement.Status.DRAFT)

    preview = staff_client.get(draft.get_absolute_url())
    staff_page = staff_client.get(public.get_absolute_url())

    assert preview.status_code == 200
    assert "private" in preview["Cache-Control"] and "no-store" in preview["Cache-Control"]
    assert "public" not in staff_page.get("Cache-Control", "")
    assert reader.get(draft.get_absolute_url()).status_code == 404
    assert queries(reader, public.get_absolute_url())[1] > 0  # built for the reader, not taken from staff


def test_a_staff_preview_redirect_is_never_kept(reader, staff_client, make_statement):
    draft = make_statement(status=Statement.Status.DRAFT)
    short = f"/ar/statements/{draft.pk}/"

    assert staff_client.get(short).status_code == 302
    assert reader.get(short).status_code == 404


def test_a_matching_etag_gets_304_without_rendering_and_a_change_gets_200(reader, make_statement, commits):
    statement = make_statement(title_en="First words")
    url = "/en" + statement.get_absolute_url()[3:]
    etag = reader.get(url)["ETag"]

    revalidated, count = queries(reader, url, if_none_match=etag)
    assert (revalidated.status_code, count, revalidated.content) == (304, 0, b"")

    with commits():
        statement.title_en = "Second words"
        statement.save()
    changed = reader.get(url, headers={"if-none-match": etag})
    assert changed.status_code == 200
    assert b"Second words" in changed.content
    assert changed["ETag"] != etag


def test_a_matching_last_modified_gets_304(reader, make_statement):
    make_statement()
    last_modified = reader.get("/en/statements/")["Last-Modified"]

    response, count = queries(reader, "/en/statements/", if_modified_since=last_modified)

    assert (response.status_code, count) == (304, 0)


def test_a_matching_etag_gets_304_when_the_cache_is_off_too(reader, make_statement, settings):
    settings.PAGE_CACHE_SECONDS = 0
    make_statement()
    etag = reader.get("/en/statements/")["ETag"]

    assert reader.get("/en/statements/", headers={"if-none-match": etag}).status_code == 304


def test_public_html_is_compressed_and_the_admin_is_not(reader, staff_client, make_statement):
    make_statement(title_en="Compressed statement")
    for _ in range(2):  # built, then from the cache
        response = reader.get("/en/statements/", headers={"accept-encoding": "gzip"})
        assert response["Content-Encoding"] == "gzip"
        assert b"Compressed statement" in gzip.decompress(response.content)
        assert "Accept-Encoding" in response["Vary"]

    admin = staff_client.get("/admin/statements/statement/", headers={"accept-encoding": "gzip"})
    assert admin.status_code == 200
    assert not admin.has_header("Content-Encoding")


@pytest.mark.parametrize(
    "response",
    [
        HttpResponse("boom", status=500),
        HttpResponse("moved", status=302, headers={"Location": "/elsewhere/"}),
        HttpResponse("bad", status=400),
    ],
    ids=["server error", "temporary redirect", "bad request"],
)
def test_responses_other_than_200_301_and_404_are_never_kept(response):
    calls = []

    def view(request):
        calls.append(request)
        return response

    middleware = PageCacheMiddleware(view)
    for _ in range(2):
        middleware(RequestFactory().get("/en/statements/"))
    assert len(calls) == 2


def test_a_response_that_sets_a_cookie_or_used_a_csrf_token_is_never_kept():
    calls = []

    def with_cookie(request):
        calls.append(request)
        response = HttpResponse("page")
        response.set_cookie("flavour", "oat")
        return response

    def with_token(request):
        calls.append(request)
        request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
        return HttpResponse("page with a form")

    for view in (with_cookie, with_token):
        calls.clear()
        middleware = PageCacheMiddleware(view)
        for _ in range(2):
            middleware(RequestFactory().get("/en/tags/"))
        assert len(calls) == 2, view.__name__


def test_feeds_are_compressed_and_other_answers_keep_their_own_encoding(reader, make_statement):
    make_statement()
    feed = reader.get("/en/feed/", headers={"accept-encoding": "gzip"})
    robots = reader.get("/robots.txt", headers={"accept-encoding": "gzip"})

    assert feed["Content-Encoding"] == "gzip"
    assert not robots.has_header("Content-Encoding")
