"""Person tags: Chinese personal names found in a story.

A name is 2–4 characters that start with a common surname (compound surnames
such as 欧阳 included). Candidates come from two places:

* words jieba's dictionary tags ``nr``/``nrfg`` (习近平, 特朗普), and
* runs of characters the dictionary does not know (徐浠乐, 夏列丰).

Both sources are noisy (the dictionary tags 荣获 and 黄澄澄 ``nr``; 马家柚 is an
unknown run starting with 马), so a candidate must also show evidence of being
a person: a title or role right before it (主任徐浠乐, 记者…), a reporting verb
or honorific right after it (…表示, …同志), or, for unknown runs, a surname
character that jieba itself tags as a name and at least two mentions.
Journalists named only in the byline are not tagged: they are the authors.
"""

from __future__ import annotations

import functools

from reader.autotag.places import surface_forms
from reader.autotag.segment import Segmented, unknown_runs
from reader.text import words
from reader.text.surnames import surname_of

#: Titles and roles written right before a name (主任徐浠乐, 记者蔡文逸).
TITLES_BEFORE = (
    "总书记",
    "主席",
    "总理",
    "副总理",
    "委员长",
    "书记",
    "副书记",
    "省长",
    "市长",
    "县长",
    "区长",
    "镇长",
    "乡长",
    "村长",
    "主任",
    "副主任",
    "部长",
    "局长",
    "厅长",
    "处长",
    "科长",
    "院长",
    "校长",
    "所长",
    "站长",
    "站主",
    "社长",
    "行长",
    "董事长",
    "总经理",
    "经理",
    "总裁",
    "总监",
    "主编",
    "主管",
    "负责人",
    "创始人",
    "主持人",
    "发言人",
    "代表",
    "委员",
    "议员",
    "大使",
    "总统",
    "首相",
    "国务卿",
    "司令",
    "队长",
    "组长",
    "班长",
    "教授",
    "研究员",
    "专家",
    "学者",
    "博士",
    "医生",
    "医师",
    "护士",
    "老师",
    "教师",
    "律师",
    "法官",
    "警官",
    "民警",
    "导演",
    "演员",
    "歌手",
    "作家",
    "画家",
    "选手",
    "球员",
    "运动员",
    "教练",
    "主帅",
    "村民",
    "居民",
    "市民",
    "农户",
    "农民",
    "学生",
    "同学",
    "志愿者",
    "患者",
    "家长",
    "工程师",
    "技术员",
    "设计师",
    "党员",
    "干部",
    "师傅",
    "女士",
    "先生",
    "艺人",
    "立法会议员",
)

#: Words written right after a name (徐浠乐说, 夏列丰表示, 习近平同志).
WORDS_AFTER = (
    "说",
    "表示",
    "指出",
    "强调",
    "介绍",
    "认为",
    "告诉",
    "坦言",
    "回忆",
    "透露",
    "称",
    "说道",
    "笑着说",
    "提到",
    "同志",
    "先生",
    "女士",
    "教授",
    "老师",
    "医生",
    "主任",
    "书记",
    "主席",
    "总统",
    "总理",
    "部长",
    "市长",
    "议员",
    "等人",
    "一家",
    "夫妇",
    "本人",
    "出席",
    "会见",
    "会晤",
    "致电",
    "致信",
    "宣布",
    "签署",
    "主持",
    "发表",
    "曾经",
)

#: Words that byline a journalist (记者徐骞, 通讯员…, 摄影…).
BYLINE_BEFORE = (
    "记者",
    "通讯员",
    "见习记者",
    "实习生",
    "编辑",
    "责编",
    "责任编辑",
    "摄影",
    "摄",
    "撰文",
    "作者",
    "本报讯",
    "文/",
    "图/",
    "文",
    "图",
)

#: Titles are never names themselves (jieba tags some of them nr).
_TITLE_SET = frozenset(TITLES_BEFORE)


#: A "given name" that is really a form of address (徐师傅, 王总, 李某).
_ADDRESS = (
    "师傅",
    "老师",
    "先生",
    "女士",
    "小姐",
    "同学",
    "阿姨",
    "大爷",
    "大妈",
    "大哥",
    "大姐",
    "书记",
    "主任",
    "局长",
    "经理",
    "医生",
    "教授",
    "老板",
    "总",
    "董",
    "某",
    "氏",
    "家",
    "哥",
    "姐",
    "叔",
    "姨",
    "伯",
    "婶",
    "嫂",
    "妈",
    "爸",
    "爷",
    "奶",
    "公",
    "婆",
    "老",
    "生",
    "们",
    "感",
    "性",
    "化",
    "者",
    "式",
    "型",
    "界",
)


