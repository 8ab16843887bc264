"""What was removed stays removed across export/import, unless it was added again after the removal."""

from __future__ import annotations

import json

import pytest

from reader.userdata import TransferError, UserData


def _content(path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    data.pop("exported")
    return data


def _removals(ud: UserData) -> list[tuple[str, str]]:
    return [tuple(r) for r in ud._db.query("SELECT kind, key FROM removals ORDER BY kind, key")]


def _both(tmp_path) -> tuple[UserData, UserData]:
    """Machine B made everything; machine A got it from B's export, so both have it, B's times."""
    a, b = UserData.open(tmp_path / "a"), UserData.open(tmp_path / "b")
    b.add_bookmark("s1")
    b.add_bookmark("s9")
    b.add_to_collection("土地确权", ["s1", "s2"])
    b.add_to_collection("柚子", ["s3"])
    b.add_user_tag("s1", "待核实")
    b.hide_auto_tag("s2", "person:某人")
    b.export_json(tmp_path / "b0.json")
    a.import_json(tmp_path / "b0.json")
    a.clear_pending(a.pending_refresh()[0])
    b.clear_pending(b.pending_refresh()[0])
    return a, b


def _remove_all_kinds(ud: UserData) -> None:
    assert ud.remove_bookmark("s1")
    assert ud.remove_from_collection("土地确权", ["s2"]) == 1
    assert ud.remove_user_tag("s1", "待核实")
    assert ud.unhide_auto_tag("s2", "person:某人")
    assert ud.delete_collection("柚子")


def test_removed_bookmark_stays_removed_until_added_again(tmp_path):
    ud = UserData.open(tmp_path / "h")
    ud.add_bookmark("s1")
    ud.export_json(tmp_path / "old.json")
    assert ud.remove_bookmark("s1")
    counts = ud.import_json(tmp_path / "old.json")
    assert not ud.is_bookmarked("s1") and counts["bookmarks"] == 0
    assert ud.add_bookmark("s1")  # added again after the removal: the newer add wins
    assert _removals(ud) == []
    ud.import_json(tmp_path / "old.json")
    assert ud.is_bookmarked("s1")


def test_removal_is_exported_as_version_2(tmp_path):
    ud = UserData.open(tmp_path / "h")
    ud.add_to_collection("c", ["s1"])
    ud.remove_from_collection("c", ["s1"])
    counts = ud.export_json(tmp_path / "out.json")
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert data["version"] == 2 and counts["removals"] == 1
    [record] = data["removals"]
    assert record["kind"] == "collection_item" and record["key"] == "c\x1fs1"
    assert record["removed"] > data["collections"][0]["created"]


def test_every_removal_is_recorded_and_every_add_clears_it(tmp_path):
    ud = UserData.open(tmp_path / "h")
    ud.add_bookmark("s1")
    ud.add_to_collection("土地确权", ["s1", "s2"])
    ud.add_to_collection("柚子", ["s3"])
    ud.add_user_tag("s1", "待核实")
    ud.hide_auto_tag("s2", "person:某人")
    _remove_all_kinds(ud)
    ud.rename_collection("土地确权", "确权")
    assert _removals(ud) == [
        ("bookmark", "s1"),
        ("collection", "土地确权"),
        ("collection", "柚子"),
        ("collection_item", "土地确权\x1fs1"),
        ("collection_item", "土地确权\x1fs2"),
        ("collection_item", "柚子\x1fs3"),
        ("hidden_tag", "s2\x1fperson:某人"),
        ("user_tag", "s1\x1fuser:待核实"),
    ]
    ud.add_bookmark("s1")
    ud.rename_collection("确权", "土地确权")  # back under the old name: that name is added again
    ud.add_to_collection("柚子", ["s3"])
    ud.add_to_collection("土地确权", ["s2"])
    ud.add_user_tag("s1", "待核实")
    ud.hide_auto_tag("s2", "person:某人")
    assert _removals(ud) == [("collection", "确权"), ("collection_item", "确权\x1fs1")]


def test_removals_on_one_machine_reach_the_other(tmp_path):
    a, b = _both(tmp_path)
    _remove_all_kinds(a)
    a.export_json(tmp_path / "a.json")
    counts = b.import_json(tmp_path / "a.json")
    # bookmark, collection item, user tag, hidden tag, and the collection with its one item
    assert counts["removals"] == 6
    assert not b.is_bookmarked("s1") and b.is_bookmarked("s9")
    assert b.collection_ids("土地确权") == ["s1"]
    assert [c.name for c in b.collections()] == ["土地确权"]
    assert b.user_tags("s1") == [] and b.hidden_tags("s2") == []
    assert sorted(b.pending_refresh()[0]) == ["s1", "s2"]  # their index tags must be redone
    b.export_json(tmp_path / "b.json")
    assert _content(tmp_path / "a.json") == _content(tmp_path / "b.json")
    b.import_json(tmp_path / "b0.json")  # B's own old export brings nothing back either
    b.export_json(tmp_path / "b.json")
    assert _content(tmp_path / "a.json") == _content(tmp_path / "b.json")


def test_added_again_after_the_other_machines_removal_is_kept(tmp_path):
    a, b = _both(tmp_path)
    assert a.remove_bookmark("s1")
    assert a.remove_user_tag("s1", "待核实")
    assert b.remove_bookmark("s1") and b.add_bookmark("s1")  # after A's removal
    b.add_user_tag("s1", "待核实")  # B had it all along: older than A's removal
    a.export_json(tmp_path / "a.json")
    counts = b.import_json(tmp_path / "a.json")
    assert counts["removals"] == 1
    assert b.is_bookmarked("s1") and b.user_tags("s1") == []
    b.export_json(tmp_path / "b.json")
    a.import_json(tmp_path / "b.json")  # and the re-add travels back to A
    assert a.is_bookmarked("s1") and a.user_tags("s1") == []
    c = UserData.open(tmp_path / "c")
    c.import_json(tmp_path / "b0.json")  # a third machine with the bookmark from before A's removal
    c.import_json(tmp_path / "b.json")  # B's file has A's removal and B's later re-add: the re-add wins
    assert c.is_bookmarked("s1") and c.user_tags("s1") == []
    assert [m.id for m in c.bookmarks()] == ["s1", "s9"]  # s1 now dates from the re-add, after s9


def test_collection_made_again_does_not_get_its_old_items_back(tmp_path):
    a, b = _both(tmp_path)
    assert a.delete_collection("土地确权")
    a.add_to_collection("土地确权", ["s5"])
    a.export_json(tmp_path / "a.json")
    b.export_json(tmp_path / "b.json")
    b.import_json(tmp_path / "a.json")
    assert b.collection_ids("土地确权") == ["s5"]
    a.import_json(tmp_path / "b.json")  # B's file from before it knew
    assert a.collection_ids("土地确权") == ["s5"]


def test_renamed_collection_moves_on_the_other_machine(tmp_path):
    a, b = _both(tmp_path)
    a.rename_collection("土地确权", "确权")
    a.export_json(tmp_path / "a.json")
    b.export_json(tmp_path / "b.json")
    b.import_json(tmp_path / "a.json")
    assert [c.name for c in b.collections()] == ["柚子", "确权"]
    assert b.collection_ids("确权") == ["s1", "s2"]
    a.import_json(tmp_path / "b.json")
    assert [c.name for c in a.collections()] == ["柚子", "确权"]


def test_import_with_removals_twice_changes_nothing(tmp_path):
    a, b = _both(tmp_path)
    _remove_all_kinds(a)
    a.add_bookmark("s7")
    a.export_json(tmp_path / "a.json")
    assert not any(a.import_json(tmp_path / "a.json").values())  # into itself
    first = b.import_json(tmp_path / "a.json")
    assert first["removals"] and first["bookmarks"] == 1
    b.export_json(tmp_path / "b1.json")
    assert not any(b.import_json(tmp_path / "a.json").values())
    b.export_json(tmp_path / "b2.json")
    assert _content(tmp_path / "b1.json") == _content(tmp_path / "b2.json")


def test_version_1_file_still_imports_and_respects_local_removals(tmp_path):
    ud = UserData.open(tmp_path / "h")
    ud.add_bookmark("gone")
    ud.remove_bookmark("gone")
    old = tmp_path / "v1.json"
    old.write_text(
        json.dumps(
            {
                "format": "reader-userdata",
                "version": 1,
                "bookmarks": [
                    {"id": "s1", "created": "2024-01-01T00:00:00+08:00"},
                    {"id": "gone", "created": "2024-01-01T00:00:00+08:00"},
                ],
                "collections": [{"name": "c", "created": "2024-01-01T00:00:00", "items": []}],
            }
        ),
        encoding="utf-8",
    )
    counts = ud.import_json(old)
    assert counts["bookmarks"] == 1 and counts["collections"] == 1 and counts["removals"] == 0
    assert [m.id for m in ud.bookmarks()] == ["s1"]


GOOD = {"kind": "bookmark", "key": "keep", "removed": "2999-01-01T00:00:00+00:00"}


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"kind": "note", "key": "s1", "removed": "2024-01-01T00:00:00"}, "'kind' should be one of"),
        ({"key": "s1", "removed": "2024-01-01T00:00:00"}, "'kind' should be one of"),
        ({"kind": "bookmark", "key": " ", "removed": "2024-01-01T00:00:00"}, "'key' should be non-empty"),
        ({"kind": "bookmark", "key": 5, "removed": "2024-01-01T00:00:00"}, "'key' should be non-empty"),
        ({"kind": "bookmark", "key": "s1", "removed": "yesterday"}, "'removed' should be an ISO date-time"),
        ({"kind": "bookmark", "key": "s1"}, "'removed' should be an ISO date-time"),
        ({"kind": "collection_item", "key": "c s1", "removed": "2024-01-01"}, "collection name \\+ U\\+001F"),
        ({"kind": "user_tag", "key": "s1\x1f", "removed": "2024-01-01"}, "story id \\+ U\\+001F \\+ tag"),
        ({"kind": "user_tag", "key": "s1\x1fplace:上饶", "removed": "2024-01-01"}, "automatic tag kind"),
        ({"kind": "hidden_tag", "key": "s1\x1f上饶", "removed": "2024-01-01"}, "needs a kind"),
        ("bookmark s1", "should be an object"),
    ],
)
def test_malformed_removal_refused_whole_with_file_and_record_named(tmp_path, record, message):
    ud = UserData.open(tmp_path / "h")
    ud.add_bookmark("keep")
    bad = tmp_path / "bad.json"
    data = {"format": "reader-userdata", "version": 2, "removals": [GOOD, record]}
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(TransferError, match=message) as info:
        ud.import_json(bad)
    assert "bad.json: removals[1]" in str(info.value) and "nothing was imported" in str(info.value)
    assert ud.is_bookmarked("keep") and _removals(ud) == []  # the good first record was not applied
