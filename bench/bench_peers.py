"""reader against its peers on a folder of one-story files: Recoll, Whoosh + jieba, SQLite FTS5 trigram.

    .venv/bin/python bench/bench_peers.py [--n 10000] [--corpus DIR] [--per-class 20] [--keep DIR]
                                          [--engines reader,recoll,whoosh,fts5]

A folder of N ``.txt`` files, one story each (title, a date and source line, paragraphs: how a
librarian's saved archive looks), is built from ``../shared/corpus`` (stories beyond the corpus's
~30,000 are recombined from its paragraphs, as ``bench_search.py`` does). Every engine imports the
folder in a process of its own (wall time, CPU of all its processes, peak memory, index size on
disk), then answers the same queries in one process: 1-character, 2-character, 3–4-character,
a quoted 6-character phrase and two 2-character words ANDed, each typed in simplified and in
traditional characters. Query time is the time to the first page of 20 results (reader's with its facet
counts and highlighted snippets); the "bare page" rows time the page as the peers give it, matched,
ranked and its 20 documents read, without snippets or facet counts (for the peers the same figure:
theirs has neither). Every match is then read, untimed, for recall against brute force: the files
whose text contains the query (simplified and traditional folded alike, as reader folds; reader
indexes the parsed story without the file's boilerplate, and a word found only there counts against
it). Last, 100 new files are added and imported again.

How each engine is driven, as its users would:
- reader: ``reader --home H index FOLDER`` (the CLI import), queries through ``reader.index`` with
  facet counts (``SearchRequest(facets=True)``), every match from ``ids_for``;
- Recoll (Debian ``recoll``, ``python3-recoll``): ``recollindex -c CONF`` over the folder with its
  default CJK n-gram indexing, queries through the ``recoll`` Python module of the system Python,
  no facets (Recoll has none to count);
- Whoosh + jieba: each new file read and indexed with jieba's ``ChineseAnalyzer`` (title and body),
  queries through Whoosh's ``MultifieldParser``;
- FTS5: SQLite's ``fts5`` table with the ``trigram`` tokenizer; 3+ character queries with MATCH,
  shorter ones with ``LIKE`` (trigram cannot match them).

The bench installs nothing: an engine whose tools are missing is reported and skipped. Figures
are printed with their ratio to Recoll's. The machine is shared and noisy: read the ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SYSTEM_PYTHON = "/usr/bin/python3"  # Debian's python3-recoll is built for it
CJK = re.compile(r"[\u4e00-\u9fff]+")
CLASSES = ("1-char", "2-char", "3-4-char", "phrase", "AND")
ENGINES = ("reader", "recoll", "whoosh", "fts5")
#: Engines whose import is incremental: a second run on the same folder is a re-run, not a rebuild.
INCREMENTAL = ("reader", "recoll")
#: Results a query's first page shows (what query times measure; recall reads every match, untimed).
PAGE = 20


# -- the folder and the queries -----------------------------------------------------------------


def build_folder(corpus: Path, n: int, folder: Path) -> int:
    """Write N one-story text files; returns how many were recombined beyond the corpus."""
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_search import make_stories

    stories, extra = make_stories(corpus, n)
    folder.mkdir(parents=True, exist_ok=True)
    for i, s in enumerate(stories):
        write_story(folder / f"story{i:06d}.txt", s)
    return extra


def write_story(path: Path, s: dict) -> None:
    head = " ".join(x for x in (s.get("date_iso", ""), s.get("source", "")) if x)
    paras = [p for p in (s.get("content") or "").split("\n") if p.strip()]
    path.write_text("\n\n".join([s["title"], head, *paras]) + "\n", encoding="utf-8")


def make_queries(folder: Path, per_class: int) -> list[dict]:
    from reader.text.convert import convert

    rng = random.Random(11)
    files = sorted(folder.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in rng.sample(files, min(len(files), 500))]

    def run(length: int) -> str:
        while True:
            runs = [r for r in CJK.findall(rng.choice(texts)) if len(r) >= length]
            if runs:
                r = rng.choice(runs)
                i = rng.randint(0, len(r) - length)
                return r[i : i + length]

    out = []
    for cls in CLASSES:
        for _ in range(per_class):
            if cls == "AND":
                terms = [run(2), run(2)]
            else:
                length = {"1-char": 1, "2-char": 2, "3-4-char": rng.choice((3, 4)), "phrase": 6}[cls]
                terms = [run(length)]
            for script in ("simplified", "traditional"):
                typed = terms if script == "simplified" else [convert(t, "zh-hant") for t in terms]
                out.append({"class": cls, "script": script, "terms": typed})
    return out


def truth(folder: Path, queries: list[dict]) -> list[set[str]]:
    """Brute force: the files whose folded text holds every folded term."""
    from reader.text.fold import fold

    texts = {p.name: fold(p.read_text(encoding="utf-8")) for p in folder.glob("*.txt")}
    out = []
    for q in queries:
        terms = [fold(t) for t in q["terms"]]
        out.append({name for name, text in texts.items() if all(t in text for t in terms)})
    return out


# -- engines: import (own process) and queries ---------------------------------------------------


_MEASURE = """
import json, os, resource, subprocess, sys, threading, time
# every process of the run is in one new session: CPU and memory are sampled from /proc for all of
# them (forkserver workers are not children of the importer, so its rusage never counts them)
tick = os.sysconf("SC_CLK_TCK")
cpu, peak = {}, {}
def sample(sid):
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            if int(fields[3]) != sid:
                continue
            cpu[pid] = max(cpu.get(pid, 0), int(fields[11]) + int(fields[12]))
            with open(f"/proc/{pid}/status") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        peak[pid] = max(peak.get(pid, 0), int(line.split()[1]))
        except (OSError, IndexError, ValueError):
            pass
