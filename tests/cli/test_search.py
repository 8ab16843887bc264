"""``reader search`` and ``reader show``: JSON shapes, filters, paging, scripts, unknown ids."""

from __future__ import annotations

import json

import pytest

from tests.helpers.cli import reader, records_home
from tests.helpers.records import RECORDS, write_jsonl


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    return records_home(tmp_path_factory.mktemp("cli"))


def search(home, *args):
    result = reader("search", *args, "--json", home=home)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_search_json_shape(home):
    data = search(home, "上饶")
    assert set(data) >= {"total", "hits", "facets", "notes"}
    assert data["total"] == 3 and len(data["hits"]) == 3
    for hit in data["hits"]:
        assert set(hit) >= {"id", "title", "date", "source", "score", "snippet"}
        assert "<b>" in hit["snippet"]
    assert set(data["facets"]) == {"tag", "source", "author", "year", "month"}
    assert ["2024", 2] in data["facets"]["year"]


def test_search_filters_sort_and_paging(home):
    assert search(home, "上饶", "--source", "新华网")["total"] == 1
    assert search(home, "--author", "徐浠乐")["total"] == 2
    assert search(home, "上饶", "--from", "2024-05-25")["total"] == 1
    assert search(home, "上饶", "--to", "2023")["total"] == 1
    dated = search(home, "--sort", "date", "--limit", "3")
    assert [h["date"] for h in dated["hits"]] == ["2024-06-01", "2024-05-30", "2024-05-24"]
    page2 = search(home, "--sort", "date", "--limit", "3", "--page", "2")
    assert page2["hits"][0]["date"] == "2024-05-02" and page2["total"] == len(RECORDS)


def test_search_notes_and_human_output(home):
    assert "unbalanced quote ignored" in search(home, '"马家柚')["notes"]
    human = reader("search", "马家柚", home=home)
    # issue 13: "1 stories" reads as "1 story"
    assert human.returncode == 0 and "1 story" in human.stdout and "上饶马家柚喜获丰收" in human.stdout
    assert "1 stories" not in human.stdout
    assert "<b>" not in human.stdout


def test_show_json_scripts_and_unknown_id(home):
    hit = search(home, "马家柚")["hits"][0]
    shown = reader("show", hit["id"], "--json", home=home)
    story = json.loads(shown.stdout)
    assert story["id"] == hit["id"] and story["title"] == "上饶马家柚喜获丰收"
    assert list(story)[:3] == ["id", "title", "subtitle"]
    hant = json.loads(reader("show", hit["id"], "--json", "--script", "zh-hant", home=home).stdout)
    assert hant["title"] == "上饒馬家柚喜獲豐收"
    text = reader("show", hit["id"], home=home)
    assert text.returncode == 0 and "广丰区" in text.stdout
    missing = reader("show", "0000000000000000", home=home)
    assert missing.returncode == 1 and "no story with id" in missing.stderr


def test_show_in_another_script_converts_every_displayed_field_but_user_tags(tmp_path):
    write_jsonl(tmp_path / "archive" / "a1.jsonl", [RECORDS[0]])
    home = tmp_path / "home"
    assert reader("index", str(tmp_path / "archive"), home=home).returncode == 0
    sid = search(home, "马家柚")["hits"][0]["id"]
    assert reader("tag", "add", sid, "待核实", home=home).returncode == 0
    hk = json.loads(reader("show", sid, "--json", "--script", "zh-hk", home=home).stdout)
    assert hk["source"] == "新華網"
    assert hk["authors"] == ["徐浠樂"]
    assert "place:上饒" in hk["tags"]
    assert "user:待核实" in hk["tags"]  # a user's own tag stays as typed
    hans = json.loads(reader("show", sid, "--json", "--script", "zh-hans", home=home).stdout)
    assert hans["title"] == "上饶马家柚喜获丰收" and hans["authors"] == ["徐浠乐"]


def test_search_notes_name_what_was_ignored(home):
    data = search(home, "上饶", "--from", "2025-13-01")
    assert any("2025-13-01" in n for n in data["notes"]) and data["total"] == 3
    assert any("foo" in n for n in search(home, "foo:bar")["notes"])
    assert any("2024-02-30" in n for n in search(home, "date:2024-02-30")["notes"])
    bare = search(home, "--tag", "江西")
    assert bare["total"] == search(home, "--tag", "place:江西")["total"] > 0
    assert any("place:江西" in n for n in bare["notes"])
    human = reader("search", "上饶", "--from", "2025-13-01", "--to", "2024-02-30", home=home)
    assert human.stderr.count("note: ") == 2  # one note a line


def test_search_on_an_empty_library_says_so_and_how_to_import(tmp_path):
    home = tmp_path / "empty"
    data = search(home, "上饶")
    assert data["total"] == 0
    assert any("library is empty" in n and "reader index --sample" in n for n in data["notes"])
    human = reader("search", "上饶", home=home)
    assert "library is empty" in human.stderr
    assert reader("index", "--sample", home=home).returncode == 0
    assert search(home, "上饶")["total"] > 0 and not search(home, "上饶")["notes"]
