"""The Chinese line breaker, one rule at a time, on constructed paragraphs.

Metrics come from the Debian GB2312 Song (every Han character and full-width mark 1 em, ASCII
½ em), at 10 pt in a 100 pt (10 em) measure unless a test says otherwise.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.typeset import cjkclass as cc
from editor.typeset.fonts import FontRegistry
from editor.typeset.linebreak import Span, TextStyle, set_paragraph

SONG = Path("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf")
KAI = Path("/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf")
pytestmark = pytest.mark.skipif(not (SONG.exists() and KAI.exists()), reason="Debian CJK fonts not installed")

BODY = TextStyle("body", 10.0)
HEAD = TextStyle("heading2", 10.0)
M = 100.0


@pytest.fixture(scope="module")
def fonts() -> FontRegistry:
    return FontRegistry.load(roles={"body": [str(SONG)], "heading2": [str(KAI)]})


def lines_of(fonts, text, measure=M, style=BODY, **kw):
    return set_paragraph([Span(text, style)], measure, fonts, **kw)


def texts(lines):
    return [ln.text for ln in lines]


def assert_flush(lines):
    for ln in lines[:-1]:
        assert ln.justified
        assert ln.right == pytest.approx(ln.x0 + ln.measure, abs=0.01), ln.text
    for ln in lines:
        for g in ln.glyphs:
            assert g.x + g.width <= ln.x0 + ln.measure + 0.01


# -- rule 2: never at line start ------------------------------------------------------------------
def test_comma_at_the_break_is_pushed_in_by_compressing_a_comma(fonts):
    # ten units fill the line; the 11th is "，": it joins the line, the mid-line comma gives half
    lines = lines_of(fonts, "甲乙丙，丁戊己庚辛壬，癸子丑")
    assert texts(lines) == ["甲乙丙，丁戊己庚辛壬，", "癸子丑"]
    comma = lines[0].glyphs[3]
    assert comma.text == "，" and comma.width == pytest.approx(5.0)
    assert lines[0].glyphs[-1].width == pytest.approx(5.0)  # line-end comma half width
    assert_flush(lines)


def test_comma_at_the_break_pushes_a_character_out_when_nothing_compresses(fonts):
    lines = lines_of(fonts, "甲乙丙丁戊己庚辛壬癸，子丑寅")
    assert texts(lines) == ["甲乙丙丁戊己庚辛壬", "癸，子丑寅"]
    assert_flush(lines)


def test_closing_quote_never_starts_a_line(fonts):
    lines = lines_of(fonts, "甲乙丙丁“戊己庚辛壬”癸子丑寅卯")
    assert all(not ln.text.startswith("”") for ln in lines)
    assert lines[0].text.endswith("”")
    assert_flush(lines)


@pytest.mark.parametrize("mark", list("，。、；：？！）〕］】》〉」』”’·%") + [",", ".", ";", ":", "?", "!", ")"])
def test_no_forbidden_mark_starts_a_line(fonts, mark):
    text = "甲乙丙丁戊己庚辛壬癸" + mark + "子丑寅卯辰巳午未申酉"
    lines = lines_of(fonts, text)
    for ln in lines[1:]:
        assert cc.klass(ln.text[0]) not in cc.NO_START, ln.text
    assert "".join(texts(lines)) == text


# -- rule 3: never at line end -------------------------------------------------------------------
@pytest.mark.parametrize("mark", list("“‘（〔［【《〈「『") + ["(", "["])
def test_opening_mark_never_ends_a_line(fonts, mark):
    text = "甲乙丙丁戊己庚辛壬" + mark + "子丑寅卯辰巳午未申酉"
    lines = lines_of(fonts, text)
    assert lines[0].text == "甲乙丙丁戊己庚辛壬"
    assert lines[1].text.startswith(mark)
    assert_flush(lines)


# -- rule 1: unbreakable units ---------------------------------------------------------------------
@pytest.mark.parametrize("unit", ["9.82", "2025", "GB/T", "45%", "3+5+N", "1,000"])
def test_latin_and_digit_runs_never_split(fonts, unit):
    for pad in range(12):
        text = "甲" * pad + "增长" + unit + "亿元以上乙丙丁戊"
        lines = lines_of(fonts, text)
        assert any(unit in ln.text for ln in lines), (pad, texts(lines))
        assert "".join(texts(lines)) == text


@pytest.mark.parametrize("cluster", ["——", "……"])
def test_dash_and_ellipsis_pairs_never_split(fonts, cluster):
    for pad in range(12):
        text = "甲" * pad + "乙丙" + cluster + "丁戊己庚辛壬癸"
        lines = lines_of(fonts, text)
        assert any(cluster in ln.text for ln in lines), (pad, texts(lines))


def test_number_stays_with_its_unit(fonts):
    for pad in range(12):
        lines = lines_of(fonts, "甲" * pad + "截至2025年底共12个项目")
        for a, b in zip(lines, lines[1:]):
            assert not (a.text[-1].isdigit() and b.text[0] in "年个"), (a.text, b.text)


def test_single_dash_connector_does_not_start_a_line(fonts):
    for pad in range(12):
        lines = lines_of(fonts, "甲" * pad + "实施期为二〇二三—二〇二五年共三年时间")
        assert all(not ln.text.startswith("—") for ln in lines[1:])


def test_unit_wider_than_the_measure_is_split_rather_than_overflowing(fonts):
    url = "https://www.baotou.gov.cn/zwgk/" + "a" * 40
    lines = lines_of(fonts, "见" + url + "。")
    assert "".join(texts(lines)) == "见" + url + "。"
    assert_flush(lines)


# -- rule 4: punctuation compression -------------------------------------------------------------
def test_adjacent_marks_take_one_and_a_half_em(fonts):
    lines = lines_of(fonts, "他说：“好。”我们走。", measure=300)
    gl = lines[0].glyphs
    stop, quote, after = gl[5], gl[6], gl[7]
    assert (stop.text, quote.text) == ("。", "”")
    assert quote.x - stop.x == pytest.approx(5.0)  # 。 lost its right half
    assert stop.width == pytest.approx(5.0)
    assert after.x - stop.x == pytest.approx(15.0)  # the pair takes 1.5 em


def test_closing_bracket_then_comma_is_compressed(fonts):
    lines = lines_of(fonts, "甲（乙），丙", measure=300)
    gl = lines[0].glyphs
    assert gl[4].x - gl[3].x == pytest.approx(5.0)  # ） then ，


def test_opening_marks_in_a_row_lose_the_second_leading_blank(fonts):
    lines = lines_of(fonts, "甲（《乙》）", measure=300)
    gl = lines[0].glyphs
    paren, book = gl[1], gl[2]
    assert book.x == pytest.approx(paren.x + 10.0 - 5.0)  # drawn half an em left of its slot
    assert book.x + book.width == pytest.approx(paren.x + 15.0)


def test_line_end_mark_is_half_width_and_its_ink_ends_at_the_edge(fonts):
    lines = lines_of(fonts, "甲乙丙丁戊己庚辛壬，癸子丑寅卯辰巳午未申酉")
    last = lines[0].glyphs[-1]
    assert last.text == "，" and last.width == pytest.approx(5.0)
    assert last.x + last.width == pytest.approx(M, abs=0.01)


def test_opening_bracket_at_line_start_may_lose_its_leading_half(fonts):
    # "（" + nine Han = 10 em, then "。" must come along: the only blank to give is the bracket's
    lines = lines_of(fonts, "（甲乙丙丁戊己庚辛壬。子丑寅")
    assert texts(lines)[0] == "（甲乙丙丁戊己庚辛壬。"
    paren = lines[0].glyphs[0]
    assert paren.x == pytest.approx(-5.0) and paren.x + paren.width == pytest.approx(5.0)
    assert_flush(lines)


def test_nothing_hangs_past_the_right_edge(fonts):
    for pad in range(12):
        lines = lines_of(fonts, "甲" * pad + "乙丙丁戊己庚辛壬癸。”子丑寅卯辰巳午未申酉")
        assert_flush(lines)


# -- rule 6: justification -------------------------------------------------------------------------
def test_every_non_final_line_ends_on_the_measure_and_the_last_is_left(fonts):
    text = "为深入贯彻落实党的二十大精神，加快推进“十四五”规划实施，根据《包头市国民经济和社会发展规划》，" \
           "2025年全市GDP增长9.82%，现将有关事项通知如下：各旗县区人民政府要高度重视。"
    lines = lines_of(fonts, text, measure=160, first_indent=20)
    assert len(lines) > 3
    assert_flush(lines)
    assert lines[-1].last and not lines[-1].justified
    assert lines[-1].glyphs[0].x == pytest.approx(0.0)


def test_stretch_never_goes_inside_a_digit_run(fonts):
    for pad in range(1, 9):
        lines = lines_of(fonts, "甲" * pad + "乙2025丙丁戊己庚辛壬癸子丑寅卯辰巳午未")
        for ln in lines:
            for g in ln.glyphs:
                if "2" in g.text:
                    assert g.text == "2025" and g.width == pytest.approx(20.0)  # drawn as one string
        assert_flush(lines)


def test_han_latin_spacing_stretches_before_inter_character_spacing(fonts):
    # 9 Han + "AB" (1 em) + 2 × ¼ em = 10.5 em on an 11 em line: the two Han–Latin gaps grow
    # to ½ em each and the Han characters stay solid
    lines = lines_of(fonts, "甲乙丙丁AB戊己庚辛壬" + "癸子丑寅卯", measure=110)
    gl = lines[0].glyphs
    assert lines[0].text == "甲乙丙丁AB戊己庚辛壬"
    gaps = [b.x - (a.x + a.width) for a, b in zip(gl, gl[1:])]
    assert gaps[3] == pytest.approx(5.0) and gaps[4] == pytest.approx(5.0)
    assert all(g == pytest.approx(0.0, abs=1e-9) for i, g in enumerate(gaps) if i not in (3, 4))
    assert_flush(lines)


def test_compression_takes_han_latin_spacing_before_commas(fonts):
    # 100 pt of content, then "，" must come along: 0.5 em to find, Han–Latin spacing has it
    lines = lines_of(fonts, "甲，乙丙ABC丁戊己庚，壬癸子")
    assert lines[0].text == "甲，乙丙ABC丁戊己庚，"
    gl = lines[0].glyphs
    assert gl[1].width == pytest.approx(10.0)  # the mid-line comma kept its full width
    assert gl[4].x == pytest.approx(gl[3].x + 10.0)  # no space left between 丙 and ABC
    assert_flush(lines)


def test_compression_takes_commas_when_there_is_no_latin(fonts):
    lines = lines_of(fonts, "甲，乙丙丁戊己庚辛壬，癸子丑")
    assert lines[0].text == "甲，乙丙丁戊己庚辛壬，"
    assert lines[0].glyphs[1].width == pytest.approx(5.0)
    assert_flush(lines)


# -- rule 7: Han–Latin spacing -------------------------------------------------------------------
def test_quarter_em_between_han_and_latin_none_next_to_punctuation(fonts):
    lines = lines_of(fonts, "共有ABC家，“GB”标准", measure=400)
    gl = lines[0].glyphs
    byt = {g.text: g for g in gl}
    assert byt["ABC"].x - (byt["有"].x + byt["有"].width) == pytest.approx(2.5)
    assert byt["家"].x - (byt["ABC"].x + byt["ABC"].width) == pytest.approx(2.5)
    assert byt["GB"].x == pytest.approx(byt["“"].x + byt["“"].width)


def test_no_han_latin_spacing_at_line_ends(fonts):
    for pad in range(12):
        lines = lines_of(fonts, "甲" * pad + "乙丙丁ABCD戊己庚辛壬癸子丑")
        for ln in lines:
            assert ln.glyphs[0].x == pytest.approx(ln.x0, abs=1e-6) or ln.glyphs[0].text in "（“"
        assert_flush(lines)


# -- rule 8: no single-character last line ------------------------------------------------------
def test_last_line_is_never_a_single_character(fonts):
    lines = lines_of(fonts, "甲乙丙丁戊己庚辛壬癸子")
    assert texts(lines) == ["甲乙丙丁戊己庚辛壬", "癸子"]
    assert_flush(lines)


def test_closing_punctuation_does_not_count_as_a_character_of_the_last_line(fonts):
    lines = lines_of(fonts, "甲乙丙丁戊己庚辛壬癸子。")
    assert texts(lines)[-1] == "癸子。"


def test_a_last_line_of_two_characters_is_left_alone(fonts):
    lines = lines_of(fonts, "甲乙丙丁戊己庚辛壬癸子丑")
    assert texts(lines) == ["甲乙丙丁戊己庚辛壬癸", "子丑"]


# -- spans, indents, tracking, alignment, missing characters -------------------------------------
def test_run_in_heading_span_then_body_span(fonts):
    spans = [Span("（一）总体要求。", HEAD), Span("各旗县区人民政府要高度重视，认真组织实施。", BODY)]
    lines = set_paragraph(spans, M, fonts, first_indent=20)
    faces = [g.face for ln in lines for g in ln.glyphs]
    head, body = fonts.face("heading2").name, fonts.face("body").name
    assert faces[:8] == [head] * 8 and set(faces[8:]) == {body}
    assert "".join(texts(lines)) == "（一）总体要求。各旗县区人民政府要高度重视，认真组织实施。"
    assert lines[0].x0 == 20 and lines[1].x0 == 0
    assert_flush(lines)


def test_hanging_indent(fonts):
    lines = lines_of(fonts, "附件：甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉", first_indent=0, rest_indent=30)
    assert lines[0].x0 == 0 and all(ln.x0 == 30 and ln.measure == 70 for ln in lines[1:])
    assert_flush(lines)


@pytest.mark.parametrize("formula", ["gaps", "cells"])
def test_tracking_fits_28_characters_of_16pt_in_156mm(fonts, formula):
    measure = 156 / 25.4 * 72
    # 27 gaps between 28 glyphs, or 28 cells of size + tracking: both give 28 characters
    track = (measure - 28 * 16) / 27 if formula == "gaps" else measure / 28 - 16
    style = TextStyle("body", 16, tracking=track)
    text = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙" * 3
    lines = set_paragraph([Span(text, style)], measure, fonts)
    assert [len(ln.text) for ln in lines] == [28, 28, 28]
    assert_flush(lines)


@pytest.mark.parametrize("align", ["center", "right", "left"])
def test_alignments(fonts, align):
    lines = lines_of(fonts, "甲乙丙", align=align)
    x = lines[0].glyphs[0].x
    assert x == pytest.approx({"center": 35.0, "right": 70.0, "left": 0.0}[align])


def test_missing_character_takes_an_em_falls_back_and_is_recorded(fonts):
    pua = "\U000F0042"
    lines = lines_of(fonts, "甲" + pua + "乙〇丙", measure=300)
    gl = lines[0].glyphs
    assert gl[1].missing and gl[1].width == pytest.approx(10.0)
    assert pua in fonts.missing["body"]
    assert gl[3].text == "〇" and gl[3].face != fonts.face("body").name
    assert "〇" in fonts.substituted["body"]


def test_spaces_between_latin_words_break_and_vanish_at_line_ends(fonts):
    text = "标准 GB/T 9704 and GB/T 15834 and more words here"
    lines = lines_of(fonts, text, measure=80)
    for ln in lines:
        assert not ln.text.startswith(" ") and not ln.text.endswith(" ")
    assert " ".join(texts(lines)).split() == text.split()


def test_empty_paragraph_gives_no_lines(fonts):
    assert set_paragraph([], M, fonts) == []
    assert set_paragraph([Span("", BODY)], M, fonts) == []


def test_lone_last_character_is_pushed_in_when_it_cannot_be_pulled_down(fonts):
    # the line before the lone "一" holds one unit it could keep: compressing its Han–Latin
    # spacing takes the character in instead
    style = TextStyle("body", 16.0)
    lines = set_paragraph([Span("一“0一000000:000“0000:0一", style)], 160.0, fonts, first_indent=32)
    assert lines[-1].text == "000000:000“0000:0一"
    assert lines[-1].right == pytest.approx(160.0, abs=0.01)
    for ln in lines:
        for g in ln.glyphs:
            assert g.x + g.width <= ln.x0 + ln.measure + 0.01
