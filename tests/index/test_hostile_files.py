"""Import meets odd entries in a folder: undecodable or multi-line names, FIFOs, devices, link loops.

Each of these once stopped (traceback) or hung ``reader index``; now each is named with a reason
and the rest of the folder imports.
"""

from __future__ import annotations

import os
import sys
import threading

import pytest

from reader.index import SearchRequest, open_index
from reader.ingest import iter_files, read_file
from reader.safefiles import shown

posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs, devices and byte file names are POSIX")
STORY = "标题{n}\n\n这是第{n}篇新闻报道的正文内容，讲述了一件发生在本地的事情。\n"


def _bytes_name_folder(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    raw = os.fsencode(folder)
    with open(raw + b"/bad\xff\xfename.txt", "wb") as fh:
        fh.write(STORY.format(n=1).encode())
    (folder / "new\nline.txt").write_text(STORY.format(n=2), encoding="utf-8")
    (folder / "plain.txt").write_text(STORY.format(n=3), encoding="utf-8")
    return folder


@posix_only
@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses non-UTF-8 file names")
def test_undecodable_and_newline_names_import(tmp_path):
    folder = _bytes_name_folder(tmp_path)
    results = [read_file(p) for p in iter_files([folder])]
    assert sorted(len(r.stories) for r in results) == [1, 1, 1]
    library = open_index(tmp_path / "home")
    report = library.update([folder])
    assert report.failed == [] and report.stories == 3
    assert library.count() == 3
    again = library.update([folder])  # the manifest knows the odd names: nothing re-read
    assert again.unchanged == 3 and again.added == 0
    hits = library.search(SearchRequest(query="标题1"))
    story = library.get(hits.hits[0].id)
    assert shown(story.file).endswith("bad\\xff\\xfename.txt")
    library.close()


def test_shown_makes_names_one_readable_line():
    assert shown("a\udcff\udcfeb") == "a\\xff\\xfeb"
    assert shown("new\nline\t.txt") == "new\\nline\\t.txt"
    assert shown("普通 名字.txt") == "普通 名字.txt"


@posix_only
def test_fifo_device_and_link_loop_are_named_and_skipped(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "good.txt").write_text(STORY.format(n=1), encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    os.symlink("/dev/zero", folder / "zero.txt")
    os.symlink("loop2.txt", folder / "loop1.txt")
    os.symlink("loop1.txt", folder / "loop2.txt")
    library = open_index(tmp_path / "home")
    done: list = []
    worker = threading.Thread(target=lambda: done.append(library.update([folder])), daemon=True)
    worker.start()
    worker.join(60)
    assert done, "import hung on a FIFO or /dev/zero"
    report = done[0]
    reasons = {os.path.basename(p.file): p.reason for p in report.failed}
    assert "FIFO" in reasons["pipe.txt"] and "not a regular file" in reasons["pipe.txt"]
    assert "device" in reasons["zero.txt"]
    assert "symbolic link" in reasons["loop1.txt"] and "symbolic link" in reasons["loop2.txt"]
    assert report.stories == 1
    # read_file alone says the same
    assert "not a regular file" in read_file(folder / "pipe.txt").problems[0].reason
    library.close()
