"""The few fixed words printed in an exported PDF (cover, contents), per script.

These are not story text, so OpenCC never touches them: each script gets its own
wording here.
"""

from __future__ import annotations

from reader.autotag import label_in_script
from reader.text.convert import to_script

_HANS = {
    "default_title": "新闻选辑",
    "contents": "目录",
    "exported": "导出日期",
    "stories": "篇数",
    "query": "检索",
    "collection": "收藏集",
    "selection": "选集",
    "filters": "筛选",
    "column": "栏目",
    "dates": "日期范围",
    "source": "来源",
    "cite": "引用",
    "editor": "责任编辑",
    "bookmarks": "书签",
    "untitled": "(无题)",
    "count": "{n} 篇",
}

_HANT = {
    "default_title": "新聞選輯",
    "contents": "目錄",
    "exported": "匯出日期",
    "stories": "篇數",
    "query": "檢索",
    "collection": "收藏集",
    "selection": "選集",
    "filters": "篩選",
    "column": "欄目",
    "dates": "日期範圍",
    "source": "來源",
    "cite": "引用",
    "editor": "責任編輯",
    "bookmarks": "書籤",
    "untitled": "(無題)",
    "count": "{n} 篇",
}


def labels(script: str) -> dict[str, str]:
    """The label set for ``script`` (simplified for zh-hans, traditional otherwise)."""
    return dict(_HANS if script == "zh-hans" else _HANT)


def filters_text(
    filters: dict[str, list[str]] | None, date_from: str = "", date_to: str = "", script: str = "zh-hans"
) -> str:
    """The active filters as one cover line in ``script``: ``江西、新华网、2024``; tag kinds left out,
    a user's own tag as typed."""
    parts: list[str] = []
    for name, values in (filters or {}).items():
        for v in values:
            if v:
                parts.append(label_in_script(v, script) if name == "tag" else to_script(v, script))
    if date_from or date_to:
        parts.append(f"{date_from or '…'} – {date_to or '…'}")
    return "、".join(dict.fromkeys(parts))
