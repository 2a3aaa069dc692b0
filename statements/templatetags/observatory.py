from django import template
from django.utils.encoding import uri_to_iri
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from statements import dates
from statements.languages import TEXT_DIRECTION
from statements.text.sanitize import sanitize_html

register = template.Library()


@register.filter
def long_date(value, lang=None):
    """The reader's date: "الأحد، 29 أبريل 2018" or "Sunday, 29 April 2018"."""
    return dates.long_date(value, lang or get_language())


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
    """The current address with ``page`` set to ``number``, other parameters (a search query) kept."""
    query = context["request"].GET.copy()
    query["page"] = number
    return f"?{query.urlencode()}"


@register.simple_tag(takes_context=True)
def absolute_iri(context, path):
    """The full address of ``path`` as a reader types it: Arabic slugs in letters, not percent escapes."""
    return uri_to_iri(context["request"].build_absolute_uri(path))
