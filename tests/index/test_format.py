"""The on-disk format: compact positions, the bulk term writer, and resetting an index of an older format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from whoosh import index as windex
from whoosh.writing import SegmentWriter

from reader.index import IndexUnavailable, SearchRequest, documents, open_index
from reader.index.archive import VERSION_FILE
from reader.index.schema import SCHEMA_VERSION, CompactPositions, make_schema
from reader.index.storage.codec import codec
from reader.index.storage.writer import FastWriter
from reader.story import Story
from tests.helpers.records import RECORDS, write_jsonl


def test_compact_positions_round_trip():
    fmt = CompactPositions(field_boost=2.0)
    for poses in ([0], [3, 17, 4_000_000], list(range(0, 3000, 7))):
        value = fmt.encode(poses)
        assert fmt.decode_positions(value) == poses
        assert fmt.decode_frequency(value) == len(poses)
        assert fmt.decode_weight(value) == 2.0 * len(poses)
    assert fmt.decode_positions(fmt.combine([fmt.encode([5, 9]), fmt.encode([1, 9])])) == [1, 5, 9]


def _stories(n: int) -> list[Story]:
    out = []
    for i in range(n):
        record = RECORDS[i % len(RECORDS)]
        text = record["content"] * (1 + i % 9)  # some terms with long posting lists
        out.append(
            Story(
                title=record["title"],
                paragraphs=[text],
                source=record["source"],
                date=record["date_iso"],
                authors=[record["author"]] if record["author"] else [],
                tags=[f"topic:t{i % 5}"],
                file=f"f{i}",
                id=f"s{i}",
            )
        )
    return out


class _GenericWriter(FastWriter):
    """FastWriter whose flush and merge use Whoosh's per-posting path (the reference output)."""

    def _flush_segment(self):
        SegmentWriter._flush_segment(self)

    def add_reader(self, reader):
        SegmentWriter.add_reader(self, reader)


def _dump(folder: Path) -> list:
    ix = windex.open_dir(str(folder))
    with ix.reader() as reader:
        out = []
        for fieldname, text in reader.all_terms():
            info = reader.term_info(fieldname, text)
            stats = (info.weight(), info.doc_frequency(), info.min_length(), info.max_length())
            stats += (info.max_weight(), info.min_id(), info.max_id())
            postings = list(reader.postings(fieldname, text).items_as("weight"))
            out.append((fieldname, text, stats, postings))
            if fieldname in ("title", "body"):
                out.append(list(reader.postings(fieldname, text).items_as("positions")))
    ix.close()
    return out


@pytest.mark.parametrize("merge", ["none", "merge", "merge with deletions", "three segments"])
def test_bulk_term_writer_writes_what_whoosh_writes(tmp_path, merge):
    """The bulk writer's segments, written whole or merged (term by term, deleted documents
    dropped and the rest renumbered), hold exactly what Whoosh's own writer and merge give."""
    dumps = []
    for cls in (FastWriter, _GenericWriter):
        folder = tmp_path / cls.__name__
        folder.mkdir()
        ix = windex.create_in(str(folder), make_schema())
        stories = _stories(300)
        cuts = {"none": [300], "three segments": [100, 220, 300]}.get(merge, [150, 300])
        batches = [stories[a:b] for a, b in zip([0, *cuts], cuts, strict=False)]
        for batch in batches:
            writer = cls(ix, codec=codec())
            if merge == "merge with deletions" and batch is batches[-1]:
                for i in range(0, 150, 7):  # in the first segment: merged without them
                    writer.delete_by_term("id", f"s{i}")
            for story in batch:
                writer.add_document(**documents.story_document(story))
            writer.commit(optimize=merge != "none" and batch is batches[-1])
        if merge != "none":
            assert len(ix._segments()) == 1
        if merge == "merge with deletions":
            with ix.searcher() as searcher:
                assert searcher.doc_count() == searcher.doc_count_all() == 300 - len(range(0, 150, 7))
        dumps.append(_dump(folder))
        ix.close()
    assert dumps[0] == dumps[1]
    assert len(dumps[0]) > 100


