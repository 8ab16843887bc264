"""Time the user-data store: single saves, applying tag rules to a whole library, export/import.

Run: ``python bench/userdata.py [--stories 30000]``. Prints medians (ms) and ratios.
Targets: one save (a star, a tag) well under 20 ms on a laptop disk, even with
fsync; tagging 30,000 stories at import adds under 1 s; a 10,000-record
export + import round trip under 5 s.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.userdata import UserData  # noqa: E402


def median_ms(fn, repeat: int) -> float:
    times = []
    for i in range(repeat):
        start = time.perf_counter()
        fn(i)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=30000)
    parser.add_argument("--dir", help="folder for the database (default: a temp folder; use a real disk)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        ud = UserData.open(Path(tmp) / "home")
        print(f"database: {ud.path}")
        star = median_ms(lambda i: ud.add_bookmark(f"b{i}", note="笔记"), 200)
        tag = median_ms(lambda i: ud.add_user_tag(f"b{i}", f"标签{i % 20}"), 200)
        read = median_ms(lambda i: ud.record_read(f"b{i % 50}"), 200)
        check = median_ms(lambda i: ud.is_bookmarked(f"b{i}"), 500)
        print(f"add_bookmark  median {star:7.2f} ms")
        print(f"add_user_tag  median {tag:7.2f} ms")
        print(f"record_read   median {read:7.2f} ms")
        print(f"is_bookmarked median {check:7.3f} ms")

        with ud._db.write():  # a busy librarian: choices on a third of the library
            for i in range(0, args.stories, 3):
                ud.add_user_tag(f"s{i}", f"批{i % 50}")
                if i % 9 == 0:
                    ud.hide_auto_tag(f"s{i}", "place:上饶")
        ud.rename_tag("topic:马家柚", "topic:广丰马家柚")
        eff = median_ms(lambda i: ud.effective_tags(f"s{i * 3}", ["place:上饶", "topic:马家柚"]), 500)
        print(f"effective_tags (one story) median {eff:7.3f} ms")
        start = time.perf_counter()
        rules = ud.tag_rules()
        load = time.perf_counter() - start
        start = time.perf_counter()
        for i in range(args.stories):
            rules.apply(f"s{i}", ["place:上饶", "topic:马家柚", "org:邮储银行"])
        apply_all = time.perf_counter() - start
        per_story = eff / 1000 * args.stories
        ratio = per_story / max(apply_all + load, 1e-9)
        print(
            f"tag_rules load {load * 1000:.0f} ms + apply to {args.stories} stories {apply_all * 1000:.0f} ms"
        )
        print(f"  vs effective_tags story by story ~{per_story * 1000:.0f} ms: x{ratio:.1f} faster")

        out = Path(tmp) / "export.json"
        start = time.perf_counter()
        counts = ud.export_json(out)
        exported = time.perf_counter() - start
        fresh = UserData.open(Path(tmp) / "fresh")
        start = time.perf_counter()
        fresh.import_json(out)
        imported = time.perf_counter() - start
        start = time.perf_counter()
        again = fresh.import_json(out)
        reimported = time.perf_counter() - start
        records = sum(counts.values())
        print(
            f"export {records} records: {exported * 1000:.0f} ms ({out.stat().st_size // 1024} KiB); "
            f"import into fresh: {imported * 1000:.0f} ms; import again: {reimported * 1000:.0f} ms "
            f"(changed {sum(again.values())})"
        )
        fresh.close()
        ud.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
