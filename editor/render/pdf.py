"""Draw a page tree into a PDF with the reportlab canvas.

Every set line is written as PDF text with explicit glyph positions (``TJ`` arrays), so
justification and punctuation compression come out exactly as the line breaker set them
and the text stays extractable. Fonts are TrueType subsets with ToUnicode maps (reportlab
embeds them that way). Black is pure K (CMYK 0/0/0/1), red is M80 Y80. Modes: ``print``
(trim + bleed, crop marks, TrimBox/BleedBox), ``web`` (trim size, bookmarks, links) and
``proof`` (web plus a 校样 mark on every page). In print mode a landscape page is turned
onto a portrait sheet so the printer gets one trim size throughout. ``deterministic`` gives byte-identical
output for identical input (reportlab's invariant mode, fixed dates).
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from datetime import date

from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from editor.render import marks
from editor.typeset.fonts import FontRegistry
from editor.typeset.layout import MM, Layout
from editor.typeset.pages import Book, Page, PlacedLine, VerticalText

CMYK = {"black": (0.0, 0.0, 0.0, 1.0), "red": (0.0, 0.8, 0.8, 0.0), "grey": (0.0, 0.0, 0.0, 0.45)}
SUBSTITUTE = "〓"  # the conventional mark for a character no font has (geta mark)


def _f(v: float) -> str:
    s = f"{v:.3f}".rstrip("0").rstrip(".")
    return "0" if s in ("", "-0") else s


def _utf16_hex(text: str) -> str:
    return "FEFF" + text.encode("utf-16-be").hex().upper()


@dataclass
class RenderOptions:
    """How to write the PDF."""

    mode: str = "web"  # print | web | proof
    deterministic: bool = False
    proof_round: int = 1
    proof_date: date | None = None
    title: str = ""
    author: str = ""
    subject: str = ""
    keywords: str = ""


class _TextWriter:
    """Turns placed lines into PDF text operators for one canvas."""

    def __init__(self, canvas: Canvas, fonts: FontRegistry):
        self.c = canvas
        self.doc = canvas._doc
        self.fonts = fonts
        self._font_cache: dict[str, object] = {}
        self._sub_faces: dict[tuple[str, str], str | None] = {}
        # (face, text) -> ((subset font name, escaped chunk), …) and width per 1 pt; the
        # subset codes a character gets are fixed for the document once assigned
        self._chunks: dict[tuple[str, str], tuple[tuple[tuple[str, str], ...], float]] = {}

    def font(self, name: str):
        f = self._font_cache.get(name)
        if f is None:
            f = self._font_cache[name] = pdfmetrics.getFont(name)
        return f

    def _substitute(self, face: str) -> str | None:
        """A face that can draw the substitute mark: the glyph's own or any body face."""
        key = (face, SUBSTITUTE)
        if key not in self._sub_faces:
            f = self.font(face)
            if ord(SUBSTITUTE) in f.face.charToGlyph:
                self._sub_faces[key] = face
            else:
                alt = self.fonts.pick("body", SUBSTITUTE)
                self._sub_faces[key] = alt.name if alt.has(SUBSTITUTE) else None
        return self._sub_faces[key]

    def line_ops(self, pl: PlacedLine, dx: float, dy: float, out: list[str], boxes: list) -> None:
        """Append the operators of one line (inside BT/ET) to ``out``."""
        glyphs = pl.line.glyphs
        if not glyphs:
            return
        y = pl.y + dy
        cur_font = None
        cur_size = None
        pen = None
        arr: list[str] = []

        def flush() -> None:
            if arr:
                out.append("[" + " ".join(arr) + "] TJ")
                arr.clear()

        for g in glyphs:
            text, face = g.text, g.face
            if getattr(g, "missing", False):
                sub = self._substitute(face)
                if sub is None:
                    boxes.append((pl.x + g.x + dx, y, g.size))
                    continue
                text, face = SUBSTITUTE, sub
            key = (face, text)
            cached = self._chunks.get(key)
            if cached is None:
                font = self.font(face)
                chunks = tuple(
                    (font.getSubsetInternalName(subset, self.doc), self.c._escape(chunk))
                    for subset, chunk in font.splitString(text, self.doc)
                )
                cached = self._chunks[key] = (chunks, font.stringWidth(text, 1.0))
            chunks, unit_width = cached
            x = pl.x + g.x + dx
            size = g.size
            for fname, chunk in chunks:
                if fname != cur_font or size != cur_size:
                    flush()
                    out.append(f"{fname} {_f(size)} Tf")
                    cur_font, cur_size = fname, size
                if pen is None:
                    out.append(f"1 0 0 1 {_f(x)} {_f(y)} Tm")
                    pen = x
                gap = x - pen
                if abs(gap) > 0.0005:
                    arr.append(_f(-gap * 1000.0 / size))
                arr.append("(" + chunk + ")")
                pen = x + unit_width * size
                x = pen  # a multi-subset cluster continues where its first part ended
        flush()

    def vertical_ops(self, vt: VerticalText, dx: float, dy: float) -> str:
        """A rotated column of shaped glyphs wrapped in ActualText (real, searchable text)."""
        font = self.font(vt.face)
        try:
            font.hbFont(vt.size)  # enables reportlab's private-use mapping of unmapped glyphs
        except Exception:
            pass
        face = self.fonts.face("mongolian")
        base_y = -(face.ascent + face.descent) / 2 * vt.size
        codes = []
        for g in vt.glyphs:
            chars = font.face.glyphToChar.get(g.gid)
            if chars:
                codes.append(chr(chars[0]))
            else:
                adv = font.pdfScale(g.advance / vt.size * font.face.unitsPerEm) if hasattr(font, "pdfScale") else 0
                codes.append(chr(font.hbAddPrivate(f"gid{g.gid}", g.gid, adv)))
        # q/cm outside the marked content: extractors place the ActualText with the CTM
        # in force at EMC, which must still be the rotated one
        ops = ["q", f"0 -1 1 0 {_f(vt.x + dx)} {_f(vt.y + dy)} cm",
               f"/Span <</ActualText <{_utf16_hex(vt.text)}>>> BDC", "BT", "0 0 0 1 k"]
        pen = 0.0
        cur = None
        for g, ch in zip(vt.glyphs, codes):
            for subset, chunk in font.splitString(ch, self.doc):
                fname = font.getSubsetInternalName(subset, self.doc)
                if fname != cur:
                    ops.append(f"{fname} {_f(vt.size)} Tf")
                    cur = fname
                ops.append(f"1 0 0 1 {_f(pen + g.x_offset)} {_f(base_y + g.y_offset)} Tm "
                           f"({self.c._escape(chunk)}) Tj")
            pen += g.advance
        ops += ["ET", "EMC", "Q"]
        return "\n".join(ops)


