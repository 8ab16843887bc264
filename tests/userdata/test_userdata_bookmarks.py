"""Bookmarks, notes, snapshots, collections and history on one UserData."""

from __future__ import annotations

import threading

import pytest

from reader.story import Story
from reader.userdata import Bookmark, UserData


@pytest.fixture
def ud(home):
    data = UserData.open(home)
    yield data
    data.close()


def _story(sid="s1", title="上饶马家柚丰收") -> Story:
    return Story(title=title, date="2024-05-24", source="上饶日报", file="/a/000.txt", id=sid)


def test_bookmark_with_note_and_snapshot(ud):
    assert ud.add_bookmark("s1", note="看第二段", snapshot=_story())
    assert not ud.add_bookmark("s1")  # again: no duplicate, note kept
    assert ud.is_bookmarked("s1") and not ud.is_bookmarked("s2")
    [mark] = ud.bookmarks()
    assert isinstance(mark, Bookmark)
    assert (mark.id, mark.note, mark.title, mark.date, mark.source, mark.file) == (
        "s1",
        "看第二段",
        "上饶马家柚丰收",
        "2024-05-24",
        "上饶日报",
        "/a/000.txt",
    )
    assert mark.created.endswith("+00:00")


def test_bookmarks_newest_first_and_remove_keeps_note(ud):
    for sid in ("a", "b", "c"):
        ud.add_bookmark(sid)
    ud.set_note("b", "note b")
    assert [b.id for b in ud.bookmarks()] == ["c", "b", "a"]
    assert ud.remove_bookmark("b") and not ud.remove_bookmark("b")
    assert [b.id for b in ud.bookmarks()] == ["c", "a"]
    assert ud.note("b") == "note b"


def test_snapshot_for_other_story_is_refused(ud):
    with pytest.raises(ValueError, match="snapshot is of story other"):
        ud.add_bookmark("s1", snapshot=_story("other"))
    assert not ud.is_bookmarked("s1")  # the whole change rolled back


def test_snapshot_without_id_takes_the_bookmark_id_and_leaves_caller_story_alone(ud):
    story = _story(sid="")
    ud.add_bookmark("s9", snapshot=story)
    assert story.id == ""
    assert ud.snapshot("s9").title == "上饶马家柚丰收"


@pytest.mark.parametrize("bad", ["", "   ", None])
def test_empty_story_id_refused(ud, bad):
    with pytest.raises(ValueError, match="not a story id"):
        ud.add_bookmark(bad)


def test_notes_set_clear_and_unicode(ud):
    assert ud.note("x") == ""
    ud.set_note("x", "第一行\n第二行 ﹝全角﹞ 😀")
    assert ud.note("x") == "第一行\n第二行 ﹝全角﹞ 😀"
    ud.set_note("x", "")
    assert ud.note("x") == "" and ud.notes() == {}


def test_collections_many_per_story_order_and_empty_ones(ud):
    assert ud.add_to_collection("土地", ["a", "b", "a"]) == 2
    assert ud.add_to_collection("土地", ["b", "c"]) == 1
    ud.add_to_collection("柚子", ["b"])
    assert ud.create_collection("空的") and not ud.create_collection("空的")
    assert ud.collection_ids("土地") == ["a", "b", "c"]
    assert ud.collections_of("b") == ["土地", "柚子"]
    assert [(c.name, c.count) for c in ud.collections()] == [("土地", 3), ("柚子", 1), ("空的", 0)]
    assert ud.remove_from_collection("土地", ["a", "zz"]) == 1
    assert ud.remove_from_collection("nope", ["a"]) == 0
    assert ud.collection_ids("土地") == ["b", "c"]
    ud.remove_from_collection("柚子", ["b"])
    assert "柚子" in {c.name for c in ud.collections()}  # emptied, not deleted
    assert ud.collection_ids("没有") == []


def test_collection_rename_and_delete(ud):
    ud.add_to_collection("a", ["1"])
    ud.create_collection("b")
    with pytest.raises(ValueError, match="already exists"):
        ud.rename_collection("a", "b")
    with pytest.raises(ValueError, match="no collection"):
        ud.rename_collection("zz", "c")
    ud.rename_collection("a", "甲")
    assert ud.collection_ids("甲") == ["1"]
    assert ud.delete_collection("甲") and not ud.delete_collection("甲")


@pytest.mark.parametrize("bad", ["", "  ", "two\nlines"])
def test_bad_collection_names_refused(ud, bad):
    with pytest.raises(ValueError):
        ud.add_to_collection(bad, ["a"])


def test_history_most_recent_first_once_per_story(ud):
    ud.record_read("a")
    ud.record_read("b", snapshot=_story("b", "乙"))
    ud.record_read("a")
    assert [sid for sid, _ in ud.history()] == ["a", "b"]
    assert ud.times_read("a") == 2 and ud.times_read("zz") == 0
    assert ud.history(limit=1)[0][0] == "a"
    assert ud.snapshot("b").title == "乙"
    assert ud.clear_history() == 2 and ud.history() == []


def test_one_instance_shared_by_threads(ud):
    errors = []

    def work(prefix):
        try:
            for i in range(40):
                ud.add_bookmark(f"{prefix}{i}", note=prefix)
                ud.add_to_collection(prefix, [f"{prefix}{i}"])
                ud.record_read(f"{prefix}{i}")
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(p,)) for p in "wxyz"]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(ud.bookmarks()) == 160
    assert all(len(ud.collection_ids(p)) == 40 for p in "wxyz")
    assert ud.integrity_check() == "ok"
