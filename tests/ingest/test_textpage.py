"""parse_text on the seed page, on each supported layout, and on hostile input."""

from __future__ import annotations

import time

import pytest

from reader.ingest.textpage import parse_text
from reader.paths import bundled_archive

SEED = bundled_archive() / "000_d96a957ce2900ba2.txt"
BOILER = ("发布于", "声明", "用户反馈", "Copyright", "版权所有", "责任编辑", "本报记者", "评论")


@pytest.fixture(scope="module")
def seed():
    return parse_text(SEED.read_text(encoding="utf-8"), str(SEED))


def test_seed_gives_four_stories_in_order(seed):
    assert [s.title for s in seed] == [
        "朝着春天出发",
        "凝聚开新局的力量",
        "扎根基层乐奉献",
        "邮情柚意 “丰”景这边独好",
    ]


def test_seed_first_story(seed):
    s = seed[0]
    assert s.subtitle == "上饶经开区新的一年这样拼"
    assert s.authors == ["蔡文逸"]
    assert s.byline == "本报记者 蔡文逸 文/图"
    assert s.headings == ["拼的方向/蓝图已绘就", "拼的重点/优势正叠加", "拼的力量/动力在迸发"]
    assert s.paragraphs[0] == "迎着新年曙光,上饶经开区又一次站在了新的起点上。"
    for heading_at, first in zip(
        s.heading_at,
        ("2023年是上饶经开区改革创新", "开往春天的列车如何提速", "“改革是解放和发展"),
        strict=True,
    ):
        assert s.paragraphs[heading_at].startswith(first)


def test_seed_column_story(seed):
    s = seed[1]
    assert s.column == "评论"
    assert s.headings == []
    assert s.paragraphs[0].startswith("岁序更替,华章日新。")


def test_seed_third_story(seed):
    s = seed[2]
    assert s.subtitle == "记信州区东市街道党政办主任徐浠乐"
    assert s.authors == ["龚俊慧", "徐骞"]
    assert s.byline == "本报记者 龚俊慧 见习记者 徐骞"


def test_seed_fourth_story(seed):
    s = seed[3]
    assert s.subtitle == "上饶邮政助力马家柚产业发展纪实"
    assert s.authors == ["黄騑鸿"]
    assert "黄騑鸿" not in s.paragraphs[-1]
    assert s.paragraphs[-1].endswith("40.05亿元。")
    assert s.headings[:2] == ["变农产品“撮堆儿卖”/为网上“精品卖”", "从“藏在深山难运出”/到“邮进寻常百姓家”"]
    assert s.headings[2] == "变“个体农户无物可押”为“千万农户有信可用”"
    assert len(s.headings) == 3


def test_seed_common_fields_and_no_boilerplate(seed):
    for s in seed:
        assert s.source == "刘长胜问答网"
        assert s.date == "2024-05-24"
        assert s.id == "" and s.file == ""
        for p in s.paragraphs:
            assert p.strip() and p.strip("\xa0\u3000 ")
            assert not any(p.startswith(b) for b in BOILER), p
            assert "Copyright" not in p and "版权所有" not in p


def test_single_story_without_byline():
    text = (
        "小城开出第一家24小时书店\n\n城东新开的书店昨晚通宵营业，吸引了不少夜读的年轻人。\n\n"
        "店主说，希望让书店成为城市的一盏灯。\n"
    )
    [s] = parse_text(text)
    assert s.title == "小城开出第一家24小时书店"
    assert s.authors == [] and s.byline == ""
    assert len(s.paragraphs) == 2


def test_bracketed_reporter_and_correspondent():
    text = (
        "河畔步道完成改造\n2023年4月2日\n\n"
        "（记者 张三 通讯员 李四）记者昨日从市园林局获悉，滨河步道改造工程已经完工。\n\n"
        "新步道全长三公里，沿线增设了座椅和照明。\n\n责任编辑：王五\n"
    )
    [s] = parse_text(text)
    assert s.title == "河畔步道完成改造"
    assert s.date == "2023-04-02"
    assert s.authors == ["张三", "李四"]
    assert s.editor == "王五"
    assert all("责任编辑" not in p for p in s.paragraphs)


