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
    # A public neighbour with the same keyword and month, so every list below is a page that lists something.
    shown = make_statement(tags=[tag], published_on=datetime.date(2020, 5, 2))

    assert client.get(statement.get_absolute_url()).status_code == 404
    assert client.get(f"/ar/statements/{statement.pk}/").status_code == 404
    assert client.get(statement.get_print_url()).status_code == 404
    for url in ("/ar/", "/en/statements/", "/ar/statements/2020/", "/ar/statements/2020/5/", tag.get_absolute_url()):
        response = client.get(url)
        body = response.content.decode()
        assert response.status_code == 200 and shown.get_absolute_url() in body, url
        assert statement.title_ar not in body and statement.title_en not in body, url
        assert statement.get_absolute_url() not in body, url
    assert client.get("/ar/tags/").context["groups"][0]["entries"][0]["count"] == 1


def _public_pages(statement, tag):
    day = statement.published_on
    for lang in ("ar", "en"):
        yield from (
            f"/{lang}/",
            f"/{lang}/statements/",
            f"/{lang}/statements/{day.year}/",
            f"/{lang}/statements/{day.year}/{day.month}/",
            f"/{lang}/tags/",
            f"/{lang}/tags/{tag.slug}/",
        )


def test_statement_scheduled_for_later_appears_nowhere_public(client, make_statement, make_tag):
    tag = make_tag(name_ar="مجدول", name_en="Scheduled")
    later = make_statement(
        tags=[tag],
        publish_at=timezone.now() + datetime.timedelta(days=3),
        title_ar="بيان مجدول لاحقا",
        body_ar="<p>نص</p>",
        title_en="A statement for later",
        body_en="<p>t</p>",
    )
    # A public statement of the same day and keyword, so every page below exists and lists something.
    shown = make_statement(tags=[tag], published_on=later.published_on)
    for url in (later.get_absolute_url(), f"/en/statements/{later.pk}/", f"/en/statements/{later.pk}/print/"):
        assert client.get(url).status_code == 404, url
    for url in _public_pages(later, tag):
        response = client.get(url)
        body = response.content.decode()
        # The keyword index lists the keyword (counted for the public statement only), the rest list statements.
        listed = tag.get_absolute_url()[3:] if url.endswith("/tags/") else shown.get_absolute_url()[3:]
        assert response.status_code == 200 and listed in body, url
        assert "بيان مجدول لاحقا" not in body and "A statement for later" not in body, url
        assert later.get_absolute_url() not in body, url


def test_counts_and_top_tags_count_only_public_statements(client, make_statement, make_tag):
    tag = make_tag(name_ar="داعش", name_en="Daesh")
    make_statement(tags=[tag])
    make_statement(tags=[tag], status=Statement.Status.DRAFT)
    make_statement(tags=[tag], status=Statement.Status.REVIEW)
    make_statement(tags=[tag], publish_at=timezone.now() + datetime.timedelta(hours=1))
    hidden_only = make_tag(name_ar="مخفي", name_en="Hidden")
    make_statement(tags=[hidden_only], status=Statement.Status.DRAFT)

    home = client.get("/en/")
    assert [(t, t.public_count) for t in home.context["top_tags"]] == [(tag, 1)]
    assert "Hidden" not in home.content.decode()
    index = client.get("/en/tags/")
    assert [(e["tag"], e["count"]) for g in index.context["groups"] for e in g["entries"]] == [(tag, 1)]
    assert list(client.get(f"/en/tags/{tag.slug}/").context["page_obj"].paginator.object_list) == list(
        Statement.objects.published()
    )


def test_staff_may_preview_what_the_public_cannot_see(staff_client, make_statement):
    draft = make_statement(status=Statement.Status.DRAFT)
    later = make_statement(publish_at=timezone.now() + datetime.timedelta(days=1))
    for statement in (draft, later):
        assert staff_client.get(statement.get_absolute_url()).status_code == 200
        assert staff_client.get(statement.get_print_url()).status_code == 200
    # Lists stay public-only, even for staff.
    assert draft not in staff_client.get("/ar/statements/").context["page_obj"]


def test_scheduled_holds_only_published_statements_waiting_for_their_moment(make_statement):
    now = timezone.now()
    waiting = make_statement(publish_at=now + datetime.timedelta(hours=1))
    make_statement(publish_at=now - datetime.timedelta(minutes=1))
    make_statement()
    make_statement(status=Statement.Status.DRAFT, publish_at=now + datetime.timedelta(hours=1))

    assert list(Statement.objects.scheduled()) == [waiting]
    assert list(Statement.objects.scheduled(now=now + datetime.timedelta(hours=2))) == []


@pytest.mark.parametrize("status, publish_in", [("draft", None), ("review", None), ("published", 3)])
def test_a_keyword_carried_only_by_unpublished_statements_is_404_to_the_public(
    client, make_statement, make_tag, status, publish_in
):
    tag = make_tag(name_ar="وسم خفي", name_en="Hidden keyword")
    publish_at = timezone.now() + datetime.timedelta(days=publish_in) if publish_in else None
    make_statement(tags=[tag], status=status, publish_at=publish_at)

    for lang in ("ar", "en"):
        response = client.get(f"/{lang}/tags/{tag.slug}/")
        assert response.status_code == 404
        assert "Hidden keyword" not in response.content.decode() and "وسم خفي" not in response.content.decode()


def test_a_keyword_without_any_statement_is_404_to_the_public(client, make_tag):
    tag = make_tag(name_en="Unused")

    assert client.get(f"/en/tags/{tag.slug}/").status_code == 404


def test_staff_preview_a_hidden_keyword_marked_as_a_preview_and_never_cached(staff_client, make_statement, make_tag):
    tag = make_tag(name_en="Hidden keyword")
    make_statement(tags=[tag], status="draft", title_en="The draft", title_ar="", body_ar="")

    response = staff_client.get(f"/en/tags/{tag.slug}/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Hidden keyword" in page and "The draft" in page and 'name="robots" content="noindex"' in page
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_a_keyword_becomes_public_with_its_first_public_statement(client, make_statement, make_tag):
    tag = make_tag(name_en="Soon")
    statement = make_statement(tags=[tag], status="draft")
    assert client.get(f"/en/tags/{tag.slug}/").status_code == 404

    statement.status = "published"
    statement.save()

    assert client.get(f"/en/tags/{tag.slug}/").status_code == 200
