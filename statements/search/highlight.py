"""Marking a query's words in the original text, diacritics and all, and cutting a snippet around them."""

from collections import deque
from functools import lru_cache
from itertools import islice

from django.utils.html import escape
from django.utils.safestring import mark_safe

from statements.languages import TEXT_DIRECTION
from statements.text.normalize import WORD, is_arabic, normalize, stem
from statements.text.plain import visible_text

SNIPPET_WORDS = 40
WORDS_BEFORE = 10


@lru_cache(maxsize=100_000)
def _term(word):
    return stem(normalize(word))


def _matches(text, wanted):
    """(start, end) of every word of ``text`` whose search term is in ``wanted``."""
    return [m.span() for m in WORD.finditer(text) if _term(m.group()) in wanted]


def _marked(text, spans, offset=0):
    out, position = [], 0
    for start, end in spans:
        start, end = start - offset, end - offset
        out += [escape(text[position:start]), "<mark>", escape(text[start:end]), "</mark>"]
        position = end
    out.append(escape(text[position:]))
    return mark_safe("".join(out))


def highlight(text, wanted):
    """``text`` escaped, with each word that the query matches wrapped in ``<mark>``."""
    return _marked(text or "", _matches(text or "", wanted))


def snippet(text, wanted, size=SNIPPET_WORDS):
    """About ``size`` words of ``text`` around its first match, marked; the opening words if nothing matches."""
    text = " ".join((text or "").split())
    before = deque(maxlen=WORDS_BEFORE + 1)
    window = []
    for match in WORD.finditer(text):
        if window:
            window.append(match)
            if len(window) >= size:
                break
        else:
            before.append(match)
            if _term(match.group()) in wanted:
                window = list(before)
    if not window:
        window = list(islice(WORD.finditer(text), size))
    if not window:
        return mark_safe(escape(text[:300]))
    start = window[0].start() if window[0].start() > 0 else 0
    end = window[-1].end()
    if not text[end:].strip(" .,،؛;:!?؟»\"')"):
        end = len(text)
    spans = [m.span() for m in window if _term(m.group()) in wanted]
    marked = _marked(text[start:end], spans, offset=start)
    return mark_safe(("… " if start else "") + marked + (" …" if end < len(text) else ""))


def _has_match(text, wanted):
    return any(_term(m.group()) in wanted for m in WORD.finditer(text))


def _preferred_languages(wanted, page_lang):
    """The languages to look in, most likely first: the query's script decides, then the page's language."""
    scripts = {is_arabic(term) for term in wanted}
    first = ("ar" if True in scripts else "en") if len(scripts) == 1 else page_lang
    return (first, "en" if first == "ar" else "ar")


class Hit:
    """One result as the page shows it: title and snippet in the language whose text matched.

    The language the query is written in is tried first (the page's language for a mixed query); the
    other is shown when the match is only there.
    """

    def __init__(self, statement, wanted, page_lang):
        self.statement = statement
        chosen = None
        for lang in _preferred_languages(wanted, page_lang):
            title = getattr(statement, f"title_{lang}", "") or ""
            summary = getattr(statement, f"summary_{lang}", "") or ""
            body = visible_text(getattr(statement, f"body_{lang}", ""))
            text = " ".join(part for part in (summary, body) if part)
            if not (title or text.strip()):
                continue  # not written in this language
            if chosen is None:
                chosen = (lang, title, text)
            if _has_match(title, wanted) or _has_match(text, wanted):
                chosen = (lang, title, text)
                break
        self.lang, title, text = chosen or (page_lang, "", "")
        self.dir = TEXT_DIRECTION[self.lang]
        self.title = highlight(title, wanted) if title else ""
        self.snippet = snippet(text, wanted)