t0 = time.perf_counter()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                        start_new_session=True)
err = []
reader = threading.Thread(target=lambda: err.append(proc.stderr.read()), daemon=True)
reader.start()
while proc.poll() is None:
    sample(proc.pid)
    time.sleep(0.2)
wall = time.perf_counter() - t0
reader.join()
r = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu_s = max(r.ru_utime + r.ru_stime, sum(cpu.values()) / tick)
peak_mb = max(r.ru_maxrss, max(peak.values(), default=0)) / 1024
print(json.dumps({"wall_s": wall, "cpu_s": cpu_s, "peak_mb": peak_mb,
                  "code": proc.returncode, "stderr": "".join(err)[-400:]}))
"""


def timed(cmd: list[str], env: dict | None = None) -> dict:
    """Run ``cmd`` to completion under a fresh measuring process: wall and CPU seconds of all its
    processes (sampled from /proc every 0.2 s, or rusage where that counts more), and the peak
    memory (MB) of its largest one."""
    done = subprocess.run([sys.executable, "-c", _MEASURE, *cmd], capture_output=True, text=True, env=env)
    try:
        out = json.loads(done.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        raise RuntimeError(f"{cmd[0]}: measuring failed: {done.stderr.strip()[-400:]}") from None
    if out.pop("code") != 0:
        raise RuntimeError(f"{cmd[0]} failed: {out['stderr'].strip()}")
    out.pop("stderr")
    return out


def du(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 2**20
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def missing(engine: str) -> str:
    """Why ``engine`` cannot run here ('' when it can)."""
    if engine == "recoll":
        if not shutil.which("recollindex"):
            return "recollindex not found (Debian: apt-get install recoll python3-recoll)"
        probe = subprocess.run([SYSTEM_PYTHON, "-c", "import recoll.recoll"], capture_output=True)
        if probe.returncode != 0:
            return f"{SYSTEM_PYTHON} cannot import recoll (Debian: apt-get install python3-recoll)"
    if engine == "whoosh":
        try:
            import jieba  # noqa: F401
            import whoosh  # noqa: F401
        except ImportError as exc:
            return f"{exc.name} not installed in this Python"
    return ""


def recoll_conf(work: Path, folder: Path) -> Path:
    conf = work / "recoll"
    conf.mkdir(parents=True, exist_ok=True)
    (conf / "recoll.conf").write_text(
        f"topdirs = {folder}\nindexallfilenames = 1\nloglevel = 1\nidxflushmb = 50\n", encoding="utf-8"
    )
    return conf


def import_engine(engine: str, work: Path, folder: Path) -> dict:
    py = sys.executable
    me = str(Path(__file__).resolve())
    if engine == "reader":
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        out = timed([py, "-m", "reader", "--home", str(work / "reader"), "index", str(folder)], env)
        out["index_mb"] = du(work / "reader")
    elif engine == "recoll":
        conf = recoll_conf(work, folder)
        out = timed(["recollindex", "-c", str(conf)])
        out["index_mb"] = du(conf / "xapiandb")
    else:
        out = timed([py, me, "--phase", f"import-{engine}", "--work", str(work), "--folder", str(folder)])
        out["index_mb"] = du(work / engine) if engine == "whoosh" else du(work / "fts5.sqlite3")
    return out


def phase_import_whoosh(work: Path, folder: Path) -> None:
    from jieba.analyse import ChineseAnalyzer
    from whoosh import fields, index

    schema = fields.Schema(
        name=fields.ID(stored=True, unique=True),
        title=fields.TEXT(analyzer=ChineseAnalyzer()),
        body=fields.TEXT(analyzer=ChineseAnalyzer()),
    )
    target = work / "whoosh"
    ix = (
        index.open_dir(str(target))
        if target.exists()
        else index.create_in(str(target.mkdir() or target), schema)
    )
    with ix.searcher() as searcher:
        have = {fields["name"] for fields in searcher.all_stored_fields()}
    with ix.writer() as writer:
        for path in sorted(folder.glob("*.txt")):
            if path.name not in have:  # new files only, as an incremental import would
                title, _, body = path.read_text(encoding="utf-8").partition("\n")
                writer.add_document(name=path.name, title=title, body=body)


def phase_import_fts5(work: Path, folder: Path) -> None:
    db = sqlite3.connect(work / "fts5.sqlite3")
    db.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS t USING fts5(name UNINDEXED, title, body, tokenize='trigram')"
    )
    have = {row[0] for row in db.execute("SELECT name FROM t")}
    with db:
        for path in sorted(folder.glob("*.txt")):
            if path.name not in have:
                title, _, body = path.read_text(encoding="utf-8").partition("\n")
                db.execute("INSERT INTO t VALUES (?, ?, ?)", (path.name, title, body))
    db.close()


def query_engine(
    engine: str, work: Path, folder: Path, queries: list[dict]
) -> list[tuple[float, float, set[str]]]:
    """(milliseconds to the first page, to the first page without snippets or facets, matching file
    names) per query, run in one process of the engine's."""
    qfile = work / "queries.json"
    qfile.write_text(json.dumps(queries, ensure_ascii=False), encoding="utf-8")
    py = SYSTEM_PYTHON if engine == "recoll" else sys.executable
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [
            py,
            str(Path(__file__).resolve()),
            "--phase",
            f"query-{engine}",
            "--work",
            str(work),
            "--folder",
            str(folder),
        ],
        capture_output=True,
        text=True,
        env=env,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{engine} queries failed: {done.stderr.strip()[-600:]}")
    return [(ms, bare, set(names)) for ms, bare, names in json.loads(done.stdout)]


