"""reader.text.tokenise: unigram/bigram/word postings and query units."""

from __future__ import annotations

from reader.text.tokenise import minimal_units, postings, query_units


def test_postings_cjk_unigrams_bigrams_and_words():
    p = postings("马家柚，ai 2024年a股")
    assert p["马"] == [0] and p["家"] == [1] and p["柚"] == [2]
    assert p["马家"] == [0] and p["家柚"] == [1]
    assert "柚ai" not in p and "柚a" not in p
    assert p["ai"] == [3] and p["2024"] == [4] and p["年"] == [5]
    assert p["a"] == [6] and p["股"] == [7]


def test_punctuation_takes_no_position_and_breaks_bigrams():
    p = postings("上饶，马家")
    assert p["饶"] == [1] and p["马"] == [2]
    assert "饶马" not in p


def test_query_units_one_per_position():
    assert query_units("马家柚") == ["马家", "家柚", "柚"]
    assert query_units("柚") == ["柚"]
    assert query_units("a股") == ["a", "股"]
    assert query_units("13.7万亿") == ["13", "7", "万亿", "亿"]
    assert query_units("，。") == []


def test_minimal_units_drops_implied_trailing_unigram():
    assert minimal_units(["马家", "家柚", "柚"]) == ["马家", "家柚"]
    assert minimal_units(["马家", "家"]) == ["马家"]
    assert minimal_units(["a", "股"]) == ["a", "股"]


def test_repeated_characters():
    p = postings("哈哈哈")
    assert p["哈哈"] == [0, 1] and p["哈"] == [0, 1, 2]
