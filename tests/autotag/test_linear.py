"""Tagging work bounded by the story's length: no quadratic step, and a cap for book-length stories.

Before, ``find_unknown_runs`` popped the front of a run one token at a time (320,000 × 很 took
16 s and quadrupled per doubling) and ``find_places`` copied the boundary sets once per
compound word (800,000 characters took 24 s).
"""

from __future__ import annotations

import time

from reader.autotag import MAX_TAG_CHARS, auto_tags
from reader.autotag.places import find_places
from reader.autotag.segment import Segmented, Token, find_unknown_runs
from reader.story import Story


def test_unknown_runs_of_one_huge_run_are_linear():
    n = 320_000
    seg = Segmented("很" * n, [Token("很", "d", i) for i in range(n)])
    started = time.perf_counter()
    assert find_unknown_runs(seg) == []  # all edge characters: nothing kept
    assert time.perf_counter() - started < 5  # quadratic: ~16 s; linear: well under 1 s
    seg = Segmented(
        "很马家柚很", [Token(ch, "d" if ch == "很" else "n", i) for i, ch in enumerate("很马家柚很")]
    )
    assert [run[0] for run in find_unknown_runs(seg)] == ["马家柚"]


def test_find_places_with_many_compounds_is_linear():
    unit = "山西大同"
    n = 50_000
    text = unit * n
    bounds = set(range(0, len(text) + 1, 2))
    compounds = [("山西大同", i, "ns") for i in range(0, len(text), 4)]
    started = time.perf_counter()
    found = find_places(text, bounds, bounds, compounds)
    assert time.perf_counter() - started < 20  # a set copy per compound: 50,000 copies of 100,000 items
    assert len(found) >= n


def test_book_length_story_is_tagged_from_its_start():
    head = "上饶市广丰区的马家柚今年丰收。" * 20
    story = Story(title="上饶", paragraphs=[head, "很" * (MAX_TAG_CHARS * 3)])
    started = time.perf_counter()
    tags = auto_tags(story)
    assert time.perf_counter() - started < 30
    assert "place:上饶" in tags
