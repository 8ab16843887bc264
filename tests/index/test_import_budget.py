"""Bounded import: memory whatever one file holds, a time budget per file, size caps with a named failure.

Before, a 36 MB JSON-lines file peaked at 2.7 GB (every story's postings held at once) and one
50 MB line reached 18 GB; a file could take any time.
"""

from __future__ import annotations

import json

from reader.index import SearchRequest, filejob, open_index
from reader.index.storage import segments
from reader.ingest import files, read_file
from tests.helpers.records import write_jsonl


def _records(n: int) -> list[dict]:
    return [
        {
            "id": f"b{i}",
            "title": f"第{i}号预算新闻",
            "content": f"预算测试 上饶马家柚 编号{i} 今日上市。" * 20,
        }
        for i in range(n)
    ]


def test_writers_spill_into_segments_and_every_story_is_found(tmp_path, monkeypatch):
    monkeypatch.setattr(segments, "SPILL_POSTINGS", 2_000)  # a few stories per segment
    archive = tmp_path / "archive"
    write_jsonl(archive / "one-big-file.jsonl", _records(120))  # serial path: one file
    lib = open_index(tmp_path / "home")
    report = lib.update([archive])
    assert report.failed == [] and report.stories == 120
    assert lib.count() == 120 and len(lib.ids_for(SearchRequest(query="预算测试"))) == 120
    assert len(lib.ids_for(SearchRequest(query='"编号77 今日"'))) == 1
    manifest = lib._manifest()
    assert {i for row in manifest.values() for i in row["ids"]} == set(lib.ids_for(SearchRequest()))
    with lib._ix.searcher() as searcher:
        assert len(searcher.reader().leaf_readers()) > 1  # it did spill
    lib.close()


def test_parallel_workers_spill_too(tmp_path, monkeypatch):
    monkeypatch.setattr(segments, "SPILL_POSTINGS", 2_000)
    archive = tmp_path / "archive"
    records = _records(60)
    for i in range(30):
        write_jsonl(archive / f"{i:03d}.jsonl", records[2 * i : 2 * i + 2])
    lib = open_index(tmp_path / "home")
    lib.pool_threshold = 4
    report = lib.update([archive])
    assert report.failed == [] and lib.count() == 60
    assert len(lib.ids_for(SearchRequest(query="预算测试"))) == 60
    lib.close()


def test_a_file_over_its_time_budget_is_named_and_not_imported(tmp_path, monkeypatch):
    monkeypatch.setattr(filejob, "FILE_SECONDS", 0.0)
    monkeypatch.setattr(filejob, "FILE_SECONDS_PER_MB", 0.0)
    archive = tmp_path / "archive"
    write_jsonl(archive / "slow.jsonl", _records(3))
    lib = open_index(tmp_path / "home")
    report = lib.update([archive])
    assert [p.reason for p in report.failed] == ["took longer than 0 s (reading and parsing); not imported"]
    assert lib.count() == 0
    monkeypatch.setattr(filejob, "FILE_SECONDS", 60.0)
    again = lib.update([archive])  # no manifest row was written: tried again, and imported
    assert again.failed == [] and lib.count() == 3
    lib.close()


def test_page_too_large_is_refused_and_long_story_cut(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "MAX_PAGE_CHARS", 10_000)
    page = tmp_path / "huge.txt"
    page.write_text("标题\n\n" + "很长的一段话，" * 3000, encoding="utf-8")
    result = read_file(page)
    assert result.stories == [] and "too large to be one news page" in result.problems[0].reason
    html_page = tmp_path / "huge.html"
    html_page.write_text("<html><body><p>" + "很长的一段话，" * 3000 + "</p></body></html>", encoding="utf-8")
    assert read_file(html_page).problems[0].reason.startswith("HTML too large")
    monkeypatch.setattr(files, "MAX_STORY_CHARS", 5_000)
    long_record = tmp_path / "long.jsonl"
    long_record.write_text(
        json.dumps({"title": "长文", "content": "\n".join(["第一段很长。" * 200] * 10)}, ensure_ascii=False)
        + "\n"
        + json.dumps({"title": "短文", "content": "正常的一段。"}, ensure_ascii=False),
        encoding="utf-8",
    )
    result = read_file(long_record)
    assert [s.title for s in result.stories] == ["长文", "短文"]
    assert sum(map(len, result.stories[0].paragraphs)) + len("长文") <= 5_000
    assert "too long: cut at 5,000" in result.problems[0].reason