def _color(c: Canvas, name: str, stroke: bool) -> None:
    cmyk = CMYK.get(name, CMYK["black"])
    if stroke:
        c.setStrokeColorCMYK(*cmyk)
    else:
        c.setFillColorCMYK(*cmyk)


def render_pdf(book: Book, layout: Layout, fonts: FontRegistry, out: str | io.BytesIO,
               images: dict[str, bytes], opts: RenderOptions) -> None:
    """Write ``book`` as a PDF to ``out`` (a path or a binary buffer)."""
    print_mode = opts.mode == "print"
    bleed = layout.bleed if print_mode else 0.0
    conf = layout.section("print")
    slug = (conf["crop_mark_offset_mm"] + conf["crop_mark_length_mm"]) * MM if print_mode else 0.0
    off = bleed + slug
    first = book.pages[0] if book.pages else None
    size = (first.width + 2 * off, first.height + 2 * off) if first else (layout.page_width, layout.page_height)
    body_face = fonts.face("body")
    c = Canvas(out, pagesize=size, invariant=1 if opts.deterministic else 0, pageCompression=1,
               pdfVersion=(1, 6), initialFontName=body_face.name, initialFontSize=12)
    title = opts.title or book.title
    if opts.mode == "proof":
        title = f"{title}（{marks.proof_text(layout, opts)}）"
    c.setTitle(title)
    c.setAuthor(opts.author)
    c.setSubject(opts.subject)
    c.setKeywords(opts.keywords)
    c.setCreator("gazette-editor")
    c.setProducer("gazette-editor (reportlab)")
    writer = _TextWriter(c, fonts)
    outline_levels: list[int] = []
    proof_stamp = marks.proof_text(layout, opts) if opts.mode == "proof" else ""
    for page in book.pages:
        # print: a landscape page (a wide table) is turned onto a portrait sheet, its top at
        # the left edge, so the printer gets one trim size and orientation throughout
        turned = print_mode and page.width > page.height
        pw, ph = (page.height, page.width) if turned else (page.width, page.height)
        w, h = pw + 2 * off, ph + 2 * off
        c.setPageSize((w, h))
        if print_mode:
            c.setTrimBox((off, off, off + pw, off + ph))
            c.setBleedBox((off - bleed, off - bleed, off + pw + bleed, off + ph + bleed))
        if turned:
            # the content turns; the running head and page number stay upright in their
            # portrait places (page.upright), as on the pages around it
            content = page
            if page.upright is not None:
                content = replace(page, lines=[pl for pl in page.lines if pl.kind not in ("head", "folio")],
                                  rules=[r for r in page.rules if r.kind != "head"])
            dx, dy = _turn_shift(layout, page)
            c.saveState()
            c.transform(0, 1, -1, 0, w + dx, dy)  # (x, y) -> (w - y, x): a quarter turn anticlockwise
            _draw_page(c, writer, content, off, images)
            c.restoreState()
            if page.upright is not None:
                _draw_page(c, writer, page.upright, off, images)
        else:
            _draw_page(c, writer, page, off, images)
        for a in page.anchors:
            c.bookmarkPage(a.key, fit="XYZ", left=0, top=(h if turned else a.y + off), zoom=0)
            level = a.level
            while outline_levels and level > len(outline_levels):
                level -= 1
            c.addOutlineEntry(a.title, a.key, level=level, closed=level >= 1)
            outline_levels = outline_levels[:level] + [level]
        for ln in ([] if turned else page.links):
            c.linkAbsolute("", ln.target, Rect=(ln.x0 + off, ln.y0 + off, ln.x1 + off, ln.y1 + off),
                           thickness=0)
        if print_mode:
            marks.crop_marks(c, pw, ph, off, bleed, layout)
        if proof_stamp:
            marks.proof_mark(c, page, proof_stamp, fonts)
        c.showPage()
    c.showOutline()
    _normalise_metrics(writer)
    c.save()


