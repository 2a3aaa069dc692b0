"""Behind busy keywords, related reading ranks only the statements nearest in date, read along the date index."""

import datetime

import pytest
from django.utils import timezone

from statements.discovery import related
from statements.models import Statement

pytestmark = pytest.mark.django_db


def day(n):
    return timezone.localdate() - datetime.timedelta(days=n)


def test_busy_keywords_rank_only_the_nearest_statements_in_date(make_statement, make_tag, monkeypatch):
    a, b = make_tag(name_en="A"), make_tag(name_en="B")
    current = make_statement(tags=[a, b], published_on=day(100))
    far_but_closest_in_keywords = make_statement(tags=[a, b], published_on=day(400))
    near = [make_statement(tags=[a], published_on=day(100 + n)) for n in (-2, -1, 1, 2)]
    current = Statement.objects.prefetch_related("tags").get(pk=current.pk)
    assert related.related_statements(current)[0] == far_but_closest_in_keywords  # quiet keywords: the whole archive

    monkeypatch.setattr(related, "BUSY_KEYWORDS", 3)
    monkeypatch.setattr(related, "BUSY_NEIGHBOURHOOD", 2)
    chosen = related.related_statements(current, limit=4)

    assert far_but_closest_in_keywords not in chosen[:4]
    assert set(chosen) == set(near)


def test_the_neighbourhood_is_open_ended_where_the_archive_ends(make_statement):
    only = make_statement(published_on=day(10))
    assert related.neighbourhood(only, Statement.objects.published(), size=3) == (datetime.date.min, datetime.date.max)