def _library_with_roots(tmp_path: Path):
    archive = tmp_path / "archive"
    for record in RECORDS:
        write_jsonl(archive / f"{record['id']}.jsonl", [record])
    library = open_index(tmp_path / "home")
    library.update([archive])
    assert library.count() == len(RECORDS)
    library.close()
    return archive


def test_index_of_an_older_format_is_reset_and_rebuilt(tmp_path):
    archive = _library_with_roots(tmp_path)
    home = tmp_path / "home"
    library = open_index(home)
    meta_path = library.dir / VERSION_FILE
    library.close()
    assert json.loads(meta_path.read_text(encoding="utf-8"))["schema"] == SCHEMA_VERSION
    meta_path.unlink()  # an index from before format versions (format 1)

    library = open_index(home)
    assert library.count() == 0
    assert library.notices and "older version" in library.notices[0]
    assert library.roots() == [str(archive.resolve())]
    results = library.search(SearchRequest(query="上饶"))
    assert results.total == 0 and any("rebuild" in note for note in results.notes)
    library.close()

    library = open_index(home)  # still pending after reopening
    assert library.notices
    report = library.update()
    assert report.added == len(RECORDS)
    assert library.notices == []
    assert library.search(SearchRequest(query="上饶")).total >= 2
    assert library.search(SearchRequest(query="上饶")).notes == []
    library.close()
    assert json.loads(meta_path.read_text(encoding="utf-8"))["rebuild_roots"] == []
    assert open_index(home).notices == []


def test_pending_rebuild_also_reimports_old_roots_when_new_ones_are_given(tmp_path):
    _library_with_roots(tmp_path)
    home = tmp_path / "home"
    for meta in home.rglob(VERSION_FILE):
        meta.unlink()
    other = write_jsonl(tmp_path / "other" / "x.jsonl", [dict(RECORDS[0], id="x1", title="另一个文件夹")])
    library = open_index(home)
    report = library.update([other.parent])
    assert report.added == len(RECORDS) + 1
    assert library.count() == len(RECORDS) + 1
    library.close()


def test_index_of_a_newer_format_is_refused_not_destroyed(tmp_path):
    _library_with_roots(tmp_path)
    home = tmp_path / "home"
    library = open_index(home)
    meta_path = library.dir / VERSION_FILE
    library.close()
    meta_path.write_text(json.dumps({"schema": SCHEMA_VERSION + 1}), encoding="utf-8")
    with pytest.raises(IndexUnavailable, match="newer version"):
        open_index(home)
    meta_path.write_text(json.dumps({"schema": SCHEMA_VERSION}), encoding="utf-8")
    assert open_index(home).count() == len(RECORDS)


def test_term_pool_sorts_postings_added_out_of_order():
    from reader.index.storage.writer import TermPool

    pool = TermPool()
    for docnum in (0, 5, 2):
        pool.add(("body", b"x", docnum, 1.0, b"\x00\x00\x00\x00"))
    pool.add(("body", b"a", 7, 2.0, None))
    assert not pool.ordered
    assert [p[:3] for p in pool.iter_postings()] == [
        ("body", b"a", 7),
        ("body", b"x", 0),
        ("body", b"x", 2),
        ("body", b"x", 5),
    ]


def test_term_pool_gives_back_each_posting_exactly():
    from reader.index.storage.writer import TermPool

    pool = TermPool()
    long_value = bytes(range(256)) * 300  # longer than any uint16 length
    added = [
        ("body", b"x", 0, 0.1, b"\x01\x00\x00\x00"),
        ("body", b"x", 3, 2.5, long_value),
        ("body", b"x", 9, 1e300, b""),
        ("id", b"a", 9, 1.0, ""),
    ]
    for item in added:
        pool.add(item)
    assert pool.ordered and pool.count == 4
    assert pool.postings("body", b"x") == ([0, 3, 9], [0.1, 2.5, 1e300], [added[0][4], long_value, b""])
    assert list(pool.iter_postings()) == [
        ("body", b"x", 0, 0.1, added[0][4]),
        ("body", b"x", 3, 2.5, long_value),
        ("body", b"x", 9, 1e300, b""),
        ("id", b"a", 9, 1.0, b""),
    ]


