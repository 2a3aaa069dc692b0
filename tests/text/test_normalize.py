import pytest

from statements.text.normalize import fold_words, normalize, strip_article, terms, words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("هُوِيَّة", "هوية"),  # harakat: damma, kasra, shadda, fatha
        ("بَثٌّ", "بث"),  # tanween and shadda
        ("رحمٰن", "رحمن"),  # superscript alef
        ("الـهـويـة", "الهوية"),  # tatweel
        ("أحمد", "احمد"),
        ("إسلام", "اسلام"),
        ("آمن", "امن"),
        ("ٱلله", "الله"),  # alef wasla
        ("مستشفى", "مستشفي"),  # alef maqsura
        ("مسؤول", "مسءول"),  # waw hamza
        ("مسئول", "مسءول"),  # yeh hamza
        ("Observatory", "observatory"),  # Latin casefold
        ("STRASSE", "strasse"),
    ],
)
def test_normalize_applies_each_rule(text, expected):
    assert normalize(text) == expected


@pytest.mark.parametrize(("kept", "other"), [("عليه", "علية"), ("شئ", "شي"), ("بئر", "بير")])
def test_normalize_keeps_taa_marbuta_and_hamza_on_a_seat_apart_from_their_lookalikes(kept, other):
    assert normalize(kept) != normalize(other)


def test_egyptian_and_standard_spellings_of_responsible_meet():
    assert normalize("مسئول") == normalize("مسؤول")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("الهوية", "هوية"),
        ("والهوية", "هوية"),
        ("فالهوية", "هوية"),
        ("بالمرصد", "مرصد"),
        ("كالمرصد", "مرصد"),
        ("للمرصد", "مرصد"),
        ("الالتزام", "تزام"),
        ("التزام", "تزام"),
        ("الله", "الله"),  # two letters would be left: kept whole
        ("وطن", "وطن"),  # a bare و is not taken off
    ],
)
def test_strip_article_takes_off_the_article_and_its_clitics(word, expected):
    assert strip_article(word) == expected


def test_words_splits_on_punctuation_and_keeps_diacritised_words_whole():
    assert words("«هُوِيَّة»، co-operation_2024!") == ["هوية", "co", "operation", "2024"]


def test_fold_words_prepares_arabic_for_the_database_stemmer():
    assert fold_words("والمسئولية الوطنية، The Observatories") == "مسءولية وطنية the observatories"


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("هوية", "الهُوِيَّة"),
        ("مسئولية", "والمسؤولية"),
        ("مستشفي", "المستشفى"),
        ("observatory", "Observatories"),
        ("statement", "STATEMENTS"),
    ],
)
def test_terms_bring_spelling_and_inflection_variants_together(left, right):
    assert terms(left) == terms(right)


@pytest.mark.parametrize("mark", [chr(c) for c in [*range(0x064B, 0x0660), 0x0670, 0x0640]])
def test_normalize_strips_every_haraka_and_tatweel_between_letters(mark):
    assert normalize(f"ب{mark}ت") == "بت"


@pytest.mark.parametrize(("text", "expected"), [("\u0627\u0654", "ا"), ("\u0648\u0654", "ء"), ("\u064a\u0654", "ء")])
def test_normalize_folds_hamza_typed_as_a_combining_mark_like_the_precomposed_letter(text, expected):
    assert normalize(text) == expected


@pytest.mark.parametrize("kept", ["ة", "ء", "و", "ي", "\u0660", "١"])
def test_normalize_leaves_letters_and_digits_next_to_the_stripped_ranges_alone(kept):
    assert normalize(kept) == kept
