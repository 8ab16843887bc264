"""Encoding detection from bytes: BOMs, UTF-16, UTF-8, GB18030 vs Big5, damage and binary data."""

from __future__ import annotations

import json
import random

import pytest

from reader.ingest.decode import NotText, declared_charset, decode_bytes

SIMPLIFIED = (
    "上饶经开区新的一年这样拼\n本报记者 蔡文逸\n"
    "迎着新年曙光，上饶经开区又一次站在了新的起点上。企业机声轰鸣、工地深耕不辍、楼宇灯火通明。\n"
    "过去一年，全区工业营收迈上新台阶，重点项目建设进度超过预期。"
)
TRADITIONAL = (
    "臺北市政府宣布擴大補助青年租屋\n記者王小明／台北報導\n"
    "市長表示，這項政策預計明年上路，受惠人數可望超過十萬人。\n"
    "議員們對於經費來源仍有疑慮，要求市府在下次會議前提出說明。"
)
# Cantonese characters that exist only in Big5-HKSCS, not in plain Big5
HONG_KONG = "佢哋話呢間餐廳嘅奶茶好正，啲人排隊排到街口。\n記者陳大文報道，今日天氣晴朗，市民紛紛出門。"


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        (SIMPLIFIED, "utf-8", "utf-8"),
        (SIMPLIFIED, "utf-8-sig", "utf-8-sig"),
        (SIMPLIFIED, "gb18030", "gb18030"),
        (SIMPLIFIED, "gbk", "gb18030"),
        (SIMPLIFIED, "gb2312", "gb18030"),
        (SIMPLIFIED, "utf-16", "utf-16-le"),
        (SIMPLIFIED, "utf-16-le", "utf-16-le"),
        (SIMPLIFIED, "utf-16-be", "utf-16-be"),
        (TRADITIONAL, "big5", "big5hkscs"),
        (TRADITIONAL, "big5hkscs", "big5hkscs"),
        (TRADITIONAL, "gb18030", "gb18030"),
        (TRADITIONAL, "utf-8", "utf-8"),
        (TRADITIONAL, "utf-16-le", "utf-16-le"),
        (TRADITIONAL, "utf-16-be", "utf-16-be"),
        (HONG_KONG, "big5hkscs", "big5hkscs"),
        (HONG_KONG, "utf-32", "utf-32-le"),
        (SIMPLIFIED, "utf-32-be", "utf-32-be"),
    ],
)
def test_decodes_each_encoding_from_bytes_alone(text, codec, expected):
    decoded = decode_bytes(text.encode(codec))
    assert decoded.text == text
    assert decoded.encoding == expected
    assert decoded.problem == ""


def test_short_pure_cjk_utf16_without_nuls():
    text = "新闻联播今日要闻国务院常务会议"  # no ASCII at all, so not a single NUL byte
    for codec in ("utf-16-le", "utf-16-be"):
        data = text.encode(codec)
        assert b"\x00" not in data
        assert decode_bytes(data).text == text


def test_utf16_with_bom_big_endian():
    data = b"\xfe\xff" + SIMPLIFIED.encode("utf-16-be")
    decoded = decode_bytes(data)
    assert decoded.text == SIMPLIFIED
    assert decoded.encoding == "utf-16-be"


def test_meta_charset_does_not_override_utf8_bytes():
    page = (
        '<html><head><meta charset="gb2312"><title>标题</title></head><body><p>正文内容。</p></body></html>'
    )
    data = page.encode("utf-8")
    assert declared_charset(data) == "gb2312"
    decoded = decode_bytes(data, declared=declared_charset(data))
    assert decoded.encoding == "utf-8"
    assert decoded.text == page


def test_declared_charset_breaks_a_legacy_tie_only():
    data = SIMPLIFIED.encode("gb18030")
    assert decode_bytes(data, declared="big5").encoding == "gb18030"  # the bytes say GB, not the label


def test_truncated_utf8_is_decoded_and_reported():
    data = SIMPLIFIED.encode("utf-8")[:-1]  # cut inside the last character
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    assert decoded.text.startswith(SIMPLIFIED[:-1])
    assert decoded.text.endswith("\ufffd")
    assert decoded.problem == f"truncated UTF-8 at byte {len(data) - 2}; replaced"


def test_invalid_byte_inside_utf8_is_replaced_not_misread_as_gb():
    good = (SIMPLIFIED * 5).encode("utf-8")
    data = good[:60] + b"\xff" + good[60:]
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    assert "invalid UTF-8 at byte 60" in decoded.problem
    assert decoded.text.replace("\ufffd", "") == SIMPLIFIED * 5


def test_truncated_gb18030_and_big5_are_reported():
    gb = decode_bytes(SIMPLIFIED.encode("gb18030")[:-1])
    assert gb.encoding == "gb18030" and "GB18030" in gb.problem and "truncated" in gb.problem
    assert gb.text.startswith(SIMPLIFIED[:-1])
    big5 = decode_bytes(TRADITIONAL.encode("big5")[:-1])
    assert big5.encoding == "big5hkscs" and "Big5" in big5.problem
    assert big5.text.startswith(TRADITIONAL[:-1])


def _noise(seed: int, size: int) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.randrange(256) for _ in range(size))


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(200),
        b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4,
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + _noise(1, 4000),
        _noise(2, 4000),
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + _noise(3, 2000),
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"y" * 2000,
    ],
    ids=["png", "elf", "zip", "random", "jpeg", "jpeg-flat"],
)
def test_binary_data_is_not_text(data):
    with pytest.raises(NotText, match="not text"):
        decode_bytes(data)


def test_a_few_stray_nuls_are_dropped_and_reported():
    data = (SIMPLIFIED * 3).encode("utf-8")
    data = data[:50] + b"\x00" + data[50:]
    decoded = decode_bytes(data)
    assert decoded.text == SIMPLIFIED * 3
    assert decoded.problem == "1 NUL byte removed"


def test_empty_bytes_decode_to_empty_text():
    assert decode_bytes(b"").text == ""


def test_plain_ascii_is_utf8():
    assert decode_bytes(b"Hello, news\n").encoding == "utf-8"


def test_real_pages_are_utf8_whatever_their_meta_says(shared):
    pages = sorted((shared / "pages").glob("*.html"))
    assert pages
    for page in pages:
        data = page.read_bytes()
        decoded = decode_bytes(data, declared=declared_charset(data))
        assert decoded.encoding == "utf-8", page.name
        assert decoded.problem == "", page.name


def _corpus_texts(shared, name: str, count: int) -> list[str]:
    path = shared / "corpus" / name
    if not path.exists():
        pytest.skip(f"{path} is not present")
    texts = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            texts.append(record["title"] + "\n" + record["content"][:600])
            if len(texts) == count:
                break
    return texts


def test_real_simplified_text_round_trips_through_gb18030(shared):
    for text in _corpus_texts(shared, "chinanews_2025.jsonl", 60):
        decoded = decode_bytes(text.encode("gb18030"))
        assert (decoded.encoding, decoded.text) == ("gb18030", text)


def test_real_traditional_text_round_trips_through_big5(shared):
    tried = 0
    for text in _corpus_texts(shared, "hkcnews_zh-Hant.jsonl", 120):
        try:
            data = text.encode("big5hkscs")
        except UnicodeEncodeError:
            continue  # a character outside Big5-HKSCS (emoji, rare ideograph)
        tried += 1
        decoded = decode_bytes(data)
        assert (decoded.encoding, decoded.text) == ("big5hkscs", text)
    assert tried >= 50
