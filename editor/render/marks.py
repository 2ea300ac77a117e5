"""Printer's and proofreader's marks: crop marks outside the bleed, the 校样 proof mark."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from reportlab.pdfgen.canvas import Canvas

from editor.typeset.fonts import FontRegistry
from editor.typeset.layout import MM, Layout
from editor.typeset.pages import Page

if TYPE_CHECKING:
    from editor.render.pdf import RenderOptions, _TextWriter

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


def proof_mark(c: Canvas, writer: _TextWriter, page: Page, text: str, fonts: FontRegistry) -> None:
    """A red framed stamp in the top outer corner of every page and a faint diagonal 校样."""
    face = fonts.pick("label", text[0])
    size = 11.0
    width = c.stringWidth(text, face.name, size)
    odd = page.index % 2 == 0
    x = page.width - width - 12 * MM if odd else 12 * MM
    y = page.height - 12 * MM
    c.saveState()
    c.setFillColorCMYK(0, 0.9, 0.9, 0)
    c.setStrokeColorCMYK(0, 0.9, 0.9, 0)
    c.setLineWidth(0.8)
    c.rect(x - 4, y - 4, width + 8, size + 6, stroke=1, fill=0)
    c.setFont(face.name, size)
    c.drawString(x, y, text)
    big = fonts.pick("label", text[0])
    c.setFillAlpha(0.12)
    c.translate(page.width / 2, page.height / 2)
    c.rotate(35)
    c.setFont(big.name, 96)
    mark = text.split("　")[0]
    c.drawCentredString(0, -30, mark)
    c.restoreState()