def phase_query(engine: str, work: Path, folder: Path) -> None:
    queries = json.loads((work / "queries.json").read_text(encoding="utf-8"))
    run = {
        "reader": _reader_runner,
        "recoll": _recoll_runner,
        "whoosh": _whoosh_runner,
        "fts5": _fts5_runner,
    }[engine](work, folder)
    first_page, every_match, *rest = run
    bare_page = rest[0] if rest else None
    out = []
    for q in queries:
        t0 = time.perf_counter()
        first_page(q)  # what the user waits for: the first 20 results (reader: with facet counts)
        ms = (time.perf_counter() - t0) * 1000
        bare = ms
        if bare_page is not None:  # the same page as the peers give it: no snippets, no facet counts
            t0 = time.perf_counter()
            bare_page(q)
            bare = (time.perf_counter() - t0) * 1000
        out.append((ms, bare, sorted(every_match(q))))  # for recall, not timed
    json.dump(out, sys.stdout, ensure_ascii=False)


def _query_text(q: dict, quote: str = '"') -> str:
    if q["class"] == "phrase":
        return f"{quote}{q['terms'][0]}{quote}"
    return " ".join(q["terms"])


def _reader_runner(work: Path, folder: Path):
    from reader.index import SearchRequest, open_index
    from reader.index.documents import decode_story

    library = open_index(work / "reader")
    names = {}
    for fields in library._get_searcher().all_stored_fields():
        if fields.get("kind") == "story":
            story = decode_story(fields["data"])
            names[story.id] = Path(story.file).name
    library.search(SearchRequest(query="的"))  # first query after opening, as a user's is not timed

    def first_page(q: dict) -> None:
        library.search(SearchRequest(query=_query_text(q), facets=True))

    def every_match(q: dict) -> set[str]:
        return {names[i] for i in library.ids_for(SearchRequest(query=_query_text(q)))}

    def bare_page(q: dict) -> None:
        library._cache._results.clear()  # timed right after the full page: not from its cached matches
        list(library.matches(SearchRequest(query=_query_text(q))).stories(0, PAGE))

    return first_page, every_match, bare_page


