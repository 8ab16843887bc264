"""One JSON file holds everything; import merges, twice changes nothing, bad files change nothing."""

from __future__ import annotations

import json

import pytest

from reader.story import Story
from reader.userdata import TransferError, UserData


def _fill(ud: UserData) -> None:
    ud.add_bookmark(
        "s1", note="要引用", snapshot=Story(title="马家柚", date="2024-05-24", source="上饶日报", id="s1")
    )
    ud.add_bookmark("gone", snapshot=Story(title="已删除的报道", file="/x/old.txt", id="gone"))
    ud.set_note("s2", "没收藏也能有笔记")
    ud.add_to_collection("土地确权", ["s1", "s2", "s3"])
    ud.add_to_collection("柚子", ["s1"])
    ud.create_collection("空")
    ud.add_user_tag("s1", "待核实")
    ud.hide_auto_tag("s2", "person:某人")
    ud.rename_tag("place:上饶", "place:上饶市")
    ud.record_read("s1")
    ud.record_read("s1")
    ud.record_read("s3")


def _content(path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    data.pop("exported")
    return data


def test_export_then_import_into_fresh_home_is_equal(tmp_path):
    a = UserData.open(tmp_path / "a")
    _fill(a)
    a.export_json(tmp_path / "a.json")
    b = UserData.open(tmp_path / "b")
    counts = b.import_json(tmp_path / "a.json")
    assert counts["bookmarks"] == 2 and counts["collection_items"] == 4 and counts["renames"] == 1
    b.export_json(tmp_path / "b.json")
    assert _content(tmp_path / "a.json") == _content(tmp_path / "b.json")
    assert b.note("s1") == "要引用" and b.collection_ids("土地确权") == ["s1", "s2", "s3"]
    assert b.effective_tags("s1", ["place:上饶"]) == ["place:上饶市", "user:待核实"]
    assert b.times_read("s1") == 2 and b.snapshot("gone").title == "已删除的报道"
    assert b.pending_refresh()[0]  # imported tag choices wait to be pushed into the index


def test_import_twice_and_into_itself_changes_nothing(tmp_path):
    a = UserData.open(tmp_path / "a")
    _fill(a)
    a.export_json(tmp_path / "a.json")
    assert not any(a.import_json(tmp_path / "a.json").values())
    b = UserData.open(tmp_path / "b")
    b.import_json(tmp_path / "a.json")
    assert not any(b.import_json(tmp_path / "a.json").values())
    b.export_json(tmp_path / "b.json")
    assert _content(tmp_path / "a.json") == _content(tmp_path / "b.json")


def test_merge_keeps_both_sides_and_newer_note(tmp_path):
    a, b = UserData.open(tmp_path / "a"), UserData.open(tmp_path / "b")
    a.set_note("s1", "old on a")
    a.add_bookmark("only-a")
    a.add_to_collection("c", ["1"])
    b.set_note("s1", "newer on b")  # later timestamp
    b.add_bookmark("only-b")
    b.add_to_collection("c", ["2"])
    b.set_note("s2", "b's")
    a.set_note("s2", "a's, newer")
    a.export_json(tmp_path / "a.json")
    b.import_json(tmp_path / "a.json")
    assert b.note("s1") == "newer on b"
    assert b.note("s2") == "a's, newer"
    assert {m.id for m in b.bookmarks()} == {"only-a", "only-b"}
    assert sorted(b.collection_ids("c")) == ["1", "2"]


def test_newer_cleared_note_wins(tmp_path):
    a, b = UserData.open(tmp_path / "a"), UserData.open(tmp_path / "b")
    b.set_note("s1", "draft")
    a.set_note("s1", "")
    a.export_json(tmp_path / "a.json")
    b.import_json(tmp_path / "a.json")
    assert b.note("s1") == ""


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json at all", "not a readable JSON file"),
        ('{"hello": 1}', "not a reader user-data export"),
        ('{"format": "reader-userdata", "version": 99}', "newer reader"),
        ('{"format": "reader-userdata", "version": 1, "bookmarks": {}}', "bookmarks: should be a list"),
        (
            '{"format": "reader-userdata", "version": 1, "bookmarks": '
            '[{"id": "ok", "created": "2024-01-01T00:00:00"}, {"id": "x", "created": "yesterday"}]}',
            r"bookmarks\[1\]: 'created' should be an ISO date-time",
        ),
        (
            '{"format": "reader-userdata", "version": 1, "user_tags": [{"id": "a", "tag": "place:上饶",'
            ' "added": "2024-01-01T00:00:00+08:00"}]}',
            r"user_tags\[0\]: .*automatic tag kind",
        ),
    ],
)
def test_bad_files_refused_whole_with_file_and_record_named(tmp_path, content, message):
    ud = UserData.open(tmp_path / "h")
    ud.add_bookmark("keep")
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(TransferError, match=message) as info:
        ud.import_json(bad)
    assert "bad.json" in str(info.value)
    assert [m.id for m in ud.bookmarks()] == ["keep"]  # nothing half-imported


def test_missing_file_is_clear(tmp_path):
    with pytest.raises(TransferError, match="no such file"):
        UserData.open(tmp_path / "h").import_json(tmp_path / "nope.json")


def test_export_replaces_atomically_and_timezones_normalise(tmp_path):
    ud = UserData.open(tmp_path / "h")
    target = tmp_path / "out" / "data.json"
    target.parent.mkdir()
    target.write_text("previous export", encoding="utf-8")
    ud.add_bookmark("s1")
    ud.export_json(target)
    assert json.loads(target.read_text(encoding="utf-8"))["bookmarks"][0]["id"] == "s1"
    assert [p.name for p in target.parent.iterdir()] == ["data.json"]  # no temp files left
    other = tmp_path / "tz.json"
    other.write_text(
        json.dumps(
            {
                "format": "reader-userdata",
                "version": 1,
                "bookmarks": [{"id": "s1", "created": "2000-01-01T08:00:00+08:00"}],
            }
        ),
        encoding="utf-8",
    )
    ud.import_json(other)
    assert ud.bookmarks()[0].created == "2000-01-01T00:00:00.000000+00:00"  # earlier creation kept
