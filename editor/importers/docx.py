"""Word (.docx) import with lxml: paragraphs, numbering, tables with spans, images.

The main document part is read in order; headers, footers, comments, footnotes and text
boxes are left out. Tracked changes are resolved as accepted (``w:ins``/``w:moveTo`` kept,
``w:del``/``w:moveFrom`` dropped). Word's automatic numbering becomes the numbering text
(see :mod:`editor.importers.numbering`), tables keep their merged cells (``gridSpan``,
``vMerge``) as spans, images are checked with Pillow and returned with the result. The
paragraph texts then go through the same structurer as pasted text.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import re
import warnings

from lxml import etree

from editor.core.findings import Finding
from editor.errors import ImportRefused
from editor.importers.bodytext import guess_header_rows, heading_level
from editor.importers.head import is_title_end
from editor.importers.normalize import Report, clean_line, ends_sentence, remove_debris
from editor.importers.numbering import Numbering
from editor.importers.package import Package, sniff
from editor.importers.result import Deadline, ParseResult
from editor.importers.structurer import structure
from editor.model import Block, Heading, Image, Paragraph, Table, TableCell

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
V = "{urn:schemas-microsoft-com:vml}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
EMU_PER_MM = 36000
MAX_IMAGE_BYTES = 30 * 1024 * 1024
MAX_IMAGE_PIXELS = 60_000_000
IMAGE_FORMATS = {"PNG", "JPEG", "GIF", "BMP", "TIFF", "WEBP"}

# elements whose content is not part of the accepted text
_SKIP = {
    f"{W}del", f"{W}moveFrom", f"{W}delText", f"{W}instrText", f"{W}rPr", f"{W}pPr", f"{W}tcPr", f"{W}trPr",
    f"{W}tblPr", f"{W}sectPr", f"{W}commentReference", f"{W}commentRangeStart", f"{W}commentRangeEnd",
    f"{W}footnoteReference", f"{W}endnoteReference", f"{W}annotationRef", f"{W}txbxContent",
    f"{W}delInstrText", f"{W}proofErr", f"{W}bookmarkStart", f"{W}bookmarkEnd", f"{MC}Fallback",
    f"{W}object", f"{W}fldData",
}
_JC = {"center": "center", "right": "right", "end": "right", "left": "left", "start": "left", "both": "justify",
       "distribute": "justify"}

__all__ = ["parse_docx", "sniff"]


class _Reader:
    def __init__(self, pkg: Package, report: Report, check) -> None:
        self.pkg = pkg
        self.report = report
        self.check = check
        self.main = pkg.main_part()
        self.rels = pkg.relationships(self.main)
        folder = posixpath.dirname(self.main)
        self.numbering = Numbering(self._optional_xml(self._rel_target("numbering", posixpath.join(folder, "numbering.xml"))))
        self.style_levels: dict[str, int] = {}
        self.styles = self._read_styles(
            self._optional_xml(self._rel_target("styles", posixpath.join(folder, "styles.xml"))), self.style_levels)
        self.images: dict[str, bytes] = {}
        self.count = 0
        self.align_hints: dict[str, str] = {}  # paragraph text -> centre/right alignment
        self.heading_hints: dict[str, int] = {}  # unnumbered paragraph in a heading style -> level

    def _rel_target(self, kind: str, default: str) -> str:
        for rtype, target in self.rels.values():
            if rtype.endswith("/" + kind):
                return target
        return default

    def _optional_xml(self, part: str) -> etree._Element | None:
        return self.pkg.xml(part) if self.pkg.has(part) else None

    @staticmethod
    def _read_styles(root: etree._Element | None, levels: dict[str, int]) -> dict[str, tuple[str, str, str]]:
        """style id -> (numId, ilvl, basedOn); heading styles' levels go into ``levels``."""
        out: dict[str, tuple[str, str, str]] = {}
        if root is None:
            return out
        for st in root.findall(f"{W}style"):
            sid = st.get(f"{W}styleId", "")
            name = st.find(f"{W}name")
            level = _outline_level(st.find(f"{W}pPr"), name.get(f"{W}val", "") if name is not None else "")
            if level:
                levels[sid] = level
            num = st.find(f"{W}pPr/{W}numPr")
            num_id = ilvl = ""
            if num is not None:
                n, lv = num.find(f"{W}numId"), num.find(f"{W}ilvl")
                num_id = n.get(f"{W}val", "") if n is not None else ""
                ilvl = lv.get(f"{W}val", "0") if lv is not None else "0"
            based = st.find(f"{W}basedOn")
            out[sid] = (num_id, ilvl, based.get(f"{W}val", "") if based is not None else "")
        return out

    def _style_numbering(self, style_id: str) -> tuple[str, str]:
        seen = 0
        while style_id and seen < 12:
            num_id, ilvl, based = self.styles.get(style_id, ("", "", ""))
            if num_id:
                return num_id, ilvl or "0"
            style_id = based
            seen += 1
        return "", ""

    # --- body -----------------------------------------------------------------------------

    def items(self) -> list[str | Block]:
        root = self.pkg.xml(self.main)
        body = root.find(f"{W}body")
        if body is None:
            raise ImportRefused(f"{self.pkg.name}: word/document.xml has no body")
        out: list[str | Block] = []
        self._block_children(body, out)
        return out

    def _block_children(self, parent: etree._Element, out: list[str | Block]) -> None:
        for el in parent:
            self.count += 1
            if self.count % 256 == 0:
                self.check()
            tag = el.tag
            if tag == f"{W}p":
                self._paragraph(el, out)
            elif tag == f"{W}tbl":
                out.append(self._table(el))
            elif tag in (f"{W}sdt", f"{W}customXml", f"{W}sdtContent", f"{W}ins", f"{W}moveTo"):
                self._block_children(el, out)

    def _numbering_text(self, p: etree._Element) -> str:
        ppr = p.find(f"{W}pPr")
        num_id = ilvl = ""
        style = ""
        if ppr is not None:
            st = ppr.find(f"{W}pStyle")
            style = st.get(f"{W}val", "") if st is not None else ""
            num = ppr.find(f"{W}numPr")
            if num is not None:
                n, lv = num.find(f"{W}numId"), num.find(f"{W}ilvl")
                num_id = n.get(f"{W}val", "") if n is not None else ""
                ilvl = lv.get(f"{W}val", "0") if lv is not None else ""
        if not num_id and style:
            num_id, style_ilvl = self._style_numbering(style)
            ilvl = ilvl or style_ilvl
        if not num_id:
            return ""
        try:
            level = int(ilvl or "0")
        except ValueError:
            level = 0
        label, sep = self.numbering.label(num_id, level)
        return label + sep if label else ""

    def _style_level(self, style_id: str) -> int:
        seen = 0
        while style_id and seen < 12:
            level = self.style_levels.get(style_id)
            if level:
                return level
            style_id = self.styles.get(style_id, ("", "", ""))[2]
            seen += 1
        return 0

    def _paragraph(self, p: etree._Element, out: list[str | Block]) -> None:
        parts: list[str] = []
        images: list[Block] = []
        self._inline(p, parts, images)
        text = "".join(parts)
        numbered = ""
        if text.strip():
            numbered = self._numbering_text(p)
            text = numbered + text.lstrip(" ")
        ppr = p.find(f"{W}pPr")
        jc = ppr.find(f"{W}jc") if ppr is not None else None
        align = _JC.get(jc.get(f"{W}val", ""), "") if jc is not None else ""
        style = ppr.find(f"{W}pStyle") if ppr is not None else None
        level = _outline_level(ppr, "") or (self._style_level(style.get(f"{W}val", "")) if style is not None else 0)
        for line in text.split("\n"):
            cleaned = clean_line(line, self.report)
            if cleaned:
                out.append(cleaned)
                if align in ("center", "right"):
                    self.align_hints[cleaned] = align
                if level and not numbered:
                    self.heading_hints[cleaned] = level
        out.extend(images)

    def _inline(self, el: etree._Element, parts: list[str], images: list[Block]) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP:
                continue
            if tag == f"{W}t":
                parts.append(child.text or "")
            elif tag in (f"{W}tab", f"{W}ptab"):
                parts.append(" ")
            elif tag in (f"{W}br", f"{W}cr"):
                if child.get(f"{W}type") != "page":
                    parts.append("\n")
            elif tag == f"{W}noBreakHyphen":
                parts.append("-")
            elif tag == f"{W}sym":
                code = child.get(f"{W}char", "")
                try:
                    ch = chr(int(code, 16))
                except ValueError:
                    ch = ""
                if ch and not ("\ue000" <= ch <= "\uf8ff"):
                    parts.append(ch)
            elif tag == f"{W}drawing":
                self._drawing(child, images)
            elif tag == f"{W}pict":
                self._vml(child, images)
            else:
                self._inline(child, parts, images)

    # --- images ---------------------------------------------------------------------------

    def _drawing(self, drawing: etree._Element, images: list[Block]) -> None:
        extent = None
        for ext in drawing.iter(f"{WP}extent"):
            extent = ext
            break
        width_mm = 0.0
        if extent is not None:
            try:
                width_mm = round(int(extent.get("cx", "0")) / EMU_PER_MM, 1)
            except ValueError:
                width_mm = 0.0
        for blip in drawing.iter(f"{A}blip"):
            rid = blip.get(f"{R}embed") or blip.get(f"{R}link")
            self._image(rid, width_mm, images)
            return

    def _vml(self, pict: etree._Element, images: list[Block]) -> None:
        for data in pict.iter(f"{V}imagedata"):
            self._image(data.get(f"{R}id"), 0.0, images)
            return

    def _image(self, rid: str | None, width_mm: float, images: list[Block]) -> None:
        if not rid or rid not in self.rels:
            self.report.add(Finding("image-missing", "warning", "an image refers to a part that is not in the file"))
            return
        part = self.rels[rid][1]
        if not self.pkg.has(part):
            self.report.add(Finding("image-missing", "warning", f"the image {part} is not in the file"))
            return
        if self.pkg.infos[part].file_size > MAX_IMAGE_BYTES:
            raise ImportRefused(f"{self.pkg.name}: the image {part} is too large")
        data = self.pkg.read(part)
        from PIL import Image as PILImage

        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", PILImage.DecompressionBombWarning)
                with PILImage.open(io.BytesIO(data)) as im:
                    fmt = im.format or ""
                    w, h = im.size
                    dpi = im.info.get("dpi", (0, 0))[0] if isinstance(im.info.get("dpi"), tuple) else 0
                    if w * h > MAX_IMAGE_PIXELS:
                        raise ImportRefused(f"{self.pkg.name}: the image {part} has too many pixels ({w}×{h})")
                    im.verify()
        except ImportRefused:
            raise
        except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
            raise ImportRefused(f"{self.pkg.name}: the image {part} is a decompression bomb") from None
        except Exception as exc:  # noqa: BLE001 - Pillow raises many kinds for broken images
            self.report.add(Finding("image-unreadable", "warning", f"the image {part} cannot be read and was left out ({type(exc).__name__})"))
            return
        if fmt not in IMAGE_FORMATS:
            self.report.add(Finding("image-format", "warning", f"the image {part} is in a format ({fmt or 'unknown'}) that cannot be printed; it was left out"))
            return
        if not width_mm and dpi:
            width_mm = round(w / float(dpi) * 25.4, 1)
        ref = hashlib.sha1(data).hexdigest()
        self.images[ref] = data
        images.append(Image(ref=ref, width_mm=width_mm))
        self.report.add(Finding("image-imported", "info", f"image {posixpath.basename(part)} ({w}×{h} px, {fmt}) imported", ref[:12]))

    # --- tables ---------------------------------------------------------------------------

    def _cell_text(self, tc: etree._Element) -> tuple[str, str]:
        texts: list[str] = []
        align = ""
        for p in tc.iter(f"{W}p"):
            parts: list[str] = []
            self._inline(p, parts, [])
            text = "".join(parts)
            if text.strip():
                text = self._numbering_text(p) + text.strip(" ")
                texts.append(clean_line(text.replace("\n", " "), self.report))
                if not align:
                    jc = p.find(f"{W}pPr/{W}jc")
                    if jc is not None:
                        align = _JC.get(jc.get(f"{W}val", ""), "")
        return "\n".join(t for t in texts if t), align

    def _table(self, tbl: etree._Element) -> Table:
        grid = [_int_attr(gc, f"{W}w") for gc in tbl.findall(f"{W}tblGrid/{W}gridCol")]
        raw: list[list[tuple[int, TableCell, str]]] = []  # (column, cell, vmerge state)
        header_rows = 0
        counting_header = True
        for tr in _children(tbl, f"{W}tr"):
            trpr = tr.find(f"{W}trPr")
            is_header = trpr is not None and trpr.find(f"{W}tblHeader") is not None and \
                trpr.find(f"{W}tblHeader").get(f"{W}val", "true") not in ("0", "false", "off")
            if counting_header and is_header:
                header_rows += 1
            else:
                counting_header = False
            col = 0
            if trpr is not None and trpr.find(f"{W}gridBefore") is not None:
                col = _int_attr(trpr.find(f"{W}gridBefore"), f"{W}val")
            row: list[tuple[int, TableCell, str]] = []
            for tc in _children(tr, f"{W}tc"):
                tcpr = tc.find(f"{W}tcPr")
                span = 1
                vstate = ""
                if tcpr is not None:
                    gs = tcpr.find(f"{W}gridSpan")
                    if gs is not None:
                        span = max(1, min(_int_attr(gs, f"{W}val") or 1, 1000))
                    vm = tcpr.find(f"{W}vMerge")
                    if vm is not None:
                        vstate = "restart" if vm.get(f"{W}val") == "restart" else "continue"
                    hm = tcpr.find(f"{W}hMerge")
                    if hm is not None and hm.get(f"{W}val") != "restart":
                        vstate = vstate or ""
                text, align = self._cell_text(tc)
                row.append((col, TableCell(text, 1, span, align), vstate))
                col += span
            raw.append(row)
        ncols = max([len(grid)] + [c + cell.colspan for row in raw for c, cell, _ in row] + [0])
        # vertical merges: a "continue" cell extends the cell above in the same column
        owners: dict[int, TableCell] = {}
        rows: list[list[tuple[int, TableCell]]] = []
        covered: set[tuple[int, int]] = set()
        for r, row in enumerate(raw):
            kept: list[tuple[int, TableCell]] = []
            for col, cell, vstate in row:
                owner = owners.get(col)
                if vstate == "continue" and owner is not None and owner.colspan == cell.colspan:
                    owner.rowspan += 1
                    if cell.text:
                        owner.text = (owner.text + "\n" + cell.text).strip("\n")
                    for cc in range(col, col + cell.colspan):
                        covered.add((r, cc))
                    continue
                kept.append((col, cell))
                if vstate == "restart":
                    owners[col] = cell
                else:
                    owners.pop(col, None)
            rows.append(kept)
        table_rows: list[list[TableCell]] = []
        for r, kept in enumerate(rows):
            used = set(covered_cols for covered_cols in range(ncols) if (r, covered_cols) in covered)
            for col, cell in kept:
                used.update(range(col, col + cell.colspan))
            for c in range(ncols):
                if c not in used:
                    kept.append((c, TableCell("")))
            kept.sort(key=lambda item: item[0])
            table_rows.append([cell for _, cell in kept])
        widths = [float(w) for w in grid] if len(grid) == ncols and all(grid) else []
        if not header_rows:  # Word marks repeating header rows; a converted web page does not
            header_rows = guess_header_rows(table_rows)
        table = Table(rows=table_rows, header_rows=min(header_rows, len(table_rows)), widths=widths)
        try:
            table.grid()
        except ValueError as exc:
            self.report.add(Finding("table-spans-dropped", "warning",
                                    f"a table's merged cells did not fit its grid ({exc}); they were split"))
            for row in table.rows:
                for cell in row:
                    cell.rowspan = cell.colspan = 1
            width = max(len(row) for row in table.rows) if table.rows else 0
            for row in table.rows:
                row.extend(TableCell("") for _ in range(width - len(row)))
            table.widths = []
        return table


