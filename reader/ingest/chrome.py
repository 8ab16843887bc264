"""Finding the story in a whole saved page: menus, related links, comments around it.

A plain-text rendering of a news page is mostly short scraps (menu items,
buttons, counters, link lists) with one dense block of sentence text: the
story. Each line gets a score (long lines with Chinese sentence punctuation
score up, scraps score down, "the story is over" markers such as
``相关阅读`` / ``責任編輯`` / ``Copyright`` score far down) and the best
contiguous run (maximum subarray) is the body. The title is then sought just
above the body: a headline-shaped line followed closely by a date, source or
byline line, or repeated elsewhere on the page (``<title>`` and ``<h1>``).
"""

from __future__ import annotations

import re
from collections import Counter

from reader.ingest import boilerplate, bylines, credits, dates, headline, names
from reader.ingest.assembly import build_stories
from reader.ingest.lines import Line, classify
from reader.story import Story

#: Chrome lines needed before the body for a page to count as a whole saved page.
MIN_CHROME_LINES = 8
_SENTENCE_END = "。！？!?"
_CLOSERS = "”’」』）)》】\"' "
_NAMES = re.compile(r"^[\u3400-\u9fff]{2,4}(?:[、，,\s]+[\u3400-\u9fff]{2,4}){0,5}$")
_MEDIA = re.compile(r"(?:报|報|网|網|社|台|刊|志|誌|新闻|新聞|日报|日報|周刊|週刊|时报|時報|频道|頻道)$")


def _line_score(line: str, repeats: int) -> float:
    """How much a line looks like story text (> 0) or like site chrome (< 0).

    A sentence scores 1 + length/40 (halved when it does not end a sentence, as
    truncated teasers do; cut when the line repeats on the page); a scrap
    scores -1.5 (-3 when repeated, as "回复"/"Undo" buttons are); an end marker
    scores -40 so no body runs through it.
    """
    if boilerplate.is_end_marker(line):
        return -40.0
    if boilerplate.is_drop_line(line) or len(line) <= 40 and headline.is_dated(line):
        return -1.0  # chrome, or a date line (最新更新：2016/03/19 10:48)
    punct = boilerplate.has_sentence_punct(line)
    end = line[-6:].rstrip(_CLOSERS)
    last = end[-1] if end else ""
    if punct and (len(line) >= 20 or last in _SENTENCE_END):
        score = 1.0 + min(len(line), 400) / 40.0
        if line.endswith(("...", "…")) and not line.endswith(("……", "。…")) and "。" not in line[-40:]:
            return -1.0
        if last not in _SENTENCE_END and not line.endswith("……"):
            score *= 0.5
        if repeats > 1:
            score *= 0.3
        return score
    return -3.0 if repeats > 2 else -1.5


def line_scores(lines: list[str]) -> list[float]:
    """:func:`_line_score` of every line, repeats counted over the page."""
    counts = Counter(lines)
    return [_line_score(line, counts[line]) for line in lines]


def body_region(lines: list[str], scores: list[float] | None = None) -> tuple[int, int, float]:
    """``(start, end, score)``: the densest run of story text, ``lines[start:end]``."""
    if scores is None:
        scores = line_scores(lines)
    best = (0, 0, 0.0)
    run_start, run = 0, 0.0
    for i, s in enumerate(scores):
        if run <= 0:
            run_start, run = i, 0.0
        run += s
        if run > best[2]:
            best = (run_start, i + 1, run)
    return best


def _strong_para(line: str) -> bool:
    """Unmistakably story text: a finished sentence, or a long punctuated line."""
    if headline.is_meta(line) or boilerplate.is_drop_line(line) or boilerplate.is_end_marker(line):
        return False
    end = line[-6:].rstrip(_CLOSERS)
    if end and (end[-1] == "。" or end[-1] in "！？!?" and boilerplate.has_sentence_punct(line[:-1] or line)):
        return len(line) >= 8
    return len(line) >= 50 and boilerplate.has_sentence_punct(line)


def body_start(lines: list[str], start: int, end: int) -> int:
    """The first line of the body region that is unmistakably story text, photo captions passed over."""
    while start < end - 1 and (not _strong_para(lines[start]) or _leading_caption(lines, start, end)):
        start += 1
    return start


def _leading_caption(lines: list[str], k: int, end: int) -> bool:
    """A picture caption over the story (``…（消防局提供）``, ``图为…``): not its first paragraph."""
    return k + 1 < end and boilerplate.is_caption(lines[k])


