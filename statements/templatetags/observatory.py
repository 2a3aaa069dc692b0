import re

from django import template
from django.utils.encoding import uri_to_iri
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from js_asset import Media

from observatory.site_address import absolute
from statements import dates
from statements.caching import fragments
from statements.languages import TEXT_DIRECTION
from statements.text.normalize import is_arabic
from statements.text.sanitize import sanitize_html

register = template.Library()


@register.simple_tag
def statement_cards(statements):
    """The statements' cards, each drawn once for as long as its statement is unchanged (caching/fragments.py)."""
    return fragments.statement_cards(statements)


@register.filter
def long_date(value, lang=None):
    """The reader's date: "الأحد، 29 أبريل 2018" or "Sunday, 29 April 2018"."""
    return dates.long_date(value, lang or get_language())


@register.filter
def hijri_date(value, lang=None):
    """The date in the Umm al-Qura calendar: "13 شعبان 1439 هـ" or "13 Sha'ban 1439 AH" (empty when out of range)."""
    return dates.hijri_date(value, lang or get_language())


@register.filter
def script_lang(text):
    """The language of a text we hold no language for (a source's title or publisher), from its script."""
    return "ar" if is_arabic(text) else "en"


@register.filter
def in_lang(text, lang):
    """``text`` set apart in its own language and direction (``<bdi lang dir>``), inside a sentence of either."""
    return format_html('<bdi lang="{}" dir="{}">{}</bdi>', lang, TEXT_DIRECTION.get(lang, "ltr"), text)


_ARABIC_RUN = re.compile("([\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]+)")


@register.filter
def address(url):
    """A web address written left to right as it is pasted: each run of Arabic letters (a word of an Arabic slug)
    is isolated, so the words stay in their order and the final ``/`` stays at the end, each word still reading
    right to left. The text itself is unchanged (copying it gives the address)."""
    parts = _ARABIC_RUN.split(uri_to_iri(str(url)))
    html = "".join(f"<bdi>{escape(part)}</bdi>" if index % 2 else escape(part) for index, part in enumerate(parts))
    return mark_safe(f'<bdi class="url" dir="ltr" translate="no">{html}</bdi>')


@register.filter
def month_year(value, lang=None):
    return dates.month_year(value, lang or get_language())


@register.filter
def text_in(statement, lang=None):
    return statement.text_in(lang or get_language())


@register.filter
def tag_name(tag, lang=None):
    return tag.name_in(lang or get_language())[0]


@register.filter
def tag_lang(tag, lang=None):
    return tag.name_in(lang or get_language())[1]


@register.filter
def clean_html(value):
    """Body HTML through the allow-list again on the way out: rows written without ``save()`` (bulk loads,
    ``update()``, raw SQL) are as safe on the page as those saved through the admin."""
    return mark_safe(sanitize_html(value))


@register.filter
def direction(lang):
    return TEXT_DIRECTION.get(lang, "ltr")


@register.simple_tag(takes_context=True)
def page_url(context, number):
    """The current address with ``page`` set to ``number``, other parameters (a search query) kept; page 1 is the
    page's own (canonical) address, without ``?page=1``."""
    request = context["request"]
    query = request.GET.copy()
    query.pop("page", None)
    if int(number) != 1:
        query["page"] = number
    return f"?{query.urlencode()}" if query else request.path


@register.simple_tag(takes_context=True)
def absolute_iri(context, path):
    """The full address of ``path`` as a reader types it: Arabic slugs in letters, not percent escapes."""
    return uri_to_iri(absolute(path))


@register.filter
def with_csp_nonce(media, request):
    """Form media whose tags carry the response's CSP nonce (an import map is an inline script)."""
    nonce = getattr(request, "csp_nonce", None)
    if nonce is None:
        return media
    return Media.from_media(media, nonce=str(nonce))
