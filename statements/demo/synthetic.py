"""Synthetic statements for load tests: ``seed_demo --count N``.

Words follow a Zipf-like law over a fixed vocabulary (the demo statements' words first, then an
invented long tail), and "مرصد الأزهر" / "Al-Azhar Observatory" appear in nearly every statement, as in
the real archive. Arabic text carries partial diacritics, hamza forms and tatweel. A fixed seed makes
the vocabulary, and so the benchmark's rare and common words, the same on every run.
"""

import datetime
import random
import re
from collections import Counter
from functools import cache

from django.utils.html import strip_tags

from statements.demo.content import STATEMENTS
from statements.text.normalize import HARAKAT as HARAKAT_PATTERN

SEED = 1446
TAIL_SIZE = 20_000
WORDS_PER_LANGUAGE = 250
SENTENCE_WORDS = 12
SENTENCE_POOL = 30_000
HARAKAT = "\u064e\u064f\u0650\u0651\u0652\u064b"
TATWEEL = "\u0640"
SIGNATURE = {"ar": "مرصد الأزهر", "en": "Al-Azhar Observatory"}
ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
LATIN_LETTERS = "abcdefghijklmnoprstuvwy"
_WORD = re.compile(r"[^\W\d_]+")


@cache
def vocabulary(lang):
    """Words of ``lang`` by rank: the demo statements' words by frequency, then an invented long tail."""
    rng = random.Random(f"{SEED}-{lang}")
    counts = Counter()
    for item in STATEMENTS:
        for field in ("title", "summary", "body"):
            text = HARAKAT_PATTERN.sub("", strip_tags(item.get(f"{field}_{lang}", ""))).replace(TATWEEL, "")
            counts.update(word for word in _WORD.findall(text) if len(word) > 1)
    head = [word for word, _ in counts.most_common()]
    letters = ARABIC_LETTERS if lang == "ar" else LATIN_LETTERS
    seen, tail = set(head), []
    while len(tail) < TAIL_SIZE:
        word = "".join(rng.choice(letters) for _ in range(rng.randint(4, 8)))
        if word not in seen:
            seen.add(word)
            tail.append(word)
    return head + tail


@cache
def _weights(lang):
    total, cumulative = 0.0, []
    for rank in range(1, len(vocabulary(lang)) + 1):
        total += 1 / rank**1.05
        cumulative.append(total)
    return cumulative


def _dress(word, rng):
    """An Arabic word as writers type it: some harakat, now and then tatweel or a bare alef."""
    roll = rng.random()
    if roll < 0.08:
        return "".join(ch + (rng.choice(HARAKAT) if rng.random() < 0.5 else "") for ch in word)
    if roll < 0.10 and len(word) > 3:
        middle = len(word) // 2
        return word[:middle] + TATWEEL + word[middle:]
    if roll < 0.13 and word[:1] in "أإآ":
        return "ا" + word[1:]
    return word


class Writer:
    def __init__(self, seed=SEED):
        self.rng = random.Random(seed)
        self.pools = {lang: [self._sentence(lang) for _ in range(SENTENCE_POOL)] for lang in ("ar", "en")}

    def _words(self, lang, k):
        words = self.rng.choices(vocabulary(lang), cum_weights=_weights(lang), k=k)
        if lang == "ar":
            words = [_dress(word, self.rng) for word in words]
        return words

    def _sentence(self, lang):
        return " ".join(self._words(lang, SENTENCE_WORDS)) + "."

    def text(self, lang, words=WORDS_PER_LANGUAGE):
        """About ``words`` words: mostly pooled sentences, some fresh ones so rare words stay rare."""
        sentences = self.rng.choices(self.pools[lang], k=words // SENTENCE_WORDS - 4)
        sentences += [self._sentence(lang) for _ in range(4)]
        self.rng.shuffle(sentences)
        if self.rng.random() < 0.95:
            sentences.insert(self.rng.randrange(len(sentences)), f"{SIGNATURE[lang]}.")
        paragraphs = [" ".join(sentences[i : i + 8]) for i in range(0, len(sentences), 8)]
        return "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)

    def statement_fields(self, n, today):
        fields = {}
        for lang in ("ar", "en"):
            fields[f"title_{lang}"] = " ".join(self._words(lang, 8))
            fields[f"summary_{lang}"] = " ".join(self._words(lang, 25)) + "."
            fields[f"body_{lang}"] = self.text(lang)
        fields["published_on"] = today - datetime.timedelta(days=self.rng.randrange(3650))
        fields["slug"] = f"synthetic-{n}"
        return fields
