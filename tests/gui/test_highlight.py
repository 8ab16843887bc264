"""Marking hits in displayed text: folded terms found in any script, offsets kept."""

from reader.gui.highlight import find_spans, mark_html, to_utf16
from reader.text.convert import convert


def test_simplified_terms_are_found_in_traditional_text_at_the_same_offsets():
    text = convert("上饶经开区的马家柚丰收了", "zh-hant")
    spans = find_spans(text, ["上饶", "马家柚"])
    assert [text[s:e] for s, e in spans] == ["上饒", "馬家柚"]


def test_full_width_and_case_are_folded():
    text = "ＡＩ新政与ai"
    assert [text[s:e] for s, e in find_spans(text, ["ai"])] == ["ＡＩ", "ai"]


def test_overlapping_terms_merge_into_one_span():
    assert find_spans("马家柚园", ["马家", "家柚"]) == [(0, 3)]


def test_no_terms_or_empty_terms_mark_nothing():
    assert find_spans("上饶", []) == []
    assert find_spans("上饶", ["", "  "]) == []


def test_utf16_offsets_count_astral_characters_twice():
    text = "𠀀上饶"
    assert to_utf16(text, [0, 1, 3]) == [0, 2, 4]


def test_mark_html_escapes_the_rest():
    assert mark_html("<上饶>&", ["上饶"]) == "&lt;<b>上饶</b>&gt;&amp;"
