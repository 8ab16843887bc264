"""Malformed files beside good ones through ``reader index``: every bad file named, no junk story, no hang.

    python bench/fuzz_import.py [--seed 1] [--good 131] [--bad 2050] [--no-big] [--keep DIR]

Writes a seeded archive: ``--good`` good files (plain text, Markdown, HTML, JSON lines, CSV
in UTF-8, UTF-8 with BOM, GB18030, Big5, UTF-16 with and without BOM, some under file names
with newlines or undecodable bytes), each story carrying a unique marker; and ``--bad``
hostile ones: random binary under every suffix, U+FFFD only, high bytes, mixed UTF-8/GB18030,
control bytes, NULs, truncated multi-byte text in every encoding, deep HTML nesting, XML entity
expansion, deeply nested and huge-integer JSON lines among good lines, an unterminated CSV
quote, 100k CSV columns, symlink loops, FIFOs, a link to /dev/zero, unreadable files; and
(unless ``--no-big``) one 50 MB line, a 50 MB JSON line and a 30 MB CSV field. Then runs
``reader index --json`` on it in a subprocess (a hang is a timeout) while sampling the memory
of its whole process tree, and checks the library: each junk file named and without stories,
each damaged file named, each good story found by its marker. Prints files tried / named bad
/ imported as stories, junk stories, unnamed bad files, good stories missing, hangs, peak
memory and time. The test suite runs a small seeded slice (tests/index/test_fuzz_import.py).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COMMON = (
    "的中国在人一业发为和新年大是有不生了化行会作动日等能成以上地家全对展时出要方合学市进实产文同多力工来部"
    "关高法用体月与长经现个公民者理到提重区加建主开机务通这场分过平于制品定保政可自科度前将海下面持设技量性强"
)
TRADITIONAL = (
    "臺灣說話國際經濟發展會議記者報導市長表示這項政策預計明年上路受惠人數可望超過萬人議員們對於經費來源"
)
PUNCT = "，。、"
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "big5hkscs", "utf-16", "utf-16-le-nobom", "utf-16-be-nobom"]


@dataclass
class Planned:
    """One file written into the archive and what must become of it."""

    name: str
    kind: str  # "good": must import, markers found; "junk": named, no story; "damaged": named, may import;
    # "records": named (bad lines), good markers found; "any": must not hang or crash, anything else goes
    markers: list[str] = field(default_factory=list)
    note: str = ""


def _sentence(rng: random.Random, alphabet: str, n: int) -> str:
    out = []
    for i in range(n):
        out.append(rng.choice(alphabet))
        if i % 17 == 16:
            out.append(rng.choice(PUNCT))
    return "".join(out) + "。"


def _marker(rng: random.Random, used: set[str], alphabet: str = COMMON) -> str:
    while True:
        m = "".join(rng.choice(alphabet) for _ in range(7))
        if m not in used:
            used.add(m)
            return m


def _encode(text: str, encoding: str) -> bytes:
    if encoding.endswith("-nobom"):
        return text.encode(encoding.removesuffix("-nobom"))
    return text.encode(encoding)


def _story_text(rng: random.Random, marker: str, traditional: bool) -> tuple[str, list[str]]:
    alphabet = TRADITIONAL if traditional else COMMON
    title = (
        "第" + "".join(rng.choice(alphabet) for _ in range(6)) + "號新聞"
        if traditional
        else "测试新闻" + _sentence(rng, alphabet, 6)[:-1]
    )
    paragraphs = [_sentence(rng, alphabet, rng.randint(40, 160)) for _ in range(rng.randint(2, 5))]
    paragraphs[rng.randrange(len(paragraphs))] += (
        f"本段標記{marker}。" if traditional else f"本段标记{marker}。"
    )
    return title, paragraphs


def plan_good(rng: random.Random, folder: Path, n: int, used: set[str]) -> list[Planned]:
    out = []
    for i in range(n):
        fmt = rng.choice(["txt", "md", "html", "jsonl", "csv", "none"])
        encoding = rng.choice(ENCODINGS) if fmt in ("txt", "none", "html", "md") else "utf-8"
        traditional = encoding == "big5hkscs" or rng.random() < 0.2
        alphabet = TRADITIONAL if traditional else COMMON
        markers = []
        if fmt in ("jsonl", "csv"):
            rows = []
            for _ in range(rng.randint(1, 4)):
                m = _marker(rng, used, alphabet)
                title, paras = _story_text(rng, m, traditional)
                rows.append(
                    {
                        "title": title,
                        "content": "\n".join(paras),
                        "date": "2024-05-0" + str(rng.randint(1, 9)),
                    }
                )
                markers.append(m)
            if fmt == "jsonl":
                text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
            else:
                text = "title,content,date\n" + "".join(
                    f'"{r["title"]}","{r["content"]}",{r["date"]}\n' for r in rows
                )
        else:
            m = _marker(rng, used, alphabet)
            title, paras = _story_text(rng, m, traditional)
            markers.append(m)
            if fmt == "html":
                body = "".join(f"<p>{p}</p>" for p in paras)
                charset = {"gb18030": "gbk", "big5hkscs": "big5"}.get(encoding, "utf-8")
                text = (
                    f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>{title}</title></head>'
                    f"<body><article><h1>{title}</h1>{body}</article></body></html>"
                )
            elif fmt == "md":
                text = f"# {title}\n\n" + "\n\n".join(paras) + "\n"
            else:
                text = f"{title}\n\n" + "\n\n".join(paras) + "\n"
        suffix = {"none": ""}.get(fmt, "." + fmt)
        name = f"good{i:04d}{suffix}"
        if i % 23 == 5:
            name = f"good{i:04d} new\nline{suffix}"
        raw_name = os.fsencode(name)
        if i % 29 == 7 and sys.platform != "darwin":
            raw_name = f"good{i:04d}".encode() + b"\xff\xfe" + suffix.encode()
        data = _encode(text, encoding)
        with open(os.fsencode(folder) + b"/" + raw_name, "wb") as fh:
            fh.write(data)
        out.append(Planned(os.fsdecode(raw_name), "good", markers, f"{fmt}/{encoding}"))
    return out


def _junk_bytes(rng: random.Random, kind: str) -> bytes:
    size = rng.randint(200, 20_000)
    if kind == "random":
        return rng.randbytes(size)
    if kind == "high":
        return bytes(rng.randrange(0x80, 0x100) for _ in range(size))
    if kind == "fffd":
        return ("\ufffd" * size + rng.choice(["", "\n", " "])).encode()
    if kind == "nul":
        return b"\x00" * size
    if kind == "controls":
        return bytes(rng.randrange(0, 32) for _ in range(size))
    if kind == "mixed":
        text = _sentence(rng, COMMON, 400)
        parts = [text.encode("utf-8") if i % 2 else text.encode("gb18030") for i in range(4)]
        return b"".join(parts)
    if kind == "gb-random":
        return bytes(rng.randrange(0xA1, 0xFF) for _ in range(size))
    if kind == "headers":
        head = rng.choice(
            [b"\x89PNG\r\n\x1a\n", b"%PDF-1.7\n", b"PK\x03\x04", b"\x7fELF", b"GIF89a", b"\xff\xd8\xff\xe0"]
        )
        return head + rng.randbytes(size)
    raise ValueError(kind)


JUNK_KINDS = ("random", "high", "fffd", "nul", "controls", "mixed", "gb-random", "headers")
JUNK_SUFFIXES = (".html", ".md", ".txt", "", ".jsonl", ".csv", ".json", ".htm")


def plan_bad(rng: random.Random, folder: Path, n: int, used: set[str], big: bool) -> list[Planned]:
    out: list[Planned] = []

    def put(name: str, data: bytes, kind: str, markers=(), note="") -> None:
        (folder / name).write_bytes(data)
        out.append(Planned(name, kind, list(markers), note))

    # the structured cases, once each
    good_line = lambda m: json.dumps({"title": "结构" + m, "content": f"正文标记{m}。"}, ensure_ascii=False)  # noqa: E731
    m1, m2 = _marker(rng, used), _marker(rng, used)
    put(
        "deep.jsonl",
        ("\n".join([good_line(m1), "[" * 100_000 + "]" * 100_000, good_line(m2)]) + "\n").encode(),
        "records",
        [m1, m2],
        "deep JSON line",
    )
    m1, m2 = _marker(rng, used), _marker(rng, used)
    put(
        "hugeint.jsonl",
        (
            "\n".join([good_line(m1), '{"title": "x", "n": ' + "9" * 6000 + "}", good_line(m2)]) + "\n"
        ).encode(),
        "records",
        [m1, m2],
        "huge integer",
    )
    m1 = _marker(rng, used)
    rows = ["title,content", f"结构{m1},正文标记{m1}。", '坏行,"没有结束的引号'] + [
        f"后面{i},正文{i}" for i in range(40)
    ]
    put("unterminated.csv", ("\n".join(rows) + "\n").encode(), "records", [m1], "unterminated quote")
    put(
        "columns.csv",
        (
            ",".join(f"c{i}" for i in range(100_000)) + "\n" + ",".join("x" for _ in range(100_000)) + "\n"
        ).encode(),
        "any",
        note="100k columns",
    )
    put(
        "nested.html",
        ("<html><body>" + "<div>" * 50_000 + "深层嵌套" + "</div>" * 50_000 + "</body></html>").encode(),
        "any",
        note="deep HTML nesting",
    )
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(
            f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i else "&lol;" * 10}">' for i in range(10)
        )
        + "]><html><body><p>&lol9;</p></body></html>"
    )
    put("laughs.html", laughs.encode(), "any", note="XML entity expansion")
    put("laughs.xhtml", laughs.encode(), "any", note="XML entity expansion")
    put("deep.json", ("[" * 200_000).encode(), "junk", note="deep JSON document")
    put("emptyish.txt", "\u3000\n\ufeff\u200b\n".encode(), "junk", note="whitespace only")
    put("empty.md", b"", "junk", note="empty")
    for encoding in ("utf-8", "gb18030", "big5hkscs", "utf-16-le", "utf-16-be"):
        trad = encoding == "big5hkscs"
        title, paras = _story_text(rng, _marker(rng, used, TRADITIONAL if trad else COMMON), trad)
        data = ("\n".join([title, "", *paras])).encode(encoding)
        bom = b"\xff\xfe" if encoding == "utf-16-le" else b"\xfe\xff" if encoding == "utf-16-be" else b""
        put(f"truncated-{encoding}.txt", bom + data[:-1], "damaged", note=f"truncated {encoding}")
    if big:
        line = "".join(rng.choice(COMMON) for _ in range(1000))
        put("line50mb.txt", (line * (50 * 1024 * 1024 // 3000)).encode(), "junk", note="50 MB line")
        put(
            "line50mb.jsonl",
            ('{"title": "大", "content": "' + line * (50 * 1024 * 1024 // 3000) + '"}\n').encode(),
            "junk",
            note="50 MB JSON line",
        )
        put(
            "field30mb.csv",
            ("title,content\n大字段," + line * (30 * 1024 * 1024 // 3000) + "\n").encode(),
            "damaged",
            note="30 MB CSV field",
        )
    # special files
    specials = []
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.txt")
        specials.append(Planned("pipe.txt", "junk", note="FIFO"))
        os.symlink("/dev/zero", folder / "zero.txt")
        specials.append(Planned("zero.txt", "junk", note="link to /dev/zero"))
        os.symlink("loop-b.txt", folder / "loop-a.txt")
        os.symlink("loop-a.txt", folder / "loop-b.txt")
        specials += [
            Planned("loop-a.txt", "junk", note="symlink loop"),
            Planned("loop-b.txt", "junk", note="symlink loop"),
        ]
        os.symlink("nowhere.txt", folder / "dangling.txt")
        specials.append(Planned("dangling.txt", "junk", note="broken symlink"))
    unreadable = folder / "unreadable.txt"
    unreadable.write_text("标题\n\n这是一篇不能读的报道。\n", encoding="utf-8")
    os.chmod(unreadable, 0)
    specials.append(
        Planned("unreadable.txt", "junk" if os.geteuid() != 0 else "any", note="unreadable (root reads it)")
    )
    out += specials
    # the random rest
    i = 0
    while len(out) < n:
        kind = JUNK_KINDS[i % len(JUNK_KINDS)]
        suffix = JUNK_SUFFIXES[(i // len(JUNK_KINDS)) % len(JUNK_SUFFIXES)]
        put(f"junk{i:05d}-{kind}{suffix}", _junk_bytes(rng, kind), "junk", note=kind)
        i += 1
    return out


def _pss(pid: int) -> int:
    """Proportional set size in bytes (shared pages divided among the processes sharing them)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _tree_rss(pid: int) -> tuple[int, int, int]:
    """(total resident, largest single process, total proportional) memory in bytes of ``pid`` and
    its descendants (/proc). Resident sizes count pages the workers share with each other (the
    Python runtime, numpy, jieba's mapped files) once per process; the proportional total counts
    them once, which is what the import really holds."""
    try:
        children: dict[int, list[int]] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat", "rb") as fh:
                        parts = fh.read().rsplit(b")", 1)[1].split()
                    children.setdefault(int(parts[1]), []).append(int(entry))
                except OSError:
                    continue
        total, largest, pss, todo = 0, 0, 0, [pid]
        while todo:
            p = todo.pop()
            try:
                with open(f"/proc/{p}/statm") as fh:
                    rss = int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
                total += rss
                largest = max(largest, rss)
                pss += _pss(p)
            except OSError:
                pass
            todo.extend(children.get(p, []))
        return total, largest, pss
    except OSError:
        return 0, 0, 0


