"""Marking a query's words in the original text, diacritics and all, and cutting a snippet around them."""

from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .models import TEXT_DIRECTION
from .search_index import plain_text
from .textnorm import WORD, normalize, stem

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
    found = list(WORD.finditer(text))
    if not found:
        return mark_safe(escape(text[:300]))
    matched = [i for i, m in enumerate(found) if _term(m.group()) in wanted]
    first = max(0, matched[0] - WORDS_BEFORE) if matched else 0
    last = min(len(found), first + size) - 1
    start = found[first].start() if first else 0
    end = found[last].end() if last < len(found) - 1 else len(text)
    spans = [found[i].span() for i in matched if first <= i <= last]
    marked = _marked(text[start:end], spans, offset=start)
    return mark_safe(("… " if start else "") + marked + (" …" if end < len(text) else ""))


def _has_match(text, wanted):
    return any(_term(m.group()) in wanted for m in WORD.finditer(text))


class Hit:
    """One result as the page shows it: title and snippet in the language whose text matched.

    The page's language is preferred when the match is there too; otherwise the other language is shown.
    """

    def __init__(self, statement, wanted, page_lang):
        self.statement = statement
        other = "en" if page_lang == "ar" else "ar"
        chosen = None
        for lang in (page_lang, other):
            title = getattr(statement, f"title_{lang}", "") or ""
            summary = getattr(statement, f"summary_{lang}", "") or ""
            body = plain_text(getattr(statement, f"body_{lang}", ""))
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
