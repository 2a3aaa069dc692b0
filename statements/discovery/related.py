"""Related reading for a statement page: statements sharing its keywords, and its neighbours by date."""

import datetime

from django.db import models
from django.db.models.functions import Abs

from statements.discovery.keyword_counts import public_tag_counts
from statements.models import Statement

RELATED_COUNT = 5
# Past this many public statements carrying the statement's keywords, only the BUSY_NEIGHBOURHOOD nearest in
# date on either side are ranked: at 100,000 statements ranking every one behind the busiest keyword took most
# of the page's time.
BUSY_KEYWORDS = 2000
BUSY_NEIGHBOURHOOD = 250
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

    The database counts shared keywords only over statements that share one (found through the keyword
    index, not by scanning the archive) and orders them by count and distance in days. When fewer than
    ``limit`` share a keyword, the rest come from the statements nearest in date, read along the date index.
    """
    tag_ids = [tag.pk for tag in statement.tags.all()]
    public = Statement.objects.published().exclude(pk=statement.pk)
    chosen = []
    if tag_ids:
        day = (statement.published_on - DAY_ZERO).days
        sharing = public.filter(tags__in=tag_ids)
        counts = public_tag_counts()
        if sum(counts.get(pk, 0) for pk in tag_ids) > BUSY_KEYWORDS:
            # Keywords this busy have plenty of statements near in date: only the nearest are ranked (the
            # dates that bound them read along the date index), so the page never groups the tens of
            # thousands of statements behind a busy keyword.
            sharing = sharing.filter(published_on__range=neighbourhood(statement, public))
        # Ranked by id alone in a subquery, and only the chosen rows read whole: grouping whole rows would
        # carry every row's text through the grouping (docs/discovery.md has the figures).
        ranked = (
            sharing.values("pk")
            .annotate(shared_tags=models.Count("tags"), distance=Abs(DayNumber("published_on") - day))
            .order_by("-shared_tags", "distance", "-published_on", "-id")[:limit]
        )
        chosen = list(
            Statement.objects.for_cards()
            .filter(pk__in=ranked.values("pk"))
            .annotate(shared_tags=models.Count("tags", filter=models.Q(tags__in=tag_ids)))
        )
        chosen.sort(
            key=lambda s: (
                -s.shared_tags,
                abs((s.published_on - statement.published_on).days),
                -s.published_on.toordinal(),
                -s.pk,
            )
        )
    missing = limit - len(chosen)
    if missing:
        chosen += nearest_in_date(statement, public.for_cards().exclude(pk__in=[s.pk for s in chosen]), missing)
    return chosen


def neighbourhood(statement, public, size=None):
    """The first and last dates of the ``size`` public statements before and the ``size`` after ``statement``."""
    size = size or BUSY_NEIGHBOURHOOD
    date = statement.published_on
    first = public.filter(published_on__lte=date).order_by("-published_on", "-id").values_list("published_on")
    last = public.filter(published_on__gte=date).order_by("published_on", "id").values_list("published_on")
    first, last = first[size - 1 : size].first(), last[size - 1 : size].first()
    return (first[0] if first else datetime.date.min, last[0] if last else datetime.date.max)


def nearest_in_date(statement, candidates, count):
    """The ``count`` candidates nearest in date to ``statement``, before or after it (newer first on a tie)."""
    date = statement.published_on
    before = candidates.filter(published_on__lte=date).order_by("-published_on", "-id")[:count]
    after = candidates.filter(published_on__gt=date).order_by("published_on", "-id")[:count]
    pool = list(before) + list(after)
    pool.sort(key=lambda s: (abs((s.published_on - date).days), -s.published_on.toordinal(), -s.pk))
    return pool[:count]


def neighbours(statement):
    """The public statements just before and just after this one, by date and then by id."""
    public = Statement.objects.published().for_cards()
    date, pk = statement.published_on, statement.pk
    # The plain range condition lets the database start reading the date index at this statement's date.
    earlier = public.filter(published_on__lte=date).filter(
        models.Q(published_on__lt=date) | models.Q(published_on=date, pk__lt=pk)
    )
    later = public.filter(published_on__gte=date).filter(
        models.Q(published_on__gt=date) | models.Q(published_on=date, pk__gt=pk)
    )
    return {
        "previous": earlier.order_by("-published_on", "-id").first(),
        "next": later.order_by("published_on", "id").first(),
    }
