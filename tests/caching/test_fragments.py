"""A statement card is drawn once while its statement is unchanged, and never served for a changed one.

Whole pages are rebuilt after any change in the archive; the cards of the statements that did not change come
from the fragment cache instead of being drawn again (statements/caching/fragments.py).
"""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from statements.caching.fragments import card_key
from statements.models import Statement

pytestmark = pytest.mark.django_db

CARD = "includes/statement_card.html"


def cards_drawn(response):
    return sum(1 for template in response.templates if template.name == CARD)


def page_text(response):
    return response.content.decode()  # the page as the reader gets it


@pytest.fixture
def reader():
    return Client()


def test_after_a_publish_only_the_new_statements_card_is_drawn(
    reader, make_statement, django_capture_on_commit_callbacks
):
    for _ in range(5):
        make_statement()
    first = reader.get("/en/statements/")
    assert cards_drawn(first) == 5

    with django_capture_on_commit_callbacks(execute=True):
        make_statement(title_en="Just published", body_en="<p>New</p>", published_on=timezone.localdate())
    rebuilt = reader.get("/en/statements/")

    assert "Just published" in page_text(rebuilt)  # the page itself was rebuilt
    # It is the newest, so every card below it moved down by one: the first two cards now are the new one and
    # the former first, drawn with their pictures loading at once; the rest are the kept ones.
    assert cards_drawn(rebuilt) == 2


def test_a_card_shows_an_edit_on_the_next_request(reader, make_statement, django_capture_on_commit_callbacks):
    statement = make_statement(title_en="Before the edit", summary_en="The old summary")
    assert "The old summary" in page_text(reader.get("/en/statements/"))

    with django_capture_on_commit_callbacks(execute=True):
        statement.summary_en = "The new summary"
        statement.save()
    page = page_text(reader.get("/en/statements/"))

    assert "The new summary" in page and "The old summary" not in page


def test_a_card_drawn_for_one_list_serves_another_list_in_the_same_language_only(reader, make_statement, make_tag):
    tag = make_tag(name_ar="التطرف", name_en="Extremism")
    statement = make_statement(tags=[tag], title_ar="عنوان البيان", title_en="The statement's title")
    assert cards_drawn(reader.get("/en/statements/")) == 1

    keyword_page = reader.get(tag.get_absolute_url().replace("/ar/", "/en/", 1))
    assert cards_drawn(keyword_page) == 0 and "The statement&#x27;s title" in page_text(keyword_page)

    arabic = reader.get("/ar/statements/")
    assert cards_drawn(arabic) == 1 and "عنوان البيان" in page_text(arabic)
    assert statement.get_absolute_url() in page_text(arabic)


def test_a_card_keeps_its_place_rule_for_pictures_wherever_it_is_kept(reader, make_statement, make_tag):
    """The same card is eager in first place and lazy further down: each has a copy of its own."""
    tag = make_tag(name_en="Only the oldest")
    oldest = make_statement(tags=[tag], published_on=datetime.date(2000, 1, 1))
    for _ in range(3):
        make_statement()
    Statement.objects.filter(pk=oldest.pk).update(
        lead_image="lead/0.jpg", lead_image_width=1600, lead_image_height=1000
    )

    listing = reader.get("/en/statements/").content.decode()
    keyword = reader.get(tag.get_absolute_url().replace("/ar/", "/en/", 1)).content.decode()

    assert listing.count('loading="lazy"') == 1  # fourth on the list
    assert 'loading="lazy"' not in keyword  # first on its keyword page


def test_with_no_time_to_keep_every_card_is_drawn_every_time(reader, make_statement, settings):
    settings.FRAGMENT_CACHE_SECONDS = 0
    settings.PAGE_CACHE_SECONDS = 0
    for _ in range(3):
        make_statement()
    assert cards_drawn(reader.get("/en/statements/")) == 3
    assert cards_drawn(reader.get("/en/statements/")) == 3


def test_a_cards_key_does_not_change_when_its_picture_is_read(make_statement):
    statement = make_statement()
    Statement.objects.filter(pk=statement.pk).update(lead_image="lead/0.jpg", lead_image_width=8, lead_image_height=5)
    unread = Statement.objects.for_cards().get(pk=statement.pk)
    before = card_key(unread, "ar", eager=False)
    assert unread.lead_image.name == "lead/0.jpg"

    assert card_key(unread, "ar", eager=False) == before
    assert card_key(unread, "en", eager=False) != before
    assert card_key(unread, "ar", eager=True) != before


def test_a_release_that_changes_translations_or_the_media_address_draws_every_card_again(settings, tmp_path):
    from statements.caching.fragments import drawing

    drawing.cache_clear()
    shipped, english = drawing("ar"), drawing("en")
    catalogue = tmp_path / "ar" / "LC_MESSAGES" / "django.mo"
    catalogue.parent.mkdir(parents=True)
    catalogue.write_bytes(b"another catalogue")
    settings.LOCALE_PATHS = [*settings.LOCALE_PATHS, tmp_path]
    drawing.cache_clear()
    retranslated = drawing("ar")
    settings.MEDIA_URL = "https://media.example/"
    drawing.cache_clear()
    moved = drawing("ar")
    drawing.cache_clear()  # the next test draws with the settings it restores

    assert len({shipped, retranslated, moved, english}) == 4