def test_bracketed_byline_on_its_own_line():
    text = "社区食堂开张\n\n（记者 张三 通讯员 李四）\n\n社区食堂今天开门迎客，首日接待老人两百多人次。\n"
    [s] = parse_text(text)
    assert s.authors == ["张三", "李四"]
    assert s.paragraphs == ["社区食堂今天开门迎客，首日接待老人两百多人次。"]


def test_agency_dateline():
    text = (
        "江苏发布新一批科技项目\n2025-06-09 10:00\n\n"
        "中新社南京6月9日电(记者朱晓颖)江苏省今天发布新一批重点科技项目，"
        "涉及新能源和生物医药等领域。\n\n相关负责人表示，项目将带动社会投资。(完)【编辑:赵六】\n"
    )
    [s] = parse_text(text)
    assert s.source == "中新社"
    assert s.place == "南京"
    assert s.authors == ["朱晓颖"]
    assert s.editor == "赵六"
    assert s.paragraphs[-1] == "相关负责人表示，项目将带动社会投资。"  # the (完) goes, the text stays


def test_image_captions_and_credit_lines():
    text = (
        "古镇灯会开幕\n2024年2月10日\n\n元宵节前夕，古镇灯会正式开幕，游客络绎不绝。\n\n（图片来源：视觉中国）\n\n"
        "图为游客在灯会现场拍照留念。\n\n图/新华社\n\n灯会将持续到正月十八。\n"
    )
    [s] = parse_text(text)
    assert "图为游客在灯会现场拍照留念。" in s.paragraphs
    assert not any("图片来源" in p or p == "图/新华社" for p in s.paragraphs)


def test_taiwan_bylines():
    text = (
        "北市推動綠色運輸\n2024/08/12\n\n記者王小明／台北報導\n\n台北市政府今天宣布，將擴大公共自行車站點，鼓勵民眾綠色出行。\n\n"
        "市府表示，新站點將在年底前完成。\n\n責任編輯：陳美美\n"
    )
    [s] = parse_text(text)
    assert s.authors == ["王小明"] and s.place == "台北"
    assert s.date == "2024-08-12"
    assert s.editor == "陳美美"
    text2 = "咖啡館裡的讀書會\n\n文／孫嘉君\n\n每週六下午，巷口的咖啡館總會聚集一群愛書人。\n"
    [s2] = parse_text(text2)
    assert s2.authors == ["孫嘉君"]


def test_hong_kong_byline():
    text = (
        "社區回收站擴展服務\n\n撰文：陳大文\n\n環保團體表示，社區回收站將延長開放時間，方便上班族。\n\n"
        "相關新聞：回收站人手不足\n"
    )
    [s] = parse_text(text)
    assert s.authors == ["陳大文"]
    assert all("相關新聞" not in p for p in s.paragraphs)


def test_repost_page_with_several_stories():
    text = (
        "第一篇报道的标题\n2024-01-02 来源：某某日报\n\n"
        "这是第一篇报道的第一段，内容完整。\n\n这是第一篇报道的第二段。\n\n"
        "第二篇报道的标题\n2024-01-03 来源：另一家网站\n\n这是第二篇报道的正文，也很完整。\n"
    )
    a, b = parse_text(text)
    assert (a.title, a.date, a.source) == ("第一篇报道的标题", "2024-01-02", "某某日报")
    assert (b.title, b.date, b.source) == ("第二篇报道的标题", "2024-01-03", "另一家网站")
    assert b.paragraphs == ["这是第二篇报道的正文，也很完整。"]


def test_digest_sample_splits_per_item():
    stories = parse_text((bundled_archive() / "xwlb_digest_sample.txt").read_text(encoding="utf-8"))
    assert [s.title for s in stories] == [
        "【新春走基层】山区小学迎来新图书室",
        "多地加快推进春季农业生产",
        "全国铁路客运量保持高位运行",
    ]
    for s in stories:
        assert s.date == "2024-03-12"
        assert s.paragraphs[0].startswith("央视网消息（新闻联播）：")
        assert not any("主要内容" in p for p in s.paragraphs)


