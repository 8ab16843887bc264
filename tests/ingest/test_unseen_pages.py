"""Browser copy-pastes of news sites that are not in the shared material.

Each page under ``tests/ingest/pages/`` was written for these tests (own words,
site layouts as a reader sees them when selecting a whole page: menus,
breadcrumbs, share buttons, related links, copyright and ICP lines). Every
field is asserted exactly, and no chrome may reach the story text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.ingest.textpage import parse_text

PAGES = Path(__file__).parent / "pages"

# file -> expected fields of the one story on the page
EXPECTED = {
    # 數位時代's layout: the author's name alone on a line under the date, no 記者/作者 cue
    "bnext_author_line.txt": dict(
        title="台積電擴產高雄廠，先進封裝產能明年倍增",
        authors=["陳怡如"],
        date="2024-11-02",
        first="台積電今日在法說會上宣布",
        last="分析師認為，隨著人工智慧伺服器出貨量持續攀升，先進封裝的供不應求情況短期內難以緩解，相關設備與材料廠商可望同步受惠，明年營運展望樂觀。",
        n_paragraphs=3,
    ),
    "xinhuanet.txt": dict(
        title="我国将全面推进城市更新行动",
        subtitle="",
        authors=["王立新", "陈晓雨"],
        date="2024-05-06",
        source="新华网",
        place="北京",
        editor="李明",
        paragraphs=[
            "新华社北京5月6日电（记者王立新、陈晓雨）记者6日从住房和城乡建设部获悉，今年我国将在全国范围内推进城市更新行动，"
            "重点改造2000年底前建成的城镇老旧小区。",
            "住房和城乡建设部有关负责人介绍，城市更新不是大拆大建，而是要坚持“留改拆”并举，以保留利用提升为主，注重补齐公共服务短板。",
            "据介绍，今年各地计划新开工改造城镇老旧小区5万个以上，加装电梯、改造管网、增设养老托育设施将是工作重点。",
            "这位负责人表示，下一步将加强对各地的指导督促，防止出现“一刀切”和形式主义。",
        ],
    ),
    "gmw.txt": dict(
        title="高校毕业生就业季：多地推出“直播带岗”",
        subtitle="",
        authors=["刘晓红"],
        date="2024-05-07",
        source="光明日报",
        editor="张伟",
        paragraphs=[
            "临近毕业季，多地人社部门和高校联合推出“直播带岗”活动，把招聘会搬到线上，让毕业生足不出户就能与用人单位面对面交流。",
            "在一场面向理工科毕业生的直播中，二十多家企业的人事负责人轮流出镜，介绍岗位要求和薪酬待遇，观看人数超过三万。",
            "“直播带岗打破了地域限制，”一所高校的就业指导中心负责人说，“学生可以同时了解好几个城市的岗位。”",
            "业内人士提醒，毕业生在线上求职时要注意核实企业资质，警惕以招聘为名的收费陷阱。",
        ],
        headings=[],
    ),
    "cctv.txt": dict(
        title="全国铁路今日迎来返程客流高峰",
        subtitle="",
        authors=[],
        date="2024-05-05",
        source="央视网",
        editor="王芳",
        paragraphs=[
            "央视网消息：今天是“五一”假期最后一天，全国铁路迎来返程客流高峰，预计发送旅客1950万人次，计划加开旅客列车1500列以上。",
            "记者从中国国家铁路集团有限公司了解到，各地铁路部门针对返程客流特点，在热门方向增开夜间列车，延长车站售票窗口服务时间。",
            "在北京西站，工作人员提前增设了临时候车区，并安排志愿者引导旅客有序进站。",
        ],
    ),
    "infzm.txt": dict(
        title="搬进县城的年轻人",
        subtitle="在大城市打拼多年后，越来越多的年轻人选择回到家乡县城安家。",
        authors=["周海燕", "林小舟"],
        date="2024-05-09",
        editor="苏文",
        headings=["回流的理由", "落脚之后"],
        heading_at=[2, 5],
        first="三十二岁那年，陈默决定离开工作了八年的深圳",
        last="“先站稳脚跟，再慢慢想下一步。”他说。",
        n_paragraphs=8,
    ),
    "caixin.txt": dict(
        title="多家银行下调大额存单利率",
        subtitle="",
        authors=["张宇", "王敏"],
        date="2024-05-08",
        source="财新周刊",
        editor="赵刚",
        first="国有大行和部分股份制银行近日再次下调大额存单利率",
        last="分析人士认为，在贷款利率持续下行的背景下，银行负债端成本管理的压力仍将持续。",
        n_paragraphs=4,
    ),
    "jiemian.txt": dict(
        title="国产大模型价格战再升级",
        subtitle="多家厂商宣布旗下主力模型降价超过九成，行业竞争进入新阶段。",
        authors=["李佳"],
        date="2024-05-15",
        source="界面新闻",
        editor="王涛",
        first="继上周一家创业公司宣布大幅降价后",
        last="业内普遍认为，价格下降将推动大模型在中小企业中的应用，但最终能否形成良性循环，仍有待观察。",
        n_paragraphs=3,
    ),
    "people_daily.txt": dict(
        title="春耕备耕有序推进",
        subtitle="",
        authors=["郑明"],
        date="2024-05-06",
        source="人民日报",
        editor="刘洋、陈静",
        first="眼下正值春耕时节，各地抢抓农时",
        last="农业农村部有关负责人表示，将继续做好农资供应和技术指导，为全年粮食丰收打下坚实基础。",
        n_paragraphs=3,
    ),
    "cna.txt": dict(
        title="夏季電價方案6月上路 住宅用戶每度調漲",
        subtitle="",
        authors=["林家豪"],
        date="2024-05-06",
        source="中央社",
        place="台北",
        editor="陳怡君",
        first="（中央社記者林家豪台北6日電）經濟部今天公布夏季電價方案",
        last="台電表示，將同步推出節電獎勵措施，鼓勵民眾在尖峰時段減少用電。",
        n_paragraphs=3,
    ),
    "ltn.txt": dict(
        title="台中捷運藍線動工 預計2030年通車",
        subtitle="",
        authors=["張文華"],
        date="2024-05-08",
        place="台中",
        first="〔記者張文華／台中報導〕台中捷運藍線今天舉行動工典禮",
        last="不少沿線居民對工程期間的交通管制表示擔憂，市府承諾將分段施工並加強交通疏導。",
        n_paragraphs=3,
    ),
    "mingpao.txt": dict(
        title="屋苑管理費加價 業主不滿",
        subtitle="",
        authors=[],
        date="2024-05-06",
        source="明報",
        first="【明報專訊】多個大型屋苑近期宣布上調管理費",
        last="立法會議員表示，會跟進事件，並要求有關部門檢討大廈管理條例。",
        n_paragraphs=3,
    ),
    "hk01.txt": dict(
        title="元朗大廈火警 百名居民疏散",
        subtitle="",
        authors=["陳嘉欣"],
        date="2024-05-06",
        headings=[],
        first="元朗一幢住宅大廈今日清晨發生火警",
        last="有居民表示，清晨聽到警鐘響起，立即帶同家人落樓。",
        n_paragraphs=3,
    ),
    "wechat.txt": dict(
        title="社区里的小菜园",
        subtitle="",
        authors=["李晓晴"],
        date="2024-05-06",
        source="城市生活观察",
        headings=[],
        first="在小区楼下开辟一块菜园，是不少城市居民的心愿。",
        last="社区工作人员说，菜园让原本互不认识的邻居有了交流的机会，小区的气氛也变得更融洽了。",
        n_paragraphs=3,
    ),
    "weibo.txt": dict(
        title="多地发布高温预警",
        subtitle="",
        authors=[],
        date="2024-05-06",
        source="人民日报",
        headings=[],
        paragraphs=[
            "记者今天从中国气象局获悉，受副热带高压影响，南方多地气温明显升高，江西、湖南等地局地最高气温可达37℃。"
            "气象部门提醒，户外工作者应注意防暑降温。"
        ],
    ),
    "press_release.txt": dict(
        title="华东新材料股份有限公司发布2023年度社会责任报告",
        subtitle="",
        authors=[],
        date="2024-05-06",
        source="公司新闻中心",
        headings=["关于华东新材料股份有限公司"],
        heading_at=[3],
        first="5月6日，华东新材料股份有限公司在上海发布《2023年度社会责任报告》",
        last="华东新材料股份有限公司成立于2005年，总部位于上海，主要从事高性能复合材料的研发与生产。",
        n_paragraphs=4,
    ),
    "thepaper.txt": dict(
        title="大学生暑期“三下乡”走进乡村课堂",
        subtitle="",
        authors=["石佳"],
        date="2024-07-20",
        source="中国青年报",
        headings=[],
        paragraphs=[
            "今年暑假，来自多所高校的大学生志愿者走进偏远乡村，为当地孩子开设科学、美术和体育课程。",
            "孩子们在上科学课。",
            "“以前我们只在课本上见过显微镜。”一名五年级学生说，这是她第一次亲手观察植物细胞。",
            "志愿者们还走访了村里的留守老人，帮助他们学习使用智能手机。",
        ],
    ),
    "chinanews.txt": dict(
        title="杭州西湖景区试行预约游船",
        subtitle="",
        authors=["钱晨"],
        date="2024-05-06",
        source="中国新闻网",
        place="杭州",
        editor="刘欣",
        first="中新网杭州5月6日电(记者 钱晨)记者6日从杭州西湖风景名胜区管委会获悉",
        last="据悉，节假日期间未预约游客仍可现场购票，但须服从现场安排。",
        n_paragraphs=3,
    ),
    "hkcnews.txt": dict(
        title="屋邨小店的黃昏",
        subtitle="",
        authors=[],
        date="2024-05-06",
        first="我家樓下的文具店開了三十多年",
        last="這些小店也許撐不了多久，但它們留下的回憶，會一直在街坊心中。",
        n_paragraphs=3,
    ),
    "udn.txt": dict(
        title="國道連假車潮湧現 高公局建議避開尖峰時段",
        subtitle="",
        authors=["陳宜君"],
        date="2024-05-06",
        source="聯合報",
        place="台北",
        headings=[],
        first="母親節連假即將到來，高公局預估國道交通量將較平日增加一成五",
        last="高公局也提醒用路人，出發前可利用即時路況系統查詢車流資訊，並保持安全車距。",
        n_paragraphs=3,
    ),
    "theinitium.txt": dict(
        title="島嶼上的最後一家書店",
        subtitle="當連鎖書店撤出，一家獨立書店如何撐起整座小島的閱讀生活？",
        authors=["何嘉欣"],
        date="2024-05-06",
        source="端傳媒",
        place="澎湖",
        first="在澎湖的一條老街上，一家只有十坪大的書店已經營業了二十七年。",
        last="「書店不只是賣書的地方，」店主說，「它是一個讓人願意停下來的地方。」",
        n_paragraphs=3,
    ),
    "bjnews.txt": dict(
        title="北京新增口袋公园50处 年底前全部建成",
        subtitle="",
        authors=["赵颖"],
        date="2024-05-06",
        source="新京报",
        first="新京报讯（记者赵颖）记者6日从北京市园林绿化局获悉",
        last="市园林绿化局有关负责人表示，口袋公园建设将充分听取周边居民意见，做到“一园一策”。",
        n_paragraphs=3,
    ),
    "huanqiu.txt": dict(
        title="日本央行维持利率不变",
        subtitle="",
        authors=["李明"],
        date="2024-05-06",
        source="环球网",
        column="",
        editor="王芳",
        first="【环球网报道 记者 李明】日本央行6日宣布维持短期利率不变",
        last="日本央行行长在记者会上表示，将根据经济和物价数据灵活调整政策。",
        n_paragraphs=3,
    ),
    "netease.txt": dict(
        title="多地公布中考改革方案 体育分值普遍提高",
        subtitle="",
        authors=[],
        date="2024-05-06",
        source="澎湃新闻",
        headings=[],
        first="近日，多个省份陆续公布中考改革方案",
        last="一些家长表示支持，同时担心孩子课业负担进一步加重。",
        n_paragraphs=3,
    ),
    "sina.txt": dict(
        title="今年一季度全国快递业务量同比增长25%",
        subtitle="",
        authors=["王小明"],
        date="2024-05-06",
        source="新京报",
        editor="刘丽",
        headings=[],
        first="据国家邮政局消息，今年一季度全国快递业务量完成385亿件",
        last="国家邮政局有关负责人表示，农村地区快递业务增长明显，快递进村比例进一步提高。",
        n_paragraphs=2,
    ),
    "toutiao.txt": dict(
        title="城市夜经济如何持续升温？",
        subtitle="",
        date="2024-05-06",
        headings=[],
        first="近年来，不少城市推出夜市、夜游、夜购等活动",
        last="一些城市已经开始延长地铁运营时间，并在商圈周边增设夜间公交线路。",
        n_paragraphs=3,
    ),
    "ltn_finance.txt": dict(
        title="台積電4月營收創同期新高",
        subtitle="",
        authors=["王宇傑"],
        date="2024-05-10",
        place="台北",
        headings=[],
        first="〔記者王宇傑／台北報導〕台積電今日公布4月營收",
        last="台積電預估，第二季營收將介於196億至204億美元之間。",
        n_paragraphs=3,
    ),
    "wechat_repost.txt": dict(
        title="重磅！这座城市公积金新政来了",
        subtitle="",
        authors=["王磊"],
        date="2024-05-06",
        source="住房观察",
        headings=[],
        first="5月6日，某市住房公积金管理中心发布通知",
        last="业内人士认为，新政有助于减轻购房者负担，释放合理住房需求。",
        n_paragraphs=3,
    ),
    "ifeng.txt": dict(
        title="长江禁渔四年 江豚数量明显回升",
        subtitle="",
        authors=[],
        date="2024-05-06",
        source="人民日报",
        editor="李明",
        headings=[],
        first="长江十年禁渔实施四年来，长江江豚种群数量止跌回升",
        last="专家提醒，江豚保护仍面临航运、水利工程等多重压力，需要持续发力。",
        n_paragraphs=3,
    ),
    "oncc.txt": dict(
        title="大埔村屋火警 兩人送院",
        subtitle="",
        authors=[],
        date="2024-05-06",
        headings=[],
        first="大埔一間村屋今晨發生火警",
        last="有鄰居表示，聽到爆炸聲後立即報警。",
        n_paragraphs=3,
    ),
}

# text of site chrome that must not reach any paragraph, heading or title
CHROME = (
    "ICP",
    "版权",
    "版權",
    "分享",
    "相关阅读",
    "相关推荐",
    "相關文章",
    "相關新聞",
    "延伸閱讀",
    "责任编辑",
    "责编",
    "纠错",
    "首页",
    "首頁",
    "(完)",
    "（完）",
    "【详细】",
    "关注我们",
    "蓝字关注",
    "留言",
    "在看",
    "转发",
    "聲明",
    "声明",
    "原创",
    "媒体联系",
    "END",
    "字号",
    "阅读原文",
    "原标题",
    "標籤",
    "APP",
    "扫码",
    "客户端",
    "反馈",
    "下载",
    "訂閱",
    "举报",
    "记者 李华 摄",
    "来自 微博",
    "发表于",
)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_unseen_site_page(name):
    stories = parse_text((PAGES / name).read_text(encoding="utf-8"), name)
    assert len(stories) == 1, [s.title for s in stories]
    story = stories[0]
    want = dict(EXPECTED[name])
    first, last, count = want.pop("first", None), want.pop("last", None), want.pop("n_paragraphs", None)
    for key, value in want.items():
        assert getattr(story, key) == value, key
    if first is not None:
        assert story.paragraphs[0].startswith(first)
        assert story.paragraphs[-1] == last
        assert len(story.paragraphs) == count
    for block in [story.title, story.subtitle, *story.headings, *story.paragraphs]:
        for scrap in CHROME:
            assert scrap not in block, (scrap, block)


def test_every_page_file_has_expectations():
    assert {p.name for p in PAGES.glob("*.txt")} == set(EXPECTED)
