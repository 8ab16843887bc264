"""Whole saved news pages (site chrome included) from the team's shared material.

The true title and first/last body sentences come from the .html/.js/.md
originals beside each rendering; the chrome strings are menu, link-list,
comment and copyright text taken from the same page.
"""

from __future__ import annotations

import pytest

from reader.ingest.textpage import parse_text
from reader.paths import shared_dir

PAGES = [
    (
        "pages/gerapy_chinanews_1.txt",
        "【中国稳健前行】坚定实施扩大内需战略",
        "编者按：突如其来的新冠肺炎疫情",
        "中国经济这艘大船一定能够乘风破浪，行稳致远！",
        ["更多精彩内容请进入理论频道", "分享到", "English"],
    ),
    (
        "pages/gne_163_8.txt",
        "国务院联防联控机制:湖北和武汉要严格管控防输出",
        "新华社北京2月29日电 2月28日",
        "不断提高疫情防控的科学性、精准性、针对性。",
        ["延伸阅读", "张文宏:上海零新增我很担心", "网易公司版权所有", "跟贴"],
    ),
    (
        "pages/gne_cjddsb_1.txt",
        "常德市金融系统积极开展“金融知识普及月 金融知识进万家”活动",
        "为持续推动金融消费者教育",
        "让金融的发展更好地满足人民日益增长的美好生活需要。",
        ["热门文章", "查看评论", "桃源：法官驱车送赔偿款"],
    ),
    (
        "pages/gne_guancha_3.txt",
        "苹果回应“违反中国劳动法”：大多数指控错误",
        "据中新网9月9日报道",
        "截至发稿时，尚未收到回应。",
        ["热门评论", "富士康确实是家血汗工厂", "小编最近文章"],
    ),
    (
        "pages/gne_huanqiu_1.txt",
        "补壹刀：别笑！18人的“新八国联军”今天成立了",
        "西方世界的一些反华分子正试图串联起来。",
        "自信一点，理性一点，可以吗。",
        ["海外看中国", "环球TIME客户端", "责编"],
    ),
    (
        "pages/gne_people_1.txt",
        "女儿出嫁，郑板桥画了几笔兰花当嫁妆",
        "父亲的教诲像一盏灯",
        "字里行间都是对儿子的爱。",
        ["推荐阅读", "相关新闻", "点击进入", "手机人民网", "责编"],
    ),
    (
        "pages/gne_shanxi_1.txt",
        "山西品牌丝路行（南美站）正式启动",
        "跨越千山万水，行程近两万公里",
        "南美站活动将先后在巴西、乌拉圭、阿根廷举行。",
        ["切換到繁體", "热门搜索", "山西省人民政府网站"],
    ),
    (
        "pages/gne_sina_5.txt",
        "陈同佳刑满出狱 向潘晓颖家人鞠躬致歉",
        "出狱了。据港媒刚刚消息",
        "说完这些话后，陈同佳上车离开了现场。",
        ["最热评论", "恐怖疯子，终身监禁", "阅读排行榜", "新浪新闻公众号"],
    ),
    (
        "pages/gne_thepaper_1.txt",
        "共享充电宝涨价告别1元时代：是“收割韭菜”还是回归理性",
        "“以前花一两元就能充满电",
        "共享充电宝的需求量会越来越大。",
        ["相关推荐", "明码标价，爱要不要", "澎湃新闻报料", "责任编辑"],
    ),
    (
        "pages/gne_toutiao_3.txt",
        "海螺沟寻子一个月：儿子消失在眼前十几米，搜寻无果母亲不舍离去",
        "8岁儿子在四川海螺沟景区失联的第32天",
        "“是我的孩子，他一定会回来的。”",
        ["侵权投诉", "头条产品", "Qzone"],
    ),
    (
        "pages/gne_zsnews_1.txt",
        "顺德区大良街道党工委委员潘卓辉一行到众创金融街开展调研工作",
        "2019年2月27日下午",
        "为中山经济发展提供创新驱动力。",
        ["现在位置", "打印本页", "发布日期"],
    ),
    (
        "traditional/hk_citizennews_12881.txt",
        "【足球·國際】尼羅河畔小村出名將　沙拿凝聚「後阿拉伯之春」埃及",
        "有「埃及美斯」之稱的沙拿",
        "或許這是他凝聚埃及國民的根本原因。",
        ["月費訂戶", "請加入成為眾新聞"],
    ),
    (
        "traditional/hk_citizennews_14857.txt",
        "港大不留人　「樹博士」詹志勇：做人有骨氣，唔會求你",
        "今年開學日，人稱「樹博士」的詹志勇",
        "詹志勇的人生下半場，才剛開始。",
        ["相關新聞", "月費訂戶"],
    ),
    (
        "traditional/hk_citizennews_16617.txt",
        "金庸小說人物郵票　$2見郭靖黃蓉",
        "武俠小說泰斗查良鏞上月30日逝世",
        "便能欣賞連環招式。",
        ["月費訂戶", "請加入成為眾新聞"],
    ),
    (
        "traditional/tw_bnext.txt",
        "AMD推商用AI PC新晶片，NPU算力最高55 TOPS！AI PC換機潮何時發酵？",
        "IC設計大廠超微（AMD）於美國時間10月10日",
        "高算力的AI PC，滲透率將達到40%。",
        ["延伸閱讀", "即時熱門文章", "責任編輯", "客服信箱"],
    ),
    (
        "traditional/tw_ctee_chinatimes.txt",
        "品牌邀晶片商 攻低價5G手機",
        "隨著全球5G網路普及",
        "其他供應商預計將緊跟其後。",
        ["Telegram", "即時熱門新聞", "留言規則", "Undo", "字級設定"],
    ),
    (
        "traditional/tw_nextapple.txt",
        "奧丁丁集團獲美國 Stellar 基金會策略性投資　募資金額達8位數美元",
        "【記者呂承哲／台北報導】全球領先",
        "探索在 Web3 領域優化支付流程的所有可能性。」",
        ["相關新聞", "點擊閱讀下一則新聞", "贊助壹蘋", "我要爆料"],
    ),
]


