"""Related reading for a statement page: statements sharing its keywords, and its neighbours by date."""

import datetime

from django.db import models
from django.db.models.functions import Abs

from .models import Statement

RELATED_COUNT = 5
DAY_ZERO = datetime.date(2000, 1, 1)


class DayNumber(models.Func):
    """A date as a count of days, so that the distance between two dates is a plain subtraction in SQL."""

    output_field = models.IntegerField()
    arity = 1

    def as_sql(self, compiler, connection, **extra_context):
        # PostgreSQL: subtracting two dates gives whole days.
        return super().as_sql(compiler, connection, template="(%(expressions)s - DATE '2000-01-01')", **extra_context)

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler, connection, template="CAST(julianday(%(expressions)s) - 2451544.5 AS INTEGER)", **extra_context
        )


def related_statements(statement, limit=RELATED_COUNT):
    """Up to ``limit`` public statements: most keywords in common first, then the nearest in date.

    One query: the shared-keyword count and the distance in days are computed and sorted by the database.
    """
    tag_ids = [tag.pk for tag in statement.tags.all()]
    day = (statement.published_on - DAY_ZERO).days
    candidates = Statement.objects.published().exclude(pk=statement.pk)
    if tag_ids:
        shared = models.Count("tags", filter=models.Q(tags__in=tag_ids), distinct=True)
    else:
        shared = models.Value(0, output_field=models.IntegerField())
    return list(
        candidates.annotate(shared_tags=shared, distance=Abs(DayNumber("published_on") - day))
        .order_by("-shared_tags", "distance", "-published_on", "-id")
        .prefetch_related("tags")[:limit]
    )


def neighbours(statement):
    """The public statements just before and just after this one, by date and then by id."""
    public = Statement.objects.published()
    date, pk = statement.published_on, statement.pk
    earlier = public.filter(models.Q(published_on__lt=date) | models.Q(published_on=date, pk__lt=pk))
    later = public.filter(models.Q(published_on__gt=date) | models.Q(published_on=date, pk__gt=pk))
    return {
        "previous": earlier.order_by("-published_on", "-id").first(),
        "next": later.order_by("published_on", "id").first(),
    }
