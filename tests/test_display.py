"""Started without a display, ``reader`` says so in one line and exits non-zero instead of Qt aborting."""

from __future__ import annotations

import os
import subprocess
import sys

from reader.display import EXIT_NO_DISPLAY, missing_display


def test_linux_without_display_is_told_in_one_line():
    problem = missing_display({}, "linux")
    assert problem is not None and "\n" not in problem
    assert "DISPLAY" in problem and "reader --help" in problem


def test_a_display_or_an_explicit_platform_is_enough():
    assert missing_display({"DISPLAY": ":0"}, "linux") is None
    assert missing_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert missing_display({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert missing_display({}, "win32") is None
    assert missing_display({}, "darwin") is None


def test_reader_without_a_display_exits_with_the_message(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--home", str(tmp_path / "home")],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    if sys.platform.startswith(("win", "darwin")):  # those always have a display
        return
    assert result.returncode == EXIT_NO_DISPLAY
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("reader: no display"), result.stderr
    assert "xcb" not in result.stderr
