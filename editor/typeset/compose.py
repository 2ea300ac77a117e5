"""From documents to flow items: title block, body blocks, signing date, attachments.

``Composer.document`` returns the flow items of one document in print order, each
element in its layout style: the title (broken between words), document number,
addressees, body blocks (headings in their faces, run-in headings as one paragraph of
two spans, tables, name lists, chronicle entries, images), signing date right-aligned
with its indent from the right edge, the publication note, the enclosed text of a 印发
notice on the same page and labelled attachments from a new page.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace

from editor.core.dates import format_date
from editor.core.patterns import ATTACHMENT_NOTE_HEAD
from editor.errors import ContentError
from editor.model import (
    Attachment,
    ChronicleEntry,
    Document,
    Heading,
    Image,
    Issue,
    NameList,
    Note,
    Paragraph,
    Table,
)
from editor.model.blocks import Block
from editor.typeset.flow import Flowable, Item, Lines, NewPage, Paginator
from editor.typeset.layout import MM, Layout, Style
from editor.typeset.linebreak import Glyph, Line, strip_invisible
from editor.typeset.pages import Anchor, PlacedImage
from editor.typeset.tables import TableFlow, fit_table
from editor.typeset.text import Setter

_PARA_STYLES = {"body": "body", "attachment-note": "attachment_note", "closing": "closing"}
_NOTE_HEAD = re.compile(rf"^({ATTACHMENT_NOTE_HEAD})?(\d+[.．、]\s*)?")


class ImageFlow(Flowable):
    """An image scaled to its width (or the measure), with an optional caption below."""

    def __init__(self, block: Image, data: bytes | None, measure: float, caption: Lines | None):
        self.block = block
        self.caption = caption
        self.ppi = 0.0
        w_px, h_px = 1, 1
        if data:
            try:
                from PIL import Image as PILImage

                with PILImage.open(io.BytesIO(data)) as im:
                    w_px, h_px = im.size
            except Exception:  # an unreadable image is reported by preflight, drawn as a frame
                pass
        width = block.width_mm * MM if block.width_mm else min(measure, w_px * 72.0 / 300.0)
        width = min(width, measure)
        self.w = max(width, 36.0)
        self.h = self.w * h_px / w_px
        self.ppi = w_px / (self.w / 72.0)

    def caption_height(self) -> float:
        return self.caption.height() if self.caption else 0.0

    def first_height(self) -> float:
        return self.h + self.caption_height()

    def place(self, pag: Paginator) -> None:
        avail = pag.top - pag.bottom - self.caption_height()
        if self.h > avail:  # taller than a page (with its caption): scale down to fit
            scale = max(avail, 36.0) / self.h
            self.w, self.h = self.w * scale, self.h * scale
        if self.first_height() > pag.room() + 0.01 and not pag.empty:
            pag.new_page()
        assert pag.page is not None
        x = pag.left + (pag.width - self.w) / 2
        pag._flush_anchors(pag.cursor)
        pag.page.images.append(PlacedImage(self.block.ref, x, pag.cursor - self.h, self.w, self.h))
        pag.cursor -= self.h
        if self.caption:
            for line in self.caption.lines:
                pag.place_line(line, self.caption.x, self.caption.pitch, self.caption.size, "caption")


class Composer:
    """Turns the documents of an issue into flow items in one layout."""

    def __init__(self, layout: Layout, setter: Setter, issue: Issue):
        self.layout = layout
        self.setter = setter
        self.issue = issue
        self.measure = layout.measure
        self.images_placed: list[ImageFlow] = []
        self.doc_title = ""

    def st(self, name: str) -> Style:
        return self.layout.style(name)

    # -- documents ----------------------------------------------------------------------------
    def document(self, doc: Document, section: str, section_anchor: Anchor | None) -> list[Item]:
        """The flow items of one document, starting on a new page as the layout says."""
        items: list[Item] = []
        self.doc_title = doc.title.strip() or "(untitled)"
        start = self.layout.section("page")["documents_start"]
        if start != "continue" or section_anchor is not None:
            items.append(NewPage(recto=start == "recto", section=section))
        title = self.setter.title(self.title_text(doc), self.st("title"), self.measure)
        if section_anchor is not None:
            title.anchors.append(section_anchor)
        title.anchors.append(Anchor(f"doc-{doc.uid}", 0.0, doc.contents_title(), 1))
        items.append(title)
        if doc.subtitle:
            items.append(self.setter.para(doc.subtitle, self.st("subtitle"), self.measure,
                                          kind="subtitle", keep_with_next=True))
        if doc.doc_number:
            items.append(self.setter.para(doc.doc_number, self.st("doc_number"), self.measure,
                                          kind="doc-number", keep_with_next=True))
        if doc.addressees:
            items.append(self.setter.para(doc.addressees, self.st("addressees"), self.measure,
                                          keep_with_next=True))
        items += self.blocks(doc.body)
        if doc.signing_date:
            if items and isinstance(items[-1], Lines):
                items[-1].keep_with_next = True  # the date never stands alone on a page
            items.append(self.setter.para(format_date(doc.signing_date), self.st("signing_date"),
                                          self.measure, kind="date", keep_together=True,
                                          keep_with_next=bool(doc.public_note)))
        if doc.public_note:
            items.append(self.setter.para(doc.public_note, self.st("public_note"), self.measure,
                                          kind="note"))
        for n, att in enumerate(doc.attachments):
            items += self.attachment(doc, att, n)
        return items

    def title_text(self, doc: Document) -> str:
        """The title as set: with ``document.title_issuer_line`` the issuing organ of a
        single-issuer title gets a line of its own (包头市人民政府 / 关于…的通知)."""
        title = doc.title.strip()
        if self.layout.section("document")["title_issuer_line"] and len(doc.issuers) == 1:
            issuer = doc.issuers[0].strip()
            rest = title[len(issuer):].strip()
            if issuer and title.startswith(issuer) and rest and "\n" not in title:
                return f"{issuer}\n{rest}"
        return title

    def attachment(self, doc: Document, att: Attachment, n: int) -> list[Item]:
        """An enclosed text (label "") follows on the same page; a labelled one starts a page."""
        items: list[Item] = []
        key = f"att-{doc.uid}-{n}"
        if not att.label:
            if self.layout.section("document")["enclosed_new_page"]:
                items.append(NewPage())
            if att.title:
                t = self.setter.title(att.title, self.st("enclosed_title"), self.measure)
                items.append(t)
            items += self.blocks(att.body)
            return items
        body = list(att.body)
        first_landscape = bool(body) and isinstance(body[0], Table) and body[0].rows and \
            fit_table(body[0], self.layout, self.measure, self.layout.area_height,
                      self.setter.fonts)[1]
        items.append(NewPage(landscape=bool(first_landscape)))
        label = self.setter.para(att.label, self.st("label"), self.measure, kind="label",
                                 keep_with_next=True, indent=0, align="left")
        label.anchors.append(Anchor(key, 0.0, f"{att.label}　{att.title}".strip(), 2))
        items.append(label)
        measure = self.layout.area_height if first_landscape else self.measure
        if att.title:
            items.append(self.setter.title(att.title, self.st("attachment_title"), measure))
        if first_landscape:  # label, title and table share the landscape page
            items += self.table(body[0], on_landscape=True)
            body = body[1:]
        items += self.blocks(body)
        return items

    # -- body blocks ----------------------------------------------------------------------------
    def blocks(self, blocks: list[Block]) -> list[Item]:
        """Flow items of a list of body blocks."""
        items: list[Item] = []
        for b in blocks:
            items += self.block(b)
        return items

    def block(self, b: Block) -> list[Item]:
        s = self.setter
        m = self.measure
        if isinstance(b, Heading):
            level = min(max(b.level, 1), 4)
            hstyle = self.st(f"heading{level}")
            if b.run_in:
                return [s.para([(b.text, hstyle), (b.body, self.st("body"))], self.st("body"), m)]
            return [s.para(b.text, hstyle, m, kind=f"heading{level}", keep_with_next=True)]
        if isinstance(b, Paragraph) and b.role == "attachment-note":
            return self.attachment_note(b)
        if isinstance(b, Paragraph):
            style = self.st(_PARA_STYLES.get(b.role, "body"))
            kw: dict = {}
            if b.align != "justify":
                kw["align"] = b.align
            if not b.indent:
                kw["indent"] = 0
            return [s.para(b.text, style, m, **kw)]
        if isinstance(b, Note):
            return [s.para(b.text, self.st("note"), m, kind="note")]
        if isinstance(b, Table):
            return self.table(b)
        if isinstance(b, NameList):
            return self.name_list(b)
        if isinstance(b, ChronicleEntry):
            date = f"{b.mark}{' ' if b.mark else ''}{b.date}" if b.mark else b.date
            return [s.para([(date, self.st("chronicle_date")), (b.text, self.st("chronicle"))],
                           self.st("chronicle"), m)]
        if isinstance(b, Image):
            cap = s.para(b.caption, self.st("note"), m, kind="caption", align="center", indent=0) \
                if b.caption else None
            flow = ImageFlow(b, self.issue.images.get(b.ref), m, cap)
            self.images_placed.append(flow)
            return [flow]
        raise TypeError(f"not a body block: {b!r}")

    def attachment_note(self, b: Paragraph) -> list[Item]:
        """附件：1.… with each attachment on its own line (GB/T 9704 7.3.4).

        "附件：" sits at the style's indent; the items after the first (2.… on their own
        line, or after a line break in the text) align with the first item's number, and a
        wrapped name aligns with the first character of the name.
        """
        st = self.st("attachment_note")
        em = self.setter.em(st)
        face_w = self.setter.fonts.pick(st.role, "1")
        items: list[Item] = []
        for k, part in enumerate(p.strip() for p in b.text.split("\n")):
            if not part:
                continue
            m = _NOTE_HEAD.match(part)
            label, number = m.group(1) or "", m.group(2) or ""
            indent = st.indent if (label or (k == 0 and not b.indent)) else st.indent + st.hanging
            if not b.indent and label:
                indent = 0
            label_ems = sum(face_w.advance(ch, st.size) for ch in label) / em if label else 0.0
            num_ems = sum(self.setter.fonts.pick(st.role, ch).advance(ch, st.size) for ch in number) / em
            hanging = label_ems + num_ems
            if not label and indent == st.indent:
                hanging = num_ems
            items.append(self.setter.para(part, st, self.measure, indent=indent,
                                          hanging=max(hanging, 1e-6)))
        return items

    def table(self, t: Table, on_landscape: bool = False) -> list[Item]:
        """A table at the size and orientation the layout's ``too_wide`` answer gives.

        ``on_landscape``: the current page is already the landscape page for it.
        """
        if not t.rows:
            return []
        try:
            t.grid()
        except ValueError as exc:  # spans that overlap or run past the table
            raise ContentError(f"a table in the document “{self.doc_title}” cannot be set: {exc}") from None
        portrait = self.measure
        landscape = self.layout.area_height
        size, land = fit_table(t, self.layout, portrait, landscape, self.setter.fonts)
        items: list[Item] = []
        if land and not on_landscape:
            items.append(NewPage(landscape=True))
        if t.caption:
            cap = self.st("table_caption")
            items.append(self.setter.title(t.caption, cap, landscape if land else portrait,
                                           kind="caption"))
        items.append(TableFlow(t, self.setter, self.layout, landscape if land else portrait, size))
        if land:
            items.append(NewPage(landscape=False))
        return items

    def name_list(self, nl: NameList) -> list[Item]:
        """任免 lines: names padded to a fixed width, duties wrapped under the duty column."""
        st = self.st("name_list")
        body = self.st("body")
        style = replace(body, size=st.size) if abs(st.size - body.size) > 1e-9 else body
        em = self.setter.em(style)
        fonts = self.setter.fonts
        indent = st.indent * em
        measure = min(self.measure, st.measure_chars * em) if st.measure_chars else self.measure
        # names longer than the layout's name column (欧阳明远) widen it for the whole list,
        # so the duties still align and never touch a name
        name_chars = max([st.name_chars] + [len(strip_invisible(e.name).strip()) for e in nl.entries])
        name_w = name_chars * em
        duty_x = indent + name_w + st.gap * em
        items: list[Item] = []
        for e in nl.entries:
            name = strip_invisible(e.name).strip()
            n = len(name)
            if 1 < n < st.name_chars:
                step = (st.name_chars - 1) / (n - 1)  # 刘 荣: first and last cell (as printed)
                xs = [indent + k * step * em for k in range(n)]
            else:
                xs = [indent + k * em for k in range(n)]
            glyphs = []
            for ch, x in zip(name, xs):
                face = fonts.pick(style.role, ch)
                glyphs.append(Glyph(x, ch, face.name, style.size, face.advance(ch, style.size)))
            duty = self.setter.lines(e.duty, style, measure - duty_x, indent=0, hanging=0,
                                     align="justify", right_indent=0)
            lines: list[Line] = []
            for k, ln in enumerate(duty):
                gl = [replace(g, x=g.x + duty_x) for g in ln.glyphs]
                if k == 0:
                    gl = glyphs + gl
                lines.append(replace(ln, glyphs=gl, x0=ln.x0 + duty_x))
            if not duty:
                lines.append(Line(glyphs, indent, measure - indent, 0.0, False, True, style.size))
            items.append(Lines(lines, style.pitch, style.size, kind="namelist", keep_together=len(lines) <= 3))
        return items
