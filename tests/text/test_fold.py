"""reader.text.fold: character-level, length-preserving search folding."""

from __future__ import annotations

import pytest

from reader.text.fold import fold, fold_table


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("上饒經開區", "上饶经开区"),
        ("馬家柚", "马家柚"),
        ("ＡＩ", "ai"),
        ("Ａ股", "a股"),
        ("２０２４年", "2024年"),
        ("眾新聞", "众新闻"),
        ("臺灣", "台湾"),
        ("衞生", "卫生"),  # HK variant
        ("裡面", "里面"),  # TW variant
        ("経済", "经济"),  # Japanese shinjitai
        ("什么", "什么"),  # simplified stays
        ("衛", "卫"),
        ("\u3000", " "),
    ],
)
def test_fold_examples(text, expected):
    assert fold(text) == expected


def test_fold_keeps_length_for_every_mapped_character():
    for cp, out in fold_table().items():
        assert len(out) == 1, (chr(cp), out)


def test_fold_is_idempotent():
    table = fold_table()
    for out in table.values():
        assert fold(out) == out


def test_fold_keeps_length_on_awkward_text():
    text = "ﬁ İ ß ㍿ ① Ⅻ 𠀋 ＡＢＣ 上饒"
    assert len(fold(text)) == len(text)


def test_simplified_and_traditional_fold_alike(shared):
    from reader.text.convert import convert

    text = "上饶市广丰区马家柚产业发展迅速，经济开发区吸引了许多投资者。"
    assert fold(convert(text, "zh-hant")) == fold(text)
    assert fold(convert(text, "zh-tw")) == fold(text)
    assert fold(convert(text, "zh-hk")) == fold(text)


def test_the_table_is_cached_and_a_damaged_cache_is_rebuilt(tmp_path, monkeypatch):
    from reader.text import fold as fold_module

    monkeypatch.setenv("READER_CACHE", str(tmp_path))
    built = fold_module.build_fold_table()
    fold_module.fold_table.cache_clear()
    try:
        assert fold_module.fold_table() == built  # built, then saved
        [cached] = tmp_path.glob("fold-table-*.marshal")
        fold_module.fold_table.cache_clear()
        assert fold_module.fold_table() == built  # read back
        cached.write_bytes(b"\x00garbage")
        fold_module.fold_table.cache_clear()
        assert fold_module.fold_table() == built  # a damaged file never changes folding
        import marshal

        cached.write_bytes(marshal.dumps({ord("經"): "X"}))
        fold_module.fold_table.cache_clear()
        assert fold_module.fold_table() == built
    finally:
        fold_module.fold_table.cache_clear()


def test_long_texts_fold_exactly_as_the_table_says():
    """Texts of 48 characters and more go through a code-point array: the same characters as
    ``str.translate`` with the table, for every folded character, astral ones and lone surrogates."""
    import random

    from reader.text.fold import _ARRAY_FROM, fold_table

    table = fold_table()
    rng = random.Random(7)
    astral_and_lone = ["\U00020000", "\U0002f800", "\ud800"]
    pool = [chr(cp) for cp in table] + list("上饶市，。ABCabc１２３ 　\n") + astral_and_lone
    for length in (_ARRAY_FROM - 1, _ARRAY_FROM, 500, 5000):
        for _ in range(20):
            text = "".join(rng.choice(pool) for _ in range(length))
            folded = fold(text)
            assert folded == text.translate(table) and len(folded) == len(text)
    every = "".join(chr(cp) for cp in table)
    assert fold(every) == every.translate(table)
    assert fold("") == "" and fold("x" * 100) == "x" * 100
