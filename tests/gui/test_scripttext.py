"""The views show text as written when it is already in the chosen script (the conversion and its
cache are tested in tests/text/test_convertcache.py)."""


def _signed_story():
    from reader.story import Story

    return Story(
        title="邮情柚意 “丰”景这边独好",
        paragraphs=["上饶邮银聚焦乡村振兴“融资难”痛点。"],
        authors=["黄騑鸿"],
        source="刘长胜问答网",
        tags=["place:上饶", "user:待核实", "待核实"],
        id="signed",
    )


def test_the_reading_pane_shows_a_simplified_story_as_written_in_simplified():
    from reader.gui.storyhtml import story_html

    html = story_html(_signed_story(), "zh-hans")
    assert "黄騑鸿" in html and "𬴂" not in html
    assert "黃騑鴻" in story_html(_signed_story(), "zh-hant")  # a change of script still converts


def test_the_results_list_shows_a_simplified_hit_as_written(qtbot, sync_runner):
    from reader.gui.models.results import MetaRole, ResultsModel, SnippetRole
    from reader.index.results import Hit, Results, SearchRequest

    hit = Hit(
        id="h",
        title="黄騑鸿的报道",
        date="2024-05-24",
        source="刘长胜问答网",
        score=1.0,
        snippet="作者<b>黄騑鸿</b>说",
    )
    model = ResultsModel(lambda req: Results(hits=[hit], total=1, page=1, page_size=20), sync_runner)
    model.reset_results(SearchRequest(query="黄騑鸿"), Results(hits=[hit], total=1, page=1, page_size=20))
    row = model.index(0, 0)
    assert row.data() == "黄騑鸿的报道"
    assert row.data(SnippetRole) == "作者<b>黄騑鸿</b>说"
    assert "刘长胜问答网" in row.data(MetaRole)


def test_a_users_own_tag_is_never_converted(qtbot):
    from reader.autotag import label_in_script
    from reader.gui.models.facets import FacetModel

    assert label_in_script("user:待核实", "zh-hant") == "待核实"
    assert label_in_script("待核实", "zh-hk") == "待核实"
    assert label_in_script("place:上饶", "zh-hant") == "上饒"
    model = FacetModel()
    model.set_script("zh-hant")
    model.set_facets({"tag": [("user:待核实", 3), ("place:上饶", 2)]})
    labels = []
    for r in range(model.rowCount()):
        group = model.item(r)
        labels += [group.child(i).text() for i in range(group.rowCount())]
    assert "待核实" in labels and "待核實" not in labels
    assert "上饒" in labels


def test_the_views_use_the_cores_cached_conversion():
    from reader.gui import storyhtml
    from reader.gui.models import facets, results
    from reader.gui.views import reading
    from reader.text import convertcache

    assert reading.convert is facets.to_script is convertcache.convert_cached
    assert reading.shown is storyhtml.shown is results.shown is facets.shown is convertcache.shown


def test_the_script_menu_and_settings_come_from_the_one_definition(qapp):
    from reader.gui.dialogs.preferences import script_names
    from reader.gui.settings import SCRIPTS
    from reader.text import scripts

    assert SCRIPTS is scripts.SCRIPTS
    names = script_names()
    assert tuple(names) == scripts.SCRIPTS
    assert names["zh-tw"] in ("Taiwan (臺灣正體)", "臺灣正體")  # English or Chinese interface
