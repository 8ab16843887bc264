"""The story record: stable ids, reading order, JSON shape."""

from reader.story import JSON_FIELDS, Story, assign_ids, story_id


def test_id_is_stable_across_reimport_and_folder_moves():
    a = story_id("/data/archive/page.txt", "朝着春天出发")
    b = story_id("/elsewhere/copy/page.txt", "朝着春天出发")
    assert a == b
    assert len(a) == 16


def test_id_ignores_width_and_spacing_of_the_title_but_not_its_words():
    assert story_id("p.txt", "ＡＩ 新政") == story_id("p.txt", "AI新政")
    assert story_id("p.txt", "朝着春天出发") != story_id("p.txt", "朝着夏天出发")


def test_repeated_titles_in_one_file_get_distinct_ids():
    stories = [Story(title="国内联播快讯"), Story(title="国内联播快讯"), Story(title="")]
    stories[2].paragraphs = ["没有标题的短讯。"]
    assign_ids(stories, "digest.txt")
    assert len({s.id for s in stories}) == 3
    assert [s.position for s in stories] == [0, 1, 2]


def test_editing_another_story_keeps_this_ones_id():
    before = assign_ids([Story(title="甲"), Story(title="乙")], "p.txt")
    after = assign_ids(
        [Story(title="甲", paragraphs=["新增"]), Story(title="新插入"), Story(title="乙")], "p.txt"
    )
    assert before[1].id == after[2].id
    assert before[0].id == after[0].id


def test_blocks_put_headings_before_their_paragraphs():
    story = Story(title="t", paragraphs=["一", "二", "三"], headings=["小标题", "尾"], heading_at=[1, 3])
    assert story.blocks() == [
        ("paragraph", "一"),
        ("heading", "小标题"),
        ("paragraph", "二"),
        ("paragraph", "三"),
        ("heading", "尾"),
    ]


def test_json_has_the_model_fields_in_order_and_round_trips():
    story = Story(title="t", paragraphs=["p"], authors=["甲"], date="2024-05-24")
    data = story.to_json()
    assert tuple(data)[: len(JSON_FIELDS)] == JSON_FIELDS
    assert Story.from_json(data) == story


def test_byline_line_is_not_printed_twice():
    from reader.story import Story

    dateline = "中新社南京6月9日电(记者朱晓颖)"
    lede = dateline + "江苏今年夏粮丰收。"
    agency = Story(title="t", byline=dateline, authors=["朱晓颖"], paragraphs=[lede])
    assert agency.byline_line() == ""  # the lede prints it already
    paper = Story(title="t", byline="本报记者 蔡文逸 文/图", authors=["蔡文逸"], paragraphs=["迎着曙光。"])
    assert paper.byline_line() == "本报记者 蔡文逸 文/图"
    bare = Story(title="t", authors=["李四", "王五"], paragraphs=["正文。"])
    assert bare.byline_line() == "李四、王五" and bare.byline_line("　") == "李四　王五"
