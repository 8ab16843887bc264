"""Hostile records: one bad JSON line costs that line only; an unterminated CSV quote is reported.

Before, one deeply nested line or one huge integer discarded the whole JSON-lines file, good
lines included, and an unterminated quote silently swallowed the rest of a CSV file.
"""

from __future__ import annotations

import json

from reader.ingest import read_file
from reader.ingest.records import parse_csv, parse_json, parse_jsonl


def _line(i: int) -> str:
    return json.dumps({"id": f"r{i}", "title": f"标题{i}", "content": f"正文第{i}段。"}, ensure_ascii=False)


def test_deep_nesting_and_huge_integers_fail_their_line_only(tmp_path):
    lines = [
        _line(1),
        "[" * 200_000 + "]" * 200_000,
        _line(2),
        '{"title": "x", "n": ' + "9" * 5000 + "}",
        _line(3),
    ]
    lines.append(json.dumps({"title": "深", "content": "x", "tags": [[[[[[[[[["a"]]]]]]]]]]}))
    stories, problems = parse_jsonl("\n".join(lines), "f.jsonl")
    assert [s.title for s in stories] == ["标题1", "标题2", "标题3", "深"]
    assert [(p.where, p.reason) for p in problems] == [
        ("line 2", "JSON nested too deeply"),
        ("line 4", "invalid JSON (an integer too long to read: over 4,300 digits)"),
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = read_file(path)
    assert len(result.stories) == 4
    assert [p.reason for p in result.problems] == [f"{p.where}: {p.reason}" for p in problems]


def test_a_whole_json_document_too_deep_is_named():
    stories, problems = parse_json("[" * 200_000, "f.json")
    assert stories == [] and [p.reason for p in problems] == ["JSON nested too deeply"]


def test_unterminated_csv_quote_is_reported_and_the_rest_still_read():
    rows = ["title,content"] + [f"标题{i},正文{i}" for i in range(40)]
    rows[3] = '标题X,"正文没有结束'
    stories, problems = parse_csv("\n".join(rows) + "\n", "f.csv")
    assert len(stories) == 39  # every row but the broken one
    assert len(problems) == 1 and problems[0].where == "line 4"
    assert "unterminated quote" in problems[0].reason


def test_quoted_multiline_fields_are_still_one_field():
    text = 'title,content\n标题,"多行\n正文"\n标题2,"引号""里"\n'
    stories, problems = parse_csv(text, "f.csv")
    assert problems == []
    assert [s.paragraphs for s in stories] == [["多行", "正文"], ['引号"里']]
