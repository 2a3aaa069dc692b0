import datetime

import pytest
import time_machine
from django.utils import timezone, translation

from statements.models import Statement
from tests.admin_helpers import changelist_url

pytestmark = pytest.mark.django_db

DRAFT, REVIEW, PUBLISHED = Statement.Status.DRAFT, Statement.Status.REVIEW, Statement.Status.PUBLISHED
NO_CACHE = {"no-cache", "no-store", "must-revalidate", "private", "max-age=0"}


def page_in(statement, lang):
    with translation.override(lang):
        return statement.get_absolute_url()


def cache_control(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def test_scheduled_statement_goes_live_by_itself_at_its_moment(client, make_statement):
    start = timezone.now()
    moment = start + datetime.timedelta(hours=2)
    statement = make_statement(status=PUBLISHED, publish_at=moment)

    with time_machine.travel(start, tick=False):
        assert client.get(statement.get_absolute_url()).status_code == 404
        assert statement.title_en not in client.get("/en/statements/").content.decode()
    with time_machine.travel(moment - datetime.timedelta(seconds=1), tick=False):
        assert client.get(statement.get_absolute_url()).status_code == 404
    with time_machine.travel(moment + datetime.timedelta(seconds=1), tick=False):
        assert client.get(statement.get_absolute_url()).status_code == 200
        assert statement.title_en in client.get("/en/statements/").content.decode()
        assert client.get(statement.get_print_url()).status_code == 200


def test_admin_list_says_when_a_scheduled_statement_goes_live_in_english(publisher_client, make_statement):
    moment = timezone.make_aware(datetime.datetime(timezone.now().year + 1, 3, 14, 9, 30))
    make_statement(status=PUBLISHED, publish_at=moment)

    body = publisher_client.get(changelist_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert f"Scheduled for March 14, {moment.year}, 9:30 a.m." in body


def test_admin_list_says_when_a_scheduled_statement_goes_live_in_arabic(publisher_client, make_statement):
    moment = timezone.make_aware(datetime.datetime(timezone.now().year + 1, 3, 14, 21, 30))
    make_statement(status=PUBLISHED, publish_at=moment)

    body = publisher_client.get(changelist_url(), HTTP_ACCEPT_LANGUAGE="ar").content.decode()

    assert f"مجدول للنشر في 14 مارس، {moment.year}، 9:30 م" in body


def test_admin_list_shows_plain_status_once_the_moment_has_passed(publisher_client, make_statement):
    make_statement(status=PUBLISHED, publish_at=timezone.now() - datetime.timedelta(minutes=5))

    body = publisher_client.get(changelist_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "Scheduled for" not in body
    assert "Published" in body


def _unpublished(make_statement, kind):
    if kind == "scheduled":
        return make_statement(status=PUBLISHED, publish_at=timezone.now() + datetime.timedelta(days=1))
    return make_statement(status=kind)


@pytest.mark.parametrize("kind", [DRAFT, REVIEW, "scheduled"])
@pytest.mark.parametrize("page", ["detail", "print"])
def test_staff_preview_has_banner_noindex_and_is_never_cached(editor_client, make_statement, kind, page):
    statement = _unpublished(make_statement, kind)
    with translation.override("en"):
        url = statement.get_absolute_url() if page == "detail" else statement.get_print_url()

    response = editor_client.get(url)

    assert response.status_code == 200
    body = response.content.decode()
    assert "Preview — not public" in body
    assert '<meta name="robots" content="noindex">' in body
    assert NO_CACHE <= cache_control(response)


@pytest.mark.parametrize(
    ("lang", "hour", "banner", "when"),
    [
        ("en", (8, 0), "Preview — not public", "scheduled for July 2, {year}, 8 a.m."),
        ("ar", (20, 15), "معاينة — غير منشور للعموم", "مجدول للنشر في 2 يوليو، {year}، 8:15 م"),
    ],
)
def test_preview_banner_says_when_a_scheduled_statement_goes_live(
    editor_client, make_statement, lang, hour, banner, when
):
    moment = timezone.make_aware(datetime.datetime(timezone.now().year + 1, 7, 2, *hour))
    statement = make_statement(status=PUBLISHED, publish_at=moment)

    body = editor_client.get(page_in(statement, lang)).content.decode()

    assert banner in body
    assert when.format(year=moment.year) in body


@pytest.mark.parametrize("kind", [DRAFT, REVIEW, "scheduled"])
def test_preview_is_404_for_anonymous_readers_and_non_staff_users(client, django_user_model, make_statement, kind):
    statement = _unpublished(make_statement, kind)
    urls = [statement.get_absolute_url(), statement.get_print_url(), f"/en/statements/{statement.pk}/"]

    for url in urls:
        assert client.get(url).status_code == 404, url
    reader = django_user_model.objects.create_user("reader", "reader@example.org", "pw")
    client.force_login(reader)
    for url in urls:
        assert client.get(url).status_code == 404, url


def test_short_link_to_a_preview_redirects_temporarily_and_is_never_cached(editor_client, make_statement):
    statement = make_statement(status=DRAFT)

    response = editor_client.get(f"/ar/statements/{statement.pk}/")

    assert response.status_code == 302
    assert response["Location"] == statement.get_absolute_url()
    assert NO_CACHE <= cache_control(response)


def test_wrong_slug_of_a_preview_redirects_temporarily_and_is_never_cached(editor_client, make_statement):
    statement = make_statement(status=REVIEW)

    response = editor_client.get(f"/ar/statements/{statement.pk}-old-slug/")

    assert response.status_code == 302
    assert NO_CACHE <= cache_control(response)


def test_short_link_to_a_public_statement_stays_a_permanent_redirect(client, make_statement):
    statement = make_statement(status=PUBLISHED)

    response = client.get(f"/ar/statements/{statement.pk}/")

    assert response.status_code == 301
    assert "no-store" not in cache_control(response)


def test_staff_viewing_a_public_statement_see_no_preview_banner(editor_client, make_statement):
    statement = make_statement(status=PUBLISHED)

    response = editor_client.get(page_in(statement, "en"))

    body = response.content.decode()
    assert "Preview — not public" not in body
    assert 'content="noindex"' not in body
    assert "no-store" not in cache_control(response)
