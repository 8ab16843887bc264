"""Made-up wire stories and their reprints for the reprint-group tests (no shared material needed).

Texts are random runs of common characters from a fixed seed, so two different stories share
almost no five-character shingle, and a reprint shares exactly what the test gives it.
"""

from __future__ import annotations

import random
from pathlib import Path

from reader.index import ArchiveIndex, SearchRequest
from reader.text.convert import convert
from tests.helpers.records import write_jsonl

_CHARS = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而"
    "方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应"
    "开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命"
    "此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求"
)


def paragraphs(seed: int, count: int = 6, length: int = 90) -> list[str]:
    """``count`` paragraphs of about ``length`` characters, the same for the same seed."""
    rnd = random.Random(seed)
    out = []
    for _ in range(count):
        text = "".join(rnd.choice(_CHARS) for _ in range(length))
        out.append("，".join(text[i : i + 15] for i in range(0, len(text), 15)) + "。")
    return out


def record(rid: str, title: str, paras: list[str], source: str = "新华社", date: str = "2024-05-24") -> dict:
    return {
        "id": rid,
        "title": title,
        "content": "\n".join(paras),
        "source": source,
        "date_iso": date,
    }


def write(folder: Path, records: list[dict]) -> None:
    """One JSON-lines file per record, named by its id."""
    for rec in records:
        write_jsonl(folder / f"{rec['id']}.jsonl", [rec])


def wire_group(wire: list[str], note: str, other_seed: int) -> list[dict]:
    """A wire story (with its dateline), a paper's copy (fifth paragraph replaced by ``note``), a
    traditional-character copy, and an unrelated story: the CLI's and the app's test library."""
    return [
        record("wire", "会议部署工作", ["新华社北京电 " + wire[0], *wire[1:]], "新华社", "2024-05-24"),
        record("paper", "会议最新消息", [*wire[:4], note], "某某日报", "2024-05-25"),
        record("trad", "會議部署工作", [convert(p, "zh-hant") for p in wire], "某報", "2024-05-26"),
        record("alone", "无关新闻", paragraphs(other_seed), "某某网", "2024-05-20"),
    ]


def ids_by_title(library: ArchiveIndex) -> dict[str, str]:
    """Title -> story id of every story in the library."""
    ids = library.ids_for(SearchRequest(page_size=1000, facets=False, snippets=False))
    return {story.title: story.id for story in library.get_many(ids)}
