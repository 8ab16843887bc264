"""Two app instances on one library: both work, a second importer is told why it must wait."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from reader import paths
from reader.index.results import SearchRequest


def test_two_windows_share_bookmarks_and_a_busy_import_is_explained(qtbot, library, make_window, tmp_path):
    first = make_window(library)
    second = make_window(library)
    story = first.index.ids_for(SearchRequest(query="马家柚"))[0]

    first.userdata_actions.set_bookmark(story, True)
    assert second.userdata.is_bookmarked(story)  # the other instance sees it at once

    # Another reader process is importing into this library right now.
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import time
            from pathlib import Path
            from reader.index.locking import ImportLock
            ImportLock(Path({str(paths.index_dir(library))!r}), Path({str(library)!r})).acquire()
            print("locked", flush=True)
            time.sleep(60)
            """),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        folder = tmp_path / "more"
        folder.mkdir()
        (folder / "new.txt").write_text(
            "新增报道\n\n2025-01-02\n\n这是一篇新增的报道正文，用来测试导入。\n", encoding="utf-8"
        )
        with qtbot.waitSignal(second.import_done, timeout=20000) as blocker:
            second.imports.import_paths([folder])
        assert isinstance(blocker.args[0], str) and "library busy" in blocker.args[0]
        assert "library busy" in second.statusBar().currentMessage()
    finally:
        holder.kill()
        holder.wait()

    # Nothing was corrupted: both still search, the bookmark is there, SQLite is sound.
    assert second.index.ids_for(SearchRequest(query="马家柚")) == [story]
    assert first.userdata.integrity_check() == "ok"
    assert second.userdata.bookmarks()[0].id == story
    # With the other process gone, the second window's import goes through.
    with qtbot.waitSignal(second.import_done, timeout=20000) as blocker:
        second.imports.import_paths([folder])
    assert not isinstance(blocker.args[0], str)
    assert second.index.ids_for(SearchRequest(query="新增报道"))
