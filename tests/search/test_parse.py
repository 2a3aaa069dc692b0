"""Reading what the reader typed: words, phrases and exclusions, with no database involved."""

import pytest

from statements.search.query import MAX_QUERY_LENGTH, MAX_WORDS, parse


def test_words_become_normalised_terms_once_each_in_the_order_typed():
    query = parse("مرصد  الأزهر مرصد")
    assert query.terms == ["مرصد", "الازهر"]
    assert not query.phrases and not query.excluded and not query.is_empty


def test_quoted_words_are_a_phrase_and_a_quoted_single_word_is_a_term():
    query = parse('"مرصد الأزهر" "داعش"')
    assert query.phrases == [["مرصد", "الازهر"]]
    assert query.terms == ["داعش"]


def test_an_unclosed_quote_still_makes_a_phrase():
    assert parse('"combating extremism').phrases == [["combating", "extremism"]]


def test_a_leading_minus_excludes_the_word_and_a_lone_minus_is_ignored():
    query = parse("مرصد -داعش -")
    assert query.terms == ["مرصد"]
    assert query.excluded == ["داعش"]


def test_only_exclusions_or_only_stopwords_make_an_empty_query():
    assert parse("-داعش").is_empty
    assert parse("the of and").is_empty
    assert parse("").is_empty and parse(None).is_empty


@pytest.mark.parametrize("raw", ["reef\x00tide", "reef\ttide", "reef\x07tide"])
def test_control_characters_separate_words_and_never_reach_the_query(raw):
    query = parse(raw)
    assert all(ch.isprintable() for ch in query.text)
    assert len(query.terms) == 2


def test_a_long_query_is_cut_to_its_limits_and_marked_trimmed():
    long_text = parse("word " * 100)
    assert len(long_text.text) <= MAX_QUERY_LENGTH and long_text.trimmed
    many_words = parse(" ".join(f"w{n}" for n in range(MAX_WORDS + 5)))
    assert len(many_words.terms) == MAX_WORDS and many_words.trimmed


def test_a_short_query_is_not_marked_trimmed():
    assert not parse("مرصد الأزهر").trimmed


def test_the_keyword_name_offered_is_the_query_without_quotes():
    assert parse('  "مرصد   الأزهر" ').tag_name == "مرصد الأزهر"