def test_digest_without_summary_list():
    text = (
        "甲地举行春季运动会\n央视网消息（新闻联播）：甲地今天举行春季运动会，数千名学生参加。\n"
        "乙地新建一座公园\n央视网消息（新闻联播）：乙地新建的城市公园今天对外开放。\n"
    )
    assert [s.title for s in parse_text(text)] == ["甲地举行春季运动会", "乙地新建一座公园"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\n\n\n",
        "\xa0\n\u3000\n",
        "\x00\x01\x02",
        "���\ufffd" * 1000,
        "".join(chr(c) for c in range(0x20, 0x3000, 7)) * 20,
        "。" * 5000,
        "【" * 5000,
    ],
)
def test_never_raises(text):
    stories = parse_text(text)
    assert isinstance(stories, list)


def test_huge_single_line_is_fast():
    line = "这是一句很长的话，" * 2_200_000  # ~20 MB of text in one line
    t0 = time.perf_counter()
    stories = parse_text(line)
    assert time.perf_counter() - t0 < 10
    assert len(stories) == 1 and stories[0].paragraphs[0] == line


def test_wechat_style_stamp_line_and_combined_fields():
    text = (
        "社区菜园开张了\n\n原创 张三 某某公众号 2024-05-24 10:48\n\n"
        "小区空地上的社区菜园今天开张，三十户居民领到了自己的小菜地。\n\n编辑：李四 审核：王五\n"
    )
    [s] = parse_text(text)
    assert s.title == "社区菜园开张了"
    assert s.date == "2024-05-24"
    assert s.headings == []
    assert s.editor == "李四"
    text2 = "旧桥加固完工\n作者：赵六 来源：某某晚报\n\n市区一座老桥完成加固，今天恢复通行。\n"
    [s2] = parse_text(text2)
    assert s2.authors == ["赵六"] and s2.source == "某某晚报"


def test_an_item_lettered_c_is_story_text_and_a_copyright_line_is_not():
    """``(c)`` opens the third item of a lettered list as often as a copyright line: only
    ``(c)`` before a year or a Latin name is the copyright sign (a (c) item was lost before)."""
    text = (
        "标题测试新闻\n\n2021-01-31 眾新聞\n\n"
        "時任政務司司長陳方安生書面回覆說，特首與終審法院首席法官每年會面數次，討論的範圍包括：\n\n"
        "「(a) 有關為司法機構提供資源的事項，包括法官的薪酬及服務條件;\n\n"
        "(b) 涉及司法機構的立法建議，例如提高區域法院的司法管轄權金額限制;及\n\n"
        "(c) 司法機構和市民共同關注的事項，例如訴訟費用水平、市民尋求司法公義的途徑。」\n\n"
        "陳太當時說：「在會面期間，首席法官亦向行政長官介紹。」\n\n"
        "(c) 2021 Citizen News. All rights reserved.\n"
    )
    (story,) = parse_text(text)
    printed = "\n".join([*story.paragraphs, *story.headings])
    assert "(c) 司法機構和市民共同關注的事項" in printed
    assert "All rights reserved" not in printed


def test_a_print_edition_credit_under_the_story_is_kept_as_its_edition():
    page = (
        "中国对外开放不会放慢节奏\n\n2016-02-20\n\n"
        "中国已踏上全面建成小康社会的决胜征途，站在新的历史起点，中国对外开放不会放慢节奏，更不会停下脚步。\n\n"
        "《人民日报》（2016年02月20日02版）\n"
    )
    (story,) = parse_text(page, "edition.txt")
    assert story.source == "人民日报"
    assert story.edition == "《人民日报》（2016年02月20日02版）"
    assert all("02版" not in p for p in story.paragraphs)  # a credit, not a paragraph


