"""Reprint groups: which stories join, the other script, incremental adds, removals, brute force."""

from __future__ import annotations

import itertools
import random

import numpy as np
import pytest

from reader.index import SearchRequest, open_index
from reader.index import reprints as reprints_module
from reader.index.reprints import FILE_NAME
from reader.index.search import fold_page
from reader.text.convert import convert
from reader.text.sketch import shingles
from tests.helpers.reprints import ids_by_title, paragraphs, record, write

WIRE = paragraphs(1)


def _library_records() -> list[dict]:
    other = paragraphs(2)
    return [
        record("wire", "国务院常务会议部署工作", ["新华社北京5月24日电 " + WIRE[0], *WIRE[1:]]),
        # a paper's reprint under its own headline, a day later
        record("paper", "部署！国常会最新消息", WIRE, source="某某日报", date="2024-05-25"),
        # a portal's copy with the last paragraph cut and an editor's note added
        record("portal", "国常会部署", [*WIRE[:5], "（编辑：张三）"], source="某某网", date="2024-05-24"),
        # the same story printed in traditional characters
        record("trad", "國務院常務會議部署工作", [convert(p, "zh-hant") for p in WIRE], "某報", "2024-05-26"),
        # a short story quoting one paragraph of the wire story: not a reprint
        record("quote", "评论：说到做到", [WIRE[2], *paragraphs(3, count=2)], source="某某评论"),
        # one paragraph of it printed alone: not a reprint either
        record("brief", "简讯", [WIRE[3]], source="某某晚报"),
        # the broadcast's abridgement: its first four paragraphs
        record("abridged", "国常会部署工作（摘要）", WIRE[:4], source="某台", date="2024-05-24"),
        record("other", "另一条新闻", other, source="新华社"),
    ]


@pytest.fixture()
def library(tmp_path):
    archive = tmp_path / "archive"
    write(archive, _library_records())
    lib = open_index(tmp_path / "home")
    report = lib.update([archive])
    assert report.added == 8, report
    yield lib, archive
    lib.close()


def test_reprints_join_and_others_do_not(library):
    lib, _archive = library
    ids = ids_by_title(lib)
    group = {title: lib.reprints.group_of(i) for title, i in ids.items()}
    wire = group["国务院常务会议部署工作"]
    assert group["部署！国常会最新消息"] == wire  # other headline
    assert group["国常会部署"] == wire  # cut ending, editor's note
    assert group["國務院常務會議部署工作"] == wire  # the other script
    assert group["国常会部署工作（摘要）"] == wire  # an abridged copy (two thirds of it)
    assert group["评论：说到做到"] != wire  # one shared paragraph is not a reprint
    assert group["简讯"] != wire  # nor one paragraph printed alone
    assert group["另一条新闻"] != wire
    copies = lib.reprints.copies(wire)
    assert len(copies) == 5
    # the original: the earliest date, and of the two copies of that day the one crediting its source
    assert copies[0].id == ids["国务院常务会议部署工作"]
    assert [c.date for c in copies] == sorted(c.date for c in copies)


def test_search_folds_a_group_into_one_row_and_lists_copies_on_request(library):
    lib, _archive = library
    folded = lib.search(SearchRequest(page_size=50, group_copies=True))
    every = lib.search(SearchRequest(page_size=50))
    assert every.total == every.copies == 8
    assert folded.total == 4 and folded.copies == 8
    [row] = [h for h in folded.hits if h.group_size > 1]
    assert row.folded == 4 and row.group_size == 5
    assert set(row.group_sources) == {"新华社", "某某日报", "某某网", "某報", "某台"}
    assert sum(h.group_size > 1 for h in every.hits) == 5  # every copy says its group when listed too
    assert len({h.group for h in every.hits if h.group_size > 1}) == 1
    # a query matching only one copy (the traditional headline) still finds that copy
    trad = lib.search(SearchRequest(query="title:最新消息", group_copies=True))
    assert [h.title for h in trad.hits] == ["部署！国常会最新消息"]


