"""parse_date: the date forms Chinese news pages print."""

import pytest

from reader.ingest.dates import is_date_line, parse_date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2024-05-24 10:48:22", "2024-05-24"),
        ("2024年5月24日", "2024-05-24"),
        ("2024/05/24", "2024-05-24"),
        ("2024.10.14", "2024-10-14"),
        ("2019年06月15日08:18 来源：人民网", "2019-06-15"),
        ("04:102024/08/20", "2024-08-20"),
        ("2024年5月", "2024-05"),
        ("中新社南京6月9日电", ""),
        ("没有日期", ""),
        ("2023-02-30", ""),
    ],
)
def test_parse_date(text, iso):
    assert parse_date(text) == iso


def test_dateline_needs_a_known_year():
    assert parse_date("中新社南京6月9日电(记者朱晓颖)", year=2025) == "2025-06-09"


def test_is_date_line():
    assert is_date_line("2024-05-24 10:48:22")
    assert is_date_line("发布时间：2019-03-06")
    assert not is_date_line("2024年5月24日，上饶经开区召开大会。")
