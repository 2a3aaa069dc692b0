import datetime

import pytest
from django.utils import timezone

from statements.models import Statement

pytestmark = pytest.mark.django_db


def test_published_includes_only_published_statements_whose_moment_has_come(make_statement):
    now = timezone.now()
    live = make_statement()
    was_scheduled = make_statement(publish_at=now - datetime.timedelta(minutes=1))
    make_statement(status=Statement.Status.DRAFT)
    make_statement(status=Statement.Status.REVIEW)
    make_statement(publish_at=now + datetime.timedelta(hours=1))

    assert set(Statement.objects.published()) == {live, was_scheduled}


def test_scheduled_statement_becomes_public_when_its_moment_passes(make_statement):
    publish_at = timezone.now() + datetime.timedelta(hours=2)
    statement = make_statement(publish_at=publish_at)

    assert statement not in Statement.objects.published()
    assert statement in Statement.objects.published(now=publish_at + datetime.timedelta(seconds=1))


@pytest.mark.parametrize("status", ["draft", "review"])
def test_anonymous_reader_gets_404_for_unpublished_statement_everywhere(client, make_statement, make_tag, status):
    tag = make_tag(name_ar="سري", name_en="Secret")
    statement = make_statement(status=status, tags=[tag], published_on=datetime.date(2020, 5, 1))

    assert client.get(statement.get_absolute_url()).status_code == 404
    assert client.get(f"/ar/statements/{statement.pk}/").status_code == 404
    assert client.get(statement.get_print_url()).status_code == 404
    assert client.get(tag.get_absolute_url()).content.count(statement.get_absolute_url().encode()) == 0
    for url in ("/ar/", "/en/statements/", "/ar/statements/2020/", "/ar/statements/2020/5/", "/ar/tags/"):
        body = client.get(url).content.decode()
        assert statement.title_ar not in body and statement.title_en not in body, url
