"""The reading pane: typesetting, hits marked in any script, F3 stepping, find, zoom, no remote loads."""

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from reader.gui.storyhtml import story_html
from reader.gui.views.reading import ReadingPane
from reader.story import Story
from reader.text.fold import fold

STORY = Story(
    title="邮情柚意 “丰”景这边独好",
    subtitle="上饶邮政助力马家柚出山",
    byline="本报记者 蔡文逸",
    date="2024-05-24",
    source="上饶日报",
    column="评论",
    paragraphs=["马家柚是广丰区的特产。", "上饶邮政把马家柚卖到全国<script>alert(1)</script>。", "丰收了。"],
    headings=["拼的方向/蓝图已绘就"],
    heading_at=[1],
    tags=["place:上饶", "topic:马家柚"],
    id="abc",
)


def pane(qtbot) -> ReadingPane:
    widget = ReadingPane()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    return widget


def test_story_html_sets_title_meta_byline_subheads_apart_and_escapes_text():
    html = story_html(STORY)
    assert "<h1>邮情柚意 “丰”景这边独好</h1>" in html
    assert '<p class="subtitle">' in html and '<p class="byline">本报记者 蔡文逸</p>' in html
    assert "<h3>拼的方向<br/>蓝图已绘就</h3>" in html
    assert "2024-05-24 · 上饶日报 · 评论" in html
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_hits_are_marked_and_f3_steps_through_them(qtbot):
    p = pane(qtbot)
    p.show_story(STORY, ["马家柚"])
    assert p.hit_texts() == ["马家柚"] * 3
    p.next_hit()
    assert p.current == 0
    p.next_hit()
    p.next_hit()
    p.next_hit()
    assert p.current == 0  # wraps around
    p.previous_hit()
    assert p.current == 2
    assert "3" in p.hit_label.text()


def test_hits_stay_marked_after_switching_to_traditional(qtbot):
    p = pane(qtbot)
    p.show_story(STORY, [fold("馬家柚")])
    p.set_script("zh-hant")
    assert "馬家柚" in p.plain_text()
    assert p.hit_texts() == ["馬家柚"] * 3
    p.set_script("zh-tw")
    assert len(p.hits) == 3


def test_find_in_story_marks_matches_in_the_displayed_script(qtbot):
    p = pane(qtbot)
    p.show_story(STORY, [])
    p.set_script("zh-hk")
    p.open_find()
    p.find_edit.setText("上饶")  # typed simplified, text shown traditional
    assert len(p.finds) == 3
    p.next_find()
    assert p.find_current == 1
    p.close_find()
    assert p.finds == []


def test_zoom_changes_the_reading_size(qtbot):
    p = pane(qtbot)
    p.show_story(STORY, [])
    before = p.browser.font_px
    p.zoom_in()
    assert p.browser.font_px > before
    p.zoom_out()
    p.zoom_out()
    assert p.browser.font_px < before


def test_text_column_is_about_38_em_on_a_wide_pane(qtbot):
    p = pane(qtbot)
    p.resize(1800, 800)
    p.show_story(STORY, [])
    qtbot.wait(10)
    fmt = p.browser.document().rootFrame().frameFormat()
    column = p.browser.viewport().width() - fmt.leftMargin() - fmt.rightMargin()
    assert abs(column - 38 * p.browser.font_px) <= 2


def test_remote_and_file_resources_are_never_loaded(qtbot):
    p = pane(qtbot)
    for url in ("http://example.com/x.png", "https://example.com/t.css", "file:///etc/passwd", "x.png"):
        assert p.browser.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl(url)) is None
    assert not p.browser.openLinks() and not p.browser.openExternalLinks()


def test_star_and_note_signal_the_window(qtbot):
    p = pane(qtbot)
    p.show_story(STORY, [])
    with qtbot.waitSignal(p.bookmark_toggled) as blocker:
        p.toggle_bookmark()
    assert blocker.args == ["abc", True]
    p.note_btn.setChecked(True)
    with qtbot.waitSignal(p.note_changed, timeout=3000) as blocker:
        p.note.edit.setPlainText("值得一读")
    assert blocker.args == ["abc", "值得一读"]


def test_tags_are_shown_by_label_in_the_script(qtbot):
    p = pane(qtbot)
    p.show_story(STORY, [])
    p.set_script("zh-hant")
    text = p.tags_label.text()
    assert "上饒" in text and "place:" not in text.split(">")[1]


def test_the_current_search_hit_and_the_current_find_hit_differ_in_colour(qtbot):
    p = pane(qtbot)
    p.show_story(STORY, ["马家柚"])
    p.next_hit()
    p.open_find()
    p.find_edit.setText("上饶")
    p.next_find()
    colours = {}
    for sel in p.browser.extraSelections():
        text = sel.cursor.selectedText()
        colours.setdefault(text, set()).add(sel.format.background().color().name())
    hit_colours, find_colours = colours["马家柚"], colours["上饶"]
    assert len(hit_colours) == 2 and len(find_colours) == 2  # current and other, for each kind
    assert not hit_colours & find_colours  # never the same colour for a search hit and a find hit


def test_a_right_click_on_a_tag_opens_the_tag_menu(qtbot):
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    p = pane(qtbot)
    p.show_story(STORY, [])
    p.tags_label.linkHovered.emit("place:上饶")  # the pointer is over the 上饶 chip
    with qtbot.waitSignal(p.tag_clicked, timeout=1000) as blocker:
        QApplication.sendEvent(
            p.tags_label, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), QPoint(5, 5))
        )
    assert blocker.args == ["place:上饶"]
    p.tags_label.linkHovered.emit("")  # off the chips: no tag menu
    with qtbot.assertNotEmitted(p.tag_clicked):
        QApplication.sendEvent(
            p.tags_label, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), QPoint(5, 5))
        )


def test_story_html_prints_the_edition_and_the_editor_under_the_text_in_the_script_shown():
    story = Story(
        title="标题",
        paragraphs=["正文。"],
        edition="《人民日报》（2016年02月20日02版）",
        editor="刘阳",
        id="ed1",
    )
    simplified = story_html(story, "zh-hans")
    text, edition = simplified.index("正文。"), simplified.index("2016年02月20日02版")
    assert text < edition < simplified.index("责任编辑：刘阳")
    assert "責任編輯：劉陽" in story_html(story, "zh-hant")
    assert "责任编辑" not in story_html(Story(title="标题", paragraphs=["正文。"], id="ed2"), "zh-hans")


def test_story_html_prints_the_asides_that_say_more_than_its_fields_under_the_text():
    story = Story(
        title="标题",
        paragraphs=["正文。"],
        source="中国新闻网",
        date="2025-05-12",
        editor="苏亦瑜",
        asides=["2025-05-12 中国新闻网", "来源：人民日报海外版【编辑:苏亦瑜】", "编辑 | 苏亦瑜"],
        id="as1",
    )
    simplified = story_html(story, "zh-hans")
    assert simplified.index("正文。") < simplified.index("来源：人民日报海外版【编辑:苏亦瑜】")
    assert "编辑 | 苏亦瑜" not in simplified and "2025-05-12 中国新闻网" not in simplified
    assert "來源：人民日報海外版" in story_html(story, "zh-hant")
