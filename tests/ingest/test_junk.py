"""Bytes that are not text in any supported encoding are refused with a reason, never imported as a story.

Before, random binary files named .html/.md/.txt, files of U+FFFD only, high bytes and mixed
UTF-8/GB18030 came out as "stories" of replacement characters or rare ideographs.
"""

from __future__ import annotations

import random

import pytest

from reader.ingest import read_file
from reader.ingest.decode import NotText, decode_bytes

TEXT = (
    "上饶经开区新的一年这样拼\n本报记者 蔡文逸\n"
    "迎着新年曙光，上饶经开区又一次站在了新的起点上。企业机声轰鸣、工地深耕不辍、楼宇灯火通明。\n"
    "过去一年，全区工业营收迈上新台阶，重点项目建设进度超过预期。\n"
)


def _bytes(seed: int, size: int, low: int = 0, high: int = 256) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.randrange(low, high) for _ in range(size))


JUNK = {
    "high-bytes": _bytes(1, 6000, 0x80, 0x100),
    "high-bytes-small": _bytes(2, 300, 0x80, 0x100),
    "only-fffd": "\ufffd" * 500,
    "fffd-lines": ("\ufffd" * 40 + "\n") * 20,
    "one-fffd": "\ufffd",
    "mixed-utf8-gb18030": "".join(
        (TEXT.encode("utf-8") if i % 2 else TEXT.encode("gb18030")).decode("latin-1") for i in range(8)
    ),
    "controls-in-utf8": "".join(ch + "\x01\x02\x03" for ch in TEXT * 3),
    "c1-controls": "".join(ch + "\x85\x90" for ch in TEXT * 2),
    "random-printable-gb": _bytes(3, 4000, 0xA1, 0xFF),
}


def _data(value) -> bytes:
    if isinstance(value, bytes):
        return value
    try:
        return value.encode("latin-1")
    except UnicodeEncodeError:
        return value.encode("utf-8")


@pytest.mark.parametrize("name", sorted(JUNK))
def test_junk_is_not_text(name):
    with pytest.raises(NotText, match="not text"):
        decode_bytes(_data(JUNK[name]))


@pytest.mark.parametrize("suffix", [".html", ".md", ".txt", "", ".jsonl", ".csv"])
@pytest.mark.parametrize("name", ["high-bytes", "only-fffd", "mixed-utf8-gb18030"])
def test_junk_files_are_named_bad_not_imported(tmp_path, suffix, name):
    path = tmp_path / f"junk{suffix}"
    path.write_bytes(_data(JUNK[name]))
    result = read_file(path)
    assert result.stories == []
    assert result.problems and "not text" in result.problems[0].reason


def test_a_few_bad_bytes_still_import_with_the_damage_reported(tmp_path):
    data = (TEXT * 10).encode("utf-8")
    data = data[:90] + b"\xff" + data[90:300] + b"\xfe" + data[300:]
    path = tmp_path / "damaged.txt"
    path.write_bytes(data)
    result = read_file(path)
    assert result.stories and "invalid UTF-8" in result.problems[0].reason
    cut = tmp_path / "cut.txt"
    cut.write_bytes(TEXT.encode("gb18030")[:-1])  # a short file cut mid-character still imports
    assert read_file(cut).stories
