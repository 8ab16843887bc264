"""Credits printed with a story (print edition, editor) are found by plain search."""

from __future__ import annotations

from reader.index import SearchRequest, open_index


def test_print_edition_and_editor_lines_are_searchable(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "中国对外开放不会放慢节奏\n\n2016-02-20\n\n"
        "中国已踏上全面建成小康社会的决胜征途，站在新的历史起点，中国对外开放不会放慢节奏，更不会停下脚步。\n\n"
        "《人民日报》（2016年02月20日02版）\n\n责任编辑：欧阳洪亮\n",
        encoding="utf-8",
    )
    library = open_index(tmp_path / "home")
    try:
        library.update([folder])
        for query in ("20日02版", "欧阳洪亮", "2016年02月20日"):
            hits = library.search(SearchRequest(query=query)).hits
            assert [h.title for h in hits] == ["中国对外开放不会放慢节奏"], query
    finally:
        library.close()
