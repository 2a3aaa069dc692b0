"""The statement change form reads the statement once and its status history in one query, however long."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements.models import Statement, StatusChange

pytestmark = pytest.mark.django_db


def change_form_queries(client, statement):
    url = f"/admin/statements/statement/{statement.pk}/change/"
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in queries]


def test_the_change_form_reads_the_statement_once(staff_client, make_statement):
    statement = make_statement()

    reads = [sql for sql in change_form_queries(staff_client, statement) if 'FROM "statements_statement"' in sql]

    assert len(reads) == 1


def test_the_status_history_costs_the_same_queries_however_many_people_changed_it(
    staff_client, make_statement, django_user_model
):
    statement = make_statement(status=Statement.Status.DRAFT)

    authors = []

    def record_changes(count):
        for _ in range(count):
            authors.append(django_user_model.objects.create_user(f"author-{len(authors)}", password="-"))
            StatusChange.objects.create(
                statement=statement, from_status="draft", to_status="review", changed_by=authors[-1]
            )

    record_changes(1)
    few = len(change_form_queries(staff_client, statement))
    record_changes(4)
    page = staff_client.get(f"/admin/statements/statement/{statement.pk}/change/").content.decode()

    assert len(change_form_queries(staff_client, statement)) == few
    assert all(author.username in page for author in authors)
