"""Snippet work is bounded by the story's length, not the square of its hits.

Before, each hit rescanned every later hit: a story of 1,000,000 × 很 searched for 很 never finished.
"""

from __future__ import annotations

import random
import time

from reader.index.snippets import highlight


def test_a_million_hits_make_a_snippet_at_once():
    started = time.perf_counter()
    snippet = highlight("很" * 1_000_000, ["很"])
    assert time.perf_counter() - started < 5
    assert snippet.startswith("<b>很") and snippet.endswith("…")


def test_the_window_with_most_distinct_hits_is_still_chosen():
    text = "开头" + "其他内容" * 30 + "上饶马家柚丰收" + "其他内容" * 30
    assert "<b>上饶马家柚</b>丰收" in highlight(text, ["上饶", "马家柚"])  # adjacent hits are one mark
    rng = random.Random(3)
    for _ in range(200):
        story = "".join(rng.choice("上饶马家柚丰收了其他 ") for _ in range(rng.randint(1, 300)))
        snippet = highlight(story, ["上饶", "柚"])
        assert len(snippet.replace("<b>", "").replace("</b>", "")) <= 82


def test_a_query_of_hundreds_of_terms_marks_its_first_ones_only():
    terms = [f"词{i:03d}" for i in range(400)]
    text = " ".join(reversed(terms))  # every term occurs
    snippet = highlight(text, terms)
    marked = {part.split("</b>")[0] for part in snippet.split("<b>")[1:]}
    assert marked and marked <= set(terms[:32])
