"""Body blocks <-> QTextDocument: the body editor edits a rich text document whose paragraphs
carry their block style (heading level, run-in heading, body, note, chronicle entry, caption,
image) as custom format properties, and whose tables are QTextTables (spans, header rows).

``fill_document`` writes model blocks into a document; ``document_blocks`` reads them back.
Both are pure functions of the document so the round trip can be tested without widgets.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QByteArray, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextImageFormat,
    QTextLength,
    QTextTable,
    QTextTableFormat,
)

from editor.model.blocks import (
    Block,
    ChronicleEntry,
    Heading,
    Image,
    NameEntry,
    NameList,
    Note,
    Paragraph,
    Table,
    TableCell,
)

P_STYLE = QTextFormat.UserProperty + 1  # block style name
P_LEVEL = QTextFormat.UserProperty + 2  # level of a run-in heading
P_RUNIN_HEAD = QTextFormat.UserProperty + 3  # char property: part of a run-in heading sentence
P_KIND = QTextFormat.UserProperty + 4  # table frame: "table" | "namelist"
P_WIDTHS = QTextFormat.UserProperty + 5  # table frame: relative column widths "1 2 1"
P_CELL_ALIGN = QTextFormat.UserProperty + 6  # cell: "", "left", "center", "right", "justify"
P_CAPTION = QTextFormat.UserProperty + 7  # image: caption
P_WIDTH_MM = QTextFormat.UserProperty + 8  # image: width in mm (0 = natural)
P_INDENT = QTextFormat.UserProperty + 9  # paragraph: first-line indent (bool)
P_MARK = QTextFormat.UserProperty + 10  # chronicle: the bullet mark

IMAGE_SCHEME = "gazette-image:"

#: Paragraph styles the user can pick, in menu order.
STYLES = ("body", "h1", "h2", "h3", "h4", "runin", "note", "chronicle", "caption", "closing",
          "attachment-note")

BODY_FAMILIES = ["Noto Serif CJK SC", "AR PL SungtiL GB", "AR PL UMing CN"]
HEADING_FAMILIES = ["Noto Sans CJK SC", "WenQuanYi Zen Hei"]
KAI_FAMILIES = ["AR PL KaitiM GB", "LXGW WenKai", "Noto Serif CJK SC"]
BODY_PT = 12.0

_ALIGN_TO_QT = {
    "justify": Qt.AlignmentFlag.AlignJustify,
    "left": Qt.AlignmentFlag.AlignLeft,
    "center": Qt.AlignmentFlag.AlignHCenter,
    "right": Qt.AlignmentFlag.AlignRight,
}
_CHRONICLE = re.compile(r"^\s*([●○◆■▲·•])?\s*(\d{1,2}月\d{1,2}日|\d{1,2}月(?:上|中|下)旬)?(.*)$", re.S)


def align_name(flags: Qt.AlignmentFlag) -> str:
    """The model's alignment name for Qt alignment flags."""
    value = Qt.AlignmentFlag(flags)
    if value & Qt.AlignmentFlag.AlignJustify == Qt.AlignmentFlag.AlignJustify:
        return "justify"
    if value & Qt.AlignmentFlag.AlignHCenter:
        return "center"
    if value & Qt.AlignmentFlag.AlignRight:
        return "right"
    if value & Qt.AlignmentFlag.AlignLeft:
        return "left"
    return "justify"


def char_format(style: str, run_in_head: bool = False) -> QTextCharFormat:
    """The on-screen character format of a paragraph style."""
    fmt = QTextCharFormat()
    families = BODY_FAMILIES
    size = BODY_PT
    bold = False
    color = QColor("#1a1a1a")
    if style == "h1":
        families, size, bold = HEADING_FAMILIES, BODY_PT + 1, True
    elif style == "h2":
        families, size, bold = KAI_FAMILIES, BODY_PT + 0.5, True
    elif style in ("h3", "h4"):
        families, size, bold = BODY_FAMILIES, BODY_PT, True
    elif style == "runin" and run_in_head:
        families, bold = KAI_FAMILIES, True
    elif style == "note":
        size, color = BODY_PT - 1.5, QColor("#444444")
    elif style == "caption":
        families, bold = HEADING_FAMILIES, True
    fmt.setFontFamilies(families)
    fmt.setFontPointSize(size)
    fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
    fmt.setForeground(color)
    if style == "runin":
        fmt.setProperty(P_RUNIN_HEAD, bool(run_in_head))
    else:
        fmt.clearProperty(P_RUNIN_HEAD)
    return fmt


