"""Dates in Chinese news text, turned into ISO ``YYYY-MM-DD``.

Understands ``2024-05-24 10:48:22``, ``2024年5月24日``, ``2024/05/24``,
``2024.10.14``, ``2019年06月15日08:18`` and agency datelines such as
``中新社南京6月9日电`` when the year is known from elsewhere (``year=``).
Everything here is a plain regular expression with bounded repetition, so
it runs in linear time on any input.
"""

from __future__ import annotations

import datetime
import re

_FULL = re.compile(
    r"(?:(?<!\d)|(?<=[:：]\d\d))((?:19|20)\d{2})\s{0,2}(?:年\s{0,2}|[-/.．／])(\d{1,2})\s{0,2}(?:月\s{0,2}|[-/.．／])(\d{1,2})(?!\d)"
)
_YEAR_MONTH = re.compile(r"(?<!\d)((?:19|20)\d{2})\s{0,2}年\s{0,2}(\d{1,2})\s{0,2}月")
_MONTH_DAY = re.compile(r"(?<![\d年])(\d{1,2})月(\d{1,2})日")
# an agency dateline: 中新社南京6月9日电, 新华社北京2月29日电, 本报讯
_DATELINE_MD = re.compile(r"(\d{1,2})月(\d{1,2})日\s{0,2}(?:电|讯|報導|报道|訊)")

# 20240524 (a programme's date, a file-name date): eight digits standing alone, a real day
_COMPACT = re.compile(r"(?<![\d\w.])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?![\d\w])")
# 105年3月19日, 民國105年3月19日: Taiwan's Republic-of-China years (year 1 = 1912)
_ROC = re.compile(
    r"(?:(?:民國|民国)\s{0,2}(\d{2,3})|(?<![\d\w])(1\d{2}))\s{0,2}年\s{0,2}(\d{1,2})\s{0,2}月\s{0,2}(\d{1,2})\s{0,2}日"
)
_TIME = re.compile(r"(?<!\d)\d{1,2}[:：]\d{2}(?:[:：]\d{2})?(?!\d)")
_WEEKDAY = re.compile(r"(?:星期|周|週|禮拜|礼拜)[一二三四五六日天]")

# 二〇二四年五月六日 (Hong Kong and Taiwan print dates in Chinese numerals)
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "Ｏ": 0, "O": 0}
_CN_DATE = re.compile(
    r"([〇零○Ｏ一二三四五六七八九]{4})\s{0,2}年\s{0,2}([一二三四五六七八九十]{1,2})\s{0,2}月"
    r"\s{0,2}([一二三四五六七八九十]{1,3})\s{0,2}日"
)


def _cn_number(text: str) -> int:
    """一 .. 三十一 as an int (tens written with 十)."""
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS.get(tens, 0) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return _CN_DIGITS.get(text, 0)


def _cn_date(text: str) -> str:
    m = _CN_DATE.search(text)
    if not m:
        return ""
    year = int("".join(str(_CN_DIGITS[c]) for c in m.group(1)))
    return _iso(year, _cn_number(m.group(2)), _cn_number(m.group(3)))


#: How far into a long string date searches look (keeps huge lines cheap).
SCAN_LIMIT = 400


def _iso(year: int, month: int, day: int) -> str:
    try:
        return datetime.date(year, month, day).isoformat() if 1900 <= year <= 2100 else ""
    except ValueError:
        return ""


def parse_date(text: str, year: int | None = None) -> str:
    """The first date in ``text`` as ISO ``YYYY-MM-DD``; ``''`` when there is none.

    A month and day without a year (``6月9日电``) count only when ``year`` is given.
    """
    if not text:
        return ""
    head = text[:SCAN_LIMIT]
    for full in _FULL.finditer(head):
        iso = _iso(int(full.group(1)), int(full.group(2)), int(full.group(3)))
        if iso:
            return iso
    if year:
        match = _DATELINE_MD.search(head) or _MONTH_DAY.search(head)
        if match:
            return _iso(year, int(match.group(1)), int(match.group(2)))
    iso = _cn_date(head) or _roc_date(head)
    if iso:
        return iso
    match = _COMPACT.search(head)
    if match:
        iso = _iso(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if iso:
            return iso
    match = _YEAR_MONTH.search(head)
    if match and 1 <= int(match.group(2)) <= 12:
        return f"{int(match.group(1)):04d}-{int(match.group(2)):02d}"
    return ""


def _roc_date(text: str) -> str:
    match = _ROC.search(text)
    if not match:
        return ""
    year = int(match.group(1) or match.group(2))
    return _iso(1911 + year, int(match.group(3)), int(match.group(4))) if 1 <= year <= 150 else ""


def strip_dates(text: str) -> str:
    """``text`` without its dates, times and weekdays (to see what else a dated line says)."""
    for pattern in (_FULL, _ROC, _CN_DATE, _COMPACT, _TIME, _WEEKDAY):
        text = pattern.sub(" ", text[:SCAN_LIMIT])
    return re.sub(r"(?<!\d)[年月日]", " ", text)


def year_of(iso: str) -> int | None:
    """The year of an ISO date string, or None."""
    return int(iso[:4]) if len(iso) >= 4 and iso[:4].isdigit() else None


_DATE_ONLY = re.compile(
    r"^[\s(（\[【]{0,3}(?:(?:发布|發布|更新|出版|刊登|发表|發表)?(?:时间|時間|日期)\s{0,2}[:：]\s{0,2})?"
    r"(?:19|20)\d{2}\s{0,2}(?:年|[-/.．／])\s{0,2}\d{1,2}\s{0,2}(?:月|[-/.．／])\s{0,2}\d{1,2}\s{0,2}日?"
    r"(?:\s{0,3}(?:星期|周|週)[一二三四五六日天])?"
    r"(?:\s{0,3}(?:上午|下午|早上|晚上|中午|凌晨)?\s{0,2}\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?[\s)）\]】]{0,3}$"
)


_CN_DATE_ONLY = re.compile(
    r"^[\s(（\[【]{0,3}"
    + _CN_DATE.pattern
    + r"(?:\s{0,3}(?:星期|周|週|禮拜|礼拜)[一二三四五六日天])?[\s)）\]】]{0,3}$"
)


def is_date_line(line: str) -> bool:
    """True when the whole line is a date (and maybe a time), nothing else."""
    return len(line) <= 48 and bool(_DATE_ONLY.match(line) or _CN_DATE_ONLY.match(line))
