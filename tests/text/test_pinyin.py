"""reader.text.pinyin: readings of names and titles, initials, and reading typed pinyin."""

from __future__ import annotations

import pytest

from reader.text import pinyin


def test_readings_use_phrase_data_and_keep_every_reading():
    [run] = pinyin.readings("重庆银行")
    assert [r[0] for r in run] == ["chong", "qing", "yin", "hang"]  # context readings first
    [name] = pinyin.readings("刘长胜")
    assert "chang" in name[1] and "zhang" in name[1]  # a name is found under either reading


def test_readings_cover_chinese_runs_only():
    runs = pinyin.readings("AI芯片 2024年")
    assert [[r[0] for r in run] for run in runs] == [["xin", "pian"], ["nian"]]
    assert pinyin.han_runs("AI芯片 2024年") == ["芯片", "年"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [("上饶经开区", "srjkq"), ("信州区", "xzq"), ("徐浠乐", "xxl"), ("上饶", "sr")],
)
def test_initials_of_names_of_two_to_six_characters(name, expected):
    assert expected in pinyin.initials(name)


def test_no_initials_for_one_character_or_long_names():
    assert pinyin.initials("饶") == []
    assert pinyin.initials("中华人民共和国国务院") == []


def test_surname_readings_give_more_initials():
    assert {"sxy", "dxy"} <= set(pinyin.initials("单小云"))


@pytest.mark.parametrize(
    "typed", ["xu xile", "xuxile", "Xu Xile", "Xú Xīlè", "xu2 xi1 le4", "xu'xi'le", "XUXILE"]
)
def test_typed_pinyin_with_or_without_spaces_and_tones(typed):
    assert pinyin.looks_like_pinyin(typed)
    assert ["xu", "xi", "le"] in pinyin.query_cuts(typed)


def test_ambiguous_cuts_are_all_kept():
    cuts = pinyin.query_cuts("xian")
    assert ["xian"] in cuts and ["xi", "an"] in cuts
    assert pinyin.query_cuts("lvse") == [["lv", "se"]]
    assert pinyin.query_cuts("lüse") == [["lv", "se"]]


def test_what_is_not_pinyin():
    for text in ("上饶", "5G", "a", "", "x" * 200, "C++", "srjkq!"):
        assert not pinyin.looks_like_pinyin(text), text
    assert pinyin.query_cuts("srjkq") == []
    assert pinyin.query_initials("srjkq") == "srjkq"
    assert pinyin.query_initials("shangraojingkaiqu") == ""


def test_matches_find_the_syllables_in_a_run():
    [run] = pinyin.readings("上饶经开区")
    assert pinyin.matches(run, ["jing", "kai"]) == [2]
    assert pinyin.matches(run, ["rao", "jing"]) == [1]
    assert pinyin.matches(run, ["kai", "jing"]) == []