def test_a_bookmarked_copy_is_never_folded_away(library):
    lib, _archive = library
    ids = ids_by_title(lib)
    kept = ids["国常会部署"]
    results = lib.search(SearchRequest(page_size=50, group_copies=True, keep_ids=[kept]))
    shown = [h.id for h in results.hits]
    assert kept in shown
    assert results.total == 5  # the group's row plus the bookmarked copy's own row, and three others
    grouped = [h for h in results.hits if h.group_size > 1]
    assert len(grouped) == 2 and sum(h.folded for h in grouped) == 3


def test_adding_stories_looks_only_at_candidates(library, monkeypatch):
    lib, archive = library
    sketched: list[str] = []
    real = reprints_module.sketch_story

    def counting(story):
        sketched.append(story.id)
        return real(story)

    monkeypatch.setattr(reprints_module, "sketch_story", counting)
    write(archive, [record("late", "又一家转载", WIRE[:6], source="晚报", date="2024-06-01")])
    report = lib.update([archive])
    assert report.added == 1 and report.unchanged == 8
    ids = ids_by_title(lib)
    assert sketched == [ids["又一家转载"]]  # the library's other stories are not sketched again
    assert lib.reprints.group_of(ids["又一家转载"]) == lib.reprints.group_of(ids["国务院常务会议部署工作"])
    assert len(lib.reprints.copies(lib.reprints.group_of(ids["又一家转载"]))) == 6


def test_removing_a_copy_shrinks_or_splits_its_group(tmp_path):
    # a chain: A and C are each a reprint of B (0.8 alike), not of each other (0.64)
    base = paragraphs(7, count=12)
    a, b, c = base[0:9], base[1:10], base[2:11]
    archive = tmp_path / "archive"
    write(archive, [record("a", "甲", a), record("b", "乙", b), record("c", "丙", c), record("d", "丁", a)])
    lib = open_index(tmp_path / "home")
    try:
        lib.update([archive])
        ids = ids_by_title(lib)
        groups = {t: lib.reprints.group_of(i) for t, i in ids.items()}
        assert len(set(groups.values())) == 1, "the chain links all four"
        (archive / "b.jsonl").unlink()
        report = lib.update([archive])
        assert report.removed == 1
        after = {t: lib.reprints.group_of(i) for t, i in ids.items() if t != "乙"}
        assert lib.reprints.group_of(ids["乙"]) == ""
        assert after["甲"] == after["丁"] != after["丙"]  # C lost its only link
        assert [c.id for c in lib.reprints.copies(after["丙"])] == [ids["丙"]]
        # a group is named by its smallest id, whichever copies are left
        assert after["甲"] == min(ids["甲"], ids["丁"])
    finally:
        lib.close()


def test_the_same_text_a_year_later_is_a_recurring_notice_not_a_reprint(tmp_path):
    text = paragraphs(31, count=3)
    archive = tmp_path / "archive"
    write(
        archive,
        [
            record("y1", "烈士纪念日敬献花篮仪式", text, date="2023-09-29"),
            record("y2", "烈士纪念日敬献花篮仪式明日举行", text, date="2024-09-29"),
            record("y2b", "明日举行敬献花篮仪式", text, source="某报", date="2024-10-02"),
            record("undated", "敬献花篮仪式", text, source="某网", date=""),
        ],
    )
    lib = open_index(tmp_path / "home")
    try:
        lib.update([archive])
        ids = ids_by_title(lib)
        group = {t: lib.reprints.group_of(i) for t, i in ids.items()}
        assert group["烈士纪念日敬献花篮仪式明日举行"] == group["明日举行敬献花篮仪式"]  # three days apart
        # an undated copy has no date to keep it apart: it links to both years, and its group holds them
        assert group["敬献花篮仪式"] == group["烈士纪念日敬献花篮仪式"] == group["明日举行敬献花篮仪式"]
        (archive / "undated.jsonl").unlink()
        lib.update([archive])
        group = {t: lib.reprints.group_of(i) for t, i in ids.items() if t != "敬献花篮仪式"}
        assert group["烈士纪念日敬献花篮仪式"] != group["烈士纪念日敬献花篮仪式明日举行"]
    finally:
        lib.close()


