"""Titles: broken between words, organ on its own line, balanced and centred lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.typeset import cjkclass as cc
from editor.typeset.fonts import FontRegistry
from editor.typeset.linebreak import TextStyle
from editor.typeset.title import set_title

SONG = Path("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf")
pytestmark = pytest.mark.skipif(not SONG.exists(), reason="Debian CJK fonts not installed")

STYLE = TextStyle("title", 22.0)
M = 442.2  # 156 mm: 20 characters of 22 pt


@pytest.fixture(scope="module")
def fonts() -> FontRegistry:
    return FontRegistry.load(roles={"title": [str(SONG)]})


def texts(lines):
    return [ln.text for ln in lines]


def assert_centred(lines, measure=M):
    for ln in lines:
        left = ln.glyphs[0].x
        right = ln.glyphs[-1].x + ln.glyphs[-1].width
        assert left == pytest.approx(measure - right, abs=0.01)
        assert right <= measure + 0.01


def test_short_title_is_one_centred_line(fonts):
    lines = set_title("包头市节水行动实施方案", STYLE, M, fonts)
    assert texts(lines) == ["包头市节水行动实施方案"]
    assert_centred(lines)


def test_organ_gets_its_own_line_as_printed(fonts):
    lines = set_title("包头市人民政府关于印发包头市节水行动实施方案的通知", STYLE, M, fonts)
    assert texts(lines) == ["包头市人民政府", "关于印发包头市节水行动实施方案的通知"]
    assert_centred(lines)


def test_long_rest_is_balanced_with_the_shorter_line_first(fonts):
    lines = set_title("包头市人民政府办公室关于印发包头市优化中试项目审批服务若干措施的通知", STYLE, M, fonts)
    assert texts(lines) == ["包头市人民政府办公室", "关于印发包头市优化中试", "项目审批服务若干措施的通知"]
    assert_centred(lines)


def test_title_without_organ_breaks_between_words(fonts):
    lines = set_title("关于公布2025年市级行政许可事项清单的通知", TextStyle("title", 26.0), M, fonts)
    assert texts(lines) == ["关于公布2025年市级", "行政许可事项清单的通知"]


def test_organ_line_can_be_turned_off(fonts):
    lines = set_title("包头市人民政府关于印发包头市节水行动实施方案的通知", STYLE, M, fonts, organ_line=False)
    assert texts(lines)[0] != "包头市人民政府"
    assert "".join(texts(lines)) == "包头市人民政府关于印发包头市节水行动实施方案的通知"
    assert_centred(lines)


def test_book_title_is_not_split_when_it_fits_on_a_line(fonts):
    title = "包头市人民政府关于转发《包头市就业促进行动方案》的通知"
    lines = set_title(title, STYLE, M, fonts)
    assert any("《包头市就业促进行动方案》" in t for t in texts(lines))


def test_de_and_genre_stay_together(fonts):
    title = "关于进一步加强和改进全市安全生产监督管理工作的实施意见"
    lines = set_title(title, STYLE, 300, fonts)
    for a, b in zip(lines, lines[1:]):
        assert not (a.text.endswith("的") and b.text.startswith("实施意见"))
        assert not b.text.startswith("的")


@pytest.mark.parametrize("title", [
    "包头市人民政府关于同意设立包头市某某经济技术开发区管理委员会的批复",
    "国务院办公厅转发国家发展改革委关于进一步做好新形势下就业创业工作重点任务分工方案的通知",
    "关于“十四五”时期（2021—2025年）包头市水资源节约集约利用的若干意见",
])
def test_titles_keep_every_character_obey_break_rules_and_fit(fonts, title):
    lines = set_title(title, STYLE, M, fonts)
    assert "".join(texts(lines)) == title
    for i, ln in enumerate(lines):
        if i:
            assert cc.klass(ln.text[0]) not in cc.NO_START
        if i < len(lines) - 1:
            assert cc.klass(ln.text[-1]) not in cc.NO_END
    assert_centred(lines)
    widths = [ln.natural for ln in lines]
    assert max(widths) - min(widths[1:] or widths) < 0.6 * M  # no stub line after the organ


def test_line_shape_prefers_short_lines_first(fonts):
    lines = set_title("关于做好二〇二五年全市春季农业生产和森林草原防火工作的通知", STYLE, M, fonts)
    assert len(lines) == 2
    assert lines[0].natural <= lines[1].natural + 0.01


def test_joint_issuers_separated_by_a_space_stay_on_the_organ_line(fonts):
    title = "中共包头市委 包头市人民政府关于深入实施创新驱动发展战略高水平推进战略性新兴产业发展的实施意见"
    lines = set_title(title, STYLE, M, fonts)
    assert lines[0].text == "中共包头市委 包头市人民政府"
    assert "".join(t.replace(" ", "") for t in texts(lines)) == title.replace(" ", "")
    assert_centred(lines)
