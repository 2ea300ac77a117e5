"""Pagination: pour flow items (set paragraphs, tables, breaks) into body pages.

The composer (``compose.py``) turns documents into a list of flow items; ``Paginator``
places them top to bottom in the type area of numbered body pages, starting new pages
where documents and attachments ask for it, keeping headings with what follows, and
never leaving a single line of a paragraph alone at the top or the bottom of a page.
Tables are split between rows with their header rows repeated (see ``tables.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from editor.typeset.layout import MM, Layout
from editor.typeset.linebreak import Line
from editor.typeset.pages import Anchor, Page, PlacedLine

BASELINE_FROM_CENTRE = 0.38  # the ideographic em box sits 0.38 em above the baseline at its centre


@dataclass
class Lines:
    """A paragraph (or title, label …) already broken into lines.

    ``x`` is the left offset from the type area; ``pitch`` the line pitch; spaces are in pt.
    ``keep_with_next``: never the last thing on a page; ``keep_together``: never split.
    """

    lines: list[Line]
    pitch: float
    size: float
    x: float = 0.0
    space_before: float = 0.0
    space_after: float = 0.0
    kind: str = "body"
    keep_with_next: bool = False
    keep_together: bool = False
    anchors: list[Anchor] = field(default_factory=list)

    def height(self, n: int | None = None) -> float:
        return self.pitch * (len(self.lines) if n is None else n)


@dataclass
class NewPage:
    """Start a new page: ``recto`` = the next odd page; ``landscape`` for a wide table."""

    recto: bool = False
    landscape: bool = False
    section: str | None = None  # the column name for running heads from here on
    if_not_empty: bool = True


@dataclass
class Space:
    """Vertical space in pt (dropped at the top of a page)."""

    height: float


class Flowable:
    """Something that places itself, possibly over several pages (tables)."""

    def place(self, pag: Paginator) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def first_height(self) -> float:  # pragma: no cover - interface
        """Height of the smallest piece that may start a page (for keep-with-next)."""
        raise NotImplementedError


Item = Lines | NewPage | Space | Flowable


class Paginator:
    """Places flow items on body pages created by ``make_page``."""

    def __init__(self, layout: Layout, make_page: Callable[[bool], Page]):
        self.layout = layout
        self.make_page = make_page
        p = layout.section("page")
        self.min_top = max(1, p["min_lines_at_top"])
        self.min_bottom = max(1, p["min_lines_at_bottom"])
        self.pages: list[Page] = []
        self.page: Page | None = None
        self.cursor = 0.0
        self.bottom = 0.0
        self.left = 0.0
        self.width = 0.0
        self.landscape = False
        self.pending_anchors: list[Anchor] = []
        self.section = ""
        self.top = 0.0

    # -- pages ----------------------------------------------------------------------------
    def new_page(self, landscape: bool | None = None) -> Page:
        """Open the next page; its type area becomes the frame."""
        if landscape is None:
            landscape = self.landscape
        self.landscape = landscape
        page = self.make_page(landscape)
        page.section = self.section
        self.pages.append(page)
        self.page = page
        lay = self.layout
        if landscape:
            # the type area turned by 90°: the book's top and bottom margins become the sides
            self.left = lay.margin_top
            self.width = lay.area_height
            self.cursor = page.height - self._right_margin(page)
            self.bottom = self._left_margin(page)
        else:
            self.left = self._left_margin(page)
            self.width = lay.measure
            self.cursor = page.height - lay.margin_top
            self.bottom = lay.margin_bottom
        self.top = self.cursor
        return page

    def _left_margin(self, page: Page) -> float:
        p = self.layout.section("page")
        odd = (page.number or 1) % 2 == 1
        inside, outside = p["margin_inside_mm"], p["margin_outside_mm"]
        if not p["facing"] or odd:
            return inside * MM
        return outside * MM

    def _right_margin(self, page: Page) -> float:
        p = self.layout.section("page")
        return p["width_mm"] * MM - self._left_margin(page) - self.layout.measure

    @property
    def empty(self) -> bool:
        """Nothing placed yet on the current page (below the top of the frame)."""
        return self.page is None or self.cursor >= self.top - 0.01

    def room(self) -> float:
        return self.cursor - self.bottom

    def ensure_page(self) -> None:
        if self.page is None:
            self.new_page()

    # -- placing ----------------------------------------------------------------------------
    def place_line(self, line: Line, x: float, pitch: float, size: float, kind: str) -> None:
        """Put one line at the cursor and move the cursor down by its pitch."""
        assert self.page is not None
        baseline = self.cursor - pitch / 2 - BASELINE_FROM_CENTRE * size
        self.page.lines.append(PlacedLine(self.left + x, baseline, line, kind))
        self._flush_anchors(self.cursor)
        self.cursor -= pitch

    def add_anchor(self, anchor: Anchor) -> None:
        """Attach a bookmark to whatever is placed next."""
        self.pending_anchors.append(anchor)

    def _flush_anchors(self, y: float) -> None:
        if self.pending_anchors and self.page is not None:
            for a in self.pending_anchors:
                a.y = y
                self.page.anchors.append(a)
            self.pending_anchors = []

    def skip(self, height: float) -> None:
        """Move the cursor down (space); dropped at the top of a page."""
        if not self.empty:
            self.cursor -= min(height, max(self.room(), 0.0))

    def run(self, items: list[Item]) -> list[Page]:
        """Place all items; returns the pages made."""
        for i, item in enumerate(items):
            if isinstance(item, NewPage):
                self._break(item)
            elif isinstance(item, Space):
                self.ensure_page()
                self.skip(item.height)
            elif isinstance(item, Lines):
                self.ensure_page()
                self._place_lines(item, items, i)
            else:
                self.ensure_page()
                if item.first_height() > self.room() and not self.empty:
                    self.new_page()
                item.place(self)
        if self.pending_anchors:
            # a document with nothing to print (no title, no body) still needs its bookmark
            # and link target: it points at where it would have started
            self.ensure_page()
            self._flush_anchors(self.cursor)
        return self.pages

    def _break(self, item: NewPage) -> None:
        if self.page is None:
            self.new_page(item.landscape)
        elif not (self.empty and item.if_not_empty and self.landscape == item.landscape):
            self.new_page(item.landscape)
        if item.recto and (self.page.number or 1) % 2 == 0:
            self.new_page(item.landscape)
        if item.section is not None:
            self.section = item.section
            self.page.section = item.section

    def _follow_height(self, items: list[Item], i: int) -> float:
        """Height that must follow item i on the same page (keep-with-next chains)."""
        total = 0.0
        j = i + 1
        while j < len(items):
            nxt = items[j]
            if isinstance(nxt, Space):
                total += nxt.height
            elif isinstance(nxt, Lines):
                n = len(nxt.lines) if nxt.keep_together else min(len(nxt.lines), self.min_bottom)
                total += nxt.space_before + nxt.height(n)
                if not nxt.keep_with_next:
                    return total
            elif isinstance(nxt, Flowable):
                return total + nxt.first_height()
            else:
                return total
            j += 1
        return total

    def _place_lines(self, item: Lines, items: list[Item], i: int) -> None:
        before = 0.0 if self.empty else item.space_before
        n = len(item.lines)
        need_all = before + item.height()
        first_limit = n
        follow = self._follow_height(items, i) if item.keep_with_next else 0.0
        if not self.empty:
            if item.keep_together or n <= self.min_bottom + self.min_top - 1:
                if need_all + follow > self.room():
                    self.new_page()
                    before = 0.0
            else:
                fit = int((self.room() - before + 1e-6) // item.pitch)
                if fit < min(n, self.min_bottom):
                    self.new_page()
                    before = 0.0
                elif fit >= n and need_all + follow > self.room() and item.keep_with_next:
                    # the paragraph fits but what must follow it does not: carry its last
                    # lines over with it (or the whole paragraph when it is too short)
                    if n - self.min_top >= self.min_bottom:
                        first_limit = n - self.min_top
                    else:
                        self.new_page()
                        before = 0.0
        self.skip(before)
        for a in item.anchors:
            self.add_anchor(a)
        k = 0
        while k < n:
            fit = int((self.room() + 1e-6) // item.pitch)
            rest = n - k
            if k == 0 and first_limit < n:
                take = first_limit
            elif fit >= rest:
                take = rest
            else:
                take = fit
                if rest - take < self.min_top:
                    take = rest - self.min_top
                if take < self.min_bottom and not (self.empty and take <= 0):
                    take = 0 if not self.empty else max(fit, 1)
                if take <= 0:
                    if self.empty:
                        take = max(fit, 1)  # a paragraph taller than a page: no choice
                    else:
                        self.new_page()
                        continue
            for line in item.lines[k:k + take]:
                self.place_line(line, item.x, item.pitch, item.size, item.kind)
            k += take
            if k < n:
                self.new_page()
        if not self.empty:
            self.cursor -= min(item.space_after, max(self.room(), 0.0))
