"""Marking a query's words in the original text, diacritics and all, and cutting a snippet around them."""

from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .models import LANGUAGE_CODES, TEXT_DIRECTION
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


class Hit:
    """One result as the page shows it: title and snippet in the language whose text matched."""

    def __init__(self, statement, wanted, page_lang):
        self.statement = statement
        texts = {}
        for lang in statement.languages or [page_lang]:
            title = getattr(statement, f"title_{lang}", "") or ""
            summary = getattr(statement, f"summary_{lang}", "") or ""
            body = plain_text(getattr(statement, f"body_{lang}", ""))
            text = " ".join(part for part in (summary, body) if part)
            score = len(_matches(f"{title} {text}", wanted))
            texts[lang] = (score, title, text)
        self.lang = min(texts, key=lambda lang: (-texts[lang][0], lang != page_lang, LANGUAGE_CODES.index(lang)))
        self.dir = TEXT_DIRECTION[self.lang]
        _, title, text = texts[self.lang]
        self.title = highlight(title, wanted) if title else ""
        self.snippet = snippet(text, wanted)
