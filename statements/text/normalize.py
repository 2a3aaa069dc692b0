"""The one normaliser for Arabic and Latin text.

Indexing, querying, tag de-duplication and the keyword index all call ``normalize`` so a reader's
query, an editor's tag and a statement's text meet on the same form.
"""

import functools
import re
import unicodedata

import snowballstemmer

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


# The definite article ال is not where a keyword is filed: الإرهاب is filed and sorted as إرهاب (under ا),
# الشباب as شباب (under ش). As for search terms (``strip_article``), it counts as the article only when three
# letters follow, so الله and الحب stay under ا.
_ARTICLE = re.compile("^\u0627\u0644(?=[\u0621-\u064a]{3})")


def without_article(folded):
    """A normalised name without its leading Arabic definite article."""
    return _ARTICLE.sub("", folded, count=1)


def sort_key(text):
    """A key that files names in Arabic alphabetical order (after the article ال), then Latin A to Z."""
    folded = without_article(normalize(text).translate(_COLLATION).strip())
    return (0 if is_arabic(folded[:1]) else 1, folded)


def index_letter(text):
    """The letter a name is filed under in the keyword index: its first letter after the article ال, hamza forms
    of alef under ا, Latin letters in capitals, anything else under #."""
    folded = without_article(normalize(text).strip())
    if not folded:
        return "#"
    first = folded[0]
    if first == "\u0621":  # a bare hamza has no section of its own; file it with alef
        return "\u0627"
    if first.isalpha():
        return first.upper()
    return "#"


# --- Search terms -------------------------------------------------------------------------------
# Search folds text with ``normalize`` and then reduces each word to a term. The Snowball Arabic
# stemmer removes suffixes before it looks at the article, so الهوية and هوية, or والمسؤولية and
# مسؤولية, end up apart; the article and the conjunctions and prepositions glued to it are taken
# off here first, the same way for the index and for the query.

# Letters and digits; harakat count as part of a word so the original text can be cut into words too.
WORD = re.compile("(?:[^\\W_]|[\u064b-\u065f\u0670])+")
_CLITIC = re.compile("^(?:[وف]?(?:ال|بال|كال|لل))(?=[\u0621-\u064a]{3})")


def strip_article(word):
    """``word`` (already normalised) without a leading و/ف + ال, بال, كال or لل, if three letters remain."""
    stripped = _CLITIC.sub("", word, count=1)
    if stripped != word and stripped.startswith("ال"):
        # الالتزام → التزام → تزام, so it meets التزام, which loses its "ال" the same way.
        stripped = _CLITIC.sub("", stripped, count=1)
    return stripped


def words(text):
    """The normalised words of ``text``: letters and digits only, everything else is a separator."""
    return WORD.findall(normalize(text))


def fold_words(text):
    """``text`` as normalised words with the Arabic article taken off, ready for a database stemmer."""
    return " ".join(strip_article(word) if is_arabic(word) else word for word in words(text))


@functools.lru_cache(maxsize=200_000)
def stem(word):
    """The search term for one normalised word: Snowball Arabic or English, after ``strip_article``."""
    if is_arabic(word):
        return _stemmer("arabic").stemWord(strip_article(word))
    return _stemmer("english").stemWord(word)


@functools.cache
def _stemmer(language):
    return snowballstemmer.stemmer(language)


def terms(text):
    """The search terms of ``text`` in order: what an index stores and what a query looks for."""
    return [stem(word) for word in words(text)]


# PostgreSQL's `english` configuration drops these words from the index (the same list), so a query
# word among them is dropped on every database: "the observatory" looks for "observatory".
ENGLISH_STOPWORDS = frozenset(
    "i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers "
    "herself it its itself they them their theirs themselves what which who whom this that these those am is are "
    "was were be been being have has had having do does did doing a an the and but if or because as until while "
    "of at by for with about against between into through during before after above below to from up down in out "
    "on off over under again further then once here there when where why how all any both each few more most "
    "other some such no nor not only own same so than too very s t can will just don should now".split()
)