def test_a_changed_file_moves_its_story_out_of_the_group(library):
    lib, archive = library
    ids = ids_by_title(lib)
    write(archive, [record("paper", "部署！国常会最新消息", paragraphs(9), source="某某日报")])
    lib.update([archive])
    assert lib.reprints.group_of(ids["部署！国常会最新消息"]) == ids["部署！国常会最新消息"]
    assert len(lib.reprints.copies(lib.reprints.group_of(ids["国常会部署"]))) == 4


def test_a_lost_store_is_refilled_from_the_index(library):
    lib, archive = library
    before = {i: lib.reprints.group_of(i) for i in ids_by_title(lib).values()}
    home = lib.home
    lib.close()
    for suffix in ("", "-wal", "-shm"):
        (home / "index" / (FILE_NAME + suffix)).unlink(missing_ok=True)
    lib2 = open_index(home)
    try:
        assert lib2.reprints.ids() == set()
        report = lib2.update([archive])
        assert report.added == 0 and report.unchanged == 8  # files are not read again
        assert {i: lib2.reprints.group_of(i) for i in before} == before
    finally:
        lib2.close()


def _jaccard(x: set[str], y: set[str]) -> float:
    return len(x & y) / len(x | y) if x | y else 0.0


def test_groups_agree_with_brute_force_jaccard(tmp_path):
    """Every pair of stories whose exact shingle similarity is high is grouped; no group joins strangers."""
    rnd = random.Random(5)
    records = []
    for n in range(12):
        base = paragraphs(100 + n, count=8)
        records.append(record(f"s{n}", f"原稿{n}", base))
        for k in range(rnd.randint(0, 3)):
            cut = rnd.randint(0, 3)  # 0..3 of 8 paragraphs cut or replaced: similarity from 1.0 down to ~0.4
            kept = base[: 8 - cut] + paragraphs(500 + n * 10 + k, count=rnd.randint(0, cut))
            records.append(record(f"s{n}c{k}", f"转载{n}-{k}", kept, source=f"报{k}"))
    archive = tmp_path / "archive"
    write(archive, records)
    lib = open_index(tmp_path / "home")
    try:
        lib.update([archive])
        stories = {s.id: s for s in lib.get_many(list(ids_by_title(lib).values()))}
        sets = {i: shingles(s.text) for i, s in stories.items()}
        group = {i: lib.reprints.group_of(i) for i in stories}
        sure = 0
        for x, y in itertools.combinations(stories, 2):
            j = _jaccard(sets[x], sets[y])
            if j >= 0.8:  # well above the join threshold (0.7): the sketch must have linked them
                assert group[x] == group[y], (stories[x].title, stories[y].title, j)
                sure += 1
        assert sure > 10
        # a group joins strangers only through a chain of real links: each member has a close neighbour
        for i in stories:
            mates = [k for k in stories if k != i and group[k] == group[i]]
            if mates:
                assert max(_jaccard(sets[i], sets[k]) for k in mates) >= 0.6, stories[i].title
        assert len(set(group.values())) >= 12  # the twelve originals never merge
    finally:
        lib.close()


def _fold_everything(order, keys, kept):
    """Folding as a whole ranking does it: the first copy of each group, kept docnums on their own."""
    rows, folded, seen = [], [], set()
    members: dict[int, int] = {}
    for d in order:
        if keys[d] >= 0 and d not in kept:
            members[keys[d]] = members.get(keys[d], 0) + 1
    for d in order:
        k = keys[d]
        if k >= 0 and d not in kept:
            if k in seen:
                continue
            seen.add(k)
            rows.append(d)
            folded.append(members[k] - 1)
        else:
            rows.append(d)
            folded.append(0)
    return rows, folded


@pytest.mark.parametrize("seed", range(30))
def test_a_page_of_folded_rows_ranks_only_what_it_needs_and_agrees_with_folding_everything(seed):
    rng = random.Random(seed)
    size = rng.randint(1, 400)
    keys = np.full(size, -1, dtype=np.int64)
    for d in range(size):  # a few large groups (a wire story) and many small ones
        if rng.random() < 0.5:
            keys[d] = rng.choice([0, 1, rng.randint(2, 60)])
    docs = np.array(sorted(rng.sample(range(size), rng.randint(0, size))), dtype=np.int64)
    kept = np.array(sorted(rng.sample(range(size), rng.randint(0, 5))), dtype=np.int64)
    order = docs.copy()
    rng.shuffle(order)
    asked: list[int] = []

    def rank(n):
        asked.append(n)
        return order[:n]

    want_rows, want_folded = _fold_everything(order.tolist(), keys, set(kept.tolist()))
    need = min(len(docs), rng.choice([1, 20, 40, 100]))
    rows, folded, total = fold_page(rank, docs, keys, kept, need)
    assert total == len(want_rows)
    assert rows.tolist()[:need] == want_rows[:need]
    assert folded.tolist()[:need] == want_folded[:need]
    assert asked[0] == need  # the first try ranks one page's worth only


