"""Marking a query's words in the original text, diacritics and all, and cutting a snippet around them."""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .models import LANGUAGE_CODES, TEXT_DIRECTION
from .search_index import plain_text
from .textnorm import WORD, normalize, stem

SNIPPET_WORDS = 40
WORDS_BEFORE = 10


def _matches(text, wanted):
    """(start, end) of every word of ``text`` whose search term is in ``wanted``."""
    return [m.span() for m in WORD.finditer(text) if stem(normalize(m.group())) in wanted]


def _marked(text, spans):
    out, position = [], 0
    for start, end in spans:
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
    spans = list(WORD.finditer(text))
    if not spans:
        return mark_safe(escape(text[:300]))
    matched = [i for i, m in enumerate(spans) if stem(normalize(m.group())) in wanted]
    first = max(0, matched[0] - WORDS_BEFORE) if matched else 0
    last = min(len(spans), first + size) - 1
    start = spans[first].start() if first else 0
    end = spans[last].end() if last < len(spans) - 1 else len(text)
    piece = text[start:end]
    marked = _marked(
        piece, [(s - start, e - start) for s, e in (spans[i].span() for i in matched) if s >= start and e <= end]
    )
    return mark_safe(("… " if start else "") + marked + (" …" if end < len(text) else ""))


class Hit:
    """One result as the page shows it: title and snippet in the language whose text matched."""

    def __init__(self, statement, wanted, page_lang):
        self.statement = statement
        self.lang = self._best_language(statement, wanted, page_lang)
        self.dir = TEXT_DIRECTION[self.lang]
        title = getattr(statement, f"title_{self.lang}", "") or ""
        text = " ".join(
            part
            for part in (
                getattr(statement, f"summary_{self.lang}", ""),
                plain_text(getattr(statement, f"body_{self.lang}", "")),
            )
            if part
        )
        self.title = highlight(title, wanted) if title else ""
        self.snippet = snippet(text, wanted)

    @staticmethod
    def _best_language(statement, wanted, page_lang):
        available = statement.languages or [page_lang]
        scores = {}
        for lang in available:
            text = (
                " ".join(getattr(statement, f"{name}_{lang}", "") or "" for name in ("title", "summary"))
                + " "
                + plain_text(getattr(statement, f"body_{lang}", ""))
            )
            scores[lang] = len(_matches(text, wanted))
        order = sorted(available, key=lambda lang: (-scores[lang], lang != page_lang, LANGUAGE_CODES.index(lang)))
        return order[0]