@pytest.fixture(scope="module")
def shared():
    root = shared_dir()
    if root is None or not (root / "pages").is_dir():
        pytest.skip("the team's shared pages (../shared/pages) are not on this machine")
    return root


@pytest.mark.parametrize(
    ("name", "title", "first", "last", "chrome"), PAGES, ids=[p[0].split("/")[-1] for p in PAGES]
)
def test_whole_page_story(shared, name, title, first, last, chrome):
    stories = parse_text((shared / name).read_text(encoding="utf-8"), name)
    matching = [s for s in stories if s.title == title]
    assert matching, [s.title for s in stories]
    story = matching[0]
    text = "\n".join(story.paragraphs)
    assert first in text and last in text
    assert text.index(first) < text.index(last)
    for junk in chrome:
        assert junk not in text, junk
    assert story.date


META = [
    ("pages/gerapy_chinanews_1.txt", {"date": "2020-07-04", "source": "求是网", "editor": "陈海峰"}),
    ("pages/gne_163_8.txt", {"date": "2020-02-29", "source": "新华社", "place": "北京"}),
    ("pages/gne_sina_5.txt", {"date": "2019-10-23", "source": "环球网", "editor": "吴金明"}),
    (
        "pages/gne_thepaper_1.txt",
        {"date": "2019-09-24", "authors": ["石佳"], "source": "中国青年报", "editor": "张珺"},
    ),
    ("pages/gne_huanqiu_1.txt", {"date": "2020-06-05", "authors": ["叨叨姐", "胡一刀", "李小飞刀"]}),
    ("pages/gne_people_1.txt", {"date": "2019-06-15", "source": "人民网-文化频道"}),
    ("pages/gne_zsnews_1.txt", {"source": "东区办事处", "editor": "龙慧"}),
    (
        "traditional/tw_ctee_chinatimes.txt",
        {"date": "2024-08-20", "source": "工商時報", "authors": ["侯冠州", "張珈睿"]},
    ),
    ("traditional/tw_nextapple.txt", {"date": "2024-08-12", "authors": ["呂承哲"], "place": "台北"}),
    ("traditional/hk_citizennews_12881.txt", {"date": "2018-06-15", "authors": ["陳駿豪"]}),
]


@pytest.mark.parametrize(("name", "want"), META, ids=[m[0].split("/")[-1] for m in META])
def test_whole_page_meta(shared, name, want):
    story = parse_text((shared / name).read_text(encoding="utf-8"), name)[0]
    assert {key: getattr(story, key) for key in want} == want