def _title_index(
    lines: list[str], start: int, counts: Counter, floor: int = 0, evidence: headline.Evidence | None = None
) -> tuple[int | None, float]:
    return headline.best(lines, start, floor, evidence or headline.Evidence(), counts=counts)


def _head_meta(lines: list[str]) -> list[bylines.Byline]:
    """Date, source and authors from the lines between the title and the body."""
    out: list[bylines.Byline] = []
    after_date = -10
    for k, line in enumerate(lines):
        if len(line) > 80:
            continue
        date = dates.parse_date(line) if headline.is_dated(line) else ""
        source = bylines.find_source(line)
        byline = bylines.parse_byline(line)
        classed = classify(line).meta
        if byline is None and classed is not None and classed.authors:
            out.append(classed)  # "来源：光明日报 作者：刘晓红", "石佳/中国青年报"
        if (
            classed is not None
            and not source
            and classed.date
            and re.fullmatch(r"[\u3400-\u9fffA-Za-z·]{2,12}", classed.source)
        ):
            source = classed.source  # "2024年05月06日 10:20 新京报"
        if byline:
            out.append(byline)
        if date or source:
            out.append(bylines.Byline(text=line, date=date, source=source))
            if date:
                after_date = k
            continue
        pair = headline.AUTHOR_SOURCE.match(line)
        if pair:
            out.append(bylines.Byline(text=line, authors=[pair.group(1)], source=pair.group(2)))
            continue
        if (
            k - after_date <= 3
            and not boilerplate.is_drop_line(line)
            and not boilerplate.has_sentence_punct(line.replace("、", ""))
        ):
            if re.search(r"[、，,]", line) and _NAMES.match(line):
                out.append(bylines.Byline(text=line, authors=re.split(r"[、，,\s]+", line)))
            elif names.lone_name(line):  # 數位時代: the author's name alone under the date
                out.append(bylines.Byline(text=line, authors=[line]))
            elif k - after_date == 1 and 3 <= len(line) <= 12 and _MEDIA.search(line):
                out.append(bylines.Byline(text="", source=line))
    return out


_DATE_LABEL = re.compile(r"发布|發布|发表|發表|时间|時間|日期|更新|出版|刊登")


def _date_quality(meta: bylines.Byline) -> int:
    """How surely a dated line under a headline gives the story's date: a day beats a month, and a
    date line, a labelled date (发布时间：) or one beside the source beats a date in passing."""
    if not meta.date:
        return -1
    plain = dates.is_date_line(meta.text) or bool(_DATE_LABEL.search(meta.text)) or bool(meta.source)
    return 2 * (len(meta.date) == 10) + int(plain)


def _head_extras(story: Story, head: list[str], above: list[str]) -> None:
    """Editor, deck and date from around the title.

    The first editor credited between title and body (``责任编辑：苏文``) wins over
    later ones (``网络编辑``); a sentence there is the deck (导语), kept as the
    subtitle; a date line just above the title (明報) dates a story with none.
    """
    for line in head:
        ed = bylines.find_editor(line)
        if ed and not ed[0] and ed[1]:
            story.editor = ed[1]
            break
    for line in head:
        end = line[-3:].rstrip(_CLOSERS)
        if (
            not story.subtitle
            and 10 <= len(line) <= 120
            and end
            and end[-1] in _SENTENCE_END
            and not headline.is_meta(line)
            and not boilerplate.is_drop_line(line)
        ):
            story.subtitle = line
    if not story.date:
        for line in reversed(above):
            if dates.is_date_line(line):
                story.date = dates.parse_date(line)
                break


# 香港電台-財經 / 法新社: the outlet a portal carries the story from, printed by the headline
_PROVIDER = re.compile(
    r"^[\u3400-\u9fff]{2,10}(?:社|台|報|报|網|网|新聞|新闻|日报|日報|電台|电台|電視|电视)"
    r"(?:\s{0,2}[-－·・]\s{0,2}[\u3400-\u9fff]{1,4})?$"
)


