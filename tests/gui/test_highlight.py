"""Marking hits in displayed text: folded terms found in any script, offsets kept.

The reading pane and the results' snippets mark hits by one rule
(``reader.index.snippets.find_spans``); the last tests check that they agree.
"""

import re

import pytest

from reader.gui.highlight import to_utf16
from reader.gui.views.reading import ReadingPane
from reader.index.snippets import find_spans, highlight, story_snippet
from reader.story import Story
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


def test_marking_escapes_the_rest():
    assert highlight("<上饶>&", ["上饶"]) == "&lt;<b>上饶</b>&gt;&amp;"


def test_latin_terms_match_whole_words_and_pieces_of_mixed_words_only():
    text = "He said AI helps; 15GW of power"
    assert [text[s:e] for s, e in find_spans(text, ["ai", "gw"])] == ["AI", "GW"]
    assert [text[s:e] for s, e in find_spans(text, ["ai"], whole_words=False)] == ["ai", "AI"]


# -- the reading pane and the snippet agree ---------------------------------------------

AGREE = [
    (["ai"], ["He said AI will help.", "The AIDS report and ai-driven tools."]),
    (["上饶", "马家柚"], ["上饶马家柚丰收了。", "马家柚卖到全国。"]),
    (["15"], ["装机15GW，增长150%。"]),
    (["gw", "上饒"], ["上饶15GW光伏。"]),
]


def _marked(snippet_html: str) -> list[str]:
    return re.findall(r"<b>(.*?)</b>", snippet_html)


def _pane_marks(qtbot, story: Story, terms: list[str]) -> list[str]:
    pane = ReadingPane()
    qtbot.addWidget(pane)
    pane.resize(900, 700)
    pane.show_story(story, terms)
    return pane.hit_texts()


@pytest.mark.parametrize(("terms", "paragraphs"), AGREE, ids=[" ".join(t) for t, _p in AGREE])
def test_the_reading_pane_marks_what_the_snippet_marks(qtbot, terms, paragraphs):
    story = Story(title="标题", paragraphs=paragraphs, id="x")
    snippet = story_snippet(story, terms, width=400)  # wide enough to hold the whole text
    pane = _pane_marks(qtbot, story, terms)
    assert pane == _marked(snippet)
    assert pane  # each case has hits


def test_ai_inside_said_is_marked_by_neither(qtbot):
    story = Story(title="标题", paragraphs=["He said it plainly."], id="x")
    assert _pane_marks(qtbot, story, ["ai"]) == []
    assert "<b>" not in story_snippet(story, ["ai"])