def block_format(style: str, *, align: str = "", indent: bool = True, level: int = 2) -> QTextBlockFormat:
    """The block format of a paragraph style (style name kept as a property)."""
    fmt = QTextBlockFormat()
    fmt.setProperty(P_STYLE, style)
    if style == "runin":
        fmt.setProperty(P_LEVEL, int(level))
    fmt.setLineHeight(150, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    fmt.setBottomMargin(2)
    if not align:
        align = {"caption": "center", "image": "center", "h1": "left", "closing": "right"}.get(style, "justify")
    fmt.setAlignment(_ALIGN_TO_QT.get(align, Qt.AlignmentFlag.AlignJustify))
    if style in ("body", "runin", "h2", "h3", "h4", "h1", "chronicle") and indent:
        fmt.setTextIndent(2 * BODY_PT * 1.333)
    fmt.setProperty(P_INDENT, bool(indent))
    if style == "note":
        fmt.setLeftMargin(4)
    return fmt


def block_style(fmt: QTextBlockFormat) -> str:
    """The style name stored on a block ("body" when none)."""
    value = fmt.property(P_STYLE)
    return value if isinstance(value, str) and value in STYLES + ("image",) else "body"


def _insert_paragraph(cursor: QTextCursor, state: dict, bfmt: QTextBlockFormat, cfmt: QTextCharFormat) -> None:
    if state["fresh"]:
        cursor.setBlockFormat(bfmt)
        cursor.setBlockCharFormat(cfmt)
        state["fresh"] = False
    else:
        cursor.insertBlock(bfmt, cfmt)


def insert_block(cursor: QTextCursor, block: Block, state: dict, images: dict[str, bytes] | None = None) -> None:
    """Insert one model block at ``cursor`` (``state["fresh"]``: the current block is unused)."""
    doc = cursor.document()
    if isinstance(block, Heading):
        if block.run_in:
            _insert_paragraph(cursor, state, block_format("runin", level=block.level), char_format("runin", True))
            cursor.insertText(block.text, char_format("runin", True))
            if block.body:
                cursor.insertText(block.body, char_format("runin", False))
        else:
            style = f"h{min(max(block.level, 1), 4)}"
            _insert_paragraph(cursor, state, block_format(style), char_format(style))
            cursor.insertText(block.text, char_format(style))
    elif isinstance(block, Paragraph):
        style = block.role if block.role in ("closing", "attachment-note") else "body"
        _insert_paragraph(cursor, state, block_format(style, align=block.align, indent=block.indent),
                          char_format(style))
        cursor.insertText(block.text, char_format(style))
    elif isinstance(block, Note):
        _insert_paragraph(cursor, state, block_format("note"), char_format("note"))
        cursor.insertText(block.text, char_format("note"))
    elif isinstance(block, ChronicleEntry):
        bfmt = block_format("chronicle")
        bfmt.setProperty(P_MARK, block.mark)
        _insert_paragraph(cursor, state, bfmt, char_format("chronicle"))
        cursor.insertText(f"{block.mark} {block.date}{block.text}", char_format("chronicle"))
    elif isinstance(block, Image):
        _insert_paragraph(cursor, state, block_format("image"), char_format("body"))
        cursor.insertImage(image_format(doc, block, images or {}))
    elif isinstance(block, Table):
        if block.caption:
            _insert_paragraph(cursor, state, block_format("caption"), char_format("caption"))
            cursor.insertText(block.caption, char_format("caption"))
        _insert_table(cursor, state, block)
    elif isinstance(block, NameList):
        rows = [[TableCell(e.name), TableCell(e.duty)] for e in block.entries] or [[TableCell(), TableCell()]]
        _insert_table(cursor, state, Table(rows=rows, widths=[1, 4], align="left"), kind="namelist")
    else:  # pragma: no cover - the Block union is closed
        raise TypeError(f"not a body block: {block!r}")


def image_format(doc: QTextDocument, block: Image, images: dict[str, bytes]) -> QTextImageFormat:
    """An image format naming the issue image ``block.ref`` (registered as a document resource)."""
    name = IMAGE_SCHEME + block.ref
    fmt = QTextImageFormat()
    fmt.setName(name)
    fmt.setProperty(P_CAPTION, block.caption)
    fmt.setProperty(P_WIDTH_MM, float(block.width_mm))
    data = images.get(block.ref)
    img = QImage()
    if data:
        img.loadFromData(QByteArray(data))
    if img.isNull():
        img = QImage(240, 120, QImage.Format.Format_RGB32)
        img.fill(QColor("#dddddd"))
    doc.addResource(QTextDocument.ResourceType.ImageResource.value, QUrl(name), img)
    width = img.width()
    if block.width_mm:
        width = block.width_mm / 25.4 * 96
    width = min(width, 480)
    fmt.setWidth(width)
    fmt.setHeight(width * img.height() / max(img.width(), 1))
    return fmt


def table_format(table: Table, kind: str = "table") -> QTextTableFormat:
    """The on-screen format of a body table."""
    fmt = QTextTableFormat()
    fmt.setProperty(P_KIND, kind)
    fmt.setHeaderRowCount(table.header_rows)
    fmt.setCellPadding(3)
    fmt.setCellSpacing(0)
    fmt.setBorder(1 if kind == "table" else 0)
    fmt.setBorderBrush(QColor("#7a7a7a") if kind == "table" else QColor("#dddddd"))
    fmt.setBorderCollapse(True)
    fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
    fmt.setAlignment(_ALIGN_TO_QT.get(table.align, Qt.AlignmentFlag.AlignHCenter))
    ncols = max(table.column_count(), 1)
    widths = table.widths if len(table.widths) == ncols else [1.0] * ncols
    fmt.setProperty(P_WIDTHS, " ".join(_num(w) for w in table.widths))
    total = sum(widths) or 1.0
    fmt.setColumnWidthConstraints([QTextLength(QTextLength.Type.PercentageLength, 100 * w / total)
                                   for w in widths])
    fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    return fmt


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _insert_table(cursor: QTextCursor, state: dict, table: Table, kind: str = "table") -> None:
    grid = table.grid()
    nrows, ncols = len(grid), table.column_count()
    if not state["fresh"]:
        cursor.insertBlock(block_format("body"), char_format("body"))
    state["fresh"] = False
    qt_table = cursor.insertTable(max(nrows, 1), max(ncols, 1), table_format(table, kind))
    header = char_format("body")
    header.setFontWeight(QFont.Weight.Bold)
    for r, row in enumerate(table.rows):
        for i, cell in enumerate(row):
            # find the grid column of cell i of row r
            col = next(c for c in range(ncols) if grid[r][c] == (r, i))
            qcell = qt_table.cellAt(r, col)
            cfmt = qcell.format().toTableCellFormat()
            cfmt.setProperty(P_CELL_ALIGN, cell.align)
            qcell.setFormat(cfmt)
            cur = qcell.firstCursorPosition()
            bfmt = QTextBlockFormat()
            bfmt.setAlignment(_ALIGN_TO_QT.get(cell.align or ("center" if kind == "table" else "left"),
                                               Qt.AlignmentFlag.AlignHCenter))
            cur.setBlockFormat(bfmt)
            text_fmt = header if r < table.header_rows else char_format("body")
            lines = cell.text.split("\n")
            for j, line in enumerate(lines):
                if j:
                    cur.insertBlock(bfmt, text_fmt)
                cur.insertText(line, text_fmt)
    for r, row in enumerate(table.rows):
        for i, cell in enumerate(row):
            if cell.rowspan > 1 or cell.colspan > 1:
                col = next(c for c in range(ncols) if grid[r][c] == (r, i))
                qt_table.mergeCells(r, col, cell.rowspan, cell.colspan)
    cursor.setPosition(qt_table.lastPosition() + 1)
    state["fresh"] = True


def fill_document(doc: QTextDocument, blocks: list[Block], images: dict[str, bytes] | None = None) -> None:
    """Replace the content of ``doc`` with ``blocks`` (not recorded on its undo stack)."""
    undo = doc.isUndoRedoEnabled()
    doc.setUndoRedoEnabled(False)
    doc.clear()
    doc.setDefaultFont(char_format("body").font())
    cursor = QTextCursor(doc)
    state = {"fresh": True}
    cursor.setBlockFormat(block_format("body"))
    cursor.setBlockCharFormat(char_format("body"))
    for block in blocks:
        insert_block(cursor, block, state, images)
    doc.setUndoRedoEnabled(undo)
    doc.setModified(False)


def blocks_document(blocks: list[Block], images: dict[str, bytes] | None = None) -> QTextDocument:
    """A new QTextDocument holding ``blocks``."""
    doc = QTextDocument()
    fill_document(doc, blocks, images)
    return doc


def _cell_text(doc: QTextDocument, first: int, last: int) -> str:
    cur = QTextCursor(doc)
    cur.setPosition(first)
    cur.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
    return cur.selectedText().replace("\u2029", "\n").replace("\u2028", "\n").strip("\n")


def table_block(table: QTextTable) -> Table | NameList:
    """Read a QTextTable back as a model Table (or NameList)."""
    fmt = table.format()
    doc = table.document()
    if fmt.property(P_KIND) == "namelist":
        entries = []
        for r in range(table.rows()):
            name = _cell_text(doc, table.cellAt(r, 0).firstPosition(), table.cellAt(r, 0).lastPosition())
            duty = ""
            if table.columns() > 1:
                c = table.cellAt(r, 1)
                duty = _cell_text(doc, c.firstPosition(), c.lastPosition())
            if name or duty:
                entries.append(NameEntry(name, duty))
        return NameList(entries)
    rows: list[list[TableCell]] = []
    for r in range(table.rows()):
        row: list[TableCell] = []
        for c in range(table.columns()):
            cell = table.cellAt(r, c)
            if cell.row() != r or cell.column() != c:
                continue
            align = cell.format().property(P_CELL_ALIGN)
            row.append(TableCell(_cell_text(doc, cell.firstPosition(), cell.lastPosition()),
                                 cell.rowSpan(), cell.columnSpan(), align if isinstance(align, str) else ""))
        rows.append(row)
    widths_text = fmt.property(P_WIDTHS)
    widths = [float(w) for w in widths_text.split()] if isinstance(widths_text, str) and widths_text else []
    if widths and len(widths) != table.columns():
        widths = []
    header = min(max(fmt.headerRowCount(), 0), table.rows())
    return Table(rows=rows, header_rows=header, widths=widths, align=align_name(fmt.alignment()))


def _runin_parts(block) -> tuple[str, str]:
    head, body = [], []
    it = block.begin()
    while not it.atEnd():
        frag = it.fragment()
        if frag.isValid():
            (head if frag.charFormat().property(P_RUNIN_HEAD) is True else body).append(frag.text())
        it += 1
    h, b = "".join(head), "".join(body)
    if not h:  # no marked head: the sentence up to the first 。 is the heading
        text = b
        cut = text.find("。")
        h, b = (text[: cut + 1], text[cut + 1:]) if cut >= 0 else (text, "")
    return h, b


def _image_block(block, images_caption: dict | None = None) -> Image | None:
    it = block.begin()
    while not it.atEnd():
        frag = it.fragment()
        if frag.isValid() and frag.charFormat().isImageFormat():
            fmt = frag.charFormat().toImageFormat()
            name = fmt.name()
            if name.startswith(IMAGE_SCHEME):
                caption = fmt.property(P_CAPTION)
                width = fmt.property(P_WIDTH_MM)
                return Image(name[len(IMAGE_SCHEME):], caption if isinstance(caption, str) else "",
                             float(width) if isinstance(width, (int, float)) else 0.0)
        it += 1
    return None


def paragraph_block(block) -> Block | None:
    """Read one QTextBlock as a model block (None for an empty paragraph)."""
    fmt = block.blockFormat()
    style = block_style(fmt)
    text = block.text()
    if style == "image":
        return _image_block(block)
    if not text.strip():
        return None
    if style in ("h1", "h2", "h3", "h4"):
        return Heading(int(style[1]), text.strip())
    if style == "runin":
        level = fmt.property(P_LEVEL)
        head, body = _runin_parts(block)
        return Heading(int(level) if isinstance(level, int) and 1 <= level <= 4 else 2, head, True, body)
    if style == "note":
        return Note(text)
    if style == "chronicle":
        m = _CHRONICLE.match(text)
        mark = (m.group(1) if m and m.group(1) else None) or fmt.property(P_MARK) or "●"
        date = m.group(2) or "" if m else ""
        rest = (m.group(3) if m else text).lstrip(" ") if date else (m.group(3) if m else text).strip()
        return ChronicleEntry(date, rest, mark if isinstance(mark, str) else "●")
    indent = fmt.property(P_INDENT)
    role = style if style in ("closing", "attachment-note") else "body"
    align = align_name(fmt.alignment())
    return Paragraph(text, align, indent is not False, role)


def document_blocks(doc: QTextDocument) -> list[Block]:
    """The model blocks of a body document, in order."""
    blocks: list[Block] = []
    caption: str | None = None
    it = doc.rootFrame().begin()
    while not it.atEnd():
        frame = it.currentFrame()
        if frame is not None:
            if isinstance(frame, QTextTable):
                tb = table_block(frame)
                if isinstance(tb, Table) and caption is not None:
                    tb.caption = caption
                    caption = None
                if caption is not None:
                    blocks.append(Paragraph(caption, "center", False))
                    caption = None
                if not (isinstance(tb, NameList) and not tb.entries):
                    blocks.append(tb)
        else:
            block = it.currentBlock()
            if caption is not None:
                if block.text().strip() or block_style(block.blockFormat()) == "image":
                    blocks.append(Paragraph(caption, "center", False))
                    caption = None
            if block_style(block.blockFormat()) == "caption" and block.text().strip():
                caption = block.text().strip()
            else:
                b = paragraph_block(block)
                if b is not None:
                    blocks.append(b)
        it += 1
    if caption is not None:
        blocks.append(Paragraph(caption, "center", False))
    return blocks


def set_block_style(cursor: QTextCursor, style: str, level: int = 2) -> None:
    """Give the paragraph(s) under ``cursor`` a style (one undo step on the document)."""
    doc = cursor.document()
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    cursor.beginEditBlock()
    block = doc.findBlock(start)
    while block.isValid() and block.position() <= end:
        if QTextCursor(block).currentTable() is None or style == "body":
            cur = QTextCursor(block)
            old = block.blockFormat()
            bfmt = block_format(style, level=level,
                                indent=old.property(P_INDENT) is not False or style != "body")
            cur.setBlockFormat(bfmt)
            cur.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            if style == "runin":
                text = block.text()
                cut = text.find("。")
                cut = len(text) if cut < 0 else cut + 1
                head = QTextCursor(block)
                head.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor, cut)
                cur.setCharFormat(char_format("runin", False))
                head.setCharFormat(char_format("runin", True))
                cur.setBlockCharFormat(char_format("runin", False))
            else:
                cur.setCharFormat(char_format(style))
                cur.setBlockCharFormat(char_format(style))
        block = block.next()
    cursor.endEditBlock()
