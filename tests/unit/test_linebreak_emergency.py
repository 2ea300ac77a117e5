"""Emergency breaks: a Latin/digit run wider than the measure opens after its joiners first."""

from __future__ import annotations

import pytest

from editor.typeset.fonts import FontRegistry
from editor.typeset.layout import load_layout
from editor.typeset.linebreak import Span, TextStyle, set_paragraph, strip_invisible


@pytest.fixture(scope="module")
def fonts() -> FontRegistry:
    lay = load_layout("gazette")
    return FontRegistry.load(roles=lay.font_roles or None)


def _lines(text: str, measure: float, fonts: FontRegistry) -> list[str]:
    lines = set_paragraph([Span(text, TextStyle("body", 12.0))], measure, fonts)
    for ln in lines:  # never past the right edge
        assert ln.right <= ln.x0 + ln.measure + 0.01
    return [ln.text for ln in lines]


def test_a_long_url_breaks_after_its_slashes(fonts):
    url = "https://www.example.gov.cn/zwgk/zfxxgk/fdzdgknr/zfwj/202503/t20250321_4567.html"
    lines = _lines("详见" + url + "。", 200.0, fonts)
    assert "".join(lines) == "详见" + url + "。"
    assert len(lines) >= 3
    for ln in lines[:-1]:
        assert ln[-1] in "/._:" or not ln[-1].isalnum()  # cut after a joiner, not in a word
    for ln in lines[1:]:
        assert ln[0] not in "/.,:"


def test_a_long_number_breaks_after_its_commas(fonts):
    lines = _lines("1,234,567,890,123,456,789.12", 60.0, fonts)
    assert lines == ["1,234,567,", "890,123,", "456,789.12"]


def test_a_run_without_joiners_is_cut_between_characters(fonts):
    run = "ABCDEFGHIJKLMNOPQRSTUVWXYZ" * 3
    lines = _lines(run, 100.0, fonts)
    assert "".join(lines) == run and len(lines) > 1


def test_invisible_characters_are_stripped():
    assert strip_invisible("a\u200bb\ufeffc\u00add\x0be") == "abcd e"
    assert strip_invisible("普通文字") == "普通文字"
