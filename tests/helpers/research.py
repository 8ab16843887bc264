"""A generated library for the research tools' tests: short texts over a tiny alphabet.

Few characters, so words repeat and overlap (``哈哈哈`` holds ``哈哈`` twice); simplified and
traditional forms of the same words (国/國, 经/經, 济/濟) mixed in one story; spaces and
punctuation between; dates over two years, some only a year or missing.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

ALPHABET = "哈哈国國家经經济濟香港，  a"
SOURCES = ("甲报", "乙報", "丙网")


def _date(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.1:
        return ""
    if roll < 0.2:
        return str(rng.choice((2023, 2024)))
    return f"{rng.choice((2023, 2024))}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def research_records(n: int = 80, seed: int = 17) -> list[dict]:
    rng = random.Random(seed)
    return [
        {
            "id": f"r{i}",
            "title": "".join(rng.choice(ALPHABET.strip()) for _ in range(rng.randint(3, 8))),
            "content": "".join(rng.choice(ALPHABET) for _ in range(rng.randint(20, 90))),
            "source": rng.choice(SOURCES),
            "date_iso": _date(rng),
        }
        for i in range(n)
    ]


def write_research_archive(folder: Path, records: list[dict]) -> Path:
    """``records`` in one JSON-lines file per ten records under ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for start in range(0, len(records), 10):
        part = records[start : start + 10]
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in part)
        (folder / f"part{start // 10:03d}.jsonl").write_text(text, encoding="utf-8")
    return folder
