"""The site runs on a closed network: find every address a page or stylesheet makes the browser fetch from another host."""

import re
from urllib.parse import urljoin, urlsplit

from .html_elements import elements

HOST = "testserver"
# Elements whose address the browser fetches on its own, and the attributes holding it.
FETCHED = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
}
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""")


def addresses(srcset_or_url):
    return [part.strip().split(" ")[0] for part in srcset_or_url.split(",") if part.strip()]


def is_local(address):
    parts = urlsplit(address)
    if parts.scheme == "data":
        return True
    return parts.scheme in ("", "http", "https") and parts.netloc in ("", HOST)


def fetched_addresses(html):
    found = []
    for element in elements(html):
        attrs = element["attrs"]
        for name in FETCHED.get(element["tag"], ()):
            if attrs.get(name):
                found += addresses(attrs[name])
        if element["tag"] == "link" and attrs.get("href"):
            # Stylesheets, icons, preloads and fonts are fetched; every other link must stay home too.
            found.append(attrs["href"])
    return found


def remote_addresses(html, path="/"):
    """The addresses in the page at ``path`` that the browser would fetch from another host."""
    return [a for a in fetched_addresses(html) if not is_local(urljoin(f"http://{HOST}{path}", a))]


def remote_css_addresses(css, path="/static/css/"):
    """The fonts, images and imports of the stylesheet at ``path`` that live on another host."""
    return [a for a in CSS_URL.findall(css) if not is_local(urljoin(f"http://{HOST}{path}", a))]
