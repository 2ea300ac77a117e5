"""Cover, title page and imprint (back cover).

The cover carries the gazette title, the traditional Mongolian title set vertically
(shaped with HarfBuzz in the ``mongolian`` role's font, top to bottom, columns left to
right), the year, ``第3期(总第154期)``, the frequency and the publication date. The
imprint page carries the sponsor, address, postcode and, when present, 刊号 and 定价.
"""

from __future__ import annotations

import math

from editor.core.dates import format_date
from editor.errors import FontError
from editor.model import Issue, Publication
from editor.typeset.layout import MM, Layout
from editor.typeset.pages import Page, PlacedLine, Rule, VerticalText, VGlyph
from editor.typeset.text import Setter


def issue_line(issue: Issue) -> str:
    """``第3期(总第154期)``."""
    return f"第{issue.number}期(总第{issue.cumulative}期)"


COVER_SIDE_MM = 25.0  # cover text keeps this far from the trimmed edges
MIN_TITLE_SCALE = 0.5  # a long gazette title is set this much smaller before it wraps


def _centred(setter: Setter, page: Page, text: str, style, size: float, baseline: float,
             kind: str, tracking: float = 0.0, balanced: bool = False) -> int:
    """Centre ``text`` between the cover's side margins; returns the number of lines.

    ``balanced``: a text too long for one line is broken like a document title (between
    words, lines of even length) rather than filled line by line.
    """
    from dataclasses import replace

    st = replace(style, size=size, tracking=tracking)
    side = COVER_SIDE_MM * MM
    if balanced:
        lines = setter.title(text, st, page.width - 2 * side).lines
    else:
        lines = setter.lines(text, st, page.width - 2 * side, indent=0, hanging=0, align="center",
                             right_indent=0)
    for k, line in enumerate(lines):
        page.lines.append(PlacedLine(side, baseline - k * size * 1.3, line, kind))
    return len(lines)


def _title_size(setter: Setter, style, text: str, size: float, width: float) -> float:
    """The cover title's size: as the layout says, or smaller (to half) so it fits one line."""
    from dataclasses import replace

    st = replace(style, size=size, tracking=size * 0.08)
    lines = setter.lines(text, st, 100000.0, indent=0, hanging=0, align="left", right_indent=0)
    natural = lines[0].right - lines[0].x0 if lines else 0.0
    if natural <= width:
        return size
    return size * max(MIN_TITLE_SCALE, width / natural * 0.995)


def shape_vertical(setter: Setter, text: str, size: float, x: float, top: float,
                   max_height: float, gap: float) -> list[VerticalText]:
    """Columns of shaped Mongolian text, top to bottom, left to right, broken at spaces."""
    import uharfbuzz as hb

    face = setter.fonts.face("mongolian")
    hbface = hb.Face(hb.Blob(face.path.read_bytes()), face.index)
    font = hb.Font(hbface)
    upem = hbface.upem
    font.scale = (upem, upem)

    def shape(words: str) -> tuple[list[VGlyph], float]:
        buf = hb.Buffer()
        buf.add_str(words)
        buf.guess_segment_properties()
        hb.shape(font, buf, {})
        out = []
        total = 0.0
        for info, pos in zip(buf.glyph_infos, buf.glyph_positions):
            adv = pos.x_advance * size / upem
            out.append(VGlyph(info.codepoint, adv, pos.x_offset * size / upem, pos.y_offset * size / upem))
            total += adv
        return out, total

    words = text.split()
    _, total = shape(" ".join(words))
    n_cols = max(1, math.ceil(total / max_height))
    target = total / n_cols  # balanced columns: each about the same length
    columns: list[tuple[str, list[VGlyph]]] = []
    cur = ""
    for w in words:
        trial = f"{cur} {w}" if cur else w
        length = shape(trial)[1]
        over = length > max_height or (length > target * 1.08 and len(columns) < n_cols - 1)
        if over and cur:
            columns.append((cur, shape(cur)[0]))
            cur = w
        else:
            cur = trial
    if cur:
        columns.append((cur, shape(cur)[0]))
    pitch = size * 1.5 + gap
    x0 = x - pitch * (len(columns) - 1) / 2
    return [VerticalText(x0 + i * pitch, top, t, face.name, size, g) for i, (t, g) in enumerate(columns)]


