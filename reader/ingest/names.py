"""Is this a person's name? Shapes, common surnames and dictionary words, for bylines and credits.

Chinese bylines give names with little around them (``孫嘉君`` alone under a
date, ``方敏北京大学经济学院教授`` run into a post). These checks keep the common
words and place or outlet names out: a name starts with a common surname
(:mod:`reader.text.surnames`, checked on the simplified fold so 孫 and 陳 count)
and is not a word jieba's dictionary knows well (:mod:`reader.text.words`).
"""

from __future__ import annotations

import re

from reader.text.fold import fold
from reader.text.surnames import surname_of
from reader.text.words import frequency as word_frequency

HAN = "\u3400-\u9fff\uf900-\ufaff"
HAN_ONLY = re.compile(rf"^[{HAN}]+$")
NAME = re.compile(rf"^[{HAN}][{HAN}·•．]{{1,5}}$|^[A-Za-z][A-Za-z .'-]{{1,30}}$")
STOP_NAMES = {
    "完",
    "全文完",
    "待续",
    "未完",
    "未完待续",
    "组图",
    "附图",
    "下同",
    "图",
    "图片",
    "视频",
    "資料",
    "资料",
    "人民币",
    "人民幣",
    "港元",
    "美元",
    "新台幣",
    "新台币",
    "同比",
    "记者",
    "記者",
    "原标题",
    "原題",
    # labels that follow 作者 / 记者 on a page (作者简介, 记者主页): not names
    "简介",
    "簡介",
    "介绍",
    "介紹",
    "主页",
    "主頁",
    "专栏",
    "專欄",
    "文章",
    "信箱",
    # field labels read as tokens of a byline (来源：经济日报本报记者曾诗阳)
    "来源",
    "來源",
    "出处",
    "出處",
    "编辑",
    "編輯",
    "选稿",
    "選稿",
}


def credit_name(name: str) -> bool:
    """Could ``name`` in a bare ``<name>报道``/``<name>摄`` line be a person, not a word like 连续?

    With no 记者/文/作者 cue the name must start with a common surname and not be
    a common word in jieba's dictionary (连续, 相关, 新增 are; 李强, 张三 are not).
    """
    simple = fold(name)  # 陳大文 as 陈大文: the surname list and the dictionary are simplified
    if not surname_of(simple) and not re.match(r"^[A-Za-z]", name):
        return False
    return word_frequency(simple) < 500


_NOT_NAME_END = re.compile(r"[市县縣区區镇鎮乡鄉村路街站港岛島山湖河省州局部会會院所校队隊网網报報台社版]$")


def lone_name(line: str) -> bool:
    """A line that is only a person's name, with no cue at all (``孫嘉君`` under a page's date).

    Strict, since nothing else says it is a name: three Han characters, a common
    surname (simplified or traditional), no word jieba knows, and no place or
    organisation ending (高雄市, 新聞網).
    """
    if not re.fullmatch(rf"[{HAN}]{{3}}", line) or _NOT_NAME_END.search(line):
        return False
    simple = fold(line)
    return bool(surname_of(simple)) and word_frequency(simple) == 0 and word_frequency(simple[1:]) < 200


_AFFILIATION = re.compile(
    r"(?:大学|大學|学院|學院|研究院|研究所|研究中心|研究会|研究會|科学院|科學院|社科院|党校|黨校|"
    r"教授|研究员|研究員|学者|學者|博士|院长|院長|所长|所長|主任|专家|專家|律师|律師|委员|委員|"
    r"理事|会长|會長|主席|总监|總監|分析师|分析師|经济学家|經濟學家)"
)


def name_before_post(token: str) -> str:
    """``方敏北京大学经济学院教授`` -> ``方敏``: an author's name run into their post; '' if not so.

    The name is two or three characters with a common surname; which of the two is
    decided by the word that would follow it (北京 after 方敏, not 京大 after 方敏北).
    """
    if not HAN_ONLY.match(token) or not _AFFILIATION.search(token[2:]):
        return ""
    simple = fold(token)
    if not surname_of(simple):
        return ""
    best, best_freq = "", -1
    for size in (2, 3):
        rest = simple[size:]
        if not _AFFILIATION.search(rest):
            continue
        freq = max(word_frequency(rest[:n]) for n in (2, 3, 4))
        if freq > best_freq:
            best, best_freq = token[:size], freq
    return best if best_freq >= 50 else ""


def looks_name(token: str) -> bool:
    """Shaped like a personal name (2-6 Han characters, or a Latin name), not a stop word."""
    return bool(NAME.match(token)) and token not in STOP_NAMES
