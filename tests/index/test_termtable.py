"""The compact term table: every key found, misses missed, ordered reading from any key."""

from __future__ import annotations

import bisect
import random
import struct
import zlib
from io import BytesIO

import pytest
from whoosh.filedb.structfile import BufferFile, StructFile

from reader.index.storage import termtable
from reader.index.storage.codec import RawTermsReader
from reader.index.storage.errors import StorageError
from reader.index.storage.termtable import SPARSE, STEM, TermTable, TermTableWriter


def _write(items: list[tuple[bytes, bytes]], extras: dict | None = None) -> bytes:
    written: list[bytes] = []
    writer = TermTableWriter(StructFile(BytesIO(), onclose=lambda f: written.append(f.file.getvalue())))
    writer.extras.update(extras or {"fieldmap": {"body": 0}})
    for key, value in items:
        writer.add(key, value)
    end = writer.close()
    assert end == len(written[0])
    return written[0]


def _tables(data: bytes) -> list[TermTable]:
    """The same table read in place from a mapping and through an unmapped file's reads."""
    return [
        TermTable(BufferFile(memoryview(data)), len(data)),
        TermTable(StructFile(BytesIO(data)), len(data)),
    ]


def _library_like_items(n: int = 1500) -> list[tuple[bytes, bytes]]:
    """Keys as a segment has them (field number, then UTF-8 terms), values of a dozen bytes or so."""
    rng = random.Random(7)
    chars = "上饶经开区马家柚南丰蜜桔今年丰收新华网人民日报记者"
    keys = set()
    while len(keys) < n:
        field = struct.pack(">H", rng.randrange(3))
        keys.add(field + "".join(rng.choices(chars, k=rng.randint(1, 3))).encode())
    return [(key, rng.randbytes(rng.randint(0, 40))) for key in sorted(keys)]


def test_every_key_is_found_and_misses_are_missed():
    items = _library_like_items()
    for table in _tables(_write(items, {"fieldmap": {"body": 0, "title": 1}})):
        assert table.count == len(items)
        assert table.extras == {"fieldmap": {"body": 0, "title": 1}}
        for key, value in items:
            assert table.lookup(key) == value
            assert table[key] == value and key in table and table.get(key) == value
            datapos, datalen = table.range_for_key(key)
            assert table.dbfile.get(datapos, datalen) == value
        for missing in (b"", b"\x00\x00", b"\x00\x00zz", items[-1][0] + b"\x00", b"\xff\xff"):
            assert table.lookup(missing) is None and missing not in table
            assert table.get(missing, "none") == "none"
            with pytest.raises(KeyError):
                table[missing]
            with pytest.raises(KeyError):
                table.range_for_key(missing)
        table.close()


def test_keys_whose_hashes_collide_are_told_apart_by_their_bytes():
    assert zlib.crc32(b"plumless") == zlib.crc32(b"buckeroo")  # a known CRC-32 collision
    items = [(b"buckeroo", b"first"), (b"plumless", b"second"), (b"plumlest", b"third")]
    for table in _tables(_write(items)):
        assert [table.lookup(k) for k, _v in items] == [b"first", b"second", b"third"]
        assert table.lookup(b"plumlesz") is None


def test_ordered_reading_from_any_key_across_the_sparse_samples():
    items = _library_like_items(SPARSE * 5 + 3)
    keys = [k for k, _v in items]
    probes = [b"", keys[0], keys[-1], keys[-1] + b"!", b"\xff\xff\xff"]
    probes += [keys[i] for i in (SPARSE - 1, SPARSE, SPARSE + 1, 3 * SPARSE)]
    probes += [keys[i] + b"\x00" for i in (0, SPARSE - 1, SPARSE, 2 * SPARSE + 5)]  # between two keys
    for table in _tables(_write(items)):
        assert list(table.items()) == items and list(table) == keys and list(table.keys()) == keys
        for probe in probes:
            first = bisect.bisect_left(keys, probe)
            assert list(table.items_from(probe)) == items[first:], probe
            assert list(table.keys_from(probe)) == keys[first:]
            pos = table.closest_key_pos(probe)
            if first == len(keys):
                assert pos is None
                continue
            key, datapos, datalen = table.key_and_range_at(pos)
            assert key == keys[first] and table.dbfile.get(datapos, datalen) == items[first][1]
            assert table.key_and_range_at(datapos + datalen) == (
                None if first + 1 == len(keys) else (keys[first + 1], *table.range_for_key(keys[first + 1]))
            )


def test_long_keys_and_long_values_take_the_wide_entry():
    items = [(b"a", b"x" * 0xFFFE), (b"b" * 300, b"short"), (b"c", b"y" * 70_000), (b"d", b"")]
    for table in _tables(_write(items)):
        assert list(table.items()) == items
        assert all(table.lookup(k) == v for k, v in items)