def _around_headline(story: Story, lines: list[str], t: int, floor: int, start: int) -> None:
    """What a page prints around its headline: an outlet label beside it, a labelled source in the
    document table above it (发文机关：…), the author's name alone right under it, a deck."""
    if not story.source:
        for j in (t - 1, t + 1):
            if floor <= j < start and j != t and _PROVIDER.match(lines[j]) and not headline.is_meta(lines[j]):
                story.source = lines[j]
                break
    if not story.source:
        for j in range(t - 1, max(floor, t - 8) - 1, -1):
            src = bylines.find_source(lines[j]) if len(lines[j]) <= 40 else ""
            if src:
                story.source = src
                break
    below = lines[t + 1 : start]
    if not story.authors and below and _author_under_headline(below):
        story.authors, story.byline = [below[0]], below[0]
    if (
        not story.subtitle
        and below
        and 12 <= len(below[0]) <= 80
        and re.search(r"[，,]", below[0])
        and not re.search(r"[。！？!?]", below[0])
        and not headline.is_meta(below[0])
        and not headline.looks_chrome(below[0])
        and not boilerplate.is_drop_line(below[0])
        and len(below) >= 2
    ):
        story.subtitle = below[0]  # a deck printed under the headline


def _author_under_headline(below: list[str]) -> bool:
    """A name alone right under the headline, over the date: the author (郑智浩)."""
    return names.lone_name(below[0]) and any(headline.is_dated(line) for line in below[1:3])


def _merge_broken(lines: list[str]) -> list[str]:
    """Re-join paragraphs a page rendering broke at inline elements (links, <br>)."""
    out: list[str] = []
    for line in lines:
        if out:
            prev = out[-1]
            end = prev[-3:].rstrip(_CLOSERS)
            unfinished = (
                len(prev) >= 12
                and end
                and end[-1] not in _SENTENCE_END + "…:："
                and (boilerplate.has_sentence_punct(prev))
            )
            if unfinished and not boilerplate.is_end_marker(line) and not boilerplate.is_drop_line(line):
                glue = (
                    " "
                    if prev[-1:].isascii()
                    and prev[-1:].isalnum()
                    and line[:1].isascii()
                    and line[:1].isalnum()
                    else ""
                )
                out[-1] = prev + glue + line
                continue
        out.append(line)
    return out


#: A second story on a page must score at least this share of the best one.
SECOND_STORY_SHARE = 0.35
SECOND_STORY_MIN = 8.0
#: Lines between a headline and the run it stands over (date, byline, share buttons, a caption).
HEADLINE_GAP = 12
#: A run needs this score (one finished sentence of some length) to be the article.
MIN_ARTICLE_SCORE = 2.0
#: A run under a dated headline beats a denser run without one when it holds this share of its score.
DATED_SHARE = 0.1
#: An article continues across at most this many lines of furniture, or a related-links box this long.
MERGE_GAP = 30
RELATED_BOX = 8
#: How many dense runs are weighed when looking for the one under the page's named headline.
MAX_REGIONS = 12
#: ... and have a headline followed by its own date, source or byline line.
TITLE_WITH_META = 4.0


def _chrome_weight(line: str) -> int:
    """How many menu items a line stands for: a breadcrumb or menu bar is several."""
    if boilerplate.is_breadcrumb(line):
        return 3
    return 1 if boilerplate.is_navigation(line) else 0


def find_page(lines: list[str], evidence: headline.Evidence | None = None) -> list[Story] | None:
    """The stories of a whole saved page, or None when ``lines`` are not one."""
    scores = line_scores(lines)
    start, end, score = body_region(lines, scores)
    if score <= 0 or end <= start:
        return None
    chrome_before = sum(_chrome_weight(line) for line in lines[:start])
    chrome_after = sum(_chrome_weight(line) for line in lines[end:])
    if chrome_before < MIN_CHROME_LINES and chrome_before + chrome_after < 2 * MIN_CHROME_LINES:
        return None
    found = [(start, end, score)]
    # the densest runs: secondary stories, or the article under a named headline
    for _ in range(MAX_REGIONS - 1):
        for k in range(found[-1][0], found[-1][1]):
            scores[k] = -1000.0
        start, end, score = body_region(lines, scores)
        if score <= 0 or end <= start:
            break
        found.append((start, end, score))
    best = found[0][2]
    counts = Counter(lines)
    pick = _named_region(lines, found, evidence, counts)
    floor = max(SECOND_STORY_MIN, SECOND_STORY_SHARE * best)
    regions = [
        (start, end, i == pick)
        for i, (start, end, score) in enumerate(found)
        if i == pick or (i < 4 and score >= floor and all(r[2] >= floor for r in found[:i]))
    ]
    regions = _continue_primary(lines, sorted(regions), found, evidence, counts)
    stories = []
    floor = 0
    for start, end, primary in regions:
        story = _region_story(lines, counts, start, end, floor, need_title=not primary, evidence=evidence)
        if story is not None:
            stories.append(story)
            floor = end
    return stories or None


