"""The model's table grid and the body format: round trips, schema checks, hostile XML."""

from __future__ import annotations

import pytest

from editor.content.body import blocks_from_xml, blocks_to_xml, validate_blocks
from editor.errors import ContentError
from editor.model import (
    ChronicleEntry,
    Heading,
    Image,
    NameEntry,
    NameList,
    Note,
    Paragraph,
    Table,
    TableCell,
    block_text,
)


def _all_blocks() -> list:
    return [
        Heading(1, "一、主要目标"),
        Paragraph("2025年，全市用水总量控制在9.82亿立方米以内。"),
        Heading(2, "（一）强化刚性约束。", run_in=True, body="严格控制新增耗水量大的项目。"),
        Heading(3, "1. 建立完善工作协调机制。", run_in=True, body=""),
        Table(
            rows=[
                [TableCell("行政区", rowspan=2), TableCell("用水效率控制指标", colspan=2)],
                [TableCell("下降率"), TableCell("系数", align="right")],
                [TableCell("昆区"), TableCell("33"), TableCell("0.71")],
            ],
            header_rows=2,
            widths=[1.5, 1, 1],
            caption="目标分解表",
        ),
        NameList([NameEntry("刘荣", "任稀土高新区社会事务局副局长；"), NameEntry("樊云海", "任市水务局副局长。")]),
        ChronicleEntry("3月18日", "，市委书记丁绣峰主持召开座谈会。"),
        Paragraph("2025年3月1日—3月31日", align="center", indent=False),
        Paragraph("附件：包头市2025年节水行动目标分解表", role="attachment-note"),
        Image("0123abcd", caption="示意图", width_mm=80),
        Note("备注：所有任务均涉及各旗县区人民政府。"),
    ]


def test_body_round_trip_keeps_every_block_and_field() -> None:
    blocks = _all_blocks()
    assert blocks_from_xml(blocks_to_xml(blocks)) == blocks


def test_pretty_printed_body_reads_the_same() -> None:
    xml = "<body>\n  <p>\n    <h level=\"2\">（一）标题。</h>\n  </p>\n  <event>\n    <mark>●</mark>\n    <date>3月1日</date>\n  </event>\n</body>"
    blocks = blocks_from_xml(xml)
    assert blocks == [Heading(2, "（一）标题。", run_in=True, body=""), ChronicleEntry("3月1日", "", "●")]


def test_table_grid_expands_spans() -> None:
    table = _all_blocks()[4]
    assert table.column_count() == 3
    grid = table.grid()
    assert grid[1][0] == (0, 0)  # covered by the rowspan of 行政区
    assert grid[0][2] == (0, 1)  # covered by the colspan


@pytest.mark.parametrize(
    "rows, reason",
    [
        ([[TableCell("a", colspan=2)], [TableCell("b")]], "fewer cells"),
        ([[TableCell("a")], [TableCell("b"), TableCell("c")]], "wider than the table"),
        ([[TableCell("a", rowspan=3)], [TableCell("b")]], "past the last row"),
        ([[TableCell("a", rowspan=2), TableCell("b")], [TableCell("c"), TableCell("d")]], "wider"),
    ],
)
def test_inconsistent_spans_are_refused_with_a_reason(rows: list, reason: str) -> None:
    with pytest.raises(ContentError, match=reason):
        validate_blocks([Table(rows=rows)])


def test_widths_must_match_columns() -> None:
    with pytest.raises(ContentError, match="column widths"):
        validate_blocks([Table(rows=[[TableCell("a"), TableCell("b")]], widths=[1.0])])


@pytest.mark.parametrize(
    "xml, words",
    [
        ("<body><p>unclosed</body>", "not well-formed XML (line 1)"),
        ("<body><h level='7'>x</h></body>", "does not follow the body format (line 1)"),
        ("<body><p><table/></p></body>", "does not follow the body format"),
        ("<body><unknown/></body>", "does not follow the body format"),
        ("<doc/>", "must be a <body> element"),
        ("<body><p>text <h level='2'>late heading</h></p></body>", "run-in heading must open"),
        ("", "not well-formed"),
    ],
)
def test_invalid_bodies_name_where_and_why(xml: str, words: str) -> None:
    with pytest.raises(ContentError) as info:
        blocks_from_xml(xml)
    assert words in str(info.value)


def test_xml_bomb_and_external_entities_are_refused() -> None:
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        "<body><p>&lol3;</p></body>"
    )
    with pytest.raises(ContentError, match="document type or entities"):
        blocks_from_xml(bomb)
    external = '<!DOCTYPE body [<!ENTITY x SYSTEM "file:///etc/passwd">]><body><p>&x;</p></body>'
    with pytest.raises(ContentError, match="document type"):
        blocks_from_xml(external)


def test_block_text_reads_in_order() -> None:
    blocks = _all_blocks()
    assert block_text(blocks[2]) == "（一）强化刚性约束。严格控制新增耗水量大的项目。"
    assert block_text(blocks[5]).startswith("刘荣任稀土高新区")
    assert block_text(blocks[6]) == "●3月18日，市委书记丁绣峰主持召开座谈会。"
    assert "昆区" in block_text(blocks[4])
