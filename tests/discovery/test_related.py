import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from statements.discovery.keyword_counts import public_tag_counts
from statements.discovery.related import neighbours, related_statements
from statements.models import Statement
from tests.html_elements import elements

pytestmark = pytest.mark.django_db


def day(n):
    return timezone.localdate() - datetime.timedelta(days=n)


@pytest.fixture
def tags(make_tag):
    return [make_tag(name_ar=f"وسم {n}", name_en=f"Tag {n}") for n in range(4)]


def test_related_puts_most_shared_keywords_first_then_nearest_date(make_statement, tags):
    a, b, c, d = tags
    current = make_statement(tags=[a, b, c], published_on=day(100))
    three_far = make_statement(tags=[a, b, c, d], published_on=day(900))
    two_near = make_statement(tags=[a, b], published_on=day(98))
    two_far = make_statement(tags=[b, c], published_on=day(300))
    one_later = make_statement(tags=[c], published_on=day(40))
    none_nearest = make_statement(tags=[d], published_on=day(101))
    make_statement(tags=[a, b, c], status=Statement.Status.DRAFT, published_on=day(100))
    make_statement(tags=[a, b, c], publish_at=timezone.now() + datetime.timedelta(days=1))

    assert related_statements(current) == [three_far, two_near, two_far, one_later, none_nearest]


def test_related_ties_in_keywords_go_to_the_nearer_date_before_or_after(make_statement, tags):
    current = make_statement(tags=[tags[0]], published_on=day(50))
    after_far = make_statement(tags=[tags[0]], published_on=day(20))
    before_near = make_statement(tags=[tags[0]], published_on=day(55))
    after_near = make_statement(tags=[tags[0]], published_on=day(47))

    assert related_statements(current) == [after_near, before_near, after_far]


def test_related_holds_at_most_five_and_never_the_statement_itself(make_statement, tags):
    current = make_statement(tags=tags[:2], published_on=day(10))
    for n in range(8):
        make_statement(tags=tags[:2], published_on=day(20 + n))

    related = related_statements(current)

    assert len(related) == 5
    assert current not in related


def test_statement_without_keywords_is_related_to_the_nearest_in_date(make_statement):
    current = make_statement(published_on=day(30))
    far = make_statement(published_on=day(200))
    near = make_statement(published_on=day(28))
    nearer = make_statement(published_on=day(31))

    assert related_statements(current) == [nearer, near, far]


def test_related_reading_takes_one_query_when_enough_statements_share_keywords(make_statement, tags):
    current = make_statement(tags=tags, published_on=day(10))
    for n in range(6):
        make_statement(tags=tags[: n % 4 + 1], published_on=day(n))
    current = Statement.objects.prefetch_related("tags").get(pk=current.pk)
    public_tag_counts()  # counted once per generation of the archive, as any page after the first finds them

    with CaptureQueriesContext(connection) as queries:
        related = related_statements(current)

    assert len(related) == 5
    assert len(queries) == 1


def test_related_reading_fills_up_by_date_in_two_more_bounded_queries(make_statement, tags):
    current = make_statement(tags=tags[:1], published_on=day(10))
    make_statement(tags=tags[:1], published_on=day(300))
    for n in range(8):
        make_statement(published_on=day(n * 3))
    current = Statement.objects.prefetch_related("tags").get(pk=current.pk)
    public_tag_counts()  # counted once per generation of the archive, as any page after the first finds them

    with CaptureQueriesContext(connection) as queries:
        related = related_statements(current)

    assert len(related) == 5
    assert len(queries) == 3
    assert all("LIMIT" in query["sql"].upper() for query in queries)


def test_previous_and_next_are_the_public_neighbours_by_date_then_id(make_statement):
    older = make_statement(published_on=day(20))
    make_statement(published_on=day(15), status=Statement.Status.DRAFT)
    same_day_first = make_statement(published_on=day(10))
    current = make_statement(published_on=day(10))
    same_day_last = make_statement(published_on=day(10))
    make_statement(published_on=day(5), publish_at=timezone.now() + datetime.timedelta(hours=1))
    newer = make_statement(published_on=day(2))

    assert neighbours(current) == {"previous": same_day_first, "next": same_day_last}
    assert neighbours(same_day_first) == {"previous": older, "next": current}
    assert neighbours(same_day_last) == {"previous": current, "next": newer}
    assert neighbours(older)["previous"] is None
    assert neighbours(newer)["next"] is None


def test_statement_page_shows_related_reading_and_its_neighbours(client, make_statement, tags):
    older = make_statement(published_on=day(30), title_en="Older one", title_ar="الأقدم")
    current = make_statement(published_on=day(20), tags=tags[:2])
    newer = make_statement(published_on=day(10), tags=tags[:1], title_en="Newer one", title_ar="الأحدث")
    best = make_statement(published_on=day(300), tags=tags[:2])

    html = client.get(f"/en{current.get_absolute_url()[3:]}").content.decode()

    related = html.split('class="related-list"', 1)[1].split("</ul>", 1)[0]
    assert [e["attrs"]["href"] for e in elements(related, "a")] == [
        f"/en{s.get_absolute_url()[3:]}" for s in (best, newer, older)
    ]
    assert [e["attrs"]["href"] for e in elements(html, "a", rel="prev")] == [f"/en{older.get_absolute_url()[3:]}"]
    assert [e["attrs"]["href"] for e in elements(html, "a", rel="next")] == [f"/en{newer.get_absolute_url()[3:]}"]


def test_draft_preview_still_offers_only_public_related_reading(staff_client, make_statement, tags):
    draft = make_statement(tags=tags[:1], status=Statement.Status.DRAFT, published_on=day(5))
    other_draft = make_statement(tags=tags[:1], status=Statement.Status.DRAFT, published_on=day(6))
    public = make_statement(tags=tags[:1], published_on=day(7))

    html = staff_client.get(draft.get_absolute_url()).content.decode()

    assert public.get_absolute_url() in html
    assert other_draft.get_absolute_url() not in html