def _continue_primary(
    lines: list[str],
    regions: list[tuple[int, int, bool]],
    found: list[tuple[int, int, float]],
    evidence: headline.Evidence | None,
    counts: Counter,
) -> list[tuple[int, int, bool]]:
    """The article goes on past a gap of page furniture (pictures, a share box, a short 延伸阅读 box):
    the dense runs below it join it until a run with a headline of its own, or a story-ending marker."""
    at = next((i for i, r in enumerate(regions) if r[2]), None)
    if at is None:
        return regions
    start, end, _p = regions[at]
    mass = next((sc for a, b, sc in found if (a, b) == (start, end)), 0.0)
    for s2, e2, score in sorted(found):
        if s2 < end:
            continue
        gap = lines[end:s2]
        if len(gap) > MERGE_GAP or any(_strong_para(line) and len(line) >= 40 for line in gap):
            break
        if any(headline.is_meta(line) or _closes_story(line) for line in gap):
            break  # a dated or stamped item (a list of other stories), an editor or copyright line
        ends = [line for line in gap if boilerplate.is_end_marker(line)]
        if ends and (len(gap) > RELATED_BOX or not all(boilerplate.is_related_marker(x) for x in ends)):
            break
        if score < (MIN_ARTICLE_SCORE if ends else max(2 * MIN_ARTICLE_SCORE, 0.5 * mass)):
            continue  # a scrap of text in the furniture (a teaser, a caption), not the story going on
        t, t_score = _title_index(lines, body_start(lines, s2, e2), counts, end, evidence)
        if t is not None and t_score >= TITLE_WITH_META - 1.0:
            break  # the next story's headline
        end = e2
        mass += score
    if end == regions[at][1]:
        return regions
    return sorted([r for r in regions if r[1] <= start or r[0] >= end] + [(start, end, True)])


def _closes_story(line: str) -> bool:
    """An editor credit (编辑：李楠) or a copyright notice: what a page prints after its story."""
    editor = bylines.find_editor(line)
    return bool(editor and not editor[0]) or bool(re.search(r"版权|版權|copyright|©", line, re.IGNORECASE))


def _named_region(
    lines: list[str], found: list[tuple[int, int, float]], evidence: headline.Evidence | None, counts: Counter
) -> int:
    """Which run is the article: the one under the headline the page names, else the densest.

    A sponsored story, a teaser list or a long comment thread can be denser than the article; the
    page's own title (``<title>``, ``og:title``, a rendering's first line; ``<h1>`` counts less) says
    which story it is about.
    """
    evidence = evidence or headline.Evidence()
    if len(found) < 2:
        return 0
    titles_only = headline.Evidence(titles=evidence.titles)
    ranks = []
    for start, end, score in found:
        first = body_start(lines, start, end)
        t, t_score = _title_index(lines, first, counts, 0, evidence)
        if t is None or t_score < TITLE_WITH_META - 1.0 or score < MIN_ARTICLE_SCORE:
            named = 0
        elif headline.named_by_page(lines, t, titles_only):
            named = 2
        else:
            named = int(headline.named_by_page(lines, t, evidence))
        # the run right under the named headline, not a later one whose window reaches it; of
        # those, the first on the page (a sponsored story follows the article)
        under = (
            t is not None
            and first - t <= HEADLINE_GAP
            and score >= MIN_ARTICLE_SCORE
            # no paragraph of another story between them (a caption may stand there)
            and not any(len(lines[j]) >= 40 and _strong_para(lines[j]) for j in range(t + 1, first))
        )
        dated = (
            under
            and t is not None
            and score >= DATED_SHARE * found[0][2]  # a dated teaser does not outweigh a long article
            and any(headline.is_dated(lines[j]) for j in headline.following(lines, t, first, 3))
        )
        # named: the first on the page (a sponsored story follows the article); else the densest
        ranks.append((named, dated, under and bool(named), -start if named else score))
    top = max(ranks)
    return 0 if ranks[0] == top else ranks.index(top)


