"""Preflight findings of small builds: missing glyphs, fallback fonts, images."""

from __future__ import annotations

import io
from datetime import date

import pdfplumber
import pytest
from PIL import Image as PILImage

from editor.model import Document, Image, Issue, Paragraph, Publication, Section
from editor.render.build import build_pdf


def small_issue(*blocks) -> tuple[Publication, Issue]:
    doc = Document(title="测试市人民政府关于测试的通知", body=list(blocks), signing_date=date(2025, 3, 1))
    iss = Issue(2025, 1, 100, date(2025, 3, 5), sections=[Section("市政府文件", [doc])])
    return Publication(title="测试市人民政府公报", sponsor="测试市人民政府办公室"), iss


def png(width: int, height: int, mode: str = "RGB") -> bytes:
    buf = io.BytesIO()
    PILImage.new(mode, (width, height), 128).save(buf, format="PNG")
    return buf.getvalue()


def test_character_no_font_has_is_reported_and_printed_visibly(tmp_path):
    pub, iss = small_issue(Paragraph("这里有一个字\ue123没有字体，其余照常排版。"))
    res = build_pdf(pub, iss, tmp_path / "m.pdf", deterministic=True)
    codes = {f.code: f for f in res.findings}
    assert "missing-glyph" in codes and "U+E123" in codes["missing-glyph"].message
    with pdfplumber.open(str(res.path)) as pdf:
        text = "".join(p.extract_text() or "" for p in pdf.pages)
    assert "〓" in text  # the substitute mark, never an empty box
    report = res.report_path.read_text("utf-8")
    assert "missing-glyph" in report and "U+E123" in report


def test_low_resolution_rgb_image_is_flagged_in_print_mode(tmp_path):
    pub, iss = small_issue(Paragraph("图片如下。"), Image("fig1", "示意图", width_mm=120))
    iss.images["fig1"] = png(300, 200)
    res = build_pdf(pub, iss, tmp_path / "i.pdf", mode="print", deterministic=True)
    codes = {f.code for f in res.findings}
    assert {"image-low-resolution", "image-rgb"} <= codes
    with pdfplumber.open(str(res.path)) as pdf:
        assert any(p.images for p in pdf.pages)


@pytest.mark.parametrize("mode", ["L", "CMYK"])
def test_print_ready_image_is_not_flagged(tmp_path, mode):
    pub, iss = small_issue(Image("fig1", width_mm=50))
    iss.images["fig1"] = png(800, 400, "L") if mode == "L" else _cmyk_jpeg(800, 400)
    res = build_pdf(pub, iss, tmp_path / "ok.pdf", mode="print", deterministic=True)
    assert not {f.code for f in res.findings} & {"image-low-resolution", "image-rgb"}


def _cmyk_jpeg(w: int, h: int) -> bytes:
    buf = io.BytesIO()
    PILImage.new("CMYK", (w, h), (0, 0, 0, 80)).save(buf, format="JPEG")
    return buf.getvalue()


def test_unembedded_fonts_are_named(web_build):
    from editor.proofing.preflight import unembedded_fonts

    assert unembedded_fonts(web_build.path.read_bytes()) == []
    assert unembedded_fonts(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>") == ["Helvetica"]
