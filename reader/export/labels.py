"""The few fixed words printed in an exported PDF (cover, contents), per script.

These are not story text, so OpenCC never touches them: each script gets its own
wording here.
"""

from __future__ import annotations

_HANS = {
    "default_title": "新闻选辑",
    "contents": "目录",
    "exported": "导出日期",
    "stories": "篇数",
    "query": "检索",
    "collection": "收藏集",
    "selection": "选集",
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
