"""The user's data outlives everything the index goes through (real reader.index and ingest).

One library: import, bookmark/collect/note/tag a story, then re-import, edit its file,
``--rebuild``, delete the index folder and rebuild, and finally delete the file.
"""

from __future__ import annotations

import shutil

import pytest

from reader import paths
from reader.index.results import SearchRequest
from reader.service.presence import present_ids
from reader.service.tagsync import make_tagger, refresh_index_tags
from reader.userdata import UserData

try:
    from reader.index import open_index
except ImportError:
    pytest.skip("reader.index not available yet", allow_module_level=True)

SEED = "000_d96a957ce2900ba2.txt"


@pytest.fixture
def library(tmp_path):
    src = paths.bundled_archive() / SEED
    if not src.is_file():
        pytest.skip(f"bundled sample {SEED} is missing")
    archive = tmp_path / "archive"
    archive.mkdir()
    shutil.copy(src, archive / SEED)
    home = tmp_path / "home"
    ud = UserData.open(home)
    yield home, archive, ud
    ud.close()


def _import(home, archive, ud, index=None, **kw):
    index = index or open_index(home)
    index.update([archive], tagger=make_tagger(ud), **kw)
    return index


def test_user_data_survives_reimport_edit_rebuild_index_deletion_and_file_loss(library):
    home, archive, ud = library
    index = _import(home, archive, ud)
    stories = index.get_many(index.ids_for(SearchRequest(sort="date")))
    assert stories, "the bundled sample gave no stories"
    story = min(stories, key=lambda s: s.position)
    target = story.id
    auto = [t for t in story.tags if not t.startswith("user:")]

    ud.add_bookmark(target, note="核对数字", snapshot=story)
    ud.add_to_collection("待写", [target])
    ud.add_user_tag(target, "待核实")
    if auto:
        ud.hide_auto_tag(target, auto[0])
    refresh_index_tags(home, ud, index=index)

    def check(index, step):
        now = index.get(target)
        assert now is not None, f"story lost after {step}"
        assert now.title == story.title
        assert "user:待核实" in now.tags, step
        if auto:
            assert auto[0] not in now.tags, step
        found = index.ids_for(SearchRequest(filters={"tag": ["user:待核实"]}))
        assert found == [target], step
        assert ud.is_bookmarked(target) and ud.note(target) == "核对数字"
        assert ud.collection_ids("待写") == [target]
        assert present_ids(index, [target]) == {target}

    check(index, "first import")
    _import(home, archive, ud, index)
    check(index, "re-import")

    path = archive / SEED
    text = path.read_text(encoding="utf-8")
    first = story.paragraphs[0] if story.paragraphs else ""
    anchor = next((first[i : i + 6] for i in range(len(first) - 5) if first[i : i + 6] in text), "")
    assert anchor, "cannot find the story's first paragraph in its file"
    path.write_text(text.replace(anchor, anchor + "（编者补充）", 1), encoding="utf-8")
    _import(home, archive, ud, index)
    assert "（编者补充）" in index.get(target).paragraphs[0]  # the edit was read
    check(index, "editing the file")

    _import(home, archive, ud, index, rebuild=True)
    check(index, "--rebuild")

    index.close()
    shutil.rmtree(paths.index_dir(home))
    index = _import(home, archive, ud)
    check(index, "deleting the index folder")

    path.unlink()
    _import(home, archive, ud, index)
    assert index.get(target) is None
    assert present_ids(index, [target], ud) == set()
    [mark] = ud.bookmarks()
    assert (mark.id, mark.title, mark.note) == (target, story.title, "核对数字")  # kept, shown as missing
    assert ud.collection_ids("待写") == [target]
    index.close()
