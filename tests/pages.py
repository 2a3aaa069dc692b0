"""Small helpers for reading rendered pages in tests."""

import re

HTML_TAG = re.compile(r"<html\b([^>]*)>")
ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
# Elements that make a browser fetch something: these must never point at another host.
LOADING_ELEMENT = re.compile(r"<(?:script|link|img|iframe|source|video|audio|embed|object)\b[^>]*>", re.I)
EXTERNAL_REFERENCE = re.compile(r"""(?:src|href|srcset|data)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:)?//""", re.I)
CSS_EXTERNAL = re.compile(r"""(?:url\(\s*["']?|@import\s+["'])\s*(?:[a-z][a-z0-9+.-]*:)?//""", re.I)


def html_attributes(response):
    """The attributes of the page's <html> element as a dict."""
    match = HTML_TAG.search(response.content.decode())
    assert match, "no <html> element"
    return dict(ATTRIBUTE.findall(match.group(1)))


def external_loads(html):
    """Every element in ``html`` that would load something from another host (and inline CSS that would)."""
    found = [tag for tag in LOADING_ELEMENT.findall(html) if EXTERNAL_REFERENCE.search(tag)]
    found += CSS_EXTERNAL.findall(html)
    return found
