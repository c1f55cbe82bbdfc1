"""join_wrapped keeps the rows of a published list apart while it joins the
wrapped lines of prose (invented names)."""

from __future__ import annotations

from explorer.ingest.normalise import join_wrapped


def test_wrapped_prose_joins_into_one_line():
    assert join_wrapped(["甲市今年新增省级专精特新企业", "12家，同比增长", "1.5倍。"]) == "甲市今年新增省级专精特新企业12家，同比增长1.5倍。"


def test_numbered_rows_and_section_markers_keep_their_lines():
    lines = ["下列单位为先进单位。", "一、十佳甲企业", "1.乙丙科技有限公司", "2.丁戊电子有限公司", "（二）十佳己企业", "①庚辛材料有限公司"]
    assert join_wrapped(lines).split("\n") == [
        "下列单位为先进单位。", "一、十佳甲企业", "1.乙丙科技有限公司", "2.丁戊电子有限公司", "（二）十佳己企业", "①庚辛材料有限公司",
    ]


def test_a_group_heading_with_a_count_stands_on_its_own_line():
    lines = ["乙省示范村名单", "丙县（2个）", "丁镇戊村、己镇", "庚村", "辛县(1个)", "壬镇癸村"]
    assert join_wrapped(lines).split("\n") == ["乙省示范村名单", "丙县（2个）", "丁镇戊村、己镇庚村", "辛县(1个)", "壬镇癸村"]


def test_a_group_heading_with_its_items_after_a_colon_is_a_row_and_prose_after_it_starts_afresh():
    lines = ["乙省示范区创建单位名单(3家)", "丙市:丁区、戊县", "己市:庚县", "辛县地处乙省西部，风景优美。"]
    assert join_wrapped(lines).split("\n") == ["乙省示范区创建单位名单(3家)", "丙市:丁区、戊县", "己市:庚县", "辛县地处乙省西部，风景优美。"]


def test_short_lines_that_are_whole_names_are_rows_of_a_table():
    lines = ["经甲市人民政府研究同意，现将年度全市工业经济工作考核评价结果公布如下：", "一、工业经济先进单位", "乙市人民政府", "丙区人民政府",
             "二、十强工业强镇（乡、街道）", "乙市丁镇", "戊区己街道"]
    assert join_wrapped(lines).split("\n") == lines
    # a full-width line that happens to end in 镇 still wraps into the next
    wrapped = ["甲市今年新增省级专精特新企业十二家，分布在乙县丙", "镇", "和丁区。"]
    assert "\n" not in join_wrapped(wrapped)