def test_compound_sub_files_are_read_without_copying(tmp_path):
    import io
    import pickle
    import struct

    from whoosh.filedb import compound

    from reader.index.storage import ensure_ready

    ensure_ready()  # what opening an index does: compound storage's sub-files are then mapped views
    BufferFile = compound.BufferFile
    payload = struct.pack("!i", -7) + pickle.dumps({"a": [1, 2]}, 2) + b"line one\nline two"
    buf = memoryview(b"xx" + payload)[2:]
    f = BufferFile(buf, name="t")
    assert not isinstance(f.file, io.BytesIO)
    assert f.read_int() == -7
    assert f.read_pickle() == {"a": [1, 2]}
    assert f.file.readline() == b"line one\n" and f.file.read() == b"line two"
    f.seek(0)
    assert f.read_int() == -7 and f.get(0, 4) == struct.pack("!i", -7)
    f.seek(-3, 2)
    assert f.file.read() == b"two"


def _pickled_modules(toc: Path) -> set[str]:
    """The modules whose classes a table of contents names (every pickle in it, any protocol)."""
    import pickletools

    data, found, at = toc.read_bytes(), set(), 0
    while (at := data.find(b"\x80", at)) >= 0:  # each pickle starts with PROTO
        try:
            ops = list(pickletools.genops(data[at:]))
        except Exception:  # a byte that only looks like a pickle's start
            at += 1
            continue
        strings: list[str] = []  # what string opcodes and memo lookups pushed, in order
        memo: dict[int, str] = {}
        for op, arg, _ in ops:
            if op.name == "GLOBAL":
                found.add(str(arg).split(" ")[0])
            elif isinstance(arg, str) and "UNICODE" in op.name:
                strings.append(arg)
            elif op.name == "MEMOIZE" and strings:
                memo[len(memo)] = strings[-1]
            elif op.name in ("BINGET", "LONG_BINGET") and arg in memo:
                strings.append(memo[arg])
            elif op.name == "STACK_GLOBAL" and len(strings) >= 2:
                found.add(strings[-2])
        at += ops[-1][2] + 1  # past this pickle's STOP
    return found


def test_a_new_index_names_only_the_recorded_modules_in_its_table_of_contents(tmp_path):
    """Whoosh pickles reader's classes by module path: moving one must be a decision (PICKLED_MODULES)."""
    from reader.index.storage.opening import PICKLED_MODULES

    write_jsonl(tmp_path / "archive" / "a.jsonl", RECORDS)
    library = open_index(tmp_path / "home")
    library.update([tmp_path / "archive"])
    library.close()
    (toc,) = (tmp_path / "home" / "index").glob("_MAIN_*.toc")
    ours = {m for m in _pickled_modules(toc) if m.startswith("reader")}
    assert ours and ours <= set(PICKLED_MODULES)


def test_an_index_of_the_previous_release_opens_where_its_codec_had_another_module(tmp_path, monkeypatch):
    """Indexes written before storage was one package name ``reader.index.codec``: they open as they are."""
    import subprocess
    import sys

    from reader.index.storage.codec import RawCodec

    write_jsonl(tmp_path / "archive" / "a.jsonl", RECORDS)
    library = open_index(tmp_path / "home")  # registers the old path, so pickle can name the class by it
    monkeypatch.setattr(RawCodec, "__module__", "reader.index.codec")  # as the previous release named it
    library.update([tmp_path / "archive"])
    total = library.search(SearchRequest(query="上饶")).total
    library.close()
    monkeypatch.undo()
    (toc,) = (tmp_path / "home" / "index").glob("_MAIN_*.toc")
    assert "reader.index.codec" in _pickled_modules(toc)
    assert "reader.index.storage.codec" not in _pickled_modules(toc)
    script = (
        "import sys\nfrom reader.index import SearchRequest, open_index\n"
        "ix = open_index(sys.argv[1])\n"
        "print(ix.count(), ix.search(SearchRequest(query='上饶')).total, ix.notices)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "home")], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split(" ", 2)[:2] == [str(len(RECORDS)), str(total)] and total > 0
    assert done.stdout.strip().endswith("[]")  # opened as it is: no reset, nothing to re-import
