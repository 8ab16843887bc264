"""The flat posting blocks: what bulk reading returns equals Whoosh's own matchers, positions included."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from reader.index import SearchRequest, open_index
from reader.index.storage.codec import RawCodec, posting_arrays, posting_positions
from reader.index.storage.patches import release_mapped_pages
from tests.helpers.records import write_jsonl


def _long_library(tmp_path, n=700):
    """Enough stories that common terms span several blocks of 256 postings."""
    records = [
        {
            "id": f"s{i}",
            "title": f"上饶新闻第{i}号",
            "content": f"上饶经开区{'马家柚' if i % 3 == 0 else '南丰蜜桔'}今年丰收。" + "上饶" * (i % 5),
            "date_iso": f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "source": "上饶日报" if i % 2 else "新华网",
        }
        for i in range(n)
    ]
    write_jsonl(tmp_path / "archive" / "all.jsonl", records)
    library = open_index(tmp_path / "home")
    library.update([tmp_path / "archive"])
    return library


def _whoosh_postings(reader, fieldname, tbytes):
    m = reader.postings(fieldname, tbytes)
    ids, weights, values = [], [], []
    while m.is_active():
        ids.append(m.id())
        weights.append(m.weight())
        values.append(m.value())
        m.next()
    return ids, weights, values


def test_bulk_reading_equals_whoosh_matchers(tmp_path):
    library = _long_library(tmp_path)
    searcher = library._get_searcher()
    checked_multi_block = False
    for sub, _offset in searcher.leaf_searchers():
        reader = sub.reader()
        assert isinstance(reader.segment().codec(), RawCodec)
        fmt = sub.schema["body"].format
        for term in ("上", "上饶", "柚", "马家", "丰收", "蜜桔", "没有"):
            tbytes = term.encode("utf-8")
            ids, weights = posting_arrays(reader, "body", tbytes)
            if ("body", tbytes) not in reader:
                assert len(ids) == 0
                continue
            w_ids, w_weights, w_values = _whoosh_postings(reader, "body", tbytes)
            assert ids.tolist() == w_ids
            assert weights.tolist() == pytest.approx(w_weights)
            checked_multi_block |= len(w_ids) > 256
            wanted = np.array(w_ids[::3], dtype=np.int64)
            docs, positions = posting_positions(reader, "body", tbytes, wanted, fmt.decode_positions)
            expected = [
                (d, p)
                for d, v in zip(w_ids, w_values, strict=True)
                if d in set(wanted.tolist())
                for p in fmt.decode_positions(v)
            ]
            assert list(zip(docs.tolist(), positions.tolist(), strict=True)) == expected
    assert checked_multi_block


def test_search_after_releasing_mapped_pages(tmp_path):
    library = _long_library(tmp_path, n=300)
    before = library.search(SearchRequest(query="马家柚", page_size=5))
    assert release_mapped_pages(library._get_searcher()) >= 1
    after = library.search(SearchRequest(query="马家柚", page_size=5))
    assert after.total == before.total == 100
    assert [h.id for h in after.hits] == [h.id for h in before.hits]


def test_inline_postings_round_trip_and_old_pickles_still_read():
    import pickle

    from reader.index.storage.codec import RawTermInfo, _read_inline, inline_payload

    cases = [
        ((3, 9), (1.0, 3.0), (b"\x01\x00\x00\x00", b"\x02\x00\x00\x00\x07\x00\x00\x00")),
        ((5,), (1.0,), ()),  # a format without values (tags)
        ((1, 2), (1.0, 1.0), (b"x" * 70000, b"y")),  # too long for the flat form: pickled
    ]
    for ids, weights, values in cases:
        payload = inline_payload(ids, weights, values)
        assert _read_inline(payload, len(ids)) == (ids, weights, values)
        assert _read_inline(pickle.dumps((ids, weights, values), 2), len(ids)) == (ids, weights, values)
    assert len(inline_payload(*cases[0])) < len(pickle.dumps(cases[0], 2)) / 2
    info = RawTermInfo()
    info._weight, info._df, info._minid, info._maxid, info._maxweight = 4.0, 2, 3, 9, 3.0
    info._minlength, info._maxlength = 10, 20
    info.set_inlined(*cases[0][:2], cases[0][2])
    back = RawTermInfo.from_bytes(info.to_bytes())
    assert back.inlined_postings() == cases[0] and back.doc_frequency() == 2 and back.max_id() == 9


def test_compact_inline_entries_keep_every_statistic_and_position():
    from array import array

    from reader.index.storage.codec import RawTermInfo, _read_inline, inline_payload, inline_terminfo

    def positions(*values: int) -> bytes:
        return array("I", values).tobytes()

    short = ((3, 9, 40), (1.0, 3.0, 2.0), (positions(7), positions(1, 5, 65535), positions(0, 2)))
    wide = ((3, 9), (1.0, 2.0), (positions(7), positions(70000, 70001)))  # past 16 bits: kept as uint32
    boosted = ((3, 9), (3.0, 6.0), (positions(7), positions(1, 5)))  # weights not counts: kept
    many = ((4,), (300.0,), (positions(*range(300)),))  # a count over 255: weights kept
    for ids, weights, values in (short, wide, boosted, many):
        assert _read_inline(inline_payload(ids, weights, values, positions=True), len(ids)) == (
            ids,
            weights,
            values,
        )
        entry = inline_terminfo(sum(weights), 12, 30, max(weights), ids, weights, values, positions=True)
        info = RawTermInfo.from_bytes(entry)
        assert info.inlined_postings() == (ids, weights, values)
        assert (info.doc_frequency(), info.min_id(), info.max_id()) == (len(ids), ids[0], ids[-1])
        assert (info.weight(), info.max_weight()) == (sum(weights), max(weights))
        assert (info.min_length(), info.max_length()) == (12, 30)
        old = RawTermInfo()  # W3's long fixed part still reads
        old._weight, old._df, old._minid, old._maxid, old._maxweight = (
            sum(weights),
            len(ids),
            ids[0],
            ids[-1],
            3.0,
        )
        old._minlength, old._maxlength = 12, 30
        old.set_inlined(ids, weights, values)
        assert RawTermInfo.from_bytes(old.to_bytes()).inlined_postings() == (ids, weights, values)
    long_form = 26 + len(inline_payload(*short))
    # 22 bytes of fixed part, 2 of each of the 6 positions, and of each of the 3 postings its
    # half-float weight (the count of its positions) and a byte of its count saved
    assert len(inline_terminfo(6.0, 12, 30, 3.0, *short, positions=True)) == long_form - 22 - 2 * 6 - 3 * 3
    boosted_form = 26 + len(inline_payload(*boosted))
    assert len(inline_terminfo(9.0, 12, 30, 6.0, *boosted, positions=True)) == boosted_form - 22 - 2 * 3


def test_a_term_in_one_document_takes_five_bytes_and_its_positions_and_keeps_every_statistic():
    from array import array

    from reader.index.storage.codec import _SINGLE_FLAG, RawTermInfo, inline_terminfo

    positions = array("I", [3, 70, 65535]).tobytes()
    entry = inline_terminfo(3.0, 12, 12, 3.0, (40000,), (3.0,), (positions,), positions=True)
    assert len(entry) == 5 + 2 * 3
    info = RawTermInfo.from_bytes(entry)
    assert info.inlined_postings() == ((40000,), (3.0,), (positions,))
    assert (info.doc_frequency(), info.min_id(), info.max_id()) == (1, 40000, 40000)
    assert (info.weight(), info.max_weight()) == (3.0, 3.0)
    assert (info.min_length(), info.max_length()) == (12, 12)
    # what does not fit the form keeps the compact one: a boosted weight, a docnum or a position past
    # 16 bits, 256 positions
    many = array("I", range(256)).tobytes()
    for ids, weights, values in (
        ((5,), (9.0,), (positions,)),
        ((70000,), (3.0,), (positions,)),
        ((5,), (2.0,), (array("I", [1, 70000]).tobytes(),)),
        ((5,), (256.0,), (many,)),
    ):
        entry = inline_terminfo(weights[0], 12, 12, weights[0], ids, weights, values, positions=True)
        assert entry[0] != _SINGLE_FLAG
        assert RawTermInfo.from_bytes(entry).inlined_postings() == (ids, weights, values)


def _write_postings(postings, fmt, blocklimit=4):
    """One posting list written by RawPostingsWriter: (file bytes, its term info)."""
    from io import BytesIO

    from whoosh.filedb.structfile import StructFile

    from reader.index.storage.codec import RawTermInfo

    written: list[bytes] = []
    postfile = StructFile(BytesIO(), onclose=lambda f: written.append(f.file.getvalue()))
    writer = RawCodec(blocklimit=blocklimit, inlinelimit=1).postings_writer(postfile)
    writer.start_postings(fmt, RawTermInfo())
    for docnum, weight, value in postings:
        writer.add_posting(docnum, weight, value, 10)
    info = writer.finish_postings()
    postfile.close()
    return written[0], info


@pytest.mark.parametrize(
    "ids, weights, gaps_past_16_bits",
    [
        (list(range(0, 39, 3)), [1.0, 3.0, 1.5, 2.0] * 3 + [4.5], False),  # narrow everything, gaps in a byte
        (list(range(0, 3900, 300)), [1.0, 3.0, 1.5, 2.0] * 3 + [4.5], False),  # ids in 16 bits
        ([5, 70_000, 70_001, 200_000, 200_003, 9_000_000], [0.1, 1.0, 2.0, 3.3, 1.0, 7.0], True),  # wide
    ],
)
def test_blocks_keep_ids_weights_and_positions_in_narrow_and_wide_layouts(ids, weights, gaps_past_16_bits):
    from array import array

    from whoosh.filedb.structfile import BufferFile

    from reader.index.schema import CompactPositions
    from reader.index.storage.codec import (
        _GAPS,
        _IDS_U8,
        _IDS_U16,
        _NARROW,
        _PLANES,
        _WEIGHTS_F16,
        RawLeafMatcher,
        _unpack_values,
        flat_blocks,
    )

    fmt = CompactPositions()
    step = 70_000 if gaps_past_16_bits else 7
    values = [array("I", [i * step + j for j in range(1 + i % 3)]).tobytes() for i in range(len(ids))]
    data, info = _write_postings(list(zip(ids, weights, values, strict=True)), fmt)
    offset, length = info.extent()
    length = length[0] if isinstance(length, tuple) else length
    read_ids, read_weights, read_values, layouts = [], [], [], []
    for block_ids, block_weights, (buf, start, vlen, layout), count in flat_blocks(
        memoryview(data)[offset : offset + length], "test"
    ):
        read_ids += block_ids.tolist()
        read_weights += block_weights.tolist()
        read_values += _unpack_values(bytes(buf[start : start + vlen]), count, layout, block_weights)
        layouts.append(layout)
    if gaps_past_16_bits:  # the first block's ids span more than 16 bits, a weight is no half float
        assert layouts[0] == _GAPS | _PLANES
    else:
        blocks = [ids[i : i + 4] for i in range(0, len(ids), 4)]  # _write_postings' blocklimit
        gaps = [max((b - a for a, b in itertools.pairwise(block)), default=0) for block in blocks]
        narrow = _WEIGHTS_F16 | _GAPS | _PLANES | _NARROW
        assert layouts == [(_IDS_U8 if g < 256 else _IDS_U16) | narrow for g in gaps]
    expected_weights = np.asarray(weights, dtype=np.float32).tolist()
    assert (read_ids, read_weights, read_values) == (ids, expected_weights, values)
    matcher = RawLeafMatcher(BufferFile(memoryview(data)), offset, length, fmt)  # Whoosh's own reading
    seen = []
    while matcher.is_active():
        seen.append((matcher.id(), matcher.weight(), matcher.value()))
        matcher.next()
    assert seen == list(zip(ids, expected_weights, values, strict=True))


def test_blocks_whose_weights_are_their_counts_keep_the_counts_as_weights_and_lose_nothing():
    from array import array

    from whoosh.filedb.structfile import BufferFile

    from reader.index.schema import CompactPositions
    from reader.index.storage.codec import _COUNTED, _GAPS, RawLeafMatcher, _block_positions, flat_blocks

    ids = list(range(0, 600, 3))
    values = [array("I", [i * 7 + j for j in range(1 + i % 4)]).tobytes() for i in range(len(ids))]
    counted = [(d, float(len(v) // 4), v) for d, v in zip(ids, values, strict=True)]
    boosted = [(d, 3.0 * (len(v) // 4), v) for d, v in zip(ids, values, strict=True)]  # a title's weights
    fmt = CompactPositions()
    data, info = _write_postings(counted, fmt, blocklimit=64)
    other, _ = _write_postings(boosted, fmt, blocklimit=64)
    # a byte a posting for its count (not a half float), and no counts in the compressed part
    assert len(other) - len(data) >= len(ids)
    offset, length = info.extent()
    length = length[0] if isinstance(length, tuple) else length
    read = []
    for block_ids, block_weights, (buf, start, vlen, layout), count in flat_blocks(
        memoryview(data)[offset : offset + length], "test"
    ):
        assert layout & (_COUNTED | _GAPS) == _COUNTED | _GAPS
        per_posting, positions = _block_positions(buf[start : start + vlen], count, layout, block_weights)
        assert per_posting.tolist() == block_weights.tolist()
        at = 0
        for docnum, weight, n in zip(
            block_ids.tolist(), block_weights.tolist(), per_posting.tolist(), strict=True
        ):
            read.append((docnum, float(weight), positions[at : at + n].tobytes()))
            at += n
    assert read == counted
    matcher = RawLeafMatcher(BufferFile(memoryview(data)), offset, length, fmt)  # Whoosh's own reading
    seen = []
    while matcher.is_active():
        seen.append((matcher.id(), matcher.weight(), matcher.value()))
        matcher.next()
    assert seen == counted


def test_narrow_blocks_and_inline_entries_take_half_the_bytes_a_posting():
    from array import array

    from reader.index.schema import CompactPositions
    from reader.index.storage.codec import inline_payload

    one = [array("I", [i]).tobytes() for i in range(256)]
    narrow, _ = _write_postings([(i, 1.0, one[i]) for i in range(256)], CompactPositions(), blocklimit=256)
    wide, _ = _write_postings(
        [(i * 70_000, 0.1, one[i]) for i in range(256)], CompactPositions(), blocklimit=256
    )
    assert len(wide) - len(narrow) >= 256 * 4 - 4  # 2 bytes an id and 2 a weight, less the first id
    small = inline_payload((3, 9), (1.0, 1.5), (one[1], one[2]), positions=True)
    large = inline_payload((3, 70_000), (1.0, 0.1), (one[1], one[2]), positions=True)
    assert len(large) - len(small) == 2 * 4


def test_mapped_pages_are_released_once_reads_have_faulted_in_enough_not_after_each(tmp_path, monkeypatch):
    """Releasing after every search, and faulting the same pages in again, was a fifth of its time."""
    from reader.index import archive, storage

    library = _long_library(tmp_path, n=30)
    faults = [0]
    monkeypatch.setattr(archive, "_page_faults", lambda: faults[0])
    library._faults_at_release = 0
    released = []
    monkeypatch.setattr(storage, "release_mapped_pages", lambda searcher: released.append(searcher) or 1)
    budget = library.release_after_bytes // archive._FAULT_BYTES
    assert budget > 1
    for _ in range(3):  # reads that fault nothing in keep their pages
        library.search(SearchRequest(query="马家柚", page_size=5))
    faults[0] = budget - 1
    library.ids_for(SearchRequest(query="马家柚"))
    assert released == []
    faults[0] = budget  # every kind of read counts
    library.matches(SearchRequest(query="马家柚"))
    assert len(released) == 1
    library.search(SearchRequest(query="马家柚"))
    assert len(released) == 1  # counted again from the release
    faults[0] = 2 * budget
    library.search(SearchRequest(query="马家柚"))
    assert len(released) == 2


def test_byte_planes_give_back_the_numbers_and_deflate_smaller():
    import zlib

    from reader.index.storage.codec import _U16, _U32, _from_planes, _planes

    rng = np.random.default_rng(3)
    for kind in (_U16, _U32):
        for numbers in (np.zeros(0, dtype=kind), rng.integers(0, 300, 1000).astype(kind)):
            assert np.array_equal(_from_planes(_planes(numbers), kind), numbers)
    gaps = rng.geometric(0.05, 5000).astype(_U16)  # position gaps: mostly under 256
    assert len(zlib.compress(_planes(gaps), 1)) < len(zlib.compress(gaps.tobytes(), 1))
