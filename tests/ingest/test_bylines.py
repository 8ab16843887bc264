"""Bylines, datelines, trailing authors, source and editor credits."""

import pytest

from reader.ingest.bylines import find_editor, find_source, parse_byline, parse_dateline, trailing_author


@pytest.mark.parametrize(
    ("line", "authors", "place"),
    [
        ("本报记者 蔡文逸 文/图", ["蔡文逸"], ""),
        ("本报记者 龚俊慧 见习记者 徐骞", ["龚俊慧", "徐骞"], ""),
        ("（记者 张三 通讯员 李四）", ["张三", "李四"], ""),
        ("記者王小明／台北報導", ["王小明"], "台北"),
        ("文／孫嘉君", ["孫嘉君"], ""),
        ("撰文：陳大文", ["陳大文"], ""),
        ("2018-06-15　記者陳駿豪", ["陳駿豪"], ""),
        ("执笔/叨叨姐、胡一刀&李小飞刀", ["叨叨姐", "胡一刀", "李小飞刀"], ""),
        ("每经记者 陈荣浩 每经编辑 魏文艺", ["陈荣浩"], ""),
        ("中國組記者莊芷韻", ["莊芷韻"], ""),
    ],
)
def test_parse_byline(line, authors, place):
    byline = parse_byline(line)
    assert byline is not None
    assert byline.authors == authors
    assert byline.place == place


@pytest.mark.parametrize(
    "line", ["拼的方向", "评论", "凝聚开新局的力量", "侯冠州、張珈睿", "活动现场", "这是一个完整的句子。"]
)
def test_not_a_byline(line):
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    ("para", "source", "place", "authors", "date"),
    [
        ("中新社南京6月9日电(记者朱晓颖)9日至11日，中国……", "中新社", "南京", ["朱晓颖"], "2025-06-09"),
        ("新华网北京2月22日电（记者娄奕娟）2月2日15时许……", "新华网", "北京", ["娄奕娟"], "2025-02-22"),
        ("新华社北京2月28日电 2月28日，国务院……", "新华社", "北京", [], "2025-02-28"),
        ("中新网2月20日电 据台湾《联合报》报道……", "中新网", "", [], "2025-02-20"),
        ("【記者呂承哲／台北報導】全球領先的……", "", "台北", ["呂承哲"], ""),
        ("本报讯（记者 张三 通讯员 李四）昨日……", "", "", ["张三", "李四"], ""),
        ("央视网消息（新闻联播）：长江是中华民族的母亲河……", "央视网", "", [], ""),
    ],
)
def test_parse_dateline(para, source, place, authors, date):
    d = parse_dateline(para, 2025)
    assert d is not None
    assert (d.source, d.place, d.authors, d.date) == (source, place, authors, date)


def test_plain_paragraph_has_no_dateline():
    assert parse_dateline("迎着新年曙光,上饶经开区又一次站在了新的起点上。") is None


@pytest.mark.parametrize(
    ("para", "rest", "authors"),
    [
        ("四十多万元。 (黄騑鸿)", "四十多万元。", ["黄騑鸿"]),
        ("会议结束。（记者 张三）", "会议结束。", ["张三"]),
        ("四十多万元(人民币)。", "四十多万元(人民币)。", None),
        ("好的。(完)", "好的。(完)", None),
        ("将推动合作。(新华网)", "将推动合作。(新华网)", None),
    ],
)
def test_trailing_author(para, rest, authors):
    text, who = trailing_author(para)
    assert text == rest
    assert (who.authors if who else None) == authors


def test_source_and_editor():
    assert find_source("来源: 刘长胜问答网") == "刘长胜问答网"
    assert find_source("2019年06月15日08:18 来源：人民网-文化频道") == "人民网-文化频道"
    assert find_source("版权声明 来源：当代商报 时间：2019-09-23 14:34:05 作者：") == "当代商报"
    assert find_source("这一段没有来源信息") == ""
    assert find_editor("责任编辑：李曦_NN2587") == ("", "李曦_NN2587")
    assert find_editor("(责编：汤诗瑶、丁涛)") == ("", "汤诗瑶、丁涛")
    assert find_editor("最后一句。(完)【编辑:惠小东】") == ("最后一句。(完)", "惠小东")
