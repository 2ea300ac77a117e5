"""The body editor: a rich text editor over a session's parts (the body and each attachment)
with paragraph styles, tables, name lists, chronicle entries and images, and paste that goes
through the importer's structurer.
"""

from __future__ import annotations

from PySide6.QtCore import QEventLoop, QMimeData, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QTextCursor, QTextDocumentFragment
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QTextEdit,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.errors import GazetteError
from editor.model import Image
from editor.model.fields import DOCUMENT_FIELDS
from editor.ui import table_tools
from editor.ui.document_form import UndoKeyFilter
from editor.ui.errors import show_error
from editor.ui.session import DocumentSession
from editor.ui.textdoc import (
    P_LEVEL,
    block_format,
    block_style,
    blocks_document,
    char_format,
    set_block_style,
)
from editor.ui.undo import AddPartCommand, PartHeaderCommand, bridge_text_undo

QT_RICH = "application/x-qrichtext"
BIG_PASTE_CHARS = 100_000  # a paste longer than this shows a wait cursor and a status message


def structure_text(text: str) -> list:
    """Blocks for pasted plain text, structured by the importer (headings, lists, notes)."""
    from editor.importers import structure_blocks

    return list(structure_blocks(text))


def parse_notice(text: str):
    """A whole pasted notice parsed by the importer into a document."""
    from editor.importers import parse_text

    return parse_text(text).document


def mime_plain_text(source: QMimeData) -> str:
    """Plain text of pasted data; Word's HTML is reduced to its text."""
    if source.hasHtml():
        text = QTextDocumentFragment.fromHtml(source.html()).toPlainText()
        if text.strip():
            return text.replace("\u2029", "\n").replace("\xa0", " ")
    return source.text()