def cover_page(setter: Setter, layout: Layout, pub: Publication, issue: Issue, *,
               title_page: bool = False, notes: list[str] | None = None) -> Page:
    """The front cover (or, with ``title_page``, the lighter title page behind it)."""
    c = layout.section("cover")
    w, h = layout.page_width, layout.page_height
    page = Page(w, h, "title-page" if title_page else "cover")
    title_style = layout.style("title")
    cover_title = type(title_style)(**{**title_style.__dict__, "role": "cover_title"})
    tsize = c["title_size"] * (0.7 if title_page else 1.0)
    tsize = _title_size(setter, cover_title, pub.title, tsize, w - 2 * COVER_SIDE_MM * MM)
    ty = h - c["title_y_mm"] * MM
    n = _centred(setter, page, pub.title, cover_title, tsize, ty, "cover", tracking=tsize * 0.08,
                 balanced=True)
    color = c["rule_color"]
    if color != "none" and not title_page:
        left, right = 20 * MM, w - 20 * MM
        low = ty - (max(n, 1) - 1) * tsize * 1.3 - tsize * 0.55  # under the title's last line
        page.rules.append(Rule(left, ty + tsize * 1.25, right, ty + tsize * 1.25, 2.0, color))
        page.rules.append(Rule(left, low, right, low, 0.8, color))
    if pub.title_mongolian:
        top = h - c["mongolian_top_mm"] * MM
        bottom = c["lines_y_mm"] * MM
        avail = top - (h - bottom) - 10 * MM
        try:
            page.vertical += shape_vertical(setter, pub.title_mongolian, c["mongolian_size"], w / 2, top,
                                            max(avail, 72.0), c["mongolian_column_gap_mm"] * MM)
        except FontError as exc:  # an optional role: the cover goes without it, preflight says so
            if notes is not None:
                notes.append(f"the Mongolian title was left off the cover: {exc}")
    y = h - c["lines_y_mm"] * MM
    gap = c["line_gap_mm"] * MM
    body = layout.style("title")
    if title_page:
        lines = [(f"{issue.year}年第{issue.number}期", c["issue_size"]),
                 (f"(总第{issue.cumulative}期·{pub.frequency})", c["issue_size"]),
                 (f"{format_date(issue.pub_date)}出版", c["date_size"])]
    else:
        lines = [(str(issue.year), c["year_size"]), (issue_line(issue), c["issue_size"]),
                 (pub.frequency, c["issue_size"]), (f"{format_date(issue.pub_date)}出版", c["date_size"])]
    for text, size in lines:
        if text:
            _centred(setter, page, text, body, size, y, "cover")
            y -= gap
    return page


def imprint_page(setter: Setter, layout: Layout, pub: Publication, issue: Issue) -> Page:
    """The back cover: the gazette title and the imprint fields the publication has."""
    conf = layout.section("imprint")
    labels = conf.get("labels", {})
    w, h = layout.page_width, layout.page_height
    page = Page(w, h, "imprint")
    style = layout.style("imprint")
    left = layout.section("page")["margin_outside_mm"] * MM
    measure = layout.measure
    rows: list[str] = []
    for f in conf["fields"]:
        if f == "publication":
            continue
        value = getattr(pub, f, "")
        if value:
            rows.append(f"{labels.get(f, '')}{value}")
    if pub.title:
        _centred(setter, page, pub.title, layout.style("title"), 22.0, h - 70 * MM, "cover",
                 tracking=2.0)
    pitch = style.pitch * 1.4
    y = layout.margin_bottom + pitch * len(rows)
    page.rules.append(Rule(left, y + pitch * 0.6, left + measure, y + pitch * 0.6, 0.6))
    for text in rows:
        for line in setter.lines(text, style, measure, indent=0, hanging=0, align="left", right_indent=0):
            page.lines.append(PlacedLine(left, y, line, "imprint"))
            y -= pitch
    return page
