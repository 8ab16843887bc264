"""A ``reader index --rebuild`` killed at any moment keeps the list of imported folders and is resumable.

Before, the rebuild emptied the index first and the folders were only written back with its first
commit: killed before that, the library was empty and ``reader index`` answered "nothing to index".
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from reader.index import SearchRequest, open_index
from tests.index.test_import import KILL_SCRIPT
from tests.index.test_import_fallback import make_many

ROOT = Path(__file__).resolve().parents[2]

# the kill test's importer script, running a rebuild of the folders imported before
REBUILD_SCRIPT = KILL_SCRIPT.replace(
    "lib.update([Path(sys.argv[2])], progress=progress)", "lib.update([], rebuild=True, progress=progress)"
)
assert "rebuild=True" in REBUILD_SCRIPT


def test_rebuild_killed_before_its_first_commit_is_finished_by_the_next_import(tmp_path):
    archive = make_many(tmp_path / "archive", 60)
    home = tmp_path / "home"
    library = open_index(home)
    library.update([archive])
    assert library.count() == 60
    library.close()
    script = tmp_path / "rebuild.py"
    script.write_text(REBUILD_SCRIPT, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, str(script), str(home), "-"], stdout=subprocess.PIPE, text=True, env=env
    )
    for line in proc.stdout:  # killed mid-way: the index is emptied, nothing committed yet
        if (
            line.strip().isdigit() and int(line) >= 5 or line.startswith("finished")
        ):  # before its first commit (16)
            break
    proc.kill()
    proc.wait()

    library = open_index(home)
    assert library.roots() == [os.path.abspath(archive)]  # the folders are not forgotten
    assert library.rebuild_pending and "interrupted" in library.notices[0]
    report = library.update()  # `reader index` with no paths
    assert report.failed == []
    assert library.count() == 60
    assert len(library.ids_for(SearchRequest(query="马家柚"))) == 60
    assert not library.rebuild_pending and library.notices == []
    library.close()
    assert open_index(home).notices == []
