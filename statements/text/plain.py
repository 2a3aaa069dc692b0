"""HTML as the words a reader sees, and the figures an editor sees while writing: word count and reading time.

``visible_text`` is the one way from HTML to text: the search index, highlights, feeds, previews and the
model's checks all use it.
"""

import math
import re
from html import unescape

# Block-level tags end a word even when no space is typed between them (``<p>one</p><p>two</p>``); inline
# tags do not (``wo<b>rd</b>`` is one word).
_BLOCK_BOUNDARY = re.compile(r"</?(?:p|br|h[1-6]|li|ul|ol|blockquote|hr|div|figure|figcaption)\b[^>]*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")

# Median silent reading speeds (words per minute) measured for the same texts in many languages:
# Trauzettel-Klosinski & Dietz, "Standardized Assessment of Reading Performance: IReST", IOVS 2012.
WORDS_PER_MINUTE = {"ar": 138, "en": 228}


def visible_text(html):
    """The words a reader sees in ``html``: tags dropped, entities decoded, whitespace collapsed.

    Bodies are sanitised on save, so a pattern is enough to drop their tags, where an HTML parser would run
    on every search result; whatever shows the text escapes it again.
    """
    if not html:
        return ""
    return " ".join(unescape(_TAG.sub("", _BLOCK_BOUNDARY.sub(" ", html))).split())


def word_count(*parts):
    """Words in the given texts; a word is a run of non-space characters holding a letter or digit."""
    return sum(1 for part in parts for token in visible_text(part).split() if any(ch.isalnum() for ch in token))


def reading_minutes(words, lang):
    """Whole minutes a reader of ``lang`` needs for ``words`` words (at least one when there is text)."""
    if not words:
        return 0
    return max(1, math.ceil(words / WORDS_PER_MINUTE.get(lang, WORDS_PER_MINUTE["en"])))