def run_index(
    folder: Path, home: Path, timeout: float
) -> tuple[dict | None, float, tuple[int, int, int], bool, str]:
    """(JSON report, seconds, (peak memory of the process tree, of its largest process, of the tree
    with shared pages counted once), hung?, stderr)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    started = time.monotonic()
    # output to files, not pipes: the JSON report of 2,000 failures outgrows a pipe's buffer
    out_file, err_file = tempfile.TemporaryFile(), tempfile.TemporaryFile()
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader", "--home", str(home), "index", str(folder), "--json"],
        stdout=out_file,
        stderr=err_file,
        env=env,
    )
    peak = largest = proportional = 0
    hung = False
    while proc.poll() is None:
        total, one, pss = _tree_rss(proc.pid)
        peak, largest, proportional = max(peak, total), max(largest, one), max(proportional, pss)
        if time.monotonic() - started > timeout:
            hung = True
            proc.kill()
            break
        time.sleep(0.2)
    proc.wait()
    seconds = time.monotonic() - started
    out_file.seek(0)
    err_file.seek(0)
    out, err = out_file.read(), err_file.read()
    out_file.close()
    err_file.close()
    try:
        report = json.loads(out.decode("utf-8", "replace").strip().splitlines()[-1])
    except (ValueError, IndexError):
        report = None
    return report, seconds, (peak, largest, proportional), hung, err.decode("utf-8", "replace")[-2000:]


def check(folder: Path, home: Path, planned: list[Planned], report: dict | None) -> dict:
    from reader.index import SearchRequest, open_index
    from reader.safefiles import shown

    named = {}
    for item in (report or {}).get("failed", []):
        named.setdefault(os.path.basename(item["file"]), []).append(item["reason"])
    lib = open_index(home)
    per_file: dict[str, int] = {}
    for story_id in lib.ids_for(SearchRequest()):
        story = lib.get(story_id)
        per_file[shown(os.path.basename(story.file))] = (
            per_file.get(shown(os.path.basename(story.file)), 0) + 1
        )
    figures = {
        "tried": len(planned),
        "named": 0,
        "imported": 0,
        "junk_stories": 0,
        "junk_imported": [],
        "unnamed_bad": [],
        "missing_good": [],
    }
    for p in planned:
        key = shown(p.name)
        stories = per_file.get(key, 0)
        is_named = key in named
        figures["named"] += is_named
        figures["imported"] += stories > 0
        if p.kind == "junk":
            figures["junk_stories"] += stories
            if stories:
                figures["junk_imported"].append(f"{key} ({p.note}): {stories} stories")
            if not is_named:
                figures["unnamed_bad"].append(f"{key} ({p.note})")
        elif p.kind in ("damaged", "records") and not is_named:
            figures["unnamed_bad"].append(f"{key} ({p.note})")
        for marker in p.markers:
            hits = lib.ids_for(SearchRequest(query=f'"{marker}"'))
            if not any(shown(os.path.basename(lib.get(h).file)) == key for h in hits):
                figures["missing_good"].append(f"{key} ({p.note}) {marker}")
    figures["good_stories"] = sum(len(p.markers) for p in planned)
    lib.close()
    return figures


def run(
    seed: int = 1,
    good: int = 131,
    bad: int = 2050,
    big: bool = True,
    keep: Path | None = None,
    timeout: float = 1800,
) -> dict:
    rng = random.Random(seed)
    tmp = Path(tempfile.mkdtemp(prefix="fuzzi-")) if keep is None else keep
    folder = tmp / "archive"
    home = tmp / "home"
    if folder.exists():
        shutil.rmtree(folder)
    if home.exists():
        shutil.rmtree(home)
    folder.mkdir(parents=True)
    used: set[str] = set()
    try:
        planned = plan_good(rng, folder, good, used) + plan_bad(rng, folder, bad, used, big)
        report, seconds, (peak, largest, proportional), hung, err = run_index(folder, home, timeout)
        figures = check(folder, home, planned, report) if not hung else {"tried": len(planned)}
        figures.update(
            {
                "hangs": int(hung),
                "peak_mb": round(peak / 2**20),
                "peak_pss_mb": round(proportional / 2**20),
                "largest_process_mb": round(largest / 2**20),
                "seconds": round(seconds, 1),
                "crashed": report is None and not hung,
                "stderr": err if report is None else "",
                "good_files": good,
                "bad_files": len(planned) - good,
            }
        )
        return figures
    finally:
        unreadable = folder / "unreadable.txt"
        if unreadable.exists():
            os.chmod(unreadable, 0o600)
        if keep is None:
            shutil.rmtree(tmp, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--good", type=int, default=131)
    parser.add_argument("--bad", type=int, default=2050)
    parser.add_argument("--no-big", action="store_true", help="leave out the 50 MB and 30 MB files")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    parser.add_argument(
        "--timeout", type=float, default=1800, help="seconds before the import counts as hung"
    )
    args = parser.parse_args()
    f = run(args.seed, args.good, args.bad, not args.no_big, args.keep, args.timeout)
    if f.get("hangs"):
        print(f"HUNG after {f['seconds']} s (peak {f['peak_mb']} MB)")
        return 1
    print(
        f"files tried {f['tried']} ({f['good_files']} good, {f['bad_files']} malformed): "
        f"named bad {f['named']}, "
        f"imported as stories {f['imported']}\n"
        f"junk stories {f['junk_stories']}, bad files not named {len(f['unnamed_bad'])}, "
        f"good stories found {f['good_stories'] - len(f['missing_good'])}/{f['good_stories']}\n"
        f"hangs {f['hangs']}, crashed {f['crashed']}, "
        f"peak memory {f['largest_process_mb']} MB (largest process), "
        f"{f['peak_pss_mb']} MB (whole process tree, shared pages counted once), "
        f"{f['peak_mb']} MB (sum of the tree's resident sizes; all sampled every 0.2 s), "
        f"time {f['seconds']} s"
    )
    for line in f["junk_imported"][:10]:
        print("  junk imported:", line)
    for line in f["unnamed_bad"][:10]:
        print("  not named:", line)
    for line in f["missing_good"][:10]:
        print("  not found:", line)
    if f["stderr"]:
        print(f["stderr"])
    ok = not f["junk_stories"] and not f["unnamed_bad"] and not f["missing_good"] and not f["crashed"]
    return 0 if ok and f["peak_pss_mb"] <= 600 else 1  # the memory the whole import holds


if __name__ == "__main__":
    sys.exit(main())