def _turn_shift(layout: Layout, page: Page) -> tuple[float, float]:
    """Where a turned landscape page's frame must move to lie on the portrait type area.

    The landscape frame runs from the book's top margin along the long side and from the
    page's left margin across; turned a quarter anticlockwise it would sit on the bottom
    margin and the right margin instead.
    """
    p = layout.section("page")
    odd = (page.number or 1) % 2 == 1
    left = (p["margin_inside_mm"] if not p["facing"] or odd else p["margin_outside_mm"]) * MM
    right = layout.page_width - left - layout.measure
    return left - right, layout.margin_bottom - layout.margin_top


IDEOGRAPHIC_ASCENT, IDEOGRAPHIC_DESCENT = 880, -120


def _normalise_metrics(writer: _TextWriter) -> None:
    """Give every embedded face the ideographic em box (880/−120) as Ascent/Descent.

    The descriptor values only tell text extractors where a glyph's box lies; with the same
    em box for all faces, characters of one line set in different fonts (a run-in heading
    in 黑体, a fallback glyph) share one top edge, so extractors see one line.
    """
    for font in writer._font_cache.values():
        face = getattr(font, "face", None)
        if face is not None and hasattr(face, "descent"):
            face.ascent, face.descent = IDEOGRAPHIC_ASCENT, IDEOGRAPHIC_DESCENT


def _draw_page(c: Canvas, writer: _TextWriter, page: Page, off: float, images: dict[str, bytes]) -> None:
    for img in page.images:
        data = images.get(img.ref)
        if data:
            try:
                c.drawImage(ImageReader(io.BytesIO(data)), img.x + off, img.y + off, img.w, img.h)
                continue
            except Exception:  # an unreadable image: preflight reports it; draw its frame
                pass
        _color(c, "black", True)
        c.rect(img.x + off, img.y + off, img.w, img.h, stroke=1, fill=0)
    for r in page.rules:
        _color(c, r.color, True)
        c.setLineWidth(r.width)
        if r.dotted:
            c.setDash(0.01, r.width * 3.2)
            c.setLineCap(1)
        c.line(r.x0 + off, r.y0 + off, r.x1 + off, r.y1 + off)
        if r.dotted:
            c.setDash()
            c.setLineCap(0)
    for b in page.boxes:
        _color(c, b.color, True)
        c.setLineWidth(b.width)
        c.rect(b.x + off, b.y + off, b.w, b.h, stroke=1, fill=0)
    if page.lines:
        ops = ["BT", "0 0 0 1 k"]
        missing_boxes: list = []
        for pl in page.lines:
            writer.line_ops(pl, off, off, ops, missing_boxes)
        ops.append("ET")
        c._code.append("\n".join(ops))
        for x, y, s in missing_boxes:  # no font can even draw the substitute: a crossed box
            _color(c, "black", True)
            c.setLineWidth(0.5)
            c.rect(x + 0.1 * s, y - 0.1 * s, 0.8 * s, 0.8 * s)
            c.line(x + 0.1 * s, y - 0.1 * s, x + 0.9 * s, y + 0.7 * s)
    for vt in page.vertical:
        c._code.append(writer.vertical_ops(vt, off, off))
