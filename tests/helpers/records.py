"""Small JSON-lines archives for index, CLI and search tests: seven records and a simple tagger."""

from __future__ import annotations

import json
from pathlib import Path

RECORDS = [
    {
        "id": "a1",
        "title": "上饶马家柚喜获丰收",
        "content": "江西上饶广丰区的马家柚今年喜获丰收。\n果农徐浠乐说，柚子销往全国。",
        "author": "徐浠乐",
        "source": "新华网",
        "date_iso": "2024-05-24",
        "category": "经济",
    },
    {
        "id": "a2",
        "title": "上饒經開區招商",
        "content": "上饒經開區今年招商引資成績亮眼，眾多企業落戶。",
        "author": "陳大文",
        "source": "眾新聞",
        "date_iso": "2023-01-02",
        "category": "港聞",
    },
    {
        "id": "a3",
        "title": "农家小院",
        "content": "马家的院子里种着一棵柚子树，秋天挂满果实。",
        "author": "徐浠乐",
        "source": "新华网",
        "date_iso": "2024-06-01",
        "category": "生活",
    },
    {
        "id": "a4",
        "title": "ＡＩ芯片概念股走强",
        "content": "今天Ａ股市场上，AI 芯片板块大涨 <5%> 以上。分析师称 2024 年仍有空间。",
        "author": "李四",
        "source": "证券时报",
        "date_iso": "2024-05-02",
        "category": "经济",
    },
    {
        "id": "a5",
        "title": "刘长胜谈乡村振兴",
        "content": "全国人大代表刘长胜表示，乡村振兴要靠产业。",
        "author": "王五",
        "source": "人民网",
        "date_iso": "2022-03-05",
        "category": "时政",
    },
    {
        "id": "a6",
        "title": "Straße and said",
        "content": "He said the plan is ready. Nothing about A I here.",
        "author": "Smith",
        "source": "Reuters",
        "date_iso": "2021-12-31",
        "category": "world",
    },
    {
        "id": "a7",
        "title": "上饶公交开通新线路",
        "content": "上饶公交集团今日开通两条新线路，方便市民出行。",
        "author": "",
        "source": "上饶日报",
        "date_iso": "2024-05-30",
        "category": "民生",
    },
]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def write_records_archive(folder: Path) -> Path:
    """``folder`` holding :data:`RECORDS`, one JSON-lines file per record (``a1.jsonl`` ...)."""
    for record in RECORDS:
        write_jsonl(folder / f"{record['id']}.jsonl", [record])
    return folder


def simple_tagger(story) -> list[str]:
    tags = []
    text = story.title + story.text
    for place in ("上饶", "上饒", "江西"):
        if place in text:
            tags.append("place:" + ("上饶" if place in ("上饶", "上饒") else place))
    if "柚" in text:
        tags.append("topic:柚子")
    if "刘长胜" in text:
        tags.append("person:刘长胜")
    return list(dict.fromkeys(tags))