def _recoll_runner(work: Path, folder: Path):
    from recoll import recoll

    db = recoll.connect(confdir=str(work / "recoll"))

    def fetch(q: dict, limit: int | None) -> set[str]:
        query = db.query()
        count = query.execute(_query_text(q))
        out = set()
        for _ in range(count if limit is None else min(count, limit)):
            doc = query.fetchone()
            if doc is None:
                break
            out.add(Path(doc.url.replace("file://", "")).name)
        return out

    return (lambda q: fetch(q, PAGE)), (lambda q: fetch(q, None))


def _whoosh_runner(work: Path, folder: Path):
    from whoosh import index
    from whoosh.qparser import MultifieldParser

    ix = index.open_dir(str(work / "whoosh"))
    searcher = ix.searcher()
    parser = MultifieldParser(["title", "body"], ix.schema)

    def fetch(q: dict, limit: int | None) -> set[str]:
        hits = searcher.search(parser.parse(_query_text(q)), limit=limit)
        return {hit["name"] for hit in hits}

    return (lambda q: fetch(q, PAGE)), (lambda q: fetch(q, None))


def _fts5_runner(work: Path, folder: Path):
    db = sqlite3.connect(work / "fts5.sqlite3")

    def fetch(q: dict, limit: int | None) -> set[str]:
        terms = q["terms"]
        tail = f" LIMIT {limit}" if limit else ""
        if all(len(t) >= 3 for t in terms):
            match = " AND ".join(f'"{t}"' for t in terms)
            rows = db.execute("SELECT name FROM t WHERE t MATCH ? ORDER BY rank" + tail, (match,))
        else:
            where = " AND ".join("(title LIKE ? OR body LIKE ?)" for _ in terms)
            args = [x for t in terms for x in (f"%{t}%", f"%{t}%")]
            rows = db.execute(f"SELECT name FROM t WHERE {where}" + tail, args)
        return {row[0] for row in rows}

    return (lambda q: fetch(q, PAGE)), (lambda q: fetch(q, None))


# -- the run and the table -----------------------------------------------------------------------


def percentiles(values: list[float]) -> tuple[float, float]:
    values = sorted(values)
    return statistics.median(values), values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]


def measure(engine: str, work: Path, folder: Path, queries: list[dict], truths: list[set[str]]) -> dict:
    out = import_engine(engine, work, folder)
    results = query_engine(engine, work, folder, queries)
    by_class: dict[str, list[float]] = {c: [] for c in CLASSES}
    bare_by_class: dict[str, list[float]] = {c: [] for c in CLASSES}
    found = wanted = 0
    for q, (ms, bare, names), true in zip(queries, results, truths, strict=True):
        by_class[q["class"]].append(ms)
        bare_by_class[q["class"]].append(bare)
        found += len(names & true)
        wanted += len(true)
    out["query_ms"] = {c: percentiles(v) for c, v in by_class.items()}
    out["bare_ms"] = {c: percentiles(v) for c, v in bare_by_class.items()}
    out["recall"] = found / wanted if wanted else 1.0
    return out


def add_100(engine: str, work: Path, folder: Path, corpus: Path) -> float:
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_search import load_corpus

    rng = random.Random(5)
    for i, s in enumerate(rng.sample(load_corpus(corpus), 100)):
        path = folder / f"added_{engine}_{i:03d}.txt"
        write_story(path, dict(s, title=s["title"] + f"（补{i}）"))
    return import_engine(engine, work, folder)["wall_s"]


