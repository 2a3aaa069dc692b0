"""Lists read the same way at any depth: deep pages by ids first, counts once per generation."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from statements import views
from statements.models import Statement

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(settings):
    settings.PAGE_CACHE_SECONDS = 0  # the pages as rendered, not the copies kept of them
    return Client()


def card_titles(response):
    return [statement.title_en for statement in response.context["page_obj"]]


def test_a_deep_page_read_by_ids_lists_the_same_statements_in_the_same_order(reader, make_statement, monkeypatch):
    day = datetime.date(2020, 1, 1)
    for n in range(7):
        make_statement(title_en=f"S{n}", body_en="<p>x</p>", published_on=day + datetime.timedelta(days=n % 3))
    monkeypatch.setattr(views, "PAGE_SIZE", 3)
    monkeypatch.setattr(views.PublicStatements, "paginate_by", 3)
    shallow = [card_titles(reader.get("/en/statements/", {"page": n})) for n in (1, 2, 3)]

    monkeypatch.setattr(views, "DEEP_OFFSET", 0)
    deep = [card_titles(reader.get("/en/statements/", {"page": n})) for n in (1, 2, 3)]

    expected = [s.title_en for s in Statement.objects.newest_first()]
    assert deep == shallow == [expected[0:3], expected[3:6], expected[6:7]]


def test_the_count_is_made_once_per_generation_of_the_archive(
    reader, make_statement, django_capture_on_commit_callbacks
):
    make_statement()
    reader.get("/en/statements/")
    with CaptureQueriesContext(connection) as again:
        reader.get("/en/statements/")
    assert not any("COUNT(" in query["sql"].upper() for query in again)

    with django_capture_on_commit_callbacks(execute=True):
        make_statement()
    assert reader.get("/en/statements/").context["paginator"].count == 2


def test_a_keyword_preview_is_counted_apart_from_the_public_list(reader, staff_client, make_statement, make_tag):
    tag = make_tag(name_en="Quiet")
    make_statement(title_en="Draft with the keyword", tags=[tag], status=Statement.Status.DRAFT)
    url = "/en" + tag.get_absolute_url()[3:]
    assert reader.get(url).status_code == 404  # counted: no public statement

    preview = staff_client.get(url)

    assert preview.status_code == 200
    assert preview.context["paginator"].count == 1
    assert "Draft with the keyword" in preview.content.decode()
