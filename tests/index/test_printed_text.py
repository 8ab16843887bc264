"""Plain search covers everything printed with a story, and letters/digits inside Chinese text.

Each behaviour here failed before the index took byline, authors, column and
source into plain search (index format 5) and split runs of letters and digits.
"""

from __future__ import annotations

import pytest

from reader.index import SearchRequest, open_index
from tests.helpers.records import write_jsonl
from tests.ingest.test_textpage import CREDITED

RECORDS = [
    {
        "id": "p1",
        "title": "光伏产业新突破",
        "content": "上饶某企业年产能达15GW，焊带需求大增。\n5G网络覆盖全部厂区。",
        "author": "滕子京",
        "source": "赣东时报",
        "date_iso": "2024-05-24",
        "category": "产经观察",
    },
    {
        "id": "p2",
        "title": "另一篇报道",
        "content": "今年发电量为15 GW时，另一说法是COVID19期间。",
        "author": "",
        "source": "新华网",
        "date_iso": "2024-05-25",
    },
]


@pytest.fixture(scope="module")
def library(tmp_path_factory, archive_dir):
    root = tmp_path_factory.mktemp("printed")
    write_jsonl(root / "archive" / "p.jsonl", RECORDS)
    (root / "archive" / "credited.txt").write_text(CREDITED, encoding="utf-8")
    lib = open_index(root / "home")
    lib.update([root / "archive", archive_dir])
    yield lib
    lib.close()


def titles(lib, query):
    return {h.title for h in lib.search(SearchRequest(query=query, page_size=100)).hits}


def test_a_name_only_in_a_byline_is_found_by_plain_search(library):
    found = titles(library, "蔡文逸")
    assert any("朝着春天出发" in t for t in found)
    assert (
        library.search(SearchRequest(query="蔡文逸")).total
        == library.search(SearchRequest(query="author:蔡文逸")).total
    )


def test_a_signature_author_is_found_as_printed_and_as_converted(library):
    printed = set(library.ids_for(SearchRequest(query="黄騑鸿")))
    assert printed
    assert set(library.ids_for(SearchRequest(query="黄𬴂鸿"))) == printed  # as the 简体 view showed it
    assert set(library.ids_for(SearchRequest(query="黃騑鴻"))) == printed


def test_author_source_and_column_are_found_by_plain_search(library):
    assert titles(library, "滕子京") == {"光伏产业新突破"}
    assert titles(library, "赣东时报") == {"光伏产业新突破"}
    assert titles(library, "产经观察") == {"光伏产业新突破"}


def test_title_hits_still_rank_above_body_hits(library):
    hits = library.search(SearchRequest(query="光伏", page_size=10)).hits
    assert hits[0].title == "光伏产业新突破"


def test_letters_inside_a_run_of_letters_and_digits_are_found(library):
    assert "光伏产业新突破" in titles(library, "GW")
    assert "光伏产业新突破" in titles(library, "15GW")
    assert "光伏产业新突破" in titles(library, "5G")
    assert "光伏产业新突破" in titles(library, "5G网络")
    assert "另一篇报道" in titles(library, "covid")
    assert "另一篇报道" in titles(library, "19")


def test_letter_digit_split_keeps_word_boundaries(library):
    assert "光伏产业新突破" not in titles(library, "G网络x")
    assert titles(library, "5GW") == set()  # 15GW holds the number 15, not 5
    assert "另一篇报道" not in titles(library, "5G")


def test_snippet_marks_letters_found_inside_a_word(library):
    hit = library.search(SearchRequest(query="GW")).hits
    snippets = {h.title: h.snippet for h in hit}
    assert "15<b>GW</b>" in snippets["光伏产业新突破"]


def test_snippet_of_a_hit_deep_in_a_long_story_shows_the_hit_marked():
    from reader.index.snippets import highlight

    text = "开头的段落没有要找的词。" * 200 + "这里建成了光伏焊带项目。" + "结尾。" * 50
    snippet = highlight(text, ["光伏"])
    assert "<b>光伏</b>" in snippet
    assert snippet.startswith("…") and "开头的段落没有要找的词。" * 3 not in snippet


def test_a_byline_hit_snippet_starts_at_the_byline(library):
    hit = next(h for h in library.search(SearchRequest(query="蔡文逸")).hits if "朝着春天出发" in h.title)
    assert hit.snippet.startswith("本报记者 <b>蔡文逸</b>"), hit.snippet


def test_credits_and_date_lines_printed_with_a_story_are_found(library):
    # the closing source (another paper than the page's), the label of an editor's credit, a
    # photographer and a date line under the story: lines the parser sets aside, not its text
    for query in ("人民日报海外版", "编辑", "鞠焕宗", "2025年5月4日", '"来源：人民日报"'):
        assert titles(library, query) >= {"专家学者看中国经济增长点"}, query
    assert "专家学者看中国经济增长点" not in titles(library, "分享到微信")
