"""A whole issue as a page tree: cover, title page, contents, body, imprint.

``typeset_issue`` composes the documents into flow items, paginates the body (numbered
from the layout's first body page, odd pages on the right), adds running heads and page
numbers, lays out the contents with the real page numbers (again until they are stable)
and assembles the front matter so that the first body page is a right-hand page.
"""

from __future__ import annotations

from collections.abc import Callable

from editor.model import Issue, Publication
from editor.typeset.compose import Composer
from editor.typeset.contents import Entry, contents_pages
from editor.typeset.cover import cover_page, imprint_page
from editor.typeset.flow import Item, Paginator
from editor.typeset.fonts import FontRegistry
from editor.typeset.layout import MM, Layout
from editor.typeset.pages import Anchor, Book, Page, PlacedLine
from editor.typeset.text import Setter

Progress = Callable[[float, str], None]


def _heads_and_folios(setter: Setter, layout: Layout, pub: Publication, issue: Issue, page: Page,
                      blank_ok: bool = False) -> None:
    """Running head (column name) and page number ``— N —`` on a non-blank body page
    (``blank_ok``: on an empty page that stands for a landscape page's portrait sheet)."""
    if (page.blank and not blank_ok) or page.number is None:
        page.number = None if page.blank else page.number
        return
    rh = layout.section("running_head")
    pn = layout.section("page_number")
    odd = page.number % 2 == 1
    if page.landscape:
        left = layout.margin_top
        width = layout.area_height
        top = page.height - (layout.page_width - layout.measure - layout.left_margin(0 if odd else 1))
        bottom_area = layout.left_margin(0 if odd else 1)
    else:
        left = layout.left_margin(0 if odd else 1) if layout.section("page")["facing"] else layout.left_margin(0)
        width = layout.measure
        top = page.height - layout.margin_top
        bottom_area = layout.margin_bottom
    if rh["enabled"] and page.section:
        st = layout.style("running_head")
        text = rh["text"].format(section=page.section, publication=pub.title, year=issue.year,
                                 number=issue.number)
        align = "center" if rh["position"] == "center" else ("right" if odd else "left")
        base = top + rh["offset_mm"] * MM
        for line in setter.lines(text, st, width, indent=0, hanging=0, align=align, right_indent=0)[:1]:
            page.lines.append(PlacedLine(left, base, line, "head"))
        if rh["rule"]:
            from editor.typeset.pages import Rule

            y = base - st.size * 0.25 - rh["rule_gap_mm"] * MM / 2
            page.rules.append(Rule(left, y, left + width, y, 0.5, kind="head"))
    st = layout.style("page_number")
    text = pn["format"].format(n=page.number)
    inset = pn["inset_chars"] * st.size
    if pn["position"] == "center":
        align, x, w = "center", left, width
    elif odd:
        align, x, w = "right", left, width - inset
    else:
        align, x, w = "left", left + inset, width - inset
    base = bottom_area - pn["offset_mm"] * MM
    for line in setter.lines(text, st, w, indent=0, hanging=0, align=align, right_indent=0)[:1]:
        page.lines.append(PlacedLine(x, base, line, "folio"))


def typeset_body(setter: Setter, layout: Layout, issue: Issue) -> tuple[list[Page], Composer]:
    """Paginate every document of the issue into numbered body pages."""
    composer = Composer(layout, setter, issue)
    first = layout.section("page")["first_body_page"]
    pages: list[Page] = []

    def make_page(landscape: bool) -> Page:
        w, h = layout.page_width, layout.page_height
        if landscape:
            w, h = h, w
        page = Page(w, h, "body", number=first + len(pages), landscape=landscape)
        pages.append(page)
        return page

    items: list[Item] = []
    for s_index, section in enumerate(issue.sections):
        for d_index, doc in enumerate(section.documents):
            anchor = Anchor(f"sec-{s_index}", 0.0, section.name, 0) if d_index == 0 else None
            items += composer.document(doc, section.name, anchor)
    Paginator(layout, make_page).run(items)
    return pages, composer


def _entries(issue: Issue, doc_pages: dict[str, int]) -> list[Entry]:
    out: list[Entry] = []
    for section in issue.sections:
        if not section.documents:
            continue
        first = section.documents[0].uid
        if section.name.strip():
            out.append(Entry(section.name, "", doc_pages.get(first), f"doc-{first}"))
        for doc in section.documents:
            title = doc.contents_title()
            if title:  # an untitled document (a new, still empty one) has no contents line
                out.append(Entry(title, doc.uid, doc_pages.get(doc.uid)))
    return out


def typeset_issue(pub: Publication, issue: Issue, layout: Layout, fonts: FontRegistry, *,
                  pad_to: int = 1, progress: Progress | None = None) -> Book:
    """The page tree of an issue; ``pad_to`` pads the page count with blank pages."""
    def report(f: float, msg: str) -> None:
        if progress:
            progress(f, msg)

    setter = Setter(layout, fonts)
    report(0.05, "setting the documents")
    body, composer = typeset_body(setter, layout, issue)
    for page in body:
        if page.blank:
            page.number = None
    report(0.55, "contents and cover")
    doc_pages: dict[str, int] = {}
    for page in body:
        for a in page.anchors:
            if a.key.startswith("doc-") and page.number is not None:
                doc_pages[a.key[4:]] = page.number
    front: list[Page] = []
    notes: list[str] = []
    cover = layout.section("cover")
    if cover["enabled"]:
        front.append(cover_page(setter, layout, pub, issue, notes=notes))
        front[-1].anchors.append(Anchor("cover", layout.page_height, "封面", 0))
        if cover["title_page"]:
            front.append(Page(layout.page_width, layout.page_height, "blank"))
            front.append(cover_page(setter, layout, pub, issue, title_page=True, notes=[]))
    # Lay the contents out until its page numbers (and the front matter) are stable.
    passes = 0
    shown: dict[str, int] | None = None
    contents: list[Page] = []
    while passes < 4:
        passes += 1
        contents = contents_pages(setter, layout, _entries(issue, doc_pages), len(front))
        if shown == doc_pages:
            break
        shown = dict(doc_pages)
    pages = front + contents
    facing = layout.section("page")["facing"]
    if facing and len(pages) % 2 == 1:
        pages.append(Page(layout.page_width, layout.page_height, "blank"))
    for page in body:
        _heads_and_folios(setter, layout, pub, issue, page)
        if page.landscape and page.number is not None:
            upright = Page(layout.page_width, layout.page_height, "body", number=page.number,
                           section=page.section)
            _heads_and_folios(setter, layout, pub, issue, upright, blank_ok=True)
            page.upright = upright
    pages += body
    back: list[Page] = []
    if layout.section("imprint")["enabled"]:
        back.append(imprint_page(setter, layout, pub, issue))
    if facing and back and (len(pages) + len(back)) % 2 == 1:
        pages.append(Page(layout.page_width, layout.page_height, "blank"))
    while pad_to > 1 and (len(pages) + len(back)) % pad_to:
        pages.append(Page(layout.page_width, layout.page_height, "blank"))
    pages += back
    for i, page in enumerate(pages):
        page.index = i
        if page.kind == "blank":
            page.number = None
    doc_index: dict[str, int] = {}
    for page in pages:
        for a in page.anchors:
            if a.key.startswith("doc-"):
                doc_index[a.key[4:]] = page.index
    report(0.6, f"{len(pages)} pages")
    return Book(pages, pub.title, doc_pages, doc_index, passes, notes)
