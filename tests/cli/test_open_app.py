"""``reader`` with no command opens the app: a clear message when Qt cannot load, real errors kept.

Each case runs in a fresh interpreter, so that Qt really fails to import there: a stand-in
``PySide6`` package that raises ImportError as a missing system library does is put first
on the path.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

RUN_READER = "import sys; from reader.cli import main; sys.exit(main([]))"
BROKEN_QT = "raise ImportError('libEGL.so.1: cannot open shared object file: No such file or directory')\n"


def _run(code: str, tmp_path: Path, *, broken_qt: bool) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", READER_HOME=str(tmp_path / "home"))
    if broken_qt:
        fake = tmp_path / "fake"
        (fake / "PySide6").mkdir(parents=True)
        (fake / "PySide6" / "__init__.py").write_text(BROKEN_QT, encoding="utf-8")
        env["PYTHONPATH"] = os.pathsep.join([str(fake), env.get("PYTHONPATH", "")])
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_qt_that_cannot_load_is_said_in_one_clear_line(tmp_path):
    result = _run(RUN_READER, tmp_path, broken_qt=True)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "reader: cannot open the app: Qt could not be loaded" in result.stderr
    assert "libEGL.so.1" in result.stderr  # what is missing, as the system said it
    assert "reader --help" in result.stderr


def test_the_commands_work_without_qt(tmp_path):
    result = _run(
        "import sys; from reader.cli import main; sys.exit(main(['search', '--json']))",
        tmp_path,
        broken_qt=True,
    )
    assert result.returncode == 0, result.stderr
    assert '"total": 0' in result.stdout


def test_an_import_error_in_reader_s_own_app_code_is_not_hidden(tmp_path):
    """Only Qt itself is asked about; a broken reader.app shows as the error it is."""
    code = (
        "import sys, importlib.abc\n"
        "class Broken(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'reader.app':\n"
        "            raise ImportError('reader.app is broken here')\n"
        "sys.meta_path.insert(0, Broken())\n" + RUN_READER
    )
    result = _run(code, tmp_path, broken_qt=False)
    assert result.returncode == 1
    assert "Traceback" in result.stderr and "reader.app is broken here" in result.stderr
    assert "Qt could not be loaded" not in result.stderr