#: Characters of titles, ranks and institutions that are not part of a given name.
_NOT_GIVEN = frozenset("副正总前原兼代任办墓司处局部厅院校村镇县省区路街站楼馆厂店")


def looks_like_name(word: str) -> bool:
    """2–4 characters, a common surname first, no repeated character (黄澄澄)."""
    if not 2 <= len(word) <= 4 or word.endswith(_ADDRESS):
        return False
    surname = surname_of(word)
    if not surname or len(word) - len(surname) < 1 or len(word) - len(surname) > 2:
        return False
    given = word[len(surname) :]
    if any(ch in _NOT_GIVEN for ch in given):
        return False  # 原副 (原副书记), 王总
    return len(set(given)) == len(given) and given[0] != word[len(surname) - 1]


def _before(text: str, start: int, words: tuple[str, ...]) -> bool:
    head = text[max(0, start - 8) : start].rstrip(" 　:：")
    return any(head.endswith(w) for w in words)


def _after(text: str, end: int, words: tuple[str, ...]) -> bool:
    tail = text[end : end + 6].lstrip(" 　")
    return any(tail.startswith(w) for w in words)


def _is_byline(text: str, start: int, end: int) -> bool:
    if _before(text, start, BYLINE_BEFORE):
        return True
    # "（黄騑鸿）" at the end of a paragraph: the writer's signature
    return text[start - 1 : start] in "(（" and text[end : end + 1] in ")）"


def find_people(seg: Segmented, authors: list[str] | None = None) -> dict[str, int]:
    """Names in the story -> number of mentions (bylines excluded)."""
    text = seg.text
    authors_set = set(authors or ())
    candidates: dict[str, list[tuple[int, int, bool]]] = {}  # name -> [(start, end, from_dict)]

    for tok in seg.tokens:
        if tok.tag.startswith("nr") and looks_like_name(tok.word) and tok.word not in _TITLE_SET:
            candidates.setdefault(tok.word, []).append((tok.start, tok.end, True))
    for word, start, _toks in unknown_runs(seg):
        if looks_like_name(word) and len(word) >= 2:
            candidates.setdefault(word, []).append((start, start + len(word), False))

    seg_tags = {tok.word: tok.tag for tok in seg.tokens if len(tok.word) > 1}
    found: dict[str, int] = {}
    for name, spots in candidates.items():
        if name in authors_set:
            continue
        story_spots = [(s, e, d) for s, e, d in spots if not _is_byline(text, s, e)]
        if not story_spots:
            continue
        if name in _not_people() or _dictionary_non_name(name):
            continue  # 石家庄, 乌克兰: jieba's dictionary tags many places as names
        cued = any(
            _before(text, s, TITLES_BEFORE) or _after(text, e, WORDS_AFTER) for s, e, _d in story_spots
        )
        if not cued:
            # without a cue, only a full name jieba knows as a person (习近平, nrfg) or an
            # unknown three-character name, mentioned twice, whose surname jieba tags as a name
            tag = seg_tags.get(name, "")
            if tag != "nrfg" and (
                tag or len(story_spots) < 2 or len(name) != 3 or not _surname_tagged_as_name(name)
            ):
                continue
        elif len(name) == 2 and seg_tags.get(name, "").startswith("nr") and words.idf(name) < RARE_IDF:
            continue  # 顾客认为: a common word jieba's dictionary calls a name
        found[name] = len(story_spots)
    return found


@functools.cache
def _not_people() -> frozenset[str]:
    return frozenset(surface_forms())


#: A two-character dictionary "name" commoner than this (by jieba's IDF) is an ordinary word.
RARE_IDF = 9.0


def _dictionary_non_name(word: str) -> bool:
    """True when jieba's dictionary knows ``word`` as something other than a name (顾客)."""
    tag = words.dictionary_tag(word)
    return tag is not None and not tag.startswith("nr")


def _surname_tagged_as_name(name: str) -> bool:
    return (words.dictionary_tag(surname_of(name)) or "").startswith("nr")
