"""Tags that make pages findable and shareable: canonical and language links, feeds, previews, citations."""

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from observatory.site_address import absolute
from statements.discovery import related as related_reading
from statements.discovery.structured_data import describe, news_article, script_json

register = template.Library()

OG_LOCALES = {"ar": "ar_AR", "en": "en_US"}
DESCRIPTION_CHARS = 200
# Parameters that only say where a reader came from: without them the page is the same page.
TRACKING_PARAMETERS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid")


def page_query(request):
    """``?page=N`` for page 2 onwards: page 1 and every other parameter name the same page."""
    number = request.GET.get("page", "")
    if number.isascii() and number.isdigit() and int(number) > 1:
        return "?" + urlencode({"page": int(number)})
    return ""


def asks_for_another_page(request):
    """True when the query string holds more than a page number or a tracking tag: a search, a filter, a sort.

    Such a page is not the page at its path, and there are as many of them as there are queries, so it is
    kept out of search engines instead of being named the original of a page it is not.
    """
    return any(name != "page" and not name.startswith(TRACKING_PARAMETERS) for name in request.GET)


def language_neutral(path, lang):
    """``/ar/statements/`` → ``/statements/``: the locale middleware sends it on to the reader's language."""
    prefix = f"/{lang}/"
    return "/" + path[len(prefix) :] if path.startswith(prefix) else path


@register.simple_tag(takes_context=True)
def head_links(context, canonical_path=""):
    """Absolute canonical address, its twin in each language and the language-neutral one (x-default).

    ``canonical_path`` names another page as the original (a print view names its statement's page).
    A staff preview names no address: it is not public, so no public page can be its original or its twin.
    A page asked for with a query (other than a page number) says ``noindex`` and names none either.
    """
    request = context.get("request")
    if request is None:
        return {}
    if context.get("preview"):
        return {"feeds": True}
    if not canonical_path and asks_for_another_page(request):
        return {"feeds": True, "noindex": True}
    path = canonical_path or request.path
    query = "" if canonical_path else page_query(request)
    alternates = []
    for code, _name in settings.LANGUAGES:
        alternates.append({"code": code, "url": absolute(translate_url(path, code) + query)})
    neutral = language_neutral(translate_url(path, settings.LANGUAGE_CODE), settings.LANGUAGE_CODE)
    return {
        "feeds": True,
        "canonical": absolute(translate_url(path, get_language()) + query),
        "alternates": alternates,
        "x_default": absolute(neutral + query),
    }


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    return absolute(path)


@register.simple_tag(takes_context=True)
def absolute_static(context, path):
    return absolute(static(path))


@register.filter
def isolate(value, direction=""):
    """Text of either direction set in a sentence of the other without reordering it (``<bdi>``)."""
    if direction:
        return format_html('<bdi dir="{}">{}</bdi>', direction, value)
    return format_html("<bdi>{}</bdi>", value)


@register.filter
def og_locale(lang):
    return OG_LOCALES.get(lang, "")


@register.filter
def og_locales_written_in(statement, lang):
    """The locales of the statement's other written versions: a one-language statement has none to offer."""
    return [OG_LOCALES[code] for code in statement.languages if code != lang and code in OG_LOCALES]


@register.filter
def description(text):
    return describe(text, DESCRIPTION_CHARS)


@register.simple_tag(takes_context=True)
def statement_json_ld(context, statement):
    """The statement as a schema.org ``NewsArticle``, inside a script element nothing in it can close."""
    request = context["request"]
    data = news_article(statement, get_language(), request)
    return mark_safe(f'<script type="application/ld+json">{script_json(data)}</script>')


@register.inclusion_tag("includes/related_reading.html")
def related_reading_for(statement):
    """Up to five related statements and the previous and next ones: the block queries for itself."""
    return {
        "related": related_reading.related_statements(statement),
        "near": related_reading.neighbours(statement),
    }