def test_every_header_width_reads_back_and_a_short_entry_takes_two_bytes_of_header():
    key = b"\x00\x05" + "马家".encode()
    items = [
        (key + b"1", b"v" * 255),  # two bytes of header
        (key + b"2", b"v" * 256),  # a medium header (value past a byte)
        (key + b"3", b"k" * 0),
        (b"\x00\x06" + b"k" * 251, b"x"),  # the longest key of a short header (253 bytes)
        (b"\x00\x07" + b"k" * 251, b"y" * 300),  # and of a medium one
        (b"\x00\x08" + b"k" * 252, b"z"),  # 254 bytes: a wide header
    ]
    for table in _tables(_write(items)):
        assert list(table.items()) == items
        assert all(table.lookup(k) == v for k, v in items)
    one = len(_write([(key, b"v" * 10)]))
    # a second entry: its header, its key without the stem, its value, a hash and a 3-byte position
    second = len(_write([(key, b"v" * 10), (key + b"x", b"v" * 10)])) - one
    assert second == 2 + len(key) + 1 - STEM + 10 + 7


def test_an_empty_table_finds_nothing():
    for table in _tables(_write([])):
        assert table.count == 0 and list(table.items()) == [] and table.lookup(b"a") is None
        assert table.closest_key_pos(b"") is None and list(table.items_from(b"")) == []


def test_keys_must_be_added_in_ascending_order():
    writer = TermTableWriter(StructFile(BytesIO()))
    writer.add(b"b", b"1")
    for bad in (b"a", b"b"):
        with pytest.raises(ValueError, match="must increase"):
            writer.add(bad, b"2")


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-1],  # the footer cut short
        lambda data: data[:3],  # hardly anything
        lambda data: b"XXXX" + data[4:],  # not a term table
        lambda data: data[:-4] + b"XXXX",  # the footer's mark overwritten
    ],
)
def test_a_damaged_table_is_refused_with_a_storage_error(damage):
    data = damage(_write(_library_like_items(100)))
    with pytest.raises(ValueError):
        TermTable(BufferFile(memoryview(data)), len(data))
    with pytest.raises(StorageError, match="term table"):
        RawTermsReader(None, BufferFile(memoryview(data)), len(data), None)


def test_damaged_extras_and_positions_past_the_end_are_refused():
    data = bytearray(_write(_library_like_items(50)))
    footer = termtable._FOOTER
    count, hashes_at, where_at, sparse_at, extras_at, width, step, magic = footer.unpack_from(
        data, len(data) - footer.size
    )
    assert step == SPARSE
    data[extras_at : extras_at + 2] = b"\x00\x00"  # the pickle's opening bytes
    with pytest.raises(ValueError, match="extras"):
        TermTable(BufferFile(memoryview(bytes(data))), len(data))
    past = footer.pack(count, hashes_at, where_at, len(data), extras_at, width, step, magic)
    data[len(data) - footer.size :] = past
    with pytest.raises(ValueError, match="footer"):
        TermTable(BufferFile(memoryview(bytes(data))), len(data))
    no_step = footer.pack(count, hashes_at, where_at, sparse_at, extras_at, width, 0, magic)
    data[len(data) - footer.size :] = no_step
    with pytest.raises(ValueError, match="footer"):
        TermTable(BufferFile(memoryview(bytes(data))), len(data))


def test_a_table_written_with_another_sparse_step_reads_by_its_own(monkeypatch):
    items = _library_like_items(200)
    monkeypatch.setattr(termtable, "SPARSE", 5)
    data = _write(items)
    monkeypatch.setattr(termtable, "SPARSE", 64)
    for table in _tables(data):
        keys = [k for k, _v in items]
        for probe in (keys[0], keys[4] + b"\x00", keys[5], keys[123], keys[-1]):
            assert list(table.keys_from(probe)) == keys[bisect.bisect_left(keys, probe) :]


def test_keys_alike_but_for_their_stem_are_told_apart_and_short_keys_have_no_stem_to_share():
    items = [(b"\x00\x01abc", b"body"), (b"\x00\x02abc", b"title"), (b"\x00\x02abd", b"x"), (b"a", b"1")]
    for table in _tables(_write(items)):
        assert list(table.items()) == items
        assert [table.lookup(k) for k, _v in items] == [b"body", b"title", b"x", b"1"]
        assert table.lookup(b"\x00\x03abc") is None and table.lookup(b"\x00") is None
        assert list(table.keys_from(b"\x00\x02")) == [b"\x00\x02abc", b"\x00\x02abd", b"a"]


def test_a_table_past_16_mb_keeps_4_byte_positions():
    items = [(b"\x00\x01" + b"%03d" % i, b"v" * 70_000) for i in range(250)]  # 17.5 MB of values
    data = _write(items)
    width = termtable._FOOTER.unpack_from(data, len(data) - termtable._FOOTER.size)[5]
    assert width == 4
    for table in _tables(data):
        assert all(table.lookup(k) == v for k, v in items[::37])
        assert list(table.keys()) == [k for k, _v in items]
