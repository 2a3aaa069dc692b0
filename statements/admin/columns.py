"""Titles and names in admin lists, each marked with its own language and direction.

Without the mark a Latin title inside the right-to-left admin (or an Arabic one inside the left-to-right
admin) takes the page's direction, and its punctuation lands at the wrong end.
"""

from django.contrib import admin
from django.db.models import Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from statements.languages import LANGUAGE_CODES, TEXT_DIRECTION


def in_language(text, lang):
    """``text`` in a span that carries its ``lang`` and ``dir``."""
    return format_html('<span lang="{}" dir="{}">{}</span>', lang, TEXT_DIRECTION[lang], text)


def first_written(obj, field):
    """(text, lang) of ``field`` in Arabic, else in English (the order ``__str__`` uses); ("", None) if neither."""
    for lang in LANGUAGE_CODES:
        text = getattr(obj, f"{field}_{lang}", "") or ""
        if text:
            return text, lang
    return "", None


def first_written_ordering(field):
    """Sorts rows by the text ``first_written`` shows: named columns, so untranslated rows do not sort as empty."""
    return Coalesce(*(NullIf(f"{field}_{lang}", Value("")) for lang in LANGUAGE_CODES))


class StatementTitleColumn:
    @admin.display(description=_("title"), ordering=first_written_ordering("title"))
    def display_title(self, obj):
        text, lang = first_written(obj, "title")
        return in_language(text, lang) if lang else f"#{obj.pk}"


class TagNameColumns:
    @admin.display(description=_("keyword"), ordering=first_written_ordering("name"))
    def display_name(self, obj):
        text, lang = first_written(obj, "name")
        return in_language(text, lang) if lang else obj.slug

    @admin.display(description=_("English name"), ordering="name_en")
    def display_name_en(self, obj):
        return in_language(obj.name_en, "en") if obj.name_en else "—"