def report(n: int, extra: int, results: dict) -> None:
    base = results.get("recoll")

    def ratio(name: str, key, value: float) -> str:
        if not base or name == "recoll":
            return ""
        ref = key(base)
        return f" ({value / ref:.2f}×)" if ref and value is not None else ""

    print(f"\n{n} one-story files ({extra} recombined from corpus paragraphs); ratios are to Recoll's")
    rows = [
        ("import, wall s", lambda r: r["wall_s"]),
        ("import, CPU s (all processes)", lambda r: r["cpu_s"]),
        ("CPU ms per story", lambda r: 1000 * r["cpu_s"] / n),
        ("import throughput, files/s", lambda r: n / r["wall_s"]),
        ("peak memory MB (largest process)", lambda r: r["peak_mb"]),
        ("index on disk MB", lambda r: r["index_mb"]),
        *[(f"query p50 ms, {c}", lambda r, c=c: r["query_ms"][c][0]) for c in CLASSES],
        *[(f"query p95 ms, {c}", lambda r, c=c: r["query_ms"][c][1]) for c in CLASSES],
        *[(f"bare page p50 ms, {c}", lambda r, c=c: r["bare_ms"][c][0]) for c in CLASSES],
        *[(f"bare page p95 ms, {c}", lambda r, c=c: r["bare_ms"][c][1]) for c in CLASSES],
        ("recall vs brute force (both scripts)", lambda r: r["recall"]),
        ("re-run, folder unchanged, wall s", lambda r: r.get("rerun_s")),
        ("add 100 files, wall s", lambda r: r["add100_s"]),
    ]
    names = list(results)
    print(f"{'':40}" + "".join(f"{name:>22}" for name in names))
    for label, key in rows:
        cells = []
        for name in names:
            value = key(results[name])
            if value is None:
                cells.append("–")
                continue
            cells.append(
                f"{value:.3f}{ratio(name, key, value)}"
                if value < 10
                else f"{value:.1f}{ratio(name, key, value)}"
            )
        print(f"{label:40}" + "".join(f"{c:>22}" for c in cells))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=10000, help="one-story files in the folder")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--per-class", type=int, default=20, help="queries per class (each in both scripts)")
    ap.add_argument("--engines", default=",".join(ENGINES))
    ap.add_argument("--keep", type=Path, help="work folder to keep (default: a temporary one)")
    ap.add_argument("--phase", help=argparse.SUPPRESS)
    ap.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.phase:
        kind, _, engine = a.phase.partition("-")
        if kind == "import":
            {"whoosh": phase_import_whoosh, "fts5": phase_import_fts5}[engine](a.work, a.folder)
        else:
            phase_query(engine, a.work, a.folder)
        return 0
    if not a.corpus.is_dir():
        print(f"corpus not found at {a.corpus}: give --corpus DIR (../shared/corpus)")
        return 2
    sys.path.insert(0, str(ROOT))
    work = a.keep or Path(tempfile.mkdtemp(prefix="bench_peers_"))
    folder = work / "folder"
    if folder.exists():
        shutil.rmtree(folder)
    extra = build_folder(a.corpus, a.n, folder)
    queries = make_queries(folder, a.per_class)
    truths = truth(folder, queries)
    results = {}
    for engine in a.engines.split(","):
        why = missing(engine)
        if why:
            print(f"{engine}: skipped, {why}")
            continue
        for leftover in (work / engine, work / "fts5.sqlite3", work / "recoll"):
            if leftover.exists() and (
                engine in leftover.name or leftover.name == "fts5.sqlite3" == f"{engine}.sqlite3"
            ):
                shutil.rmtree(leftover) if leftover.is_dir() else leftover.unlink()
        print(f"{engine}: importing {a.n} files …", flush=True)
        try:
            results[engine] = measure(engine, work, folder, queries, truths)
            if engine in INCREMENTAL:  # the others' import phases build from scratch
                results[engine]["rerun_s"] = import_engine(engine, work, folder)["wall_s"]
            results[engine]["add100_s"] = add_100(engine, work, folder, a.corpus)
        except RuntimeError as exc:
            print(f"{engine}: failed, {exc}")
        for added in folder.glob(f"added_{engine}_*.txt"):
            added.unlink()
    report(a.n, extra, results)
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