def test_a_date_inside_a_sentence_or_headline_leaves_the_line_in_the_text():
    # a line holding a full date used to be taken for a stamp (原创 张三 某公众号 2024-05-24 10:48) and lost
    text = (
        "中美日内瓦经贸会谈联合声明\n\n2025-05-12 新华网\n\n"
        "鉴于双方近期的讨论，相信持续的协商有助于解决双方在经贸领域关切。\n\n"
        "双方承诺将于2025年5月14日前采取以下举措：\n\n"
        "美国将修改2025年4月2日第14257号行政令中规定的对中国商品加征的从价关税。\n\n"
        "国务院任免国家工作人员（2025年5月30日）\n\n"
        "任命周霁为中央人民政府驻香港特别行政区联络办公室主任。\n"
    )
    (story,) = parse_text(text, "statement.txt")
    assert "双方承诺将于2025年5月14日前采取以下举措：" in story.paragraphs
    assert "国务院任免国家工作人员（2025年5月30日）" in story.text
    assert story.date == "2025-05-12"
    stamp = "原创 张三 某某公众号 2024-05-24 10:48"
    (stamped,) = parse_text(f"标题在这里说事情\n\n{stamp}\n\n" + "正文说了一件事。" * 5)
    assert stamped.date == "2024-05-24" and "原创" not in stamped.text


CREDITED = (
    "专家学者看中国经济增长点\n\n2025-05-12 中国新闻网\n\n"
    "发展乡村富民产业能促进乡村产业全链条升级，在稳定就业、促进农民增收方面发挥着重要作用。\n\n"
    "摄影：鞠焕宗 李欣\n\n"
    "来源：人民日报海外版【编辑:苏亦瑜】\n\n"
    "2025年5月4日\n\n"
    "分享到微信\n"
)


def test_credits_printed_with_a_story_are_kept_verbatim_as_its_asides():
    (story,) = parse_text(CREDITED, "credited.txt")
    assert story.source == "中国新闻网" and story.editor == "苏亦瑜"
    # the closing source names another paper than the page's: neither it nor its label may be lost
    assert "来源：人民日报海外版【编辑:苏亦瑜】" in story.asides
    assert "摄影：鞠焕宗 李欣" in story.asides
    assert "2025年5月4日" in story.asides
    assert not any("分享" in a for a in story.asides)  # a site's button is no line of the story
    assert not any(a in story.text for a in story.asides)
    assert story.asides_to_print() == [a for a in story.asides if a != "2025-05-12 中国新闻网"]


def test_asides_that_only_repeat_printed_fields_are_not_printed_again():
    (story,) = parse_text(
        "标题说一件事情的经过\n\n发布时间：2022-02-13 04:22:18 来源：云南日报\n\n"
        + "正文说了一件事。" * 5
        + "\n\n编辑 | 岳雨田\n",
        "repeat.txt",
    )
    assert story.source == "云南日报" and story.editor == "岳雨田" and story.date == "2022-02-13"
    assert "编辑 | 岳雨田" in story.asides and story.asides_to_print() == []


def test_a_digest_items_keep_the_page_heading_as_an_aside():
    text = (
        "新闻联播 2024年3月12日\n\n"
        "第一条新闻标题\n\n央视网消息（新闻联播）：第一条新闻的正文内容写在这里，说了一件事。\n\n"
        "第二条新闻标题\n\n央视网消息（新闻联播）：第二条新闻的正文内容写在这里，说了另一件事。\n"
    )
    stories = parse_text(text, "digest.txt")
    assert [s.title for s in stories] == ["第一条新闻标题", "第二条新闻标题"]
    assert all("新闻联播 2024年3月12日" in s.asides for s in stories)


