"""Tables: column widths, cells set by the line breaker, rows split over pages.

A table is as wide as the measure. Column widths come from the document's relative
widths or, when it has none, from the cells' contents. A table whose columns cannot all
hold ``table.min_column_chars`` characters is "too wide": the composer then sets it at a
smaller size or on a landscape page, as the layout says (``fit_table``). Rows are never
split unless a row is taller than a page; rows joined by a row span stay together; the
header rows are repeated at the top of every page the table runs over.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, field

from editor.model import Table
from editor.typeset import cjkclass as cc
from editor.typeset.flow import BASELINE_FROM_CENTRE, Flowable, Paginator
from editor.typeset.fonts import FontRegistry
from editor.typeset.layout import Layout, Style
from editor.typeset.linebreak import Fitter, Line, Prepared, Span, TextStyle
from editor.typeset.pages import PlacedLine, Rule
from editor.typeset.text import Setter

# what the line breaker keeps together: a Latin/digit run with its inner joiners (9.82,
# 1,234.5, GB/T, 12:30) and a trailing unit sign (45%)
_UNBREAKABLE = re.compile(r"[0-9A-Za-z]+(?:[.,:/\-+&'_@#][0-9A-Za-z]+)*[%％‰℃°]?")


def _text_ems(text: str) -> float:
    """Approximate width of text in ems (half-width for ASCII)."""
    return sum(0.5 if ord(c) < 0x2E80 else 1.0 for c in text)


def _min_ems(text: str) -> float:
    runs = [len(m.group()) * 0.5 for m in _UNBREAKABLE.finditer(text)]
    return max([1.0] + runs)


# per font registry (weakly held: a registry dropped by the app frees its cache too)
_CELL_EMS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _measured_ems(fonts: FontRegistry, role: str, text: str) -> tuple[float, float]:
    """(longest line, widest unbreakable piece) of a cell's text in ems, from the font.

    The widest piece is what the line breaker will not split: a Latin/digit run, a number
    with its unit, a character with the marks that may not be parted from it.
    """
    cache = _CELL_EMS.get(fonts)
    if cache is None:
        cache = _CELL_EMS[fonts] = {}
    key = (role, text)
    hit = cache.get(key)
    if hit is None:
        hit = cache[key] = _measure(fonts, role, text)
    return hit


def _measure(fonts: FontRegistry, role: str, text: str) -> tuple[float, float]:
    longest = 0.0
    widest = 1.0
    for part in text.split("\n"):
        part = part.strip()
        if not part:
            continue
        p = Prepared([Span(part, TextStyle(role, 1.0))], fonts)
        if p.n == 0:
            continue
        fit = Fitter(p)
        longest = max(longest, fit.width(0, p.n - 1))
        s = 0
        for k in range(p.n):
            if p.brk[k]:
                w = fit.width(s, k) - fit.shrink(s, k)
                if s == k:
                    w = min(w, _opened_width(p, k))
                widest = max(widest, w)
                s = k + 1
    return longest, widest


def _opened_width(p: Prepared, k: int) -> float:
    """Width of unit k as the line breaker may open it in a narrow cell.

    A web address, a file name or a code (a run with letters or / @ _) breaks after its
    inner joiners (see ``Prepared.split_wide_units``): its widest piece counts. A number
    (1,234,567.89) is never opened: it counts whole.
    """
    a, b = p.us[k], p.ue[k]
    run = p.chars[a:b]
    if b - a < 3 or not any(ch.isalpha() or ch in "/@_" for ch in run):
        return p.uw[k]
    widest = piece = 0.0
    for i in range(a, b):
        piece += p.cadv[i]
        if p.chars[i] in cc.LATIN_JOINERS and a < i < b - 1:
            widest, piece = max(widest, piece), 0.0
    return max(widest, piece)


def _cell_ems(text: str, fonts: FontRegistry | None, role: str) -> tuple[float, float]:
    if fonts is None:
        return max((_text_ems(p) for p in text.split("\n")), default=0.0), _min_ems(text)
    return _measured_ems(fonts, role, text)


@dataclass
class _Cell:
    row: int
    col: int
    rowspan: int
    colspan: int
    lines: list[Line] = field(default_factory=list)
    header: bool = False
    height: float = 0.0  # lines only


@dataclass
class TableGeometry:
    """Column widths at a size, or why they do not fit."""

    size: float
    widths: list[float]
    fits: bool


def column_widths(table: Table, measure: float, size: float, layout: Layout,
                  fonts: FontRegistry | None = None) -> TableGeometry:
    """Column widths (pt) filling ``measure`` at ``size``; ``fits`` False when too narrow.

    With ``fonts`` the cells are measured in the table faces; without, estimated (CJK one
    em, ASCII half an em).
    """
    conf = layout.section("table")
    pad = conf["cell_padding_pt"]
    ncols = table.column_count()
    grid_min = conf["min_column_chars"]
    mins = [grid_min * size + 2 * pad] * ncols
    prefs = [mins[0]] * ncols
    matrix = table.grid()
    for r, row in enumerate(table.rows):
        for i, cell in enumerate(row):
            cols = [c for c in range(ncols) if matrix[r][c] == (r, i)]
            if len(cols) != 1:
                continue
            c = cols[0]
            role = "table_header" if r < table.header_rows else "table"
            longest, widest = _cell_ems(cell.text, fonts, role)
            prefs[c] = max(prefs[c], longest * size + 2 * pad)
            mins[c] = max(mins[c], widest * size + 2 * pad)
    if table.widths and len(table.widths) == ncols and sum(table.widths) > 0:
        total = sum(table.widths)
        widths = [measure * w / total for w in table.widths]
        fits = all(w + 0.01 >= m for w, m in zip(widths, mins))
        return TableGeometry(size, widths, fits)
    if sum(mins) > measure + 0.01:
        return TableGeometry(size, [measure / ncols] * ncols, False)
    if sum(prefs) <= measure:
        scale = measure / sum(prefs)
        return TableGeometry(size, [p * scale for p in prefs], True)
    spare = measure - sum(mins)
    wants = [max(p - m, 0.0) for p, m in zip(prefs, mins)]
    # give narrow columns what they want first when it is little, then share the rest
    total_want = sum(wants) or 1.0
    widths = [m + spare * w / total_want for m, w in zip(mins, wants)]
    return TableGeometry(size, widths, True)


MAX_HEADER_SHARE = 0.4  # of the page height: taller header rows are not repeated
EMERGENCY_TABLE_SIZE = 5.0  # pt: below this a too-wide table wraps inside its cells instead


def fit_table(table: Table, layout: Layout, portrait: float, landscape: float,
              fonts: FontRegistry | None = None) -> tuple[float, bool]:
    """(size, landscape) for a table as the layout's ``table.too_wide`` answer says."""
    conf = layout.section("table")
    size, low = conf["size"], conf["min_size"]
    sizes = []
    s = size
    while s >= low - 1e-9:
        sizes.append(round(s, 2))
        s -= 0.5
    if not sizes:
        sizes = [low]
    if conf["too_wide"] == "shrink":
        order = [(s, False) for s in sizes] + [(s, True) for s in sizes]
    else:
        order = [(size, False)] + [(s, True) for s in sizes] + [(s, False) for s in sizes[1:]]
    # still too wide at the layout's smallest size on a landscape page: go below it (preflight
    # reports the small type) rather than cut numbers apart inside their cells
    s = sizes[-1] - 0.5
    while s >= EMERGENCY_TABLE_SIZE - 1e-9:
        order.append((round(s, 2), True))
        s -= 0.5
    for s, land in order:
        if column_widths(table, landscape if land else portrait, s, layout, fonts).fits:
            return s, land
    return order[-1][0], True  # nothing fits: smallest size on a landscape page (cells wrap hard)


