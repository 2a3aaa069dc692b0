"""The allow-list that every statement body passes through before it is stored."""

import nh3

TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "img",
    "hr",
    "sub",
    "sup",
}
ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "p": {"dir", "lang"},
    "blockquote": {"cite", "dir", "lang"},
    "li": {"dir"},
    # A numbered list that continues after a paragraph starts at its own number, in its own style.
    "ol": {"start", "type"},
}
LIST_TYPES = {"1", "a", "A", "i", "I"}
URL_SCHEMES = {"http", "https", "mailto"}


def _local_images_only(tag, attribute, value):
    """Images come from this site only (``/media/…``): the site runs on closed networks and loads nothing from elsewhere."""
    if tag == "img" and attribute == "src" and not (value.startswith("/") and not value.startswith("//")):
        return None
    return value


def _allowed_value(tag, attribute, value):
    """Only values a browser understands: a whole number to start a list at, one of HTML's list styles."""
    if tag == "ol" and attribute == "start":
        return value if value.strip().lstrip("-").isdigit() else None
    if tag == "ol" and attribute == "type":
        return value if value in LIST_TYPES else None
    return _local_images_only(tag, attribute, value)


def sanitize_html(html):
    """Return ``html`` with everything outside the allow-list removed (scripts, handlers, javascript: URLs)."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
        attribute_filter=_allowed_value,
    )
