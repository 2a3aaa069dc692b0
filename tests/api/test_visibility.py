"""Only ``Statement.objects.published()`` reaches the API: drafts, statements in review and scheduled ones are
absent from every list, count, filter and search, and 404 on their own, whoever asks."""

import datetime

import pytest
from django.utils import timezone

from statements.models import Statement

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden(make_statement, make_tag):
    tag = make_tag(name_ar="سري", name_en="Secret")
    shared = make_tag(name_ar="التطرف", name_en="Extremism")
    words = {"title_en": "Hidden extremism", "body_en": "<p>hidden extremism</p>"}
    statements = [
        make_statement(tags=[tag, shared], status=Statement.Status.DRAFT, **words),
        make_statement(tags=[tag, shared], status=Statement.Status.REVIEW, **words),
        make_statement(tags=[tag, shared], publish_at=timezone.now() + datetime.timedelta(hours=1), **words),
    ]
    public = make_statement(tags=[shared], title_en="Public extremism", body_en="<p>extremism</p>")
    return statements, public, tag, shared


def every_listed_id(client, url):
    found = []
    while url:
        data = client.get(url).json()
        found += [item["id"] for item in data["results"]]
        url = data["next"]
    return found


@pytest.mark.parametrize(
    "query",
    ["", "?q=hidden", "?q=extremism", "?tag=secret", "?tag=extremism", "?lang=en", "?since=2000-01-01", "?limit=1"],
)
def test_hidden_statements_are_absent_from_every_list(client, hidden, query):
    statements, public, _tag, _shared = hidden

    assert every_listed_id(client, f"/api/v1/statements/{query}") in ([public.pk], [])


def test_hidden_statements_are_not_found_even_for_signed_in_staff(staff_client, client, hidden):
    statements, public, _tag, _shared = hidden
    for statement in statements:
        for asking in (client, staff_client):
            response = asking.get(f"/api/v1/statements/{statement.pk}/")
            assert response.status_code == 404
            assert response["Content-Type"] == "application/problem+json; charset=utf-8"
    assert staff_client.get("/api/v1/statements/").json()["results"][0]["id"] == public.pk
    assert len(staff_client.get("/api/v1/statements/").json()["results"]) == 1


def test_keyword_counts_and_lists_leave_hidden_statements_out(client, hidden):
    _statements, _public, tag, shared = hidden

    listed = {item["slug"]: item["count"] for item in client.get("/api/v1/tags/").json()["results"]}

    assert listed == {shared.slug: 1}
    assert client.get(f"/api/v1/tags/{shared.slug}/").json()["count"] == 1
    assert client.get(f"/api/v1/tags/{tag.slug}/").status_code == 404


def test_a_scheduled_statement_appears_once_its_moment_has_come(client, make_statement):
    import time_machine

    moment = timezone.now() + datetime.timedelta(hours=1)
    statement = make_statement(publish_at=moment)
    assert client.get(f"/api/v1/statements/{statement.pk}/").status_code == 404

    with time_machine.travel(moment + datetime.timedelta(minutes=1)):
        assert client.get(f"/api/v1/statements/{statement.pk}/").status_code == 200
        assert [s["id"] for s in client.get("/api/v1/statements/").json()["results"]] == [statement.pk]
