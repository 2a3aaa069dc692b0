"""Lead images in pages: the statement's figure, a card's thumbnail, the print view's picture."""

from django import template
from django.utils.translation import get_language

from statements.images.display import lead_image
from statements.languages import TEXT_DIRECTION

register = template.Library()


@register.filter
def lead_image_in(statement, lang=None):
    """The statement's ``LeadImage`` for this page's language, or None."""
    return lead_image(statement, lang or get_language())


@register.inclusion_tag("includes/lead_figure.html")
def lead_figure(statement, sizes="(min-width: 48rem) 46rem, 100vw", lazy=False, variant="page"):
    """The figure speaks the page's language (its caption note and credit), inside a text that may not."""
    lang = get_language()
    return {
        "image": lead_image(statement, lang),
        "sizes": sizes,
        "lazy": lazy,
        "variant": variant,
        "lang": lang,
        "dir": TEXT_DIRECTION.get(lang, "rtl"),
    }


@register.inclusion_tag("includes/card_thumbnail.html")
def card_thumbnail(statement, lazy=True):
    return {"image": lead_image(statement, get_language()), "lazy": lazy}
