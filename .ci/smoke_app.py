"""Smoke test of an installed reader's first run: the app as ``reader`` starts it, offscreen.

Run by ``.ci/smoke`` with the installed package's Python, from a folder outside the
checkout, with ``READER_HOME`` pointing at an empty folder. It starts the app through
``reader.app.open_window`` (what ``reader`` does), waits for the first-run import of
the bundled archive, types 上饶 into the search box and checks that stories are found,
and that the packaged icons, style sheet and Chinese catalog are in use. Prints one
line per check; exit 1 on the first failure.
"""

from __future__ import annotations

import argparse
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("READER_LANG", "zh_CN")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402


def check(ok: bool, what: str) -> None:
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        raise SystemExit(1)


def wait_for(signal, seconds: float):
    """The arguments of the next emission of ``signal``, or None after ``seconds``."""
    loop, got = QEventLoop(), []

    def receive(*args):
        got.append(args)
        loop.quit()

    signal.connect(receive)
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    signal.disconnect(receive)
    return got[0] if got else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--query", default="上饶")
    parser.add_argument("--installed", action="store_true", help="require reader from site-packages")
    parser.add_argument("--screenshot", help="save the window here (PNG) once the results are shown")
    args = parser.parse_args()

    import reader
    from reader import paths
    from reader.app import open_window
    from reader.gui.models.results import HitRole

    if args.installed:
        where = reader.__file__
        check("site-packages" in where, f"reader imported from an installed wheel ({where})")
    home = paths.home()
    check(not any(home.iterdir()), f"empty library home {home}")
    started = time.monotonic()
    app, window, index = open_window()
    check(window.importing(), "first run: the bundled archive is importing in the background")
    done = wait_for(window.import_done, 120)
    report = done[0] if done else None
    check(report is not None and not isinstance(report, str), f"import finished: {report}")
    check(report.added > 0 and not report.failed, f"{report.added} files added, none failed")
    seconds = time.monotonic() - started
    check(index.count() > 0, f"{index.count()} stories in the library after {seconds:.1f} s")

    # The import's own refresh (the empty query) may still be on its way: wait until the
    # search started last is the one shown, not just for the next results.
    window.search_bar.edit.setText(args.query)
    window.search_now()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not (window._shown_seq == window._seq and window._results):
        wait_for(window.results_shown, 1)
    total = window.model.total
    check(total > 0, f"search {args.query!r} in the window: {total} stories")
    hit = window.model.index(0, 0).data(HitRole)
    title = hit.title if hit else None
    check(hit is not None and args.query in hit.title + hit.snippet, f"first result: {title}")

    check(not window.windowIcon().isNull(), "window icon loaded from reader.resources")
    check(bool(app.styleSheet().strip()), "style sheet loaded from reader.resources")
    menu = window.menuBar().actions()[0].text()
    check(menu == "文件(&F)", f"Chinese interface from the shipped catalog (first menu {menu!r})")
    if args.screenshot:
        QTimer.singleShot(300, app.quit)
        app.exec()
        check(window.grab().save(args.screenshot), f"screenshot saved to {args.screenshot}")
    window.close()
    index.close()
    print(f"app first run: {index.count()} stories imported, {total} found for {args.query}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
