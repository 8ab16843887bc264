"""``reader kwic``, ``reader timeline``, ``reader saved`` and ``reader collection add --query``."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.helpers.cli import reader
from tests.helpers.research import research_records, write_research_archive


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    root = tmp_path_factory.mktemp("cli-research")
    archive = write_research_archive(root / "archive", research_records(50, seed=3))
    home = root / "home"
    assert reader("index", str(archive), home=home).returncode == 0
    return home


def run_json(home, *args):
    result = reader(*args, "--json", home=home)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_kwic_json_counts_and_lines(home):
    data = run_json(home, "kwic", "哈哈", "--width", "5", "--limit", "3")
    assert data["occurrences"] >= data["stories"] > 0 and len(data["lines"]) == 3
    line = data["lines"][0]
    assert line["hit"] == "哈哈" and len(line["left"]) <= 5 and set(line) >= {"id", "date", "source", "start"}
    again = run_json(home, "kwic", "哈哈", "--sort", "left")  # sorted: every line, same count
    assert len(again["lines"]) == again["occurrences"] == data["occurrences"]


def test_kwic_csv_is_spreadsheet_safe(home):
    result = reader("kwic", "国家", "--csv", home=home)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("\ufeff")  # UTF-8 with BOM once encoded
    rows = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert rows[0][:3] == ["left", "hit", "right"] and len(rows) > 1
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_timeline_json_with_a_second_query(home):
    data = run_json(home, "timeline", "香港", "--compare", "國家", "--by", "month", "--source", "甲报")
    assert data["by"] == "month" and len(data["series"]) == 2
    first = data["series"][0]
    assert len(first["counts"]) == len(data["periods"]) == len(data["all_stories"])
    assert all(c <= a for c, a in zip(first["counts"], data["all_stories"], strict=True))
    csv_out = reader("timeline", "香港", "--csv", home=home).stdout
    assert csv_out.startswith("\ufeffperiod,all stories,香港 (stories),香港 (share)")


def test_saved_add_list_new_remove(home):
    assert reader("saved", "add", "港", "香港", "--from", "2024", home=home).returncode == 0
    listed = run_json(home, "saved", "list")
    assert [(r["name"], r["query"], r["from"], r["new"]) for r in listed] == [("港", "香港", "2024", 0)]
    new = run_json(home, "saved", "new", "港")
    assert new["new"] == 0 and new["stories"] == []
    assert reader("saved", "new", "无此", home=home).returncode == 1
    assert reader("saved", "remove", "港", home=home).returncode == 0
    assert reader("saved", "remove", "港", home=home).returncode == 1


def test_saved_add_and_remove_answer_in_json_for_scripts(home):
    added = run_json(home, "saved", "add", "港", "香港")
    every = run_json(home, "search", "香港", "--all-copies", "--limit", "1000")
    assert (
        added == {"name": "港", "replaced": False, "total": every["total"], "new": 0} and every["total"] > 0
    )
    assert run_json(home, "saved", "add", "港", "香港", "--from", "2024")["replaced"] is True
    assert run_json(home, "saved", "remove", "港") == {"name": "港", "removed": True}
    assert run_json(home, "saved", "list") == []


def test_collection_add_query_takes_every_match_with_filters(home):
    every = run_json(home, "search", "哈", "--source", "乙報", "--limit", "1000")
    done = run_json(home, "collection", "add", "哈乙", "--query", "哈", "--source", "乙報")
    assert done["matched"] == done["added"] == every["total"] > 1
    listed = run_json(home, "collection", "list", "哈乙")
    assert {row["id"] for row in listed["stories"]} == {hit["id"] for hit in every["hits"]}
    assert reader("collection", "add", "哈乙", home=home).returncode == 2  # neither ids nor --query
