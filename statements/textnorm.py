"""The one normaliser for Arabic and Latin text.

Indexing, querying, tag de-duplication and the keyword index all call ``normalize`` so a reader's
query, an editor's tag and a statement's text meet on the same form.
"""

import re
import unicodedata

# Harakat (fathatan … sukun and the rest of the combining marks block) and the superscript alef.
HARAKAT = re.compile("[\u064b-\u065f\u0670]")
TATWEEL = "\u0640"
_LETTERS = str.maketrans(
    {
        "\u0623": "\u0627",  # أ → ا
        "\u0625": "\u0627",  # إ → ا
        "\u0622": "\u0627",  # آ → ا
        "\u0671": "\u0627",  # ٱ → ا
        "\u0649": "\u064a",  # ى → ي
        # ؤ and ئ → ء so مسئول and مسؤول meet; not → و / ي, which would merge distinct words.
        "\u0624": "\u0621",
        "\u0626": "\u0621",
        TATWEEL: None,
    }
)
ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def normalize(text):
    """Strip harakat and tatweel, unify hamza forms of alef and alef maqsura, casefold Latin."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    text = HARAKAT.sub("", text)
    return text.translate(_LETTERS).casefold()


def is_arabic(text):
    return bool(ARABIC_LETTER.search(text or ""))


# Arabic alphabetical (hija'i) order follows Unicode order once hamza forms are folded, except
# for taa marbuta, which is filed with haa.
_COLLATION = str.maketrans({"\u0629": "\u0647"})


def sort_key(text):
    """A key that files names in Arabic alphabetical order, then Latin A to Z."""
    folded = normalize(text).translate(_COLLATION).strip()
    return (0 if is_arabic(folded[:1]) else 1, folded)


def index_letter(text):
    """The letter a name is filed under in the keyword index (hamza forms of alef under ا)."""
    folded = normalize(text).strip()
    if not folded:
        return "#"
    first = folded[0]
    if first == "\u0621":  # a bare hamza has no section of its own; file it with alef
        return "\u0627"
    if first.isalpha():
        return first.upper()
    return "#"