def _children(el: etree._Element, tag: str) -> list[etree._Element]:
    """Direct children with ``tag``, looking through content controls and custom XML."""
    out = []
    for child in el:
        if child.tag == tag:
            out.append(child)
        elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}ins"):
            out.extend(_children(child, tag))
    return out


def _int_attr(el: etree._Element | None, name: str) -> int:
    if el is None:
        return 0
    try:
        return int(el.get(name, "0"))
    except ValueError:
        return 0


def parse_docx(data: bytes, name: str = "the file", deadline: Deadline | None = None) -> ParseResult:
    """Read a .docx file's bytes into a :class:`editor.importers.ParseResult`."""
    deadline = deadline or Deadline()
    report = Report()
    if sniff(data) != "zip":
        raise ImportRefused(f"{name} is not a .docx file (not a zip archive)")
    pkg = Package(data, name)
    reader = _Reader(pkg, report, deadline.check)
    try:
        items = _flatten_leading_tables(reader.items(), report)
    except RecursionError:
        raise ImportRefused(f"{name}: the document is nested too deeply to be read") from None
    deadline.check()
    items = _without_debris(items, report)
    join = _lines_look_broken(items)
    if join:
        report.add(Finding("docx-lines-joined", "info", "the Word paragraphs look like lines broken mid-sentence "
                           "(text pasted from a PDF); they were joined into paragraphs"))
    doc = structure(items, report, join=join, check=deadline.check)
    _apply_hints(doc.body, reader)
    for attachment in doc.attachments:
        attachment.body = _apply_hints(attachment.body, reader)
    return ParseResult(doc, report.findings(), reader.images)


