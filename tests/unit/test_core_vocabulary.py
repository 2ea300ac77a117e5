"""The shared vocabulary in editor.core: Chinese numerals, dates and the 附件 forms,
and the checks that read numbers through it."""

from __future__ import annotations

from datetime import date

import pytest

from editor.core.dates import format_date, parse_date_line
from editor.core.numerals import chinese_number, parse_chinese_number, parse_digit_string
from editor.core.patterns import ATTACHMENT_LABEL, ATTACHMENT_LABEL_TITLE, ATTACHMENT_NOTE
from editor.model import Heading, Paragraph
from editor.proofing.numbering import check_articles, collect, standard_token


def test_chinese_number_forms() -> None:
    assert [chinese_number(n) for n in (1, 10, 11, 20, 21, 99, 100, 105, 110, 1000, 1010, 2025)] == [
        "一", "十", "十一", "二十", "二十一", "九十九", "一百", "一百零五", "一百一十", "一千", "一千零一十",
        "二千零二十五"]
    assert chinese_number(0) == "零" and chinese_number(12000) == "12000"
    assert chinese_number(35, "零壹贰叁肆伍陆柒捌玖", "拾佰仟") == "叁拾伍"


def test_parse_reads_back_every_number_it_writes() -> None:
    assert all(parse_chinese_number(chinese_number(n)) == n for n in range(10000))


@pytest.mark.parametrize(("text", "value"), [
    ("十二", 12), ("一十二", 12), ("两百", 200), ("两千零五", 2005), ("一百〇五", 105), ("〇", 0), ("零", 0),
])
def test_parse_accepts_the_usual_variants(text: str, value: int) -> None:
    assert parse_chinese_number(text) == value


@pytest.mark.parametrize("text", ["", "十十", "十二五", "〇十五", "十〇", "二十〇", "一一", "百", "一百五", "三x"])
def test_parse_refuses_what_is_not_a_numeral(text: str) -> None:
    assert parse_chinese_number(text) is None


def test_digit_strings() -> None:
    assert parse_digit_string("二〇二五") == 2025 and parse_digit_string("二OO三") == 2003
    assert parse_digit_string("二十") is None and parse_digit_string("") is None


def test_dates_read_and_print_through_the_numerals() -> None:
    parsed = parse_date_line("二〇二五年十二月三十一日")
    assert parsed is not None and parsed.value == date(2025, 12, 31)
    assert parse_date_line("二〇二五年一月十〇日") is None  # not a numeral, so not a date line
    assert format_date(date(2025, 3, 1)) == "2025年3月1日"


def test_attachment_forms() -> None:
    assert [bool(ATTACHMENT_LABEL.match(s)) for s in ("附件", "附 件", "附件1", "附件 2：", "附件十", "附件：", "附件1：标题")] == [
        True, True, True, True, True, True, False]
    m = ATTACHMENT_LABEL_TITLE.match("附件1：包头市节水行动实施方案")
    assert m is not None and (m.group("n"), m.group("title")) == ("1", "包头市节水行动实施方案")
    note = "附 件：1. 清单"
    m = ATTACHMENT_NOTE.match(note)
    assert m is not None and note[m.end():] == "1. 清单"
    assert ATTACHMENT_NOTE.match("附件1") is None


def test_a_paragraph_opening_with_a_plan_name_is_not_numbered() -> None:
    # 十二五、十三五 are plan names, not the number 15 (which the old reader made of 十二五)
    blocks = [Paragraph("十二五、十三五时期的目标任务全面完成。"), Heading(1, "十二、附则")]
    assert [(it.index, it.value) for it in collect(blocks)] == [(1, 12)]


def test_article_numbers_past_nine_hundred_ninety_nine() -> None:
    found: list[str] = []
    blocks = [Paragraph(f"第{n}条 内容。") for n in (1, 999, 1000, 1000)]
    check_articles(blocks, lambda code, severity, message, index: found.append(message))
    assert found == [
        "'第999条' should be 第二条 (after 第一条); renumber it or restore the missing one",
        "'第1000条' repeats the number before it (after 第一千条); renumber it or restore the missing one",
    ]
    assert standard_token(2, 1000) == "（一千）"
