"""Reprint sketches and paragraph diffs: the other script and layout are not differences."""

from __future__ import annotations

from reader.text.convert import convert
from reader.text.paradiff import inline_diff, paragraph_diff, summary
from reader.text.sketch import compact, shingles, signature, similarity

SIMP = [
    "国务院总理今天在人民大会堂会见了来访的客人。",
    "双方就两国关系深入交换了意见，取得广泛共识。",
    "会见后举行了签字仪式。",
]


def test_the_traditional_printing_sketches_the_same():
    trad = [convert(p, "zh-hant") for p in SIMP]
    assert trad != SIMP
    assert shingles("\n".join(trad)) == shingles("\n".join(SIMP))
    assert similarity(signature("\n".join(trad))[0], signature("\n".join(SIMP))[0]) == 1.0
    assert compact("“你好”， 世界！\n") == "你好世界"


def test_paragraph_diff_finds_added_removed_and_changed_in_each_side_s_script():
    trad = [convert(p, "zh-hant") for p in SIMP]
    copy = [trad[0], trad[1].replace("廣泛", "重要"), "（編者按：本文有刪節）"]
    changes = paragraph_diff(SIMP, copy)
    assert [c.op for c in changes] == ["same", "changed", "removed", "added"]
    assert changes[0].copy == trad[0]  # as the copy prints it
    assert changes[1].original == SIMP[1] and "重要" in changes[1].copy
    assert summary(changes) == {"same": 1, "changed": 1, "removed": 1, "added": 1}
    runs = inline_diff(changes[1].original, changes[1].copy)
    assert ("changed", "广泛", "重要") in runs
    assert any(a != b for op, a, b in runs if op == "same")  # same runs keep each side's script
    assert "".join(a for _op, a, _b in runs) == SIMP[1]


def test_identical_paragraph_lists_have_no_steps_but_same():
    assert {c.op for c in paragraph_diff(SIMP, list(SIMP))} == {"same"}
    assert paragraph_diff([], ["新段落。"])[0].op == "added"