class TableFlow(Flowable):
    """A table set at one size into a measure, ready to be split over pages."""

    def __init__(self, table: Table, setter: Setter, layout: Layout, measure: float, size: float):
        self.table = table
        self.layout = layout
        conf = layout.section("table")
        self.pad = conf["cell_padding_pt"]
        self.rule = conf["rule_width_pt"]
        body: Style = layout.style("table")
        head: Style = layout.style("table_header")
        self.pitch = body.pitch * size / body.size
        self.size = size
        self.landscape_measure = measure > layout.measure + 0.01
        geo = column_widths(table, measure, size, layout, setter.fonts)
        self.widths = geo.widths
        self.x = [sum(self.widths[:i]) for i in range(len(self.widths) + 1)]
        matrix = table.grid()
        nrows = len(table.rows)
        self.header_rows = min(max(table.header_rows, 0), max(nrows - 1, 0))
        self.cells: list[_Cell] = []
        for r, row in enumerate(table.rows):
            for i, cell in enumerate(row):
                cols = [c for c in range(len(self.widths)) if matrix[r][c] == (r, i)]
                c0 = cols[0]
                header = r < self.header_rows
                st = head if header else body
                width = self.x[c0 + cell.colspan] - self.x[c0] - 2 * self.pad
                lines: list[Line] = []
                tstyle = Style(**{**st.__dict__, "size": size, "tracking": 0.0, "pitch": self.pitch})
                for part in cell.text.split("\n"):
                    if not part.strip():
                        continue
                    align = cell.align or ("center" if header else table.align or "center")
                    one = _text_ems(part) * size <= width + 0.01
                    if not one and not cell.align and not header and width >= 8 * size:
                        align = "justify"  # running text in a wide cell; narrow cells stay centred
                    lines += setter.lines(part.strip(), tstyle, width, indent=0, hanging=0,
                                          align=align, right_indent=0)
                self.cells.append(_Cell(r, c0, cell.rowspan, cell.colspan, lines, header,
                                        len(lines) * self.pitch))
        self.span_cells = [c for c in self.cells if c.rowspan > 1]
        self.by_row: dict[int, list[_Cell]] = {}
        for cell in self.cells:
            self.by_row.setdefault(cell.row, []).append(cell)
        self.spent: set[int] = set()  # spanning cells already drawn whole by _split_row
        self._head_page: object | None = None  # the page that has the header rows drawn
        self._compute_heights()
        # header rows are repeated on every page only while they leave most of the page to
        # the body rows; taller ones (or a table with nothing but header rows) are set once,
        # as ordinary rows that may split
        frame = layout.measure if self.landscape_measure else layout.area_height
        if sum(self.heights[: self.header_rows]) > MAX_HEADER_SHARE * frame:
            self.header_rows = 0
            for cell in self.cells:
                cell.header = cell.row < min(max(table.header_rows, 0), nrows)
        # groups of rows held together by row spans
        self.groups: list[tuple[int, int]] = []
        start = self.header_rows
        reach = start
        row_reach = [0] * nrows  # the last row a cell starting in each row reaches
        for cell in self.cells:
            row_reach[cell.row] = max(row_reach[cell.row], cell.row + cell.rowspan - 1)
        for r in range(self.header_rows, nrows):
            reach = max(reach, row_reach[r])
            if reach <= r:
                self.groups.append((start, r + 1))
                start = r + 1
                reach = start
        if start < nrows:
            self.groups.append((start, nrows))

    def _compute_heights(self) -> None:
        """Row heights: each row as tall as its cells; a spanning cell's excess to its last row."""
        nrows = len(self.table.rows)
        self.heights = [0.0] * nrows
        for cell in sorted(self.cells, key=lambda c: c.rowspan):
            if id(cell) in self.spent:
                continue
            need = cell.height + 2 * self.pad
            span = range(cell.row, cell.row + cell.rowspan)
            have = sum(self.heights[r] for r in span)
            if need > have:
                self.heights[cell.row + cell.rowspan - 1] += need - have
        for r in range(nrows):
            self.heights[r] = max(self.heights[r], self.pitch + 2 * self.pad)

    def header_height(self) -> float:
        return sum(self.heights[: self.header_rows])

    def first_height(self) -> float:
        """The header rows and the first group of rows, or, when these are taller than a
        page (the group will be split), the header rows and one line of the first row."""
        if not self.groups:
            return self.header_height()
        a, b = self.groups[0]
        full = self.header_height() + sum(self.heights[a:b])
        frame = self.layout.area_height if not self.landscape_measure else self.layout.measure
        if full <= frame:
            return full
        return self.header_height() + 2 * self.pad + self.pitch

    # -- placing ----------------------------------------------------------------------------
    def _head(self, pag: Paginator) -> list[int]:
        """The header rows to draw above the next rows: none when this page has them already
        (rows following a split row's last piece)."""
        return [] if pag.page is not None and pag.page is self._head_page else list(range(self.header_rows))

    def _chunk_heights(self, rows: list[int], head: list[int]) -> dict[int, float]:
        """Row heights of a chunk (``head`` rows + ``rows``) on one page.

        A cell spanning rows that are cut by a page break is drawn again, with its text, in
        each piece; a piece too low for that text is made taller.
        """
        shown = head + rows
        present = set(shown)
        hmap = {r: self.heights[r] for r in shown}
        for cell in self.span_cells:
            if id(cell) in self.spent:
                continue
            span = [r for r in range(cell.row, cell.row + cell.rowspan) if r in present]
            if not span or len(span) == cell.rowspan:
                continue
            need = cell.height + 2 * self.pad
            have = sum(hmap[r] for r in span)
            if need > have:
                hmap[span[-1]] += need - have
        return hmap

    def _fits(self, pag: Paginator, rows: list[int]) -> bool:
        return sum(self._chunk_heights(rows, self._head(pag)).values()) <= pag.room() + 0.01

    def place(self, pag: Paginator) -> None:
        """Place the rows, repeating the header rows on every new page.

        Rows joined by a row span move to the next page together when little of the page
        is left; a group that would leave much of the page empty, or is taller than a
        page, is split between its rows; only a row taller than a page is split itself.
        """
        pending: list[int] = []
        frame = pag.top - pag.bottom - self.header_height()
        for a, b in self.groups:
            grp = list(range(a, b))
            if self._fits(pag, pending + grp):
                pending += grp
                continue
            grp_h = sum(self._chunk_heights(grp, []).values())
            left = pag.room() - sum(self._chunk_heights(pending, self._head(pag)).values())
            if grp_h <= frame and (len(grp) == 1 or left < 0.4 * frame):
                if pending:
                    self._draw(pag, pending)
                if pending or not pag.empty:
                    pag.new_page()
                pending = grp
                continue
            for r in grp:
                if self._fits(pag, pending + [r]):
                    pending.append(r)
                    continue
                if pending:
                    self._draw(pag, pending)
                    pag.new_page()
                    pending = []
                if self._fits(pag, [r]):
                    pending = [r]
                else:
                    self._split_row(pag, r)
        if pending or not self.groups:
            self._draw(pag, pending)

    def _draw(self, pag: Paginator, rows: list[int]) -> None:
        """Draw the header rows and ``rows`` at the cursor and move the cursor below them."""
        page = pag.page
        assert page is not None
        head = self._head(pag)
        shown = head + rows
        hmap = self._chunk_heights(rows, head)
        tops: dict[int, float] = {}
        y = pag.cursor
        for r in shown:
            tops[r] = y
            y -= hmap[r]
        bottom = y
        left = pag.left
        pag._flush_anchors(pag.cursor)
        first = min(shown) if shown else 0
        cands = [c for r in shown for c in self.by_row.get(r, ())]
        cands += [c for c in self.span_cells if c.row < first < c.row + c.rowspan
                  or (c.row not in tops and any(r in tops for r in range(c.row, c.row + c.rowspan)))]
        seen: set[int] = set()
        for cell in sorted(cands, key=lambda c: (c.row, c.col)):
            if id(cell) in seen:
                continue
            seen.add(id(cell))
            span = [r for r in range(cell.row, cell.row + cell.rowspan) if r in tops]
            if not span:
                continue
            top = tops[span[0]]
            h = sum(hmap[r] for r in span)
            x0 = left + self.x[cell.col]
            x1 = left + self.x[cell.col + cell.colspan]
            lines = [] if id(cell) in self.spent else cell.lines  # spent: its frame only
            text_h = len(lines) * self.pitch
            y0 = top - (h - text_h) / 2
            for k, line in enumerate(lines):
                base = y0 - k * self.pitch - self.pitch / 2 - BASELINE_FROM_CENTRE * self.size
                page.lines.append(PlacedLine(x0 + self.pad, base, line, "table-head" if cell.header else "table"))
            page.rules.append(Rule(x0, top, x1, top, self.rule))
            page.rules.append(Rule(x0, top, x0, top - h, self.rule))
            page.rules.append(Rule(x0, top - h, x1, top - h, self.rule))
            page.rules.append(Rule(x1, top, x1, top - h, self.rule))
        pag.cursor = bottom
        if head:
            self._head_page = page

    def _split_row(self, pag: Paginator, r: int) -> None:
        """Draw a row taller than a page in pieces, cutting its cells between lines."""
        cells = [c for c in self.cells if c.row == r]
        done = {id(c): 0 for c in cells}
        while any(done[id(c)] < len(c.lines) for c in cells):
            room = pag.room() - (self.header_height() if self._head(pag) else 0.0) - 2 * self.pad
            if room < self.pitch - 0.01 and not pag.empty:
                pag.new_page()  # not even one line of the row fits below what is there
                continue
            n = max(int((room + 0.01) // self.pitch), 1)
            self._draw_piece(pag, r, cells, done, n)
            if any(done[id(c)] < len(c.lines) for c in cells):
                pag.new_page()
        # cells spanning further rows are now drawn whole: the rows below them need only
        # their own height (and draw the spent cell's frame)
        spanning = {id(c) for c in cells if c.rowspan > 1}
        if spanning:
            self.spent |= spanning
            self._compute_heights()

    def _draw_piece(self, pag: Paginator, r: int, cells: list[_Cell], done: dict[int, int], n: int) -> None:
        page = pag.page
        assert page is not None
        self._draw(pag, [])  # header rows (if any) at the top of this piece
        top = pag.cursor
        # the piece is as tall as the most lines any of its cells still has (the last piece of
        # a split row is no taller than what is left of it)
        n = max(1, min(n, max(len(c.lines) - done[id(c)] for c in cells)))
        h = n * self.pitch + 2 * self.pad
        left = pag.left
        # cells reaching into this row from above get their frame over the piece too
        above = [c for c in self.span_cells if c.row < r < c.row + c.rowspan]
        for c in cells + above:
            i = done.get(id(c), len(c.lines))
            lines = c.lines[i:i + n]
            if id(c) in done:
                done[id(c)] = i + len(lines)
            x0 = left + self.x[c.col]
            x1 = left + self.x[c.col + c.colspan]
            for k, line in enumerate(lines):
                base = top - self.pad - k * self.pitch - self.pitch / 2 - BASELINE_FROM_CENTRE * self.size
                page.lines.append(PlacedLine(x0 + self.pad, base, line, "table"))
            page.rules.append(Rule(x0, top, x1, top, self.rule))
            page.rules.append(Rule(x0, top, x0, top - h, self.rule))
            page.rules.append(Rule(x0, top - h, x1, top - h, self.rule))
            page.rules.append(Rule(x1, top, x1, top - h, self.rule))
        pag.cursor = top - h
