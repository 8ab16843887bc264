"""References in GB/T 7714-2015 style for news stories (报纸文章 [N], online [N/OL]).

The pattern of §8 for a newspaper article is::

    主要责任者. 题名[N]. 报纸名, 出版日期(版次).

and for one read online (§8.8, 电子资源) the type becomes ``[N/OL]`` and the
date is followed by the citation date in brackets and the address::

    主要责任者. 题名[N/OL]. 报纸名, 出版日期[引用日期]. 获取和访问路径.

Authors (§8.1): up to three, separated by ", "; with more, the first three then
", 等" (", et al" for names in Latin letters). A story with no known author starts
with its title. Missing parts are left out with their punctuation.
"""

from __future__ import annotations

import datetime as dt
import re

from reader.story import Story

_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]*$")


def authors_part(authors: list[str]) -> str:
    """The responsible persons: three at most, then 等 / et al."""
    names = [a.strip() for a in authors if a.strip()]
    if not names:
        return ""
    shown = ", ".join(names[:3])
    if len(names) > 3:
        shown += ", et al" if all(_LATIN.match(n) for n in names[:3]) else ", 等"
    return shown


def _end(text: str) -> str:
    """Close an element with a full stop unless it already ends in one."""
    text = text.rstrip()
    return text if text.endswith((".", "。", "?", "？", "!", "！")) else text + "."


#: the page in a print-edition credit: （2016年02月20日02版）, （2024年05月06日 第 04 版）
_PAGE = re.compile(r"(?:第\s{0,2})?([0-9A-Z]{1,4})\s{0,2}版\s{0,2}[)）]$")


def print_page(story: Story) -> str:
    """The page of the print edition the story credits (``02`` for ``（2016年02月20日02版）``), or ``''``."""
    page = _PAGE.search(story.edition)
    return page.group(1) if page else ""


def reference(story: Story, *, cited: dt.date | None = None) -> str:
    """One story's reference, e.g. ``蔡文逸. 朝着春天出发[N]. 刘长胜问答网, 2024-05-24.``"""
    online = bool(story.url)
    parts: list[str] = []
    who = authors_part(story.authors)
    if who:
        parts.append(_end(who))
    title = story.title.strip() or "(无题)"
    parts.append(f"{title}[{'N/OL' if online else 'N'}].")
    where = ", ".join(p for p in (story.source.strip(), story.date.strip()) if p)
    page = print_page(story)
    if where and page:  # 人民日报, 2016-02-20(02): the page of the print edition
        where += f"({page})"
    if online:
        when = (cited or dt.date.today()).isoformat()
        where = f"{where}[{when}]" if where else f"[{when}]"
    if where:
        parts.append(_end(where))
    if online:
        parts.append(_end(story.url.strip()))
    return " ".join(parts)
