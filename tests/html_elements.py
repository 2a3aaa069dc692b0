"""Read a rendered page's elements the way a browser or a crawler would, without a third-party parser."""

from html.parser import HTMLParser


class ElementCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self._open_scripts = []

    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, "attrs": dict(attrs), "text": ""}
        self.elements.append(element)
        if tag == "script":
            self._open_scripts.append(element)

    def handle_data(self, data):
        if self._open_scripts:
            self._open_scripts[-1]["text"] += data

    def handle_endtag(self, tag):
        if tag == "script" and self._open_scripts:
            self._open_scripts.pop()


def elements(html, tag=None, **attrs):
    """Every element of ``html`` (optionally only ``tag`` elements whose attributes equal ``attrs``)."""
    collector = ElementCollector()
    collector.feed(html)
    found = collector.elements
    if tag:
        found = [e for e in found if e["tag"] == tag]
    for name, value in attrs.items():
        found = [e for e in found if e["attrs"].get(name.replace("_", "-")) == value]
    return found


def meta_content(html, **attrs):
    """The ``content`` of every ``<meta>`` matching ``attrs`` (``property="og:title"`` or ``name=...``)."""
    return [e["attrs"].get("content") for e in elements(html, "meta", **attrs)]


def link_hrefs(html, rel, **attrs):
    return [e["attrs"]["href"] for e in elements(html, "link", rel=rel, **attrs)]


def html_attributes(response):
    """The attributes of the page's ``<html>`` element as a dict."""
    found = elements(response.content.decode(), "html")
    assert found, "no <html> element"
    return found[0]["attrs"]
