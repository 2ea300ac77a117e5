"""Property-based tests of the line breaker over random Chinese/Latin/punctuation paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.typeset import cjkclass as cc
from editor.typeset.fonts import FontRegistry
from editor.typeset.linebreak import Span, TextStyle, set_paragraph

SONG = Path("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf")
KAI = Path("/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf")
pytestmark = pytest.mark.skipif(not (SONG.exists() and KAI.exists()), reason="Debian CJK fonts not installed")

_FONTS: list[FontRegistry] = []


def fonts() -> FontRegistry:
    if not _FONTS:
        _FONTS.append(FontRegistry.load(roles={"body": [str(SONG)], "heading2": [str(KAI)]}))
    return _FONTS[0]


HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可也你能而子那得"
han_word = st.text(alphabet=HAN, min_size=1, max_size=4)
latin = st.from_regex(r"[A-Za-z0-9]{1,6}([./%:-][0-9A-Za-z]{1,3})?", fullmatch=True)
closing = st.sampled_from(list("，。、；：？！”’）》〕】") + ["。”", "），", "》，", "”。"])
opening = st.sampled_from(list("“‘（《〔【") + ["（“"])
dash = st.sampled_from(["——", "……"])


@st.composite
def token(draw) -> str:
    """A word, optionally wrapped in marks: any two tokens have a legal break between them."""
    kind = draw(st.integers(0, 9))
    core = draw(latin) if kind == 0 else draw(dash) if kind == 1 else draw(han_word)
    if draw(st.booleans()):
        core = draw(opening) + core + draw(han_word)
    if draw(st.booleans()):
        core = core + draw(closing)
    return core


paragraph = st.lists(token(), min_size=1, max_size=40).map("".join)


def check(lines, text):
    assert "".join(ln.text for ln in lines).replace(" ", "") == text.replace(" ", "")
    for i, ln in enumerate(lines):
        assert ln.glyphs
        if i:
            assert cc.klass(ln.text[0]) not in cc.NO_START, (lines[i - 1].text, ln.text)
        if not ln.last:
            assert cc.klass(ln.text[-1]) not in cc.NO_END, ln.text
            assert ln.right == pytest.approx(ln.x0 + ln.measure, abs=0.01), ln.text
        prev_end = -1e9
        for g in ln.glyphs:
            assert g.x + g.width <= ln.x0 + ln.measure + 0.01
            assert g.x + g.width >= prev_end - 1e-6
            prev_end = g.x + g.width
    assert [ln.last for ln in lines] == [False] * (len(lines) - 1) + [True]


@settings(max_examples=500, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=paragraph, em=st.integers(9, 30), size=st.sampled_from([9.0, 10.5, 12.0, 16.0]),
       indent=st.sampled_from([0, 2]))
def test_random_paragraphs_obey_the_rules(text, em, size, indent):
    style = TextStyle("body", size)
    lines = set_paragraph([Span(text, style)], em * size, fonts(), first_indent=indent * size)
    check(lines, text)


@settings(max_examples=250, deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(head=paragraph, body=paragraph, em=st.integers(10, 28),
       track=st.sampled_from([0.0, -0.2, 0.5]))
def test_random_two_span_paragraphs_with_tracking(head, body, em, track):
    spans = [Span(head, TextStyle("heading2", 16, track)), Span(body, TextStyle("body", 16, track))]
    lines = set_paragraph(spans, em * 16.0, fonts(), first_indent=32)
    check(lines, head + body)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(text=st.text(alphabet=HAN + "，。、；：？！“”（）《》—…ABC123.% ", min_size=0, max_size=120),
       em=st.integers(3, 20))
def test_arbitrary_strings_lose_nothing_and_never_overflow(text, em):
    lines = set_paragraph([Span(text, TextStyle("body", 10))], em * 10.0, fonts())
    assert "".join(ln.text for ln in lines).replace(" ", "") == text.replace(" ", "").replace("\n", "")
    for ln in lines:
        for g in ln.glyphs:
            assert g.x + g.width <= ln.x0 + ln.measure + 0.01
