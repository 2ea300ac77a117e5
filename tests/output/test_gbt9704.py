"""The strict gbt9704 layout measured on the PDF against GB/T 9704-2012.

A4; type area 156 × 225 mm with a 37 mm top margin and a 28 mm binding margin; 22 lines of
28 characters of 16 pt filling it; page numbers in 四号 (14 pt) with an em dash on each
side, one character in from the type area's edge, odd pages right and even pages left, the
dashes 7 mm below the type area; the title in 二号 (22 pt) centred; the signing date with
four characters of space on its right. Measured on the sample issue set in that layout.
"""

from __future__ import annotations

import re
from collections import Counter

import pdfplumber
import pytest

from tests.output import pdfgeometry as geo

MM = 72 / 25.4
BODY = 16.0
FOLIO = re.compile(r"^—\s*(\d+)\s*—$")


@pytest.fixture(scope="module")
def gbt(gbt_build):
    pdf = pdfplumber.open(str(gbt_build.path))
    yield gbt_build, pdf
    pdf.close()


def _body_rows(page) -> dict[int, list[dict]]:
    rows: dict[int, list[dict]] = {}
    for c in page.chars:
        if round(c["size"], 1) == BODY and c["upright"] and c["text"].strip():
            rows.setdefault(round(c["top"]), []).append(c)
    return rows


def _folio(page):
    """(printed number, its segment) of a portrait page; (None, None) otherwise.

    A landscape page (a wide table turned) has its own frame and is left out here.
    """
    if page.width > page.height:
        return None, None
    for s in geo.segments(page):
        m = FOLIO.match(s["text"].strip())
        if m:
            return int(m.group(1)), s
    return None, None


def test_page_is_a4(gbt):
    _res, pdf = gbt
    for page in pdf.pages:
        w, h = sorted((float(page.width), float(page.height)))
        assert abs(w - 210 * MM) < 0.5 and abs(h - 297 * MM) < 0.5


def test_full_pages_hold_22_lines_filling_225_mm(gbt):
    _res, pdf = gbt
    full = [p for p in pdf.pages if len(_body_rows(p)) == 22]
    assert len(full) >= 5
    for page in full:
        rows = _body_rows(page)
        tops = sorted(rows)
        pitch = (tops[-1] - tops[0]) / 21
        assert abs(pitch * 22 - 225 * MM) < 2.0  # 22 pitches make the type area's height
        first_top = min(c["top"] for c in rows[tops[0]])
        last_bottom = max(c["bottom"] for c in rows[tops[-1]])
        # the first line sits in the first grid line below the 37 mm top margin,
        # the last in the last grid line above 37 + 225 mm
        assert 37 * MM - 0.5 <= first_top <= 37 * MM + pitch - BODY
        assert 262 * MM - pitch + BODY <= last_bottom <= 262 * MM + 0.5


def test_lines_hold_28_characters_across_156_mm(gbt):
    _res, pdf = gbt
    han_lines = 0
    for page in pdf.pages:
        number, _ = _folio(page)
        if number is None:
            continue
        left = (28 if number % 2 == 1 else 26) * MM  # binding margin on the inside
        for cs in _body_rows(page).values():
            cs.sort(key=lambda c: c["x0"])
            text = "".join(c["text"] for c in cs)
            if len(text) == 28 and all("\u4e00" <= ch <= "\u9fff" for ch in text):
                han_lines += 1
                assert abs(cs[0]["x0"] - left) < 0.5
                assert abs(cs[-1]["x1"] - (left + 156 * MM)) < 0.5
    assert han_lines >= 3


def test_type_area_margins(gbt):
    _res, pdf = gbt
    flush_left = Counter()
    for page in pdf.pages:
        number, _ = _folio(page)
        rows = _body_rows(page)
        if number is None or not rows:
            continue
        # a right-hand (odd) page has the binding margin on the left, a left-hand one on the right
        left = (28 if number % 2 == 1 else 26) * MM
        x0 = min(c["x0"] for cs in rows.values() for c in cs)
        x1 = max(c["x1"] for cs in rows.values() for c in cs if c["text"] not in geo.PUNCT)
        assert x0 >= left - 0.5 and x1 <= left + 156 * MM + 0.5
        if abs(x0 - left) < 0.5:
            flush_left[number % 2] += 1
    assert flush_left[0] >= 3 and flush_left[1] >= 3


def test_page_numbers_four_hao_with_dashes_one_character_in(gbt):
    _res, pdf = gbt
    found = 0
    for page in pdf.pages:
        number, seg = _folio(page)
        if number is None:
            continue
        found += 1
        assert seg["size"] == 14.0  # 四号
        assert seg["text"].strip().startswith("—") and seg["text"].strip().endswith("—")
        if number % 2 == 1:  # odd: right, one character in from the type area's right edge
            assert abs(seg["x1"] - (184 * MM - 14.0)) < 0.5
        else:  # even: left, one character in from the left edge
            assert abs(seg["x0"] - (26 * MM + 14.0)) < 0.5
        baseline = seg["chars"][0]["bottom"] - 0.12 * 14.0
        dash_centre = baseline - 0.35 * 14.0  # an em dash sits about a third of an em up
        assert 6.0 * MM <= dash_centre - 262 * MM <= 8.0 * MM
    assert found >= 20


def test_title_two_hao_centred(gbt, sample):
    res, pdf = gbt
    _pub, issue = sample
    for doc in issue.documents():
        page = pdf.pages[res.document_pdf_index[doc.uid]]
        segs = [s for s in geo.segments(page) if s["size"] == 22.0]
        assert segs, doc.title
        number, _ = _folio(page)
        left = (28 if (number or 1) % 2 == 1 else 26) * MM
        for s in segs:
            assert abs((s["x0"] + s["x1"]) / 2 - (left + 78 * MM)) < 11.0 + 0.5  # half a char


def test_signing_date_four_characters_from_the_right(gbt, sample):
    res, pdf = gbt
    _pub, issue = sample
    dated = [d for d in issue.documents() if d.signing_date]
    assert dated
    for doc in dated:
        want = f"{doc.signing_date.year}年{doc.signing_date.month}月{doc.signing_date.day}日"
        hits = []
        for page in pdf.pages[res.document_pdf_index[doc.uid]:]:
            for s in geo.segments(page):
                if geo.norm(s["text"]) == want:
                    number, _ = _folio(page)
                    right = (184 if (number or 1) % 2 == 1 else 182) * MM
                    hits.append(right - s["x1"])
            if hits:
                break
        assert hits, want
        # four characters of the 28-per-line grid (156 mm / 28 each)
        assert abs(hits[0] - 4 * 156 * MM / 28) < 1.0
