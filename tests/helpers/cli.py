"""Run the ``reader`` command line in this process with its output captured."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from reader.cli import main
from tests.helpers.records import write_records_archive


class Run:
    def __init__(self, returncode: int, stdout: str, stderr: str):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def reader(*args, home: Path) -> Run:
    """``reader --home HOME ARGS`` run in this process (the CLI entry point itself), output captured."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(["--home", str(home), *args])
        except SystemExit as exc:  # argparse usage errors
            code = exc.code
    return Run(int(code or 0), out.getvalue(), err.getvalue())


def records_home(root: Path) -> Path:
    """A library home under ``root`` holding the helper RECORDS, imported with ``reader index``."""
    archive = write_records_archive(root / "archive")
    home = root / "home"
    result = reader("index", str(archive), home=home)
    assert result.returncode == 0, result.stderr
    return home
