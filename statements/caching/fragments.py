"""Pieces of public pages kept by what they show, so that they outlive changes elsewhere in the archive.

Whole pages are rebuilt after every change anywhere in the archive (the content generation), yet most of what
a rebuilt list shows has not changed: a statement card is drawn from its statement alone. So a card is kept
under a digest of the very values it is drawn from (the statement's row as the list read it), the language,
whether its picture loads at once, and what draws it (templates, translations, the media address). An
unchanged statement's card is drawn once for every list, keyword page, archive and home page that shows it; a
changed statement has a new key, so an old card can never be served for it. Keys that are no longer asked for
age out of the cache.
"""

import hashlib
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db.models.fields.files import FieldFile
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from statements.models import BODY_FIELDS, HEAD_SUFFIX, Statement

CARD_TEMPLATES = ("includes/statement_card.html", "includes/card_thumbnail.html")
# The first cards are in view when the page opens: their pictures load at once, the others as the reader scrolls.
EAGER_CARDS = 2
# Every column of the row, and the openings of the bodies that for_cards() reads instead of the bodies.
CARD_VALUES = tuple(field.attname for field in Statement._meta.concrete_fields) + tuple(
    f"{field}{HEAD_SUFFIX}" for field in BODY_FIELDS
)


@lru_cache
def drawing(lang):
    """A digest of what draws a card in ``lang`` besides its statement: a new release that changes a card
    template, the project's translations or the media address draws every card again."""
    digest = hashlib.blake2b(digest_size=10)
    for name in CARD_TEMPLATES:
        digest.update(get_template(name).template.source.encode())
    for folder in settings.LOCALE_PATHS:
        catalogue = Path(folder) / lang / "LC_MESSAGES" / "django.mo"
        if catalogue.exists():
            digest.update(catalogue.read_bytes())
    digest.update(f"{lang}|{settings.MEDIA_URL}".encode())
    return digest.hexdigest()


def stored(value):
    # A file field holds its name until first read, then a file object: either way it is the name that counts.
    return value.name if isinstance(value, FieldFile) else value


def card_key(statement, lang, eager):
    # A column the list did not read stands as missing, so a card from a fuller read never answers a thinner one.
    row = statement.__dict__
    values = repr([(name, stored(row.get(name, "…"))) for name in CARD_VALUES])
    digest = hashlib.blake2b(values.encode(), digest_size=16).hexdigest()
    return f"card:{drawing(lang)}:{statement.pk}:{int(eager)}:{digest}"


def statement_cards(statements):
    """The cards of ``statements`` as one piece of HTML: those kept are read in one round trip, the others drawn
    and kept."""
    statements = list(statements)
    if not statements:
        return ""
    lang = get_language()
    seconds = settings.FRAGMENT_CACHE_SECONDS
    store = caches["fragments"]
    keys = [card_key(statement, lang, n < EAGER_CARDS) for n, statement in enumerate(statements)]
    kept = store.get_many(keys) if seconds > 0 else {}
    template = get_template(CARD_TEMPLATES[0])
    drawn = {}
    for n, (statement, key) in enumerate(zip(statements, keys, strict=True)):
        if key not in kept:
            drawn[key] = template.render({"statement": statement, "eager": n < EAGER_CARDS})
    if drawn and seconds > 0:
        store.set_many(drawn, seconds)
    return mark_safe("".join(kept.get(key) or drawn[key] for key in keys))
