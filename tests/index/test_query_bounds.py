"""A phrase that repeats one unit (国国国…) is read once per unit and still matches exactly."""

from __future__ import annotations

from reader.index import SearchRequest, open_index
from tests.helpers.records import write_jsonl

TEXTS = {"q4": "甲国国国国乙", "q2": "甲国国乙", "q3": "中国国国家", "q0": "国乙国乙国"}


def test_repeated_unit_phrases_match_what_the_text_holds(tmp_path):
    archive = tmp_path / "archive"
    for key, text in TEXTS.items():
        write_jsonl(archive / f"{key}.jsonl", [{"id": key, "title": key, "content": text}])
    lib = open_index(tmp_path / "home")
    lib.update([archive])
    for phrase in ("国国", "国国国", "国国国国", "国国国国国", '"国乙国乙"'):
        wanted = {k for k, t in TEXTS.items() if phrase.strip('"') in t}
        got = {lib.get(i).title for i in lib.ids_for(SearchRequest(query=phrase))}
        assert got == wanted, phrase
    lib.close()
