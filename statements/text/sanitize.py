"""The allow-list that every statement body passes through before it is stored."""

import re

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
URL_ATTRIBUTES = {("a", "href"), ("img", "src"), ("blockquote", "cite")}
# A quotation's source is an address a reader may open: the web only.
CITE_SCHEMES = {"http", "https"}
# Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder what follows them: inside an
# address they can make it read as another one ("moc.elgoog" shown as "google.com").
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")


def has_bidi_controls(text):
    return bool(BIDI_CONTROLS.search(text or ""))


def url_scheme(url):
    """The scheme of ``url`` in lower case, as a browser reads it (spaces and control characters ignored); "" if relative."""
    cleaned = "".join(ch for ch in (url or "") if ch > " " and ch != "\x7f")
    match = _SCHEME.match(cleaned)
    return match[1].lower() if match else ""


def _local_images_only(tag, attribute, value):
    """Images come from this site only (``/media/…``): the site runs on closed networks and loads nothing from elsewhere."""
    if tag == "img" and attribute == "src" and not (value.startswith("/") and not value.startswith("//")):
        return None
    return value


def _allowed_value(tag, attribute, value):
    """Only values a browser understands: a whole number to start a list at, one of HTML's list styles.

    An address holding a bidirectional control is dropped whole rather than stripped: nh3 has checked its
    scheme before this filter runs, and stripping could join "java\u202escript:" into a live scheme.
    """
    if (tag, attribute) in URL_ATTRIBUTES and has_bidi_controls(value):
        return None
    if tag == "blockquote" and attribute == "cite":
        # nh3 checks the schemes of links and images only; a cite is an address too.
        return value if url_scheme(value) in CITE_SCHEMES else None
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
