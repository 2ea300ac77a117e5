"""The page tree: what the typesetter produces and the renderer draws.

Positions are in points with the origin at the bottom-left corner of the trimmed page
(the renderer adds the bleed offset in print mode). A ``Page`` holds placed text lines
(glyphs with their faces, as set by the line breaker), rules, boxes, links, bookmark
anchors, images and vertical (Mongolian) text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from editor.typeset.linebreak import Line


@dataclass
class PlacedLine:
    """A set line drawn with its left edge at ``x`` and its baseline at ``y``.

    ``kind`` says what the line belongs to (body, title, table, contents, head, folio,
    cover …); proofing uses it, and ``measure`` is the width the line had to fit.
    """

    x: float
    y: float
    line: Line
    kind: str = "body"

    @property
    def right(self) -> float:
        """Where the last glyph ends."""
        if not self.line.glyphs:
            return self.x + self.line.x0
        g = self.line.glyphs[-1]
        return self.x + g.x + g.width

    @property
    def measure_right(self) -> float:
        """The right edge of the measure the line was set to."""
        return self.x + self.line.x0 + self.line.measure


@dataclass
class Rule:
    """A straight line from (x0, y0) to (x1, y1); colour "black" or "red"; dots for leaders."""

    x0: float
    y0: float
    x1: float
    y1: float
    width: float = 0.5
    color: str = "black"
    dotted: bool = False
    kind: str = ""  # "head" for the rule under a running head


@dataclass
class Box:
    """A rectangle outline (table cell borders are drawn as rules, not boxes)."""

    x: float
    y: float
    w: float
    h: float
    width: float = 0.5
    color: str = "black"
    fill: str = ""


@dataclass
class Link:
    """A clickable area that jumps to the anchor ``target``."""

    x0: float
    y0: float
    x1: float
    y1: float
    target: str


@dataclass
class Anchor:
    """A bookmark destination: ``key`` for links, ``title``/``level`` for the outline."""

    key: str
    y: float
    title: str
    level: int


@dataclass
class VGlyph:
    """One shaped glyph of vertical text: glyph id and its offsets along the column (pt)."""

    gid: int
    advance: float
    x_offset: float
    y_offset: float


@dataclass
class VerticalText:
    """A column of shaped text rotated 90° clockwise: top at (x, y), running downwards.

    ``x`` is the column's centre line; ``text`` is the real text it stands for (written
    as ActualText so copy and search work); ``face`` the reportlab font name.
    """

    x: float
    y: float
    text: str
    face: str
    size: float
    glyphs: list[VGlyph] = field(default_factory=list)


@dataclass
class PlacedImage:
    """An image of the issue (``ref``) scaled into the box (x, y, w, h)."""

    ref: str
    x: float
    y: float
    w: float
    h: float


@dataclass
class Page:
    """One page of the issue.

    ``kind``: cover, title-page, contents, body, blank, imprint. ``number``: the printed
    page number (``None`` when unnumbered); ``section``: the column name for the running
    head; ``index``: position in the PDF (0-based).
    """

    width: float
    height: float
    kind: str
    index: int = 0
    number: int | None = None
    section: str = ""
    landscape: bool = False
    lines: list[PlacedLine] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    boxes: list[Box] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    anchors: list[Anchor] = field(default_factory=list)
    vertical: list[VerticalText] = field(default_factory=list)
    images: list[PlacedImage] = field(default_factory=list)
    # a landscape page's running head and page number as they stand on the portrait sheet
    # (print mode turns the page's content, not these)
    upright: Page | None = None

    @property
    def blank(self) -> bool:
        """True when nothing is drawn on the page."""
        return not (self.lines or self.rules or self.boxes or self.vertical or self.images)


@dataclass
class Book:
    """The page tree of a whole issue plus what the build reports about it."""

    pages: list[Page]
    title: str
    document_pages: dict[str, int] = field(default_factory=dict)  # uid -> printed number
    document_index: dict[str, int] = field(default_factory=dict)  # uid -> PDF page index
    passes: int = 1
    notes: list[str] = field(default_factory=list)  # what the typesetter had to leave out