def _region_story(
    lines: list[str],
    counts: Counter,
    start: int,
    end: int,
    floor: int,
    need_title: bool = False,
    evidence: headline.Evidence | None = None,
) -> Story | None:
    """The story of one region of a page: its body, its title (and a subtitle above it), then the
    fields the lines above the body and those closing it give."""
    start = body_start(lines, start, end)
    for j in range(start + 1, end):
        if _closes_story(lines[j]):
            end = j + 1  # the editor or copyright line ends the story; a repeat of it may follow
            break
    t, t_score = _title_index(lines, start, counts, floor, evidence)
    if need_title and not _dated_title(lines, counts, t, t_score, start):
        return None
    title, subtitle = _title_and_subtitle(lines, t, floor, evidence)
    head = lines[t + 1 : start] if t is not None else lines[max(floor, start - 8) : start]
    exact = evidence is not None and evidence.exact_blocks
    body = [classify(line) for line in (lines[start:end] if exact else _merge_broken(lines[start:end]))]
    if body and body[0].kind == "short" and _strong_para(body[0].text):
        body[0] = Line(body[0].text, "para")  # the body opens with a finished sentence, not a headline
    stories = build_stories(body, single=True)
    if not stories:
        return None
    story = stories[0]
    story.title = title or story.title
    story.subtitle = subtitle or story.subtitle
    _fields_from_head(story, head)
    _head_extras(story, head, lines[max(floor, t - 3) : t] if t is not None else [])
    if t is not None:
        _around_headline(story, lines, t, floor, start)
    _fields_from_closing_lines(story, lines[end : end + 8])
    return story


def _dated_title(lines: list[str], counts: Counter, t: int | None, t_score: float, start: int) -> bool:
    """A title strong enough for a region that must have one: not repeated chrome, a date under it."""
    return not (
        t is None
        or t_score < TITLE_WITH_META - 1.0
        or counts[lines[t]] > 2  # comment and share chrome repeats; a second headline does not
        or not any(
            len(lines[j]) <= 60 and dates.parse_date(lines[j]) for j in range(t + 1, min(start, t + 5))
        )
    )


def _title_and_subtitle(
    lines: list[str], t: int | None, floor: int, evidence: headline.Evidence | None
) -> tuple[str, str]:
    """The title at ``t``; when a headline-shaped line stands above it, that line is the title and
    the line at ``t`` its subtitle."""
    if t is None:
        return "", ""
    title = lines[t]
    if (
        t > floor
        and lines[t - 1] != title
        and headline.shaped(lines[t - 1])
        and len(lines[t - 1]) >= 8
        and not re.search(r"[>»›→|｜]", lines[t - 1])
        and not headline.looks_chrome(lines[t - 1])
        and not headline.named_by_page(lines, t, evidence or headline.Evidence())
    ):
        return lines[t - 1], title
    return title, ""


def _fields_from_head(story: Story, head: list[str]) -> None:
    """Source, date (the last of the best-evidenced), authors and place from the lines above the body."""
    head_meta = _head_meta(head)
    story.source = credits.best_source(head_meta) or story.source
    best_date = -1
    for meta in head_meta:
        quality = _date_quality(meta)
        if meta.date and quality >= best_date:
            story.date, best_date = meta.date, quality  # the last of the best-evidenced dates
        if meta.authors and not (story.authors and story.byline):
            story.authors = list(meta.authors)
            story.byline = meta.text
        story.place = story.place or meta.place


def _fields_from_closing_lines(story: Story, after: list[str]) -> None:
    """Credits, editor, source and date from the lines right under the story, where still unknown."""
    for k, line in enumerate(after):
        rest, src, who = bylines.closing_credit(line) if k < 3 else (line, "", [])
        if src and not rest:  # （本文来源：X 作者：Y） on its own line under the story
            story.source = story.source or src
            story.authors = story.authors or who
            continue
        credit = k < 3 and not story.authors and bylines.find_editor(line) is None
        byline = bylines.parse_byline(line) if credit else None
        if byline is not None and byline.authors:  # "记者 王小明 编辑 李红" closing the story
            story.authors, story.byline = list(byline.authors), byline.text
        ed = bylines.find_editor(line)
        if ed and not ed[0] and not story.editor:
            story.editor = ed[1]
        src = bylines.find_source(line) if len(line) <= 80 else ""
        if src and not story.source:
            story.source = src
        story.edition = story.edition or (bylines.find_edition(line) if src else "")
        if not story.date and len(line) <= 80 and dates.parse_date(line):
            story.date = dates.parse_date(line)
