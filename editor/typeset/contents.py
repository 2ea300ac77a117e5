"""The contents (目录): grouped by column, title, dotted leader and page number.

A column heading carries the page its first document starts on. Long titles wrap with a
hanging indent; the page number sits at the right edge of the
measure on the entry's last line, a leader of dots (set as text) runs from the title to it, and the
whole entry is a link to the document. The page numbers are the ones the body pages
really carry (``book.py`` lays the contents out again until they are stable).
"""

from __future__ import annotations

from dataclasses import dataclass

from editor.typeset.layout import Layout
from editor.typeset.linebreak import Glyph, Line
from editor.typeset.pages import Anchor, Link, Page, PlacedLine
from editor.typeset.text import Setter

LEADER = "."


def _leader(setter: Setter, role: str, size: float, width: float) -> Line | None:
    """A dot leader of ``width`` pt as text: a row of periods half an em apart.

    Set as characters (not a drawn dotted rule) so that the entry reads as one line from its
    title to its page number: text extraction and line checks see a full line, and a reader
    copying the contents gets "title……page".
    """
    face = setter.fonts.pick(role, LEADER)
    step = max(0.5 * size, face.advance(LEADER, size))
    n = int((width + 1e-6) // step)
    if n < 2:
        return None
    glyphs = [Glyph(k * step, LEADER, face.name, size, face.advance(LEADER, size)) for k in range(n)]
    natural = (n - 1) * step + glyphs[-1].width
    return Line(glyphs, 0.0, natural, natural, False, True, size)


@dataclass
class Entry:
    """One contents line: a column heading (``uid`` empty) or a document with its page."""

    title: str
    uid: str = ""
    page: int | None = None
    anchor: str = ""  # link target of a column heading (its first document)


def contents_pages(setter: Setter, layout: Layout, entries: list[Entry], first_index: int) -> list[Page]:
    """Lay the contents out on as many pages as it needs (unnumbered front matter)."""
    conf = layout.section("contents")
    w, h = layout.page_width, layout.page_height
    t_style = layout.style("contents_title")
    s_style = layout.style("contents_section")
    e_style = layout.style("contents_entry")
    measure = layout.measure
    num_w = conf["number_width_chars"] * e_style.size
    pages: list[Page] = []
    state = {"y": 0.0}

    def new_page() -> Page:
        page = Page(w, h, "contents", index=first_index + len(pages))
        pages.append(page)
        state["y"] = h - layout.margin_top
        return page

    def left_of(page: Page) -> float:
        return layout.left_margin(page.index)

    page = new_page()
    page.anchors.append(Anchor("contents", state["y"], "目录", 0))
    tl = setter.title(conf["title"], t_style, measure, kind="contents-title")
    for line in tl.lines:
        page.lines.append(PlacedLine(left_of(page), state["y"] - tl.pitch / 2 - 0.38 * t_style.size,
                                     line, "contents-title"))
        state["y"] -= tl.pitch
    state["y"] -= tl.space_after
    bottom = layout.margin_bottom
    for entry in entries:
        heading = not entry.uid
        style = s_style if heading else e_style
        if heading:
            ls = setter.lines(entry.title, style, measure - num_w - style.size, indent=0, hanging=0,
                              align="left", right_indent=0)
            need = style.space_before * setter.pitch + style.pitch * len(ls) + e_style.pitch
            if state["y"] - need < bottom:
                page = new_page()
            else:
                state["y"] -= style.space_before * setter.pitch
        else:
            ls = setter.lines(entry.title, style, measure - num_w - style.size, align="left")
            if state["y"] - style.pitch * len(ls) < bottom:
                page = new_page()
        left = left_of(page)
        top = state["y"]
        base = top
        for line in ls:
            base = state["y"] - style.pitch / 2 - 0.38 * style.size
            page.lines.append(PlacedLine(left, base, line, "contents-section" if heading else "contents"))
            state["y"] -= style.pitch
        number = "" if entry.page is None else str(entry.page)
        if number:
            nl = setter.lines(number, style, num_w, indent=0, hanging=0, align="right", right_indent=0)
            if nl:
                page.lines.append(PlacedLine(left + measure - num_w, base, nl[0], "contents-number"))
            if conf["leader"] == "dots" and ls:
                x0 = PlacedLine(left, base, ls[-1]).right + style.size * 0.25
                x1 = left + measure - (nl[0].natural if nl else 0) - style.size * 0.25
                leader = _leader(setter, style.role, style.size, x1 - x0)
                if leader is not None:
                    page.lines.append(PlacedLine(x1 - leader.natural, base, leader, "contents-leader"))
        target = entry.uid and f"doc-{entry.uid}" or entry.anchor
        if target:
            page.links.append(Link(left, state["y"], left + measure, top, target))
        if heading:
            state["y"] -= style.space_after * setter.pitch
    return pages
