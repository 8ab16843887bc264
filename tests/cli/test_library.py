"""``reader bookmark|collection|tag|userdata|history`` end to end, through ``reader.cli.main``.

The index is a stand-in here (patched into ``reader.cli.library.open_index``) so these
run whatever state reader.index is in; tests/userdata/test_userdata_survival.py uses the real one.
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from reader.cli import main
from reader.story import Story
from reader.userdata import UserData


class FakeIndex:
    def __init__(self, stories):
        self.stories = {s.id: s for s in stories}
        self.closed = 0

    def get(self, story_id):
        story = self.stories.get(story_id)
        return replace(story, tags=list(story.tags)) if story else None

    def set_tags(self, story_id, tags):
        self.stories[story_id].tags = list(tags)

    def ids_for(self, request):
        wanted = request.filters.get("tag", [])
        return [s.id for s in self.stories.values() if all(t in s.tags for t in wanted)]

    def close(self):
        self.closed += 1


STORIES = [
    Story(
        title="马家柚丰收",
        date="2024-05-24",
        source="上饶日报",
        file="/a/1.txt",
        id="s1",
        tags=["place:上饶", "topic:马家柚"],
    ),
    Story(
        title="土地确权", date="2023-01-02", source="江西日报", file="/a/2.txt", id="s2", tags=["place:南昌"]
    ),
]


@pytest.fixture
def index(monkeypatch):
    fake = FakeIndex([replace(s, tags=list(s.tags)) for s in STORIES])
    monkeypatch.setattr("reader.cli.library.open_index", lambda home: fake)
    original = {s.id: list(s.tags) for s in STORIES}  # what the automatic tagger gives each story
    monkeypatch.setattr("reader.service.tagsync.auto_tags", lambda story: original[story.id])
    return fake


def run(home, *args) -> int:
    return main(["--home", str(home), *args])


def test_bookmark_add_list_remove(home, index, capsys):
    assert run(home, "bookmark", "add", "s1", "--note", "引用第三段") == 0
    assert "马家柚丰收" in capsys.readouterr().out
    assert run(home, "bookmark", "add", "s1") == 0
    assert "already bookmarked" in capsys.readouterr().out
    assert run(home, "bookmark", "list") == 0
    out = capsys.readouterr().out
    assert "s1  2024-05-24  上饶日报  马家柚丰收" in out and "note: 引用第三段" in out
    assert run(home, "bookmark", "remove", "s1") == 0
    assert run(home, "bookmark", "remove", "s1") == 1
    assert "not bookmarked" in capsys.readouterr().err
    assert index.closed >= 1


def test_unknown_id_refused_unless_forced(home, index, capsys):
    assert run(home, "bookmark", "add", "nope") == 1
    err = capsys.readouterr().err
    assert "no story with id nope" in err and "--force" in err
    with UserData.open(home) as ud:
        assert ud.bookmarks() == []
    assert run(home, "bookmark", "add", "nope", "--force") == 0
    assert run(home, "collection", "add", "c", "s1", "nope") == 1
    assert run(home, "tag", "add", "nope", "x") == 1


def test_missing_story_listed_with_its_snapshot(home, index, capsys):
    run(home, "bookmark", "add", "s2")
    del index.stories["s2"]  # the file was deleted and re-imported
    run(home, "bookmark", "add", "s1")
    capsys.readouterr()
    assert run(home, "bookmark", "list", "--json") == 0
    rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["s2"]["missing"] is True and rows["s2"]["title"] == "土地确权"
    assert rows["s1"]["missing"] is False
    run(home, "bookmark", "list")
    assert "s2  2023-01-02  江西日报  土地确权  [missing]" in capsys.readouterr().out


def test_collections(home, index, capsys):
    assert run(home, "collection", "add", "柚子", "s1", "s2") == 0
    assert run(home, "collection", "add", "土地", "s2") == 0
    assert run(home, "collection", "remove", "柚子", "s2") == 0
    capsys.readouterr()
    run(home, "collection", "list", "--json")
    rows = json.loads(capsys.readouterr().out)
    assert [(r["name"], r["count"]) for r in rows] == [("土地", 1), ("柚子", 1)]
    assert all(r["created"].endswith("+00:00") for r in rows)
    del index.stories["s1"]
    run(home, "collection", "list", "柚子", "--json")
    data = json.loads(capsys.readouterr().out)
    assert data["name"] == "柚子"
    assert data["stories"] == [
        {
            "id": "s1",
            "title": "马家柚丰收",
            "date": "2024-05-24",
            "source": "上饶日报",
            "file": "/a/1.txt",
            "missing": True,
        }
    ]
    assert run(home, "collection", "list", "没有") == 1
    assert run(home, "collection", "rename", "土地", "土地确权") == 0
    assert run(home, "collection", "delete", "土地确权") == 0
    assert run(home, "collection", "delete", "土地确权") == 1


def test_tag_commands_update_the_index(home, index, capsys):
    assert run(home, "tag", "add", "s1", "待核实") == 0
    assert index.stories["s1"].tags == ["place:上饶", "topic:马家柚", "user:待核实"]
    assert run(home, "tag", "hide", "s1", "topic:马家柚") == 0
    assert index.stories["s1"].tags == ["place:上饶", "user:待核实"]
    assert run(home, "tag", "rename", "place:上饶", "上饶市") == 0
    assert "place:上饶 -> place:上饶市" in capsys.readouterr().out
    assert index.stories["s1"].tags == ["place:上饶市", "user:待核实"]
    assert run(home, "tag", "remove", "s1", "待核实") == 0
    assert index.stories["s1"].tags == ["place:上饶市"]
    assert index.stories["s2"].tags == ["place:南昌"]
    capsys.readouterr()
    run(home, "tag", "list", "s1", "--json")
    assert json.loads(capsys.readouterr().out) == {
        "id": "s1",
        "tags": ["place:上饶市"],
        "user": [],
        "hidden": ["topic:马家柚"],
    }
    assert run(home, "tag", "add", "s1", "place:上饶") == 1
    assert "automatic tag kind" in capsys.readouterr().err
    assert run(home, "tag", "rename", "上饶", "x") == 1
    assert "needs a kind" in capsys.readouterr().err
    assert run(home, "tag", "rename", "place:上饶") == 1
    assert "needs OLD and NEW" in capsys.readouterr().err
    assert run(home, "tag", "rename", "--undo", "place:上饶") == 0
    assert index.stories["s1"].tags == ["place:上饶"]
    assert run(home, "tag", "rename", "--undo", "place:上饶") == 1


def test_userdata_export_import_round_trip(home, tmp_path, index, capsys):
    run(home, "bookmark", "add", "s1", "--note", "笔记")
    run(home, "collection", "add", "c", "s1", "s2")
    run(home, "tag", "add", "s2", "重要")
    out = tmp_path / "mine.json"
    assert run(home, "userdata", "export", str(out)) == 0
    other = tmp_path / "other"
    index.stories["s2"].tags = ["place:南昌"]  # the other library's index never saw the user tag
    assert run(other, "userdata", "import", str(out)) == 0
    assert "1 bookmarks" in capsys.readouterr().out
    assert index.stories["s2"].tags == ["place:南昌", "user:重要"]  # pushed after import
    assert run(other, "userdata", "import", str(out)) == 0
    assert "nothing new" in capsys.readouterr().out
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    assert run(other, "userdata", "import", str(bad)) == 1
    assert "bad.json: not a reader user-data export" in capsys.readouterr().err


def _unusable_index(home):
    raise OSError(f"{home}: index unreadable")


@pytest.mark.parametrize("opener", [lambda home: None, _unusable_index], ids=["none", "raises"])
def test_without_an_index_ids_are_not_checked(home, monkeypatch, capsys, opener):
    monkeypatch.setattr("reader.cli.library.open_index", opener)
    assert run(home, "bookmark", "add", "whatever") == 0
    assert "not checked" in capsys.readouterr().err
    assert run(home, "tag", "add", "whatever", "x") == 0
    with UserData.open(home) as ud:
        assert ud.pending_refresh() == (["whatever"], [])  # waits for an index
    run(home, "bookmark", "list", "--json")
    assert json.loads(capsys.readouterr().out)[0]["missing"] is None  # unknown, not claimed missing


def test_history_and_note(home, index, capsys):
    with UserData.open(home) as ud:
        ud.record_read("s1", snapshot=index.get("s1"))
    assert run(home, "bookmark", "note", "s2", "一条笔记") == 0
    run(home, "bookmark", "note", "s2")
    assert capsys.readouterr().out.strip() == "一条笔记"
    run(home, "history", "--json")
    assert [(r["id"], r["title"]) for r in json.loads(capsys.readouterr().out)] == [("s1", "马家柚丰收")]


def test_group_without_action_prints_help(home, capsys):
    assert run(home, "bookmark") == 2
    assert "add" in capsys.readouterr().err


def test_with_the_real_index(home, tmp_path, capsys):
    try:
        from reader.index import open_index
    except ImportError:
        pytest.skip("reader.index not available yet")
    import shutil

    from reader import paths
    from reader.index.results import SearchRequest

    seed = paths.bundled_archive() / "000_d96a957ce2900ba2.txt"
    archive = tmp_path / "archive"
    archive.mkdir()
    shutil.copy(seed, archive / seed.name)
    index = open_index(home)
    index.update([archive])
    story = index.get_many(index.ids_for(SearchRequest()))[0]
    index.close()

    assert run(home, "bookmark", "add", story.id) == 0
    assert run(home, "bookmark", "add", "0000000000000000") == 1
    assert run(home, "tag", "add", story.id, "待核实") == 0
    index = open_index(home)
    assert index.ids_for(SearchRequest(filters={"tag": ["user:待核实"]})) == [story.id]
    (archive / seed.name).unlink()
    index.update([archive])
    index.close()
    capsys.readouterr()
    assert run(home, "bookmark", "list", "--json") == 0
    [row] = json.loads(capsys.readouterr().out)
    assert (row["id"], row["title"], row["missing"]) == (story.id, story.title, True)


def test_history_shows_a_title_for_every_entry_and_says_when_empty(home, index, capsys):
    assert run(home, "history") == 0
    assert "no stories read yet" in capsys.readouterr().out
    with UserData.open(home) as ud:
        ud.record_read("s2")  # read without a snapshot (as the app may record it)
        ud.record_read("gone-story")
    run(home, "history", "--json")
    rows = {r["id"]: r["title"] for r in json.loads(capsys.readouterr().out)}
    assert rows["s2"] == "土地确权"
    assert rows["gone-story"] == "(no longer in the library)"
    run(home, "history")
    out = capsys.readouterr().out
    assert "土地确权" in out and "(no longer in the library)" in out