def test_a_removed_story_leaves_no_band_rows_and_stray_ones_are_harmless(library):
    lib, archive = library
    db = lib.reprints._db
    bands_before = db.execute("SELECT COUNT(*) FROM band").fetchone()[0]
    (sid,) = db.execute("SELECT sid FROM story WHERE title=?", ("另一条新闻",)).fetchone()
    assert db.execute("SELECT COUNT(*) FROM band WHERE sid=?", (sid,)).fetchone()[0] > 0
    (archive / "other.jsonl").unlink()
    assert lib.update([archive]).removed == 1
    assert db.execute("SELECT COUNT(*) FROM band WHERE sid=?", (sid,)).fetchone()[0] == 0
    assert db.execute("SELECT COUNT(*) FROM band").fetchone()[0] < bands_before
    # a band row whose story is gone (an older store's leftover) is skipped and dropped, not a crash
    (wire,) = db.execute("SELECT sid FROM story WHERE title=?", ("国务院常务会议部署工作",)).fetchone()
    keys = [k for (k,) in db.execute("SELECT key FROM band WHERE sid=?", (wire,))]
    db.executemany("INSERT INTO band VALUES (?, ?)", [(k, 999_999) for k in keys])
    write(archive, [record("again", "国常会又部署", WIRE, source="另一家报纸", date="2024-05-25")])
    assert lib.update([archive]).added == 1
    assert db.execute("SELECT COUNT(*) FROM band WHERE sid=999999").fetchone()[0] == 0
    ids = ids_by_title(lib)
    assert lib.reprints.group_of(ids["国常会又部署"]) == lib.reprints.group_of(ids["国务院常务会议部署工作"])


def test_the_pinned_lsh_bands_are_the_ones_datasketch_picks():
    from datasketch import MinHashLSH

    from reader.text import sketch

    lsh = MinHashLSH(threshold=sketch.CANDIDATE_THRESHOLD, num_perm=sketch.NUM_PERM)
    assert sketch.bands() == (lsh.b, lsh.r)
    assert lsh.b * lsh.r <= sketch.NUM_PERM


def test_signatures_are_exactly_datasketchs_minhash_of_the_same_shingles():
    """Stores were written with datasketch's MinHash ("affine32", CRC-32): they must still compare."""
    import zlib

    from datasketch import MinHash

    from reader.text import sketch

    texts = ["", "短", "上饶市广丰区马家柚丰收", "新華社北京電 " * 40, "bad \udcff name"]
    texts.append("".join(paragraphs(3)))
    for text in texts:
        grams = shingles(text)
        mh = MinHash(num_perm=sketch.NUM_PERM, seed=sketch.SEED, scheme="affine32", hashfunc=zlib.crc32)
        if grams:
            mh.update_batch([g.encode("utf-8", "surrogatepass") for g in grams])
        expected = (np.asarray(mh.hashvalues, dtype=np.uint64) & 0xFFFF).astype("<u2").tobytes()
        assert sketch.signature(text) == (expected, len(grams)), text[:20]


def test_band_keys_are_32_bit_one_a_band_and_the_same_for_the_same_signature():
    """SQLite keeps a key under 2**31 in 4 bytes, not 8: a quarter of the store is band rows."""
    from reader.text import sketch

    sig, _size = sketch.signature("上饶经开区新的一年这样拼，项目建设提速，产业集群壮大。" * 3)
    keys = sketch.band_keys(sig)
    assert len(keys) == sketch.bands()[0] and keys == sketch.band_keys(sig)
    assert all(-(2**31) <= k < 2**31 for k in keys) and len(set(keys)) == len(keys)