def test_a_story_told_a_phrase_a_line_is_text_under_its_sentence_headline():
    # a WeChat-style story: the headline is a quoted sentence, the text a run of short phrases;
    # the page was read as site chrome around one sentence, or its phrases paired into subheads
    phrases = [
        "近日，河南商丘",
        "现役军人张伟",
        "面对5名群众落水的危急情况",
        "不顾母亲劝阻",
        "选择转身跳入湖中救人",
        "最后因体力严重透支",
        "陷入昏迷被紧急送医",
        "经医院救治",
        "张伟已脱离危险",
    ]
    head = "“妈，求你让我再救一个……”\n\n2025-06-11 中国新闻网\n\n“再救你就没命了！”\n\n"
    text = head + "\n\n".join(phrases)
    (story,) = parse_text(text, "verse.txt")
    assert story.title == "“妈，求你让我再救一个……”" and story.source == "中国新闻网"
    assert story.paragraphs == ["“再救你就没命了！”", *phrases] and story.headings == []


def test_subheads_between_paragraphs_stay_subheads():
    paras = [f"上饶经开区坚持项目为王，第{n}季度引进项目四十多个，总投资超过三百亿元。" for n in "一二三"]
    text = "标题说一件事情的经过\n\n2024-01-05 上饶日报\n\n" + "\n\n".join(
        [paras[0], "拼的方向", "蓝图已绘就", paras[1], "拼的重点", paras[2]]
    )
    (story,) = parse_text(text, "subheads.txt")
    assert story.headings == ["拼的方向/蓝图已绘就", "拼的重点"] and len(story.paragraphs) == 3


def test_a_sentence_opening_with_a_buttons_word_is_text_and_the_button_is_not():
    opening = "返回舱与推进舱分离，返回舱成功着陆，担负搜救回收任务的搜救分队及时发现目标并抵达着陆现场。"
    text = (
        "神舟飞行乘组返回任务圆满成功\n\n2026-05-30 央视新闻\n\n"
        "央视网消息：5月29日20时11分，神舟飞船返回舱在东风着陆场成功着陆。\n\n"
        f"{opening}\n\n航天员的首飞之旅圆满完成，身体状态良好。\n\n"
        "原标题：神舟乘组平安回家\n\n返回搜狐，查看更多\n"
    )
    (story,) = parse_text(text, "return.txt")
    assert opening in story.paragraphs
    assert "原标题：神舟乘组平安回家" in story.asides  # the title it first ran under is the story's
    assert not any("返回搜狐" in x for x in [*story.paragraphs, *story.asides])


def test_heading_marks_over_sentences_are_no_subheads_and_short_ones_are():
    captions = [
        "憤怒的黎巴嫰示威者，周日在首都貝魯特鬧巿包圍總理，並向他投擲水樽。黎巴嫰政府提出加稅措施，引起民眾不滿。（美聯社）",
        "日本防衛相周一在東京會晤到訪的俄羅斯國防部長。這是會議前兩人檢閱儀仗隊。日俄兩國正舉行「二加二」會談。（美聯社）",
    ]
    text = "世界這一天\n\n2017-03-20 眾新聞\n\n" + "\n\n".join(f"## {c}" for c in captions)
    text += "\n\n## 國際短訊\n\n" + "周一，聯合國安理會就敘利亞局勢舉行緊急會議，多國代表發言。" * 2
    (story,) = parse_text(text, "gallery.txt")
    assert story.paragraphs[:2] == captions and story.headings == ["國際短訊"]


@pytest.mark.parametrize(
    "headline",
    ["2019年6月16日\u3000香港的日與夜", "2025年1月1日起我国调整部分商品关税", "2017/5/29為什麼看不見？"],
)
def test_a_headline_opening_with_a_day_is_the_title_not_a_date_line(headline):
    body = "這一天的香港，街頭人潮洶湧，市民從四方八面湧到金鐘一帶。" * 3
    text = f"{headline}\n\n2019-06-16 眾新聞\n\n{body}"
    (story,) = parse_text(text, "dated.txt")
    assert story.title == headline and story.date == "2019-06-16" and story.source == "眾新聞"


def test_a_site_s_today_line_over_the_date_line_is_no_headline():
    body = "今天上午，全市中小学开展消防安全演练活动。" * 3
    text = f"2024年5月6日 星期一 农历四月初八\n\n2024-05-06 新华网\n\n{body}"
    (story,) = parse_text(text, "today.txt")
    assert story.title != "2024年5月6日 星期一 农历四月初八"
