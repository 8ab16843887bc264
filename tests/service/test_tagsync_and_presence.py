"""Pushing the user's tag choices into an index, presence checks and the import tagger.

These use a small in-memory stand-in that keeps the ``ArchiveIndex`` contract
(get / set_tags / ids_for); ``tests/userdata/test_userdata_survival.py`` uses the real index.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from reader.service.presence import present_ids
from reader.service.tagsync import make_tagger, refresh_index_tags
from reader.story import Story
from reader.userdata import UserData


def _auto(story: Story) -> list[str]:
    """A deterministic stand-in for reader.autotag.auto_tags."""
    return [f"place:{story.place}"] if story.place else []


class FakeIndex:
    def __init__(self, stories: list[Story], tagger=None) -> None:
        self.stories = {s.id: replace(s, tags=tagger(s) if tagger else list(s.tags)) for s in stories}
        self.writes = 0

    def get(self, story_id):
        story = self.stories.get(story_id)
        return replace(story, tags=list(story.tags)) if story else None

    def set_tags(self, story_id, tags):
        self.stories[story_id].tags = list(tags)
        self.writes += 1

    def ids_for(self, request):
        wanted = request.filters.get("tag", [])
        return [s.id for s in self.stories.values() if all(t in s.tags for t in wanted)]

    def close(self):
        pass


@pytest.fixture
def ud(home):
    data = UserData.open(home)
    yield data
    data.close()


@pytest.fixture
def stories():
    return [
        Story(title="甲", place="上饶", id="a", file="/x/1.txt", date="2024-01-02", source="上饶日报"),
        Story(title="乙", place="上饶", id="b", file="/x/2.txt"),
        Story(title="丙", place="婺源", id="c", file="/x/3.txt"),
    ]


def test_tagger_applies_user_choices_at_import(ud, stories):
    ud.add_user_tag("a", "待核实")
    ud.hide_auto_tag("b", "place:上饶")
    ud.rename_tag("place:婺源", "place:婺源县")
    index = FakeIndex(stories, make_tagger(ud, auto=_auto))
    assert index.get("a").tags == ["place:上饶", "user:待核实"]
    assert index.get("b").tags == []
    assert index.get("c").tags == ["place:婺源县"]


def test_refresh_pushes_changed_stories_only_and_clears_queue(home, ud, stories):
    index = FakeIndex(stories, make_tagger(ud, auto=_auto))
    ud.add_user_tag("a", "待核实")
    assert refresh_index_tags(home, ud, index=index, auto=_auto) == 1  # from the queue alone
    assert index.get("a").tags == ["place:上饶", "user:待核实"]
    assert ud.pending_refresh() == ([], [])
    assert refresh_index_tags(home, ud, ["a", "b"], index=index, auto=_auto) == 0  # nothing to change
    assert index.writes == 1


def test_unhide_and_undo_rename_restore_tags(home, ud, stories):
    index = FakeIndex(stories, make_tagger(ud, auto=_auto))
    ud.hide_auto_tag("a", "place:上饶")
    ud.rename_tag("place:上饶", "place:上饶市")
    refresh_index_tags(home, ud, index=index, auto=_auto)
    assert index.get("a").tags == [] and index.get("b").tags == ["place:上饶市"]
    ud.unhide_auto_tag("a", "place:上饶市")
    ud.remove_rename("place:上饶")
    refresh_index_tags(home, ud, index=index, auto=_auto)
    assert index.get("a").tags == index.get("b").tags == ["place:上饶"]


def test_rename_reaches_every_story_carrying_the_tag(home, ud, stories):
    index = FakeIndex(stories, make_tagger(ud, auto=_auto))
    ud.rename_tag("place:上饶", "上饶市")
    assert refresh_index_tags(home, ud, index=index, auto=_auto) == 2
    assert [index.get(i).tags for i in "abc"] == [["place:上饶市"], ["place:上饶市"], ["place:婺源"]]


def test_without_auto_function_stored_tags_stand_in(home, ud, stories):
    index = FakeIndex(stories, make_tagger(ud, auto=_auto))
    ud.add_user_tag("c", "x")
    refresh_index_tags(home, ud, index=index, auto=lambda s: [t for t in s.tags if not t.startswith("user:")])
    ud.remove_user_tag("c", "x")
    ud.add_user_tag("c", "y")
    refresh_index_tags(home, ud, index=index, auto=lambda s: [t for t in s.tags if not t.startswith("user:")])
    assert index.get("c").tags == ["place:婺源", "user:y"]


def test_story_gone_from_index_is_skipped_and_queue_cleared(home, ud, stories):
    index = FakeIndex(stories)
    ud.add_user_tag("zz", "orphan")
    assert refresh_index_tags(home, ud, index=index, auto=_auto) == 0
    assert ud.pending_refresh() == ([], [])
    assert ud.user_tags("zz") == ["user:orphan"]  # kept for when the story comes back


def test_busy_index_keeps_the_queue(home, ud, stories):
    class Busy(FakeIndex):
        def set_tags(self, story_id, tags):
            raise RuntimeError("LibraryBusy: another process is writing")

    ud.add_user_tag("a", "x")
    with pytest.raises(RuntimeError, match="LibraryBusy"):
        refresh_index_tags(home, ud, index=Busy(stories), auto=_auto)
    assert ud.pending_refresh() == (["a"], [])


def test_present_ids_refreshes_snapshots_of_present_stories(ud, stories):
    index = FakeIndex(stories)
    ud.add_bookmark("a", snapshot=replace(stories[0], title="旧标题"))
    ud.add_bookmark("gone", snapshot=Story(title="消失的", id="gone"))
    assert present_ids(index, ["a", "gone", "a"], ud) == {"a"}
    assert ud.snapshot("a").title == "甲"
    assert ud.snapshot("gone").title == "消失的"