class BodyTextEdit(QTextEdit):
    """QTextEdit whose paste of foreign text goes through the structurer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptRichText(True)
        self.setTabChangesFocus(False)
        self.images: dict[str, bytes] = {}
        self.stack = None  # the window's undo stack (a pasted notice is one undo step)
        self.notice_handler = None  # callable(Document): fill the form from a pasted notice
        self.image_handler = None  # callable(bytes) -> ref: store a pasted image with the issue

    def keyPressEvent(self, event) -> None:
        """Enter after a heading, caption, note or closing line starts a body paragraph."""
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter) or event.modifiers() not in (
                Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
            super().keyPressEvent(event)
            return
        before = block_style(self.textCursor().blockFormat())
        super().keyPressEvent(event)
        if before in ("h1", "h2", "h3", "h4", "runin", "caption", "note", "closing") and \
                self.textCursor().currentTable() is None and not self.textCursor().block().text():
            cursor = self.textCursor()
            cursor.joinPreviousEditBlock()
            cursor.setBlockFormat(block_format("body"))
            cursor.setBlockCharFormat(char_format("body"))
            cursor.endEditBlock()
            self.setCurrentCharFormat(char_format("body"))

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasText() or source.hasHtml() or super().canInsertFromMimeData(source)

    def _status(self, text: str, ms: int = 0) -> None:
        window = self.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(text, ms)

    def insertFromMimeData(self, source: QMimeData) -> None:
        big = source.hasText() and len(source.text()) > BIG_PASTE_CHARS
        if big:
            # a paste of megabytes takes a moment: say so instead of looking frozen
            self._status(self.tr("Pasting a long text…"))
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        try:
            self._insert_from_mime(source)
        finally:
            if big:
                QApplication.restoreOverrideCursor()
                self._status(self.tr("Pasted %1 characters").replace("%1", str(len(source.text()))), 5000)

    def _insert_from_mime(self, source: QMimeData) -> None:
        if source.hasFormat(QT_RICH):  # copied inside the editor: keep the styles as they are
            super().insertFromMimeData(source)
            return
        if source.hasImage() and not source.hasText() and self.image_handler is not None:
            self._paste_image(source.imageData())
            return
        if source.hasHtml() and "<table" in source.html().lower():
            # Word/WPS tables stay tables (with merged cells); the text around them is structured
            from editor.ui.paste_html import html_to_blocks

            self.insert_blocks(html_to_blocks(source.html(), structure_text))
            return
        text = mime_plain_text(source)
        if not text.strip():
            return
        empty = not self.document().toPlainText().strip()
        parsed = parse_notice(text) if empty and self.notice_handler is not None else None
        if parsed is not None and (parsed.title or parsed.doc_number) and self.stack is not None:
            self.stack.beginMacro(self.tr("Paste notice"))
            try:
                self.insert_blocks(parsed.body)
                self.notice_handler(parsed)
            finally:
                self.stack.endMacro()
            return
        self.insert_blocks(structure_text(text))

    def _paste_image(self, image) -> None:
        from PySide6.QtCore import QBuffer, QIODevice
        from PySide6.QtGui import QImage

        if not isinstance(image, QImage) or image.isNull():
            return
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        data = bytes(buffer.data())
        try:
            ref = self.image_handler(data)
        except GazetteError as exc:
            show_error(self, exc)
            return
        if ref:
            self.images[ref] = data
            self.insert_blocks([Image(ref)])

    def insert_blocks(self, blocks: list) -> None:
        """Insert blocks at the cursor as one undo step."""
        if not blocks:
            return
        source = blocks_document(blocks, self.images)
        fragment = QTextDocumentFragment(source)
        cursor = self.textCursor()
        cursor.beginEditBlock()
        if cursor.hasSelection():
            cursor.removeSelectedText()
        if cursor.block().text() and cursor.currentTable() is None:
            # pasted blocks are paragraphs of their own, never glued to the one at the cursor
            at_start = cursor.atBlockStart()
            cursor.insertBlock()
            if at_start:
                cursor.movePosition(QTextCursor.MoveOperation.PreviousBlock)
        cursor.setBlockFormat(source.begin().blockFormat())
        cursor.setBlockCharFormat(source.begin().charFormat())
        cursor.insertFragment(fragment)
        cursor.endEditBlock()
        self.setTextCursor(cursor)


class BodyEditor(QWidget):
    """Part selector, formatting tool bar and the text editor of one document session."""

    partShown = Signal(int)

    def __init__(self, undo_stack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stack = undo_stack
        self.session: DocumentSession | None = None
        self.part_index = 0
        self.image_store = None  # callable(bytes) -> ref, set by the window (stores the image)
        self._updating = False

        self.editor = BodyTextEdit()
        self.editor.stack = undo_stack
        self.editor.notice_handler = self._notice_pasted
        self.editor.image_handler = lambda data: self.image_store(data) if self.image_store else None
        self.editor.installEventFilter(UndoKeyFilter(self))
        self.editor.cursorPositionChanged.connect(self._cursor_moved)

        self.parts = QComboBox()
        self.parts.setMinimumWidth(200)
        self.parts.currentIndexChanged.connect(self._part_selected)
        self.part_label = QLineEdit()
        self.part_label.setMaximumWidth(90)
        self.part_label.setPlaceholderText(self.tr("Label"))
        self.part_title = QLineEdit()
        self.part_title.setPlaceholderText(self.tr("Attachment title"))
        for w in (self.part_label, self.part_title):
            w.installEventFilter(UndoKeyFilter(self))
            w.editingFinished.connect(self._part_header_edited)
            # every keystroke reaches the session (and so the recovery journal), merged into one undo step
            w.textEdited.connect(lambda _t: self._part_header_edited(strip=False))
        add_part = self.add_part_button = QToolButton()
        add_part.setText(self.tr("Add attachment"))
        add_part.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(add_part)
        menu.addAction(self.tr("Attachment (new page)"), lambda: self.add_attachment("附件"))
        menu.addAction(self.tr("Enclosed text of an issuing notice"), lambda: self.add_attachment(""))
        add_part.setMenu(menu)
        self.remove_part_button = QToolButton()
        self.remove_part_button.setText(self.tr("Remove attachment"))
        self.remove_part_button.clicked.connect(self.remove_attachment)
        parts_row = QHBoxLayout()
        parts_row.addWidget(QLabel(self.tr("Part")))
        parts_row.addWidget(self.parts)
        parts_row.addWidget(self.part_label)
        parts_row.addWidget(self.part_title, 1)
        parts_row.addWidget(add_part)
        parts_row.addWidget(self.remove_part_button)

        self.style_box = QComboBox()
        self._styles = [
            (self.tr("Body text"), "body", 0), (self.tr("Heading 1 (一、)"), "h1", 0),
            (self.tr("Heading 2 (（一）)"), "h2", 0), (self.tr("Heading 3 (1.)"), "h3", 0),
            (self.tr("Heading 4 (（1）)"), "h4", 0), (self.tr("Run-in heading, level 2"), "runin", 2),
            (self.tr("Run-in heading, level 3"), "runin", 3), (self.tr("Run-in heading, level 4"), "runin", 4),
            (self.tr("Note"), "note", 0), (self.tr("Chronicle entry"), "chronicle", 0),
            (self.tr("Table caption"), "caption", 0), (self.tr("Closing line"), "closing", 0),
            (self.tr("Attachment note"), "attachment-note", 0),
        ]
        for label, _style, _level in self._styles:
            self.style_box.addItem(label)
        self.style_box.activated.connect(self._style_chosen)
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addWidget(QLabel(self.tr("Style") + " "))
        self.toolbar.addWidget(self.style_box)
        self.toolbar.addSeparator()
        self.actions_by_name: dict[str, QAction] = {}
        table_menu = QMenu(self.tr("Table"), self)
        for name, text, fn in [
            ("insert_table", self.tr("Insert table…"), self.insert_table),
            ("insert_row", self.tr("Insert row below"), lambda: self._table_op(table_tools.insert_row)),
            ("insert_column", self.tr("Insert column right"), lambda: self._table_op(table_tools.insert_column)),
            ("remove_row", self.tr("Remove row"), lambda: self._table_op(table_tools.remove_row)),
            ("remove_column", self.tr("Remove column"), lambda: self._table_op(table_tools.remove_column)),
            ("merge_cells", self.tr("Merge cells"), lambda: self._table_op(table_tools.merge_cells)),
            ("split_cell", self.tr("Split cell"), lambda: self._table_op(table_tools.split_cell)),
            ("header_rows", self.tr("Header rows…"), self.set_header_rows),
            ("remove_table", self.tr("Remove table"), lambda: self._table_op(table_tools.remove_table)),
        ]:
            action = table_menu.addAction(text, fn)
            self.actions_by_name[name] = action
        table_button = QToolButton()
        table_button.setText(self.tr("Table"))
        table_button.setMenu(table_menu)
        table_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.toolbar.addWidget(table_button)
        merge = self.toolbar.addAction(self.tr("Merge cells"), lambda: self._table_op(table_tools.merge_cells))
        split = self.toolbar.addAction(self.tr("Split cell"), lambda: self._table_op(table_tools.split_cell))
        self.actions_by_name["merge_cells_tb"], self.actions_by_name["split_cell_tb"] = merge, split
        self.toolbar.addSeparator()
        self.actions_by_name["name_list"] = self.toolbar.addAction(self.tr("Name list"), self.insert_name_list)
        self.actions_by_name["image"] = self.toolbar.addAction(self.tr("Image…"), self.insert_image)
        self.editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.editor.customContextMenuRequested.connect(self._context_menu)
        self._table_menu = table_menu

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addLayout(parts_row)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.editor, 1)
        self.set_session(None)

    # session ------------------------------------------------------------------------------
    def set_session(self, session: DocumentSession | None, part: int = 0) -> None:
        """Edit ``session`` (None: nothing, disabled)."""
        if self.session is not None:
            self.session.partsChanged.disconnect(self._parts_changed)
        self.session = session
        if session is not None:
            session.partsChanged.connect(self._parts_changed)
            self.editor.images = session.images
        self.setEnabled(session is not None)
        self._fill_parts()
        self.show_part(part)

    def _fill_parts(self) -> None:
        self._updating = True
        self.parts.clear()
        if self.session is not None:
            for i, p in enumerate(self.session.parts):
                if i == 0:
                    self.parts.addItem(self.tr("Body"))
                else:
                    label = p.label or self.tr("Enclosed text")
                    self.parts.addItem(f"{label}  {p.title}".strip())
        self._updating = False

    def _parts_changed(self) -> None:
        index = min(self.part_index, len(self.session.parts) - 1) if self.session else 0
        self._fill_parts()
        self.show_part(index)

    def show_part(self, index: int) -> None:
        """Show the body (0) or an attachment."""
        s = self.session
        if s is None:
            self.editor.setDocument(blocks_document([]))
            self.part_label.setEnabled(False)
            self.part_title.setEnabled(False)
            self._cursor_moved()
            return
        index = max(0, min(index, len(s.parts) - 1))
        self.part_index = index
        part = s.parts[index]
        if not part.doc.property("gazetteUndoBridged"):
            part.doc.setProperty("gazetteUndoBridged", True)
            bridge_text_undo(self.stack, s, part)
        if self.editor.document() is not part.doc:
            self.editor.setDocument(part.doc)
        self._updating = True
        self.parts.setCurrentIndex(index)
        self._updating = False
        is_att = index > 0
        self.part_label.setEnabled(is_att and not s.read_only)
        self.part_title.setEnabled(is_att and not s.read_only)
        self.remove_part_button.setEnabled(is_att and not s.read_only)
        self.add_part_button.setEnabled(not s.read_only)
        label, title = (part.label or "", part.title) if is_att else ("", "")
        # only when it differs: a field being typed in keeps its cursor
        if self.part_label.text() != label:
            self.part_label.setText(label)
        if self.part_title.text() != title:
            self.part_title.setText(title)
            self.part_title.setCursorPosition(0)
        self.part_title.setToolTip(part.title if is_att else "")
        self.editor.setReadOnly(s.read_only)
        self.toolbar.setEnabled(not s.read_only)
        self._cursor_moved()
        self.partShown.emit(index)

    def _part_selected(self, index: int) -> None:
        if not self._updating and index >= 0:
            self.show_part(index)

    def _part_header_edited(self, strip: bool = True) -> None:
        s = self.session
        if s is None or self.part_index == 0 or s.read_only:
            return
        part = s.parts[self.part_index]
        label, title = self.part_label.text(), self.part_title.text()
        if strip:
            label, title = label.strip(), title.strip()
        if (part.label or "", part.title) != (label, title):
            self.stack.push(PartHeaderCommand(s, self.part_index, label, title))

    def add_attachment(self, label: str) -> None:
        """Add an attachment after the current part."""
        s = self.session
        if s is None or s.read_only:
            return
        numbered = [p for p in s.parts[1:] if p.label]
        if label and numbered:
            label = f"附件{len(numbered) + 1}"
        part = s.new_attachment_part(label, "")
        self.stack.push(AddPartCommand(s, len(s.parts), part))

    def remove_attachment(self) -> None:
        """Remove the attachment on screen (undoable)."""
        s = self.session
        if s is None or self.part_index == 0 or s.read_only:
            return
        self.stack.push(AddPartCommand(s, self.part_index, s.parts[self.part_index], remove=True))

    def _notice_pasted(self, parsed) -> None:
        """Fill empty fields and add the attachments of a notice pasted into an empty body."""
        s = self.session
        if s is None:
            return
        from editor.ui.undo import FieldCommand

        for name in DOCUMENT_FIELDS.names():
            value = getattr(parsed, name)
            current = s.value(name)
            if value and (not current or (name == "title" and current == self.tr("New document"))):
                self.stack.push(FieldCommand(s, name, current, value))
        for att in parsed.attachments:
            part = s.new_attachment_part(att.label, att.title, att.body)
            self.stack.push(AddPartCommand(s, len(s.parts), part))
        self.show_part(0)

    # formatting ---------------------------------------------------------------------------
    def _cursor_moved(self) -> None:
        block = self.editor.textCursor().block()
        style = block_style(block.blockFormat())
        level = block.blockFormat().property(P_LEVEL)
        for i, (_label, st, lv) in enumerate(self._styles):
            if st == style and (st != "runin" or lv == level):
                self.style_box.setCurrentIndex(i)
                break
        in_table = self.editor.textCursor().currentTable() is not None
        # (off as well without a document or in a final issue: the menu shows the same actions)
        in_table = in_table and self.session is not None and not self.session.read_only
        for name in ("insert_row", "insert_column", "remove_row", "remove_column", "merge_cells", "split_cell",
                     "header_rows", "remove_table", "merge_cells_tb", "split_cell_tb"):
            self.actions_by_name[name].setEnabled(in_table)

    def _style_chosen(self, index: int) -> None:
        _label, style, level = self._styles[index]
        self.apply_style(style, level or 2)

    def apply_style(self, style: str, level: int = 2) -> None:
        """Give the selected paragraphs a style."""
        if self.session is None or self.session.read_only:
            return
        set_block_style(self.editor.textCursor(), style, level)
        self.editor.setFocus()

    def _table_op(self, fn) -> bool:
        if self.session is None or self.session.read_only:
            return False
        cursor = self.editor.textCursor()
        cursor.beginEditBlock()
        done = fn(cursor)
        cursor.endEditBlock()
        return bool(done)

    def insert_table(self) -> None:
        """Ask for a size and insert an empty table."""
        if self.session is None or self.session.read_only:
            return
        text, ok = QInputDialog.getText(self, self.tr("Insert table"),
                                        self.tr("Rows × columns (e.g. 4×3):"), text="4×3")
        if not ok:
            return
        parts = [p for p in text.replace("x", "×").replace("X", "×").replace("*", "×").split("×") if p.strip()]
        try:
            rows, cols = int(parts[0]), int(parts[1])
        except (IndexError, ValueError):
            return
        table_tools.insert_table(self.editor.textCursor(), max(1, min(rows, 200)), max(1, min(cols, 30)))

    def set_header_rows(self) -> None:
        """Ask how many rows head the table."""
        table = self.editor.textCursor().currentTable()
        if table is None:
            return
        count, ok = QInputDialog.getInt(self, self.tr("Header rows"), self.tr("Rows repeated on every page:"),
                                        table.format().headerRowCount(), 0, table.rows())
        if ok:
            self._table_op(lambda c: table_tools.set_header_rows(c, count))

    def insert_name_list(self) -> None:
        """Insert a personnel list."""
        if self.session is not None and not self.session.read_only:
            table_tools.insert_name_list(self.editor.textCursor())

    def insert_image(self) -> None:
        """Pick an image file, store it with the issue and insert it."""
        if self.session is None or self.session.read_only or self.image_store is None:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Insert image"), "",
                                              self.tr("Images (*.png *.jpg *.jpeg *.tif *.tiff)"))
        if not path:
            return
        try:
            with open(path, "rb") as fh:
                data = fh.read()
            ref = self.image_store(data)
        except OSError as exc:
            show_error(self, GazetteError(f"cannot read {path}: {exc.strerror or exc}"))
            return
        except GazetteError as exc:  # not an image the gazette can print
            show_error(self, exc)
            return
        self.session.images[ref] = data
        caption, _ok = QInputDialog.getText(self, self.tr("Insert image"), self.tr("Caption (optional):"))
        table_tools.insert_image(self.editor.textCursor(), ref, self.session.images, caption.strip())

    def _context_menu(self, pos) -> None:
        menu = self.editor.createStandardContextMenu()
        for action in menu.actions():  # the window's undo stack owns undo/redo
            if action.shortcut().matches(QKeySequence.StandardKey.Undo) or action.shortcut().matches(
                    QKeySequence.StandardKey.Redo):
                menu.removeAction(action)
        menu.addSeparator()
        styles = menu.addMenu(self.tr("Paragraph style"))
        for i, (label, _s, _l) in enumerate(self._styles):
            styles.addAction(label, lambda i=i: self._style_chosen(i))
        if self.editor.textCursor().currentTable() is not None:
            menu.addMenu(self._table_menu)
        menu.exec(self.editor.mapToGlobal(pos))

    def cursor_to_start(self) -> None:
        """Put the cursor at the start of the text."""
        self.editor.moveCursor(QTextCursor.MoveOperation.Start)
