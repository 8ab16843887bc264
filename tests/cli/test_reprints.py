"""``reader reprints ID`` and the group fields of ``reader search --json``; bookmarks on grouped stories."""

from __future__ import annotations

import json

import pytest

from reader.text.convert import convert
from tests.helpers.cli import reader
from tests.helpers.reprints import paragraphs, wire_group, write

WIRE = paragraphs(11, count=5)
EXTRA = "（本报记者补充报道）"


@pytest.fixture()
def home(tmp_path):
    archive = tmp_path / "archive"
    write(archive, wire_group(WIRE, EXTRA, 12))
    home = tmp_path / "home"
    assert reader("index", str(archive), home=home).returncode == 0
    return home


def _search(home, *args):
    result = reader("search", *args, "--json", home=home)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def _id_of(home, title):
    hits = _search(home, "--all-copies", "--limit", "50")["hits"]
    return next(h["id"] for h in hits if h["title"] == title)


def test_search_json_gives_group_and_size_and_all_copies_lists_each(home):
    folded = _search(home)
    assert folded["total"] == 2 and folded["copies"] == 4
    row = next(h for h in folded["hits"] if h["group_size"] > 1)
    assert row["group_size"] == 3 and row["folded"] == 2
    assert row["group_sources"][0] == "新华社"  # the original's source first
    every = _search(home, "--all-copies")
    assert every["total"] == every["copies"] == 4
    groups = {h["title"]: (h["group"], h["group_size"]) for h in every["hits"]}
    assert groups["会议部署工作"] == groups["会议最新消息"] == groups["會議部署工作"]
    assert groups["无关新闻"] == ("", 1)


def test_reprints_json_lists_original_copies_and_differences(home):
    paper = _id_of(home, "会议最新消息")
    result = reader("reprints", paper, "--json", home=home)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["story"] == paper and data["size"] == 3
    assert data["original"] == _id_of(home, "会议部署工作")
    assert [c["title"] for c in data["copies"]] == ["会议部署工作", "会议最新消息", "會議部署工作"]
    diffs = {d["copy"]: d for d in data["differences"]}
    paper_diff = diffs[paper]
    assert paper_diff["title_changed"] is True
    # the dateline dropped (a changed paragraph), the last paragraph replaced by a note of its own
    assert paper_diff["summary"] == {"same": 3, "added": 1, "removed": 1, "changed": 1}
    changed = [p for p in paper_diff["paragraphs"] if p["op"] == "changed"]
    assert changed[0]["original"].startswith("新华社北京") and changed[0]["copy"] == WIRE[0]
    trad = diffs[_id_of(home, "會議部署工作")]
    # the traditional copy prints the same text: only the dateline the original added differs
    assert trad["summary"]["same"] == 4
    assert trad["paragraphs"][0]["copy"] == convert(WIRE[0], "zh-hant")  # shown as that copy prints it
    text = reader("reprints", paper, home=home)
    assert "original" in text.stdout and "會議部署工作" in text.stdout


def test_last_paragraph_replaced_is_a_change_or_an_add(home):
    paper = _id_of(home, "会议最新消息")
    data = json.loads(reader("reprints", paper, "--json", home=home).stdout)
    diff = next(d for d in data["differences"] if d["copy"] == paper)
    ops = [(p["op"], p["copy"]) for p in diff["paragraphs"]]
    assert ("changed", EXTRA) in ops or ("added", EXTRA) in ops


def test_unknown_id_and_a_story_without_copies(home):
    assert reader("reprints", "nope", home=home).returncode == 1
    alone = _id_of(home, "无关新闻")
    data = json.loads(reader("reprints", alone, "--json", home=home).stdout)
    assert data["size"] == 1 and data["differences"] == []


def test_a_bookmarked_copy_keeps_its_own_row_and_its_bookmark(home):
    paper = _id_of(home, "会议最新消息")
    assert reader("bookmark", "add", paper, "--note", "引用这一版", home=home).returncode == 0
    folded = _search(home)
    ids = [h["id"] for h in folded["hits"]]
    assert paper in ids and folded["total"] == 3
    data = json.loads(reader("reprints", paper, "--json", home=home).stdout)
    assert [c["bookmarked"] for c in data["copies"]] == [False, True, False]
    listed = json.loads(reader("bookmark", "list", "--json", home=home).stdout)
    assert [b["id"] for b in listed] == [paper]  # the bookmark stays on the copy the user chose
