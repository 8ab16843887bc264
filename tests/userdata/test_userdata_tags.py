"""User tags, hidden automatic tags, global renames and the rules that apply them."""

from __future__ import annotations

import pytest

from reader.userdata import UserData, parse_tag, user_tag

AUTO = ["place:上饶", "person:徐浠乐", "org:邮储银行", "topic:马家柚", "column:评论"]


@pytest.fixture
def ud(home):
    data = UserData.open(home)
    yield data
    data.close()


def test_parse_tag_forms():
    assert parse_tag(" place:上饶 ") == "place:上饶"
    assert parse_tag("上饶", default_kind="user") == "user:上饶"
    assert parse_tag("COVID:19", default_kind="user") == "user:COVID:19"  # unknown kind: part of the name
    assert user_tag("user:马家柚") == user_tag("马家柚") == "user:马家柚"
    with pytest.raises(ValueError, match="needs a kind"):
        parse_tag("上饶")
    with pytest.raises(ValueError, match="no name"):
        parse_tag("place:  ")
    with pytest.raises(ValueError, match="automatic tag kind"):
        user_tag("place:上饶")


def test_user_tags_come_after_auto_ones_without_duplicates(ud):
    assert ud.add_user_tag("s1", "待核实") == "user:待核实"
    ud.add_user_tag("s1", "user:待核实")
    ud.add_user_tag("s1", "乡村振兴")
    assert ud.user_tags("s1") == ["user:待核实", "user:乡村振兴"]
    assert ud.effective_tags("s1", AUTO) == AUTO + ["user:待核实", "user:乡村振兴"]
    assert ud.effective_tags("s2", AUTO) == AUTO
    assert ud.user_tag_counts() == [("user:乡村振兴", 1), ("user:待核实", 1)]
    assert ud.stories_with_user_tag("待核实") == ["s1"]
    assert ud.remove_user_tag("s1", "待核实") and not ud.remove_user_tag("s1", "待核实")
    assert ud.effective_tags("s1", AUTO) == AUTO + ["user:乡村振兴"]


def test_stale_user_tags_in_auto_input_are_ignored(ud):
    # The index stores effective tags; feeding them back must not resurrect removed user tags.
    assert ud.effective_tags("s1", ["place:上饶", "user:removed"]) == ["place:上饶"]


def test_hide_auto_tag_on_one_story_only(ud):
    assert ud.hide_auto_tag("s1", "person:徐浠乐")
    assert not ud.hide_auto_tag("s1", "person:徐浠乐")
    assert "person:徐浠乐" not in ud.effective_tags("s1", AUTO)
    assert "person:徐浠乐" in ud.effective_tags("s2", AUTO)
    assert ud.hidden_tags("s1") == ["person:徐浠乐"]
    assert ud.unhide_auto_tag("s1", "person:徐浠乐")
    assert ud.effective_tags("s1", AUTO) == AUTO


def test_hiding_a_user_tag_removes_it(ud):
    ud.add_user_tag("s1", "x")
    ud.hide_auto_tag("s1", "user:x")
    assert ud.user_tags("s1") == []


def test_rename_is_global_keeps_kind_and_merges(ud):
    assert ud.rename_tag("place:上饶", "上饶市") == "place:上饶市"
    assert ud.effective_tags("s1", AUTO)[0] == "place:上饶市"
    assert ud.effective_tags("s9", ["place:上饶", "place:上饶市"]) == ["place:上饶市"]  # merged, once
    ud.rename_tag("org:邮储银行", "org:中国邮政储蓄银行")
    assert ud.renames() == {"place:上饶": "place:上饶市", "org:邮储银行": "org:中国邮政储蓄银行"}


def test_rename_chains_collapse_and_renaming_back_undoes(ud):
    ud.rename_tag("place:上饶", "place:上饶市")
    ud.rename_tag("place:上饶市", "place:江西上饶")
    assert ud.renames() == {"place:上饶": "place:江西上饶", "place:上饶市": "place:江西上饶"}
    ud.rename_tag("place:江西上饶", "place:上饶")
    assert ud.renames() == {"place:上饶市": "place:上饶", "place:江西上饶": "place:上饶"}
    assert ud.effective_tags("s1", ["place:上饶"]) == ["place:上饶"]
    assert ud.remove_rename("place:上饶市") and not ud.remove_rename("place:上饶市")


def test_hidden_tag_stays_hidden_through_rename(ud):
    ud.hide_auto_tag("s1", "place:上饶")
    ud.rename_tag("place:上饶", "place:上饶市")
    assert ud.hidden_tags("s1") == ["place:上饶市"]
    assert not any(t.startswith("place:") for t in ud.effective_tags("s1", AUTO))


def test_rename_user_tag_rewrites_rows(ud):
    ud.add_user_tag("s1", "待查")
    ud.add_user_tag("s2", "待核实")
    ud.add_user_tag("s2", "待查")
    ud.rename_tag("user:待查", "待核实")
    assert ud.user_tags("s1") == ["user:待核实"]
    assert ud.user_tags("s2") == ["user:待核实"]
    assert ud.user_tag_counts() == [("user:待核实", 2)]


def test_rename_user_tag_to_other_kind_applies_on_output(ud):
    ud.add_user_tag("s1", "婺源")
    ud.rename_tag("user:婺源", "place:婺源")
    assert ud.effective_tags("s1", []) == ["place:婺源"]
    assert ud.remove_user_tag("s1", "place:婺源")  # removable by the name the user sees
    assert ud.effective_tags("s1", []) == []


def test_effective_tags_is_idempotent_and_matches_bulk_rules(ud):
    ud.add_user_tag("s1", "甲")
    ud.hide_auto_tag("s1", "column:评论")
    ud.rename_tag("topic:马家柚", "topic:柚子")
    once = ud.effective_tags("s1", AUTO)
    assert ud.effective_tags("s1", once) == once
    rules = ud.tag_rules()
    for sid in ("s1", "s2"):
        assert rules.apply(sid, AUTO) == ud.effective_tags(sid, AUTO)


def test_tag_changes_queue_index_refresh(ud):
    ud.add_user_tag("s1", "甲")
    ud.hide_auto_tag("s2", "place:上饶")
    ud.rename_tag("place:上饶", "place:上饶市")
    ids, tags = ud.pending_refresh()
    assert ids == ["s1", "s2"] and tags == ["place:上饶"]
    ud.clear_pending(ids, tags)
    assert ud.pending_refresh() == ([], [])
