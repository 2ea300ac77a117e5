"""The sample issue as a PDF, read back from the PDF's own text positions.

Line breaking (no forbidden mark at a line start or end), justification of body lines,
completeness and order of the text, the Mongolian cover title as real text.
"""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter

import pytest

from editor.model import NameList, Table, block_text
from tests.output.pdfgeometry import NO_END, NO_START, PAGENO, norm, ragged_body_lines, segments


@pytest.fixture(scope="module")
def all_segments(web_pdf):
    return [segments(p) for p in web_pdf.pages]


def test_no_line_starts_with_a_closing_mark_or_ends_with_an_opening_one(all_segments):
    bad = []
    for pno, segs in enumerate(all_segments, 1):
        for s in segs:
            t = s["text"].strip()
            if len(t) < 2 or PAGENO.match(t):
                continue
            if t[0] in NO_START or t[-1] in NO_END:
                bad.append((pno, t[:20]))
    assert bad == []


def test_non_final_body_lines_are_flush_right(all_segments, web_pdf):
    sizes = Counter()
    for segs in all_segments:
        for s in segs:
            sizes[s["size"]] += len(s["text"])
    body = sizes.most_common(1)[0][0]  # pdfcheck's rule: the most common size is the body's
    total, loose = ragged_body_lines(web_pdf, body)
    assert total > 300
    assert (total - len(loose)) / total >= 0.99, loose[:10]


def _area_text(pdf, layout) -> str:
    """Text of every page inside the type area (no running heads, no page numbers)."""
    parts = []
    for page in pdf.pages:
        top = layout.margin_top - 2
        bottom = float(page.height) - layout.margin_bottom + 2
        if page.width > page.height:  # a landscape page: the frame turned by 90°
            top, bottom = 20.0, float(page.height) - 20.0
        crop = page.crop((0, max(top, 0), float(page.width), min(bottom, float(page.height))))
        parts.append(crop.extract_text() or "")
    return norm("\n".join(parts))


def test_text_contains_every_paragraph_in_order(web_pdf, sample):
    from editor.typeset.layout import load_layout

    pub, issue = sample
    text = _area_text(web_pdf, load_layout("gazette"))
    cells = [norm(c or "") for page in web_pdf.pages for t in page.extract_tables() for row in t for c in row]
    pos = 0
    missing = []
    for doc in issue.documents():
        blocks = list(doc.body)
        for att in doc.attachments:
            blocks += att.body
        for block in blocks:
            if isinstance(block, Table):
                for row in block.rows:  # wrapped cells interleave in reading order: read the grid
                    for cell in row:
                        want = norm(cell.text)
                        if want and not any(want in c for c in cells):
                            missing.append(cell.text[:20])
                continue
            parts = [e.name + e.duty for e in block.entries] if isinstance(block, NameList) \
                else [block_text(block)]
            for part in parts:
                want = norm(part)
                if not want:
                    continue
                at = text.find(want, pos)
                if at < 0:
                    missing.append(part[:24])
                else:
                    pos = at + len(want)
    assert missing == []


def test_document_titles_and_numbers_are_printed(web_pdf, sample):
    pub, issue = sample
    text = norm("".join(p.extract_text() or "" for p in web_pdf.pages))
    for doc in issue.documents():
        assert norm(doc.title) in text
        if doc.doc_number:
            assert norm(doc.doc_number) in text
    assert "2025年3月21日" in text  # signing date: Arabic numerals, no leading zeros


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_mongolian_cover_title_extracts_as_real_text(web_build, sample):
    pub, _issue = sample
    out = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(web_build.path), "-"],
                         capture_output=True, text=True, check=True).stdout
    for word in pub.title_mongolian.split():
        assert word in out
    assert pub.title in out.replace(" ", "")


def test_cover_carries_issue_fields(web_pdf, sample):
    pub, issue = sample
    text = norm(web_pdf.pages[0].extract_text())
    assert norm(pub.title) in text
    assert str(issue.year) in text
    assert f"第{issue.number}期(总第{issue.cumulative}期)" in text
    assert pub.frequency in text
    assert "2025年4月6日出版" in text


def test_imprint_on_the_last_page(web_pdf, sample):
    pub, _issue = sample
    text = norm(web_pdf.pages[-1].extract_text())
    assert norm(pub.sponsor) in text and pub.postcode in text
