"""The concordance against brute force: every occurrence, overlapping ones, in both scripts.

The brute-force count folds each story's text and counts every start position of the folded
term with ``str.find`` (so ``哈哈`` counts twice in ``哈哈哈``), over every story of the library
(any story holding the term must be among the matches), in the title and the printed body.
"""

from __future__ import annotations

import pytest

from reader.index import SearchRequest, open_index
from reader.index.concordance import Concordance, sorted_lines
from reader.index.documents import searchable_text
from reader.text.fold import fold
from tests.helpers.research import research_records, write_research_archive


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    root = tmp_path_factory.mktemp("kwic")
    archive = write_research_archive(root / "archive", research_records())
    library = open_index(root / "home")
    library.update([archive])
    yield library
    library.close()


def every_story(library):
    return list(library.matches(SearchRequest(query="")).stories())


def brute_count(text: str, term: str) -> int:
    """Start positions of ``term`` in ``text``, overlapping ones included (both folded)."""
    folded, term = fold(text), fold(term)
    count, start = 0, folded.find(term)
    while start >= 0:
        count += 1
        start = folded.find(term, start + 1)
    return count


def brute(library, term: str) -> tuple[int, int]:
    """(occurrences, stories holding one) over the whole library, title and body."""
    occurrences = stories = 0
    for story in every_story(library):
        texts = searchable_text(story)
        n = brute_count(texts["title"], term) + brute_count(texts["body"], term)
        occurrences += n
        stories += n > 0
    return occurrences, stories


def kwic(library, query: str, **kwargs) -> tuple[Concordance, list]:
    concordance = Concordance(library.matches(SearchRequest(query=query)), **kwargs)
    return concordance, list(concordance.lines())


@pytest.mark.parametrize("term", ["哈哈", "哈哈哈", "国家", "國家", "经济", "經濟", "香港", "家", "港国"])
def test_every_occurrence_counted_as_brute_force_does(library, term):
    expected = brute(library, term)
    assert expected[0] > 0, "the generated library should hold the term"
    concordance, lines = kwic(library, term)
    assert (concordance.occurrences, concordance.stories) == expected
    assert len(lines) == expected[0]
    for line in lines:  # each line's hit is the term at the offsets it names, in the story's text
        assert fold(line.hit) == fold(term)


def test_overlapping_occurrences_each_have_a_line(library):
    _c, lines = kwic(library, "哈哈")
    starts: dict[tuple[str, str], list[int]] = {}
    for line in lines:
        starts.setdefault((line.story_id, line.field), []).append(line.start)
    assert any(b - a == 1 for s in starts.values() for a, b in zip(s, s[1:], strict=False))


def test_simplified_and_traditional_queries_give_the_same_lines(library):
    _c, simplified = kwic(library, "国家")
    _c, traditional = kwic(library, "國家")
    assert [(x.story_id, x.field, x.start) for x in simplified] == [
        (x.story_id, x.field, x.start) for x in traditional
    ]
    written = {x.hit for x in simplified}
    assert len(written) > 1, "the library writes the word in more than one script"


def test_contexts_are_windows_of_the_text_in_the_chosen_script(library):
    stories = {s.id: s for s in every_story(library)}
    _c, lines = kwic(library, "香港", width=7, script="zh-hant")
    assert lines
    for line in lines:
        text = searchable_text(stories[line.story_id])[line.field]
        assert len(line.left) == min(7, line.start)
        assert len(line.right) == min(7, len(text) - line.end)
        assert line.hit == "香港"
        assert line.left == line.left.replace("国", "國")  # shown in traditional script
        assert fold(line.left) == fold(text[max(0, line.start - 7) : line.start].replace("\n", " "))


def test_phrase_pieces_may_have_spaces_or_punctuation_between(library):
    """A quoted phrase matches as the index does: only spaces or punctuation between its words."""
    concordance, lines = kwic(library, '"哈 家"')
    stories = {s.id: s for s in every_story(library)}
    expected = 0
    for story in stories.values():
        for text in (searchable_text(story)["title"], searchable_text(story)["body"]):
            folded = fold(text)
            for i in range(len(folded)):
                if folded.startswith("哈", i):
                    j = i + 1
                    while j < len(folded) and not folded[j].isalnum():
                        j += 1
                    expected += folded.startswith("家", j)
    assert concordance.occurrences == expected > 0
    assert all(fold(x.hit)[0] == "哈" and fold(x.hit)[-1] == "家" for x in lines)


def test_latin_pieces_stand_whole_and_filters_narrow(library):
    concordance, lines = kwic(library, "a")
    assert lines and all(x.hit.lower() == "a" for x in lines)
    filtered = Concordance(library.matches(SearchRequest(query="哈哈", filters={"source": ["甲报"]})))
    found = list(filtered.lines())
    assert found and {x.source for x in found} == {"甲报"}


def test_sorting_by_left_and_right_context(library):
    _c, lines = kwic(library, "国家")
    left = sorted_lines(lines, "left")
    keys = [fold(x.left)[::-1] for x in left]
    assert keys == sorted(keys)
    right = sorted_lines(lines, "right")
    assert [fold(x.right) for x in right] == sorted(fold(x.right) for x in lines)
    assert sorted_lines(lines, "order") == lines
    with pytest.raises(ValueError):
        sorted_lines(lines, "sideways")


def test_a_query_of_only_fields_says_why_it_has_no_lines(library):
    concordance, lines = kwic(library, "date:2024")
    assert lines == [] and concordance.notes


@pytest.mark.corpus
def test_real_stories_in_both_scripts_every_occurrence(shared, tmp_path):
    """200 simplified and 200 traditional real stories: counts as brute force, queried in either script."""
    import itertools
    import json

    from tests.helpers.records import write_jsonl

    records = []
    for name in ("chinanews_2025.jsonl", "hkcnews_zh-Hant.jsonl"):
        path = shared / "corpus" / name
        if not path.is_file():
            pytest.skip(f"{path} is not present")
        with path.open(encoding="utf-8") as fh:
            records += [json.loads(line) for line in itertools.islice(fh, 200)]
    write_jsonl(tmp_path / "archive" / "corpus.jsonl", records)
    library = open_index(tmp_path / "home")
    try:
        library.update([tmp_path / "archive"])
        for term in ("记者", "記者", "香港", "发展", "經濟", "中国"):
            expected = brute(library, term)
            concordance, lines = kwic(library, term)
            assert (concordance.occurrences, concordance.stories) == expected, term
            assert expected[0] > 0, term
    finally:
        library.close()
