"""Printer's and proofreader's marks: crop marks outside the bleed, the 校样 proof mark."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from fontTools.pens.basePen import BasePen
from reportlab.pdfgen.canvas import Canvas

from editor.typeset.fonts import FontRegistry
from editor.typeset.layout import MM, Layout
from editor.typeset.pages import Page

if TYPE_CHECKING:
    from editor.render.pdf import RenderOptions

REGISTRATION = (1.0, 1.0, 1.0, 1.0)  # crop marks print on every separation


def crop_marks(c: Canvas, width: float, height: float, off: float, bleed: float, layout: Layout) -> None:
    """Crop marks at the four corners of the trim box, starting outside the bleed."""
    conf = layout.section("print")
    gap = bleed + conf["crop_mark_offset_mm"] * MM
    length = conf["crop_mark_length_mm"] * MM
    c.saveState()
    c.setStrokeColorCMYK(*REGISTRATION)
    c.setLineWidth(0.25)
    x0, y0, x1, y1 = off, off, off + width, off + height
    for x, sx in ((x0, -1), (x1, 1)):
        for y, sy in ((y0, -1), (y1, 1)):
            c.line(x + sx * gap, y, x + sx * (gap + length), y)  # horizontal mark
            c.line(x, y + sy * gap, x, y + sy * (gap + length))  # vertical mark
    c.restoreState()


def proof_text(layout: Layout, opts: RenderOptions) -> str:
    """``校样 第1校 2025-04-06``: the mark, the proof round and the date."""
    when = opts.proof_date or date.today()
    mark = layout.section("proof")["mark"]
    return f"{mark}　第{max(opts.proof_round, 1)}校　{when.isoformat()}"


@lru_cache(maxsize=8)
def _outline_font(path: str, index: int):
    """(glyph set, cmap, units per em) of a font file, read once per process."""
    from fontTools.ttLib import TTFont

    font = TTFont(path, fontNumber=index, lazy=True)
    return font.getGlyphSet(), font.getBestCmap(), font["head"].unitsPerEm


class _PathPen(BasePen):
    """Draws a glyph outline into a reportlab path, scaled and moved into place."""

    def __init__(self, glyphset, path, scale: float, dx: float, dy: float):
        super().__init__(glyphset)
        self.path, self.scale, self.dx, self.dy = path, scale, dx, dy

    def _t(self, p) -> tuple[float, float]:
        return self.dx + p[0] * self.scale, self.dy + p[1] * self.scale

    def _moveTo(self, p) -> None:
        self.path.moveTo(*self._t(p))

    def _lineTo(self, p) -> None:
        self.path.lineTo(*self._t(p))

    def _curveToOne(self, p1, p2, p3) -> None:
        self.path.curveTo(*self._t(p1), *self._t(p2), *self._t(p3))

    def _closePath(self) -> None:
        self.path.close()


def outlined_text(c: Canvas, fonts: FontRegistry, role: str, text: str, x: float, y: float,
                  size: float, draw: bool = True) -> float:
    """Draw ``text`` as filled glyph outlines (not as text) and return its width.

    Marks drawn this way are seen by every reader but never enter the text layer, so
    copying, searching and checks of the proof read the document's text only.
    """
    start = x
    for ch in text:
        face = fonts.pick(role, ch)
        glyphs, cmap, upem = _outline_font(str(face.path), face.index)
        name = cmap.get(ord(ch))
        if name is None:
            x += size * 0.5
            continue
        glyph = glyphs[name]
        if draw:
            path = c.beginPath()
            glyph.draw(_PathPen(glyphs, path, size / upem, x, y))
            c.drawPath(path, stroke=0, fill=1)
        x += glyph.width * size / upem
    return x - start


def proof_mark(c: Canvas, page: Page, text: str, fonts: FontRegistry) -> None:
    """A red framed stamp in the top outer corner of every page and a faint diagonal 校样.

    Drawn as outlines inside a watermark artifact: visible on screen and paper, absent
    from the text layer.
    """
    size = 11.0
    width = outlined_text(c, fonts, "label", text, 0, 0, size, draw=False)
    recto = page.index % 2 == 0
    x = page.width - width - 12 * MM if recto else 12 * MM
    y = page.height - 12 * MM
    c._code.append("/Artifact <</Type /Pagination /Subtype /Watermark>> BDC")
    c.saveState()
    c.setFillColorCMYK(0, 0.9, 0.9, 0)
    c.setStrokeColorCMYK(0, 0.9, 0.9, 0)
    c.setLineWidth(0.8)
    c.rect(x - 4, y - 4, width + 8, size + 6, stroke=1, fill=0)
    outlined_text(c, fonts, "label", text, x, y, size)
    c.setFillAlpha(0.12)
    c.translate(page.width / 2, page.height / 2)
    c.rotate(35)
    mark = text.split("　")[0]
    big = 96.0
    w = outlined_text(c, fonts, "label", mark, 0, 0, big, draw=False)
    outlined_text(c, fonts, "label", mark, -w / 2, -30, big)
    c.restoreState()
    c._code.append("EMC")