def _flatten_leading_tables(items: list[str | Block], report: Report) -> list[str | Block]:
    """Small tables before the title (a letterhead laid out as a table: 文件 header, number,
    签发人) become lines, so that the title and number are read as usual; images there
    (an emblem, a red header) are left out."""
    out: list[str | Block] = []
    for k, item in enumerate(items):
        if k >= 8 or any(isinstance(x, str) and (is_title_end(x) or ends_sentence(x)) for x in items[:k]):
            return out + items[k:]
        if isinstance(item, Table) and len(item.rows) <= 3:
            for row in item.rows:
                out.extend(line for cell in row for line in cell.text.split("\n") if line.strip())
            report.add(Finding("header-table-flattened", "info", "a table above the title was read as plain lines"))
        elif isinstance(item, Image):
            report.add(Finding("header-image-removed", "info", "an image above the title (a letterhead) was left out"))
        else:
            out.append(item)
    return out


def _without_debris(items: list[str | Block], report: Report) -> list[str | Block]:
    """Page numbers and running heads of a PDF whose text was pasted into Word go, as they
    do from plain text; tables and images keep their places."""
    strings = [x for x in items if isinstance(x, str)]
    kept = remove_debris(strings, report)
    if len(kept) == len(strings):
        return items
    out: list[str | Block] = []
    k = 0
    for item in items:
        if not isinstance(item, str):
            out.append(item)
        elif k < len(kept) and item == kept[k]:  # kept is an ordered subsequence of strings
            out.append(item)
            k += 1
    return out


