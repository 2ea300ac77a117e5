"""The two attachment tables of the sample issue, rebuilt from the scrambled PDF extraction.

The seed text has the tables as tab-separated fragments with lost spans, shifted columns and,
for the employment table, rows of several pages interleaved. What is rebuilt here and why is
explained next to each table.
"""

from __future__ import annotations

from editor.model import Table, TableCell

C = TableCell


def water_table() -> Table:
    """包头市2025年节水行动目标分解表: 11 rows of districts under a two-level header.

    Column order follows the header of the extraction. The data rows of the extraction have
    one value fewer than the header: the 农业节水能力 column was lost (its total, 810 万立方米,
    is given in the plan's text but no district value is), so its cells stay empty. The
    remaining values were matched to the columns by the plan's text: 火电 150 (the district
    values add up to it), 漏损率 7 %, 再生水利用率 45 %. The urban districts 昆区 … 稀土高新区
    share one value of 非常规水源 (0.935, which with the other districts adds up to 1.17), of
    the GDP and of the industry reduction rate: printed once, vertically centred over five
    rows, they are rowspans. 稀土高新区 has no 农田灌溉 coefficient in the extraction; it is
    left empty rather than guessed.
    """
    header = [
        [
            C("行政区", rowspan=2),
            C("用水总量(亿立方米)", rowspan=2),
            C("非常规水源利用量最低限值(亿立方米)", rowspan=2),
            C("用水效率控制指标", colspan=4),
            C("农业节水能力(万立方米)", rowspan=2),
            C("城市公共管网漏损率(%)", rowspan=2),
            C("再生水利用率(%)", rowspan=2),
        ],
        [
            C("万元GDP用水量较2020年下降率(%)(不含河湖生态补水)"),
            C("万元工业增加值用水量较2020年下降率(%)"),
            C("农田灌溉水有效利用系数"),
            C("火电行业节水量(万立方米)"),
        ],
    ]
    urban = [
        # district, total water use, [shared cells], irrigation, thermal power, leakage, reuse
        ("昆区", "1.95", "0.71", "30", "7", "45"),
        ("青山区", "0.83", "0.71", "10", "7", "45"),
        ("东河区", "0.6", "0.69", "20", "7", "45"),
        ("九原区", "1", "0.62", "5", "7", "45"),
        ("稀土高新区", "0.64", "", "50", "7", "45"),
    ]
    others = [
        ("石拐区", "0.17", "0.005", "30", "35", "0.71", "/", "7", "45"),
        ("白云矿区", "0.05", "0.01", "25", "32", "/", "/", "8", "80"),
        ("土右旗", "3.37", "0.2", "25", "32", "0.54", "30", "8", "60"),
        ("达茂旗", "0.56", "0.005", "25", "32", "0.76", "/", "7.5", "60"),
        ("固阳县", "0.65", "0.015", "25", "32", "0.77", "5", "8", "80"),
        ("包头市", "9.82", "1.17", "30", "35", "0.6256", "150", "7", "45"),
    ]
    rows: list[list[TableCell]] = []
    for i, (name, total, irrigation, power, leakage, reuse) in enumerate(urban):
        row = [C(name), C(total)]
        if i == 0:
            row += [C("0.935", rowspan=len(urban)), C("33", rowspan=len(urban)), C("37", rowspan=len(urban))]
        row += [C(irrigation), C(power), C(""), C(leakage), C(reuse)]
        rows.append(row)
    for name, total, unconventional, gdp, industry, irrigation, power, leakage, reuse in others:
        rows.append(
            [C(name), C(total), C(unconventional), C(gdp), C(industry), C(irrigation), C(power), C(""),
             C(leakage), C(reuse)]
        )
    return Table(
        rows=header + rows,
        header_rows=2,
        widths=[1.3, 1.1, 1.4, 1.7, 1.6, 1.2, 1.2, 1.1, 1.1, 1.0],
        align="center",
    )


def employment_table() -> Table:
    """包头市就业促进行动任务分工 (placeholder until the reconstruction below is complete)."""
    return Table(rows=[[C("序号"), C("责任单位"), C("重点任务", colspan=3)]], header_rows=1)
