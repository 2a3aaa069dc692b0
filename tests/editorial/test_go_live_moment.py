"""No public page links to a statement before its moment, and every one does from that moment on.

Related reading, previous and next, feeds and the sitemap all decide through ``published()`` at request time;
these tests stand on either side of a scheduled statement's moment to prove it, and check that a staff
preview, which shows what is not public, still offers readers only public statements around it.
"""

import datetime
import xml.etree.ElementTree as ET

import pytest
import time_machine
from django.utils import timezone

from statements.models import Statement
from tests.html_elements import elements

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def day(n):
    return timezone.localdate() - datetime.timedelta(days=n)


@pytest.fixture
def scheduled_world(make_statement, make_tag):
    """A public statement whose nearest and most related neighbour goes live at ``moment``."""
    tag = make_tag(name_ar="داعش", name_en="Daesh")
    moment = (timezone.now() + datetime.timedelta(hours=2)).replace(microsecond=0)
    older = make_statement(tags=[tag], published_on=day(20))
    current = make_statement(tags=[tag], published_on=day(10))
    scheduled = make_statement(tags=[tag], published_on=day(5), publish_at=moment)
    draft = make_statement(tags=[tag], published_on=day(7), status=Statement.Status.DRAFT)
    review = make_statement(tags=[tag], published_on=day(8), status=Statement.Status.REVIEW)
    return {
        "tag": tag,
        "moment": moment,
        "older": older,
        "current": current,
        "scheduled": scheduled,
        "hidden": [draft, review],
    }


def statement_links(html):
    """Addresses of statement pages the page links to, in its body and in related reading and neighbours."""
    return {e["attrs"]["href"] for e in elements(html, "a") if "/statements/" in e["attrs"].get("href", "")}


def neighbour_links(html, rel):
    return [e["attrs"]["href"] for e in elements(html, "a", rel=rel)]


def public_texts(client, world, lang):
    """What an anonymous reader and a crawler get: the statement page, the lists, the feeds and the sitemap."""
    tag = world["tag"]
    pages = [
        client.get(f"/{lang}" + world["current"].get_absolute_url()[3:]),
        client.get(f"/{lang}" + world["older"].get_absolute_url()[3:]),
        client.get(f"/{lang}/"),
        client.get(f"/{lang}/statements/"),
        client.get(f"/{lang}/tags/{tag.slug}/"),
        client.get(f"/{lang}/feed/"),
        client.get(f"/{lang}/feed/rss/"),
        client.get(f"/{lang}/tags/{tag.slug}/feed/"),
        client.get(f"/{lang}/tags/{tag.slug}/feed/rss/"),
        client.get("/sitemap.xml"),
    ]
    assert [page.status_code for page in pages] == [200] * len(pages)
    return [page.content.decode() for page in pages]


def address(statement, lang):
    return f"/{lang}" + statement.get_absolute_url()[3:]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_no_public_page_feed_or_sitemap_links_a_statement_before_its_moment(client, scheduled_world, lang):
    world = scheduled_world
    with time_machine.travel(world["moment"] - datetime.timedelta(seconds=1), tick=False):
        texts = public_texts(client, world, lang)
        current = texts[0]

    for hidden in [world["scheduled"], *world["hidden"]]:
        assert all(address(hidden, lang) not in text for text in texts), hidden.title_en
    assert neighbour_links(current, "next") == []
    assert neighbour_links(current, "prev") == [address(world["older"], lang)]


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_every_public_page_feed_and_the_sitemap_link_a_statement_from_its_moment(client, scheduled_world, lang):
    world = scheduled_world
    scheduled = address(world["scheduled"], lang)
    with time_machine.travel(world["moment"], tick=False):
        texts = public_texts(client, world, lang)
        current = texts[0]
        shown = client.get(scheduled)

    assert shown.status_code == 200
    assert all(scheduled in text for text in texts)
    assert neighbour_links(current, "next") == [scheduled]
    related = current.split('class="related-list"', 1)[1].split("</ul>", 1)[0]
    assert [e["attrs"]["href"] for e in elements(related, "a")][0] == scheduled
    for hidden in world["hidden"]:
        assert all(address(hidden, lang) not in text for text in texts)


def test_feed_entries_follow_the_moment_newest_first(client, scheduled_world):
    world = scheduled_world
    with time_machine.travel(world["moment"], tick=False):
        feed = ET.fromstring(client.get("/en/feed/").content)

    titles = [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]
    assert titles == [world["scheduled"].title_en, world["current"].title_en, world["older"].title_en]


@pytest.mark.parametrize("page", ["detail", "print"])
def test_preview_of_a_scheduled_statement_offers_only_public_statements_around_it(
    staff_client, scheduled_world, make_statement, page
):
    world = scheduled_world
    # A second scheduled statement between the preview and its public neighbour must not be offered either.
    later = make_statement(
        tags=[world["tag"]], published_on=day(6), publish_at=world["moment"] + datetime.timedelta(days=1)
    )
    scheduled = world["scheduled"]
    url = scheduled.get_absolute_url() if page == "detail" else scheduled.get_print_url()

    response = staff_client.get(url)
    html = response.content.decode()

    assert response.status_code == 200
    assert response.context["preview"] is True
    linked = statement_links(html)
    for hidden in [later, *world["hidden"]]:
        assert hidden.get_absolute_url() not in linked
    if page == "detail":
        assert neighbour_links(html, "prev") == [world["current"].get_absolute_url()]
        assert neighbour_links(html, "next") == []
        assert world["older"].get_absolute_url() in linked


def test_preview_of_a_draft_gives_public_previous_and_next_only(staff_client, scheduled_world):
    world = scheduled_world
    draft = world["hidden"][0]  # dated between the current statement and the scheduled one

    html = staff_client.get(draft.get_absolute_url()).content.decode()

    assert neighbour_links(html, "prev") == [world["current"].get_absolute_url()]
    assert neighbour_links(html, "next") == []
    assert world["scheduled"].get_absolute_url() not in statement_links(html)