def _lines_look_broken(items: list[str | Block]) -> bool:
    """True when most longer paragraphs stop mid-sentence: lines of a PDF pasted into Word."""
    long = [x for x in items if isinstance(x, str) and len(x) >= 12 and "\t" not in x and not heading_level(x)]
    if len(long) < 4:
        return False
    broken = sum(1 for x in long if not ends_sentence(x))
    return broken / len(long) > 0.5


def _apply_hints(blocks: list[Block], reader: _Reader) -> list[Block]:
    """Word's paragraph styles: centred/right paragraphs keep their alignment, and an
    unnumbered paragraph in a heading style (标题 2, Heading 2, an outline level) becomes
    a heading of that level."""
    styled = {reader.heading_hints[b.text] for b in blocks if isinstance(b, Paragraph) and b.text in reader.heading_hints}
    numbered = [b.level for b in blocks if isinstance(b, Heading)]
    # a document whose top headings are in "heading 2" (an HTML page's <h2>) starts at level 1
    shift = min(styled) - 1 if styled and not any(lv < min(styled) for lv in numbered) else 0
    for i, block in enumerate(blocks):
        if isinstance(block, Paragraph) and block.role == "body":
            level = reader.heading_hints.get(block.text)
            if level and len(block.text) <= 60:
                blocks[i] = Heading(level - shift, block.text)
                continue
            align = reader.align_hints.get(block.text)
            if align:
                block.align = align
                block.indent = False
    return blocks


_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.I)


def _outline_level(ppr: etree._Element | None, style_name: str) -> int:
    """Heading level 1–4 from a style name (heading 2, 标题 2) or an outline level."""
    m = _HEADING_STYLE.match(style_name.strip())
    if m:
        return min(int(m.group(1)), 4)
    if ppr is not None:
        lvl = ppr.find(f"{W}outlineLvl")
        if lvl is not None:
            try:
                value = int(lvl.get(f"{W}val", "9"))
            except ValueError:
                return 0
            if 0 <= value <= 8:
                return min(value + 1, 4)
    return 0
