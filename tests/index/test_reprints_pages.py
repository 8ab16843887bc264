"""The team's saved pages, each kept as HTML and as text: imported together, each story is one row."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.index import SearchRequest, open_index


@pytest.fixture(scope="module")
def pages_library(shared, tmp_path_factory):
    pages = shared / "pages"
    if not pages.is_dir():
        pytest.skip("../shared/pages is not present")
    lib = open_index(tmp_path_factory.mktemp("pages") / "home")
    lib.update([pages])
    yield lib, pages
    lib.close()


def test_each_page_saved_twice_is_one_row_with_its_copy_one_step_away(pages_library):
    lib, pages = pages_library
    every = lib.search(SearchRequest(page_size=1000, facets=False, snippets=False))
    folded = lib.search(SearchRequest(page_size=1000, facets=False, snippets=False, group_copies=True))
    stems = {p.stem for p in pages.iterdir() if p.suffix in (".html", ".txt")}
    both = {s for s in stems if (pages / f"{s}.html").exists() and (pages / f"{s}.txt").exists()}
    assert both, "the shared pages hold pages saved both ways"
    stories = lib.get_many([h.id for h in every.hits])
    by_stem: dict[str, set[str]] = {}
    for story in stories:
        by_stem.setdefault(Path(story.file).stem, set()).add(lib.reprints.group_of(story.id))
    for stem in both:
        assert len(by_stem.get(stem, set())) == 1, f"{stem}: the .html and .txt stories are not one group"
    # one row per page, and every row's copies are listed with it
    assert folded.total == len({g for groups in by_stem.values() for g in groups})
    assert folded.total < every.total
    for hit in folded.hits:
        if Path(lib.get(hit.id).file).stem in both:
            assert hit.group_size >= 2 and hit.folded >= 1
            assert {c.id for c in lib.reprints.copies(hit.group)} >= {hit.id}
