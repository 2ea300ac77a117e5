"""The two dialogs that keep work from being lost: the recovery offer at start (what was being
typed when the app last stopped) and the conflict dialog when another editor saved the same
document meanwhile (both texts side by side; nothing is discarded)."""

from __future__ import annotations

import difflib
from datetime import datetime

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from editor.core.dates import format_date
from editor.model import Document, block_text
from editor.ui.journal import JournalEntry


def document_text(doc: Document) -> str:
    """A readable plain-text form of a document (fields, body, attachments)."""
    lines = [doc.title]
    for value in (doc.doc_number, doc.addressees):
        if value:
            lines.append(value)
    lines += [block_text(b) for b in doc.body]
    if doc.signing_date:
        lines.append(format_date(doc.signing_date))
    for a in doc.attachments:
        lines += ["", f"{a.label} {a.title}".strip()] + [block_text(b) for b in a.body]
    return "\n".join(lines)


def unsaved_changes(stored: Document | None, recovered: Document) -> str:
    """The lines that differ between the stored and the recovered text ("+ typed", "− removed")."""
    new = document_text(recovered).splitlines()
    if stored is None:
        return "\n".join("+ " + line for line in new)
    old = document_text(stored).splitlines()
    lines = []
    for op, a0, a1, b0, b1 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op in ("replace", "delete"):
            lines += ["− " + line for line in old[a0:a1]]
        if op in ("replace", "insert"):
            lines += ["+ " + line for line in new[b0:b1]]
    return "\n".join(lines)


class RecoveryDialog(QDialog):
    """Lists documents with unsaved edits from the last run: what was typed, then the whole text."""

    def __init__(self, entries: list[JournalEntry], parent: QWidget | None = None,
                 stored: dict[str, Document | None] | None = None) -> None:
        super().__init__(parent)
        self.stored = stored or {}
        self.setWindowTitle(self.tr("Recover unsaved work"))
        self.resize(780, 620)
        self.entries = entries
        intro = QLabel(self.tr("The editor did not close normally last time. These documents had changes "
                               "that were not saved yet. Restore them?"))
        intro.setWordWrap(True)
        self.list = QListWidget()
        for e in entries:
            when = datetime.fromtimestamp(e.saved_at).strftime("%Y-%m-%d %H:%M:%S")
            item = QListWidgetItem(f"{e.document.title or self.tr('(untitled)')}  —  {when}")
            self.list.addItem(item)
        self.changes = QPlainTextEdit()
        self.changes.setReadOnly(True)
        self.changes.setStyleSheet("QPlainTextEdit { background: #fffbea; }")
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.list.currentRowChanged.connect(self._show)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.discard_button = buttons.addButton(self.tr("Discard"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.restore_button.clicked.connect(self.accept)
        self.discard_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(QLabel(self.tr("What was typed and not saved:")))
        layout.addWidget(self.changes, 1)
        layout.addWidget(QLabel(self.tr("The whole recovered text:")))
        layout.addWidget(self.text, 2)
        layout.addWidget(buttons)
        if entries:
            self.list.setCurrentRow(0)

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.entries):
            self.text.setPlainText("")
            self.changes.setPlainText("")
            return
        entry = self.entries[row]
        self.text.setPlainText(document_text(entry.document))
        self.changes.setPlainText(unsaved_changes(self.stored.get(entry.uid), entry.document))


class ConflictDialog(QDialog):
    """Mine and theirs side by side; the user keeps one in the store, the other is kept too."""

    KEEP_MINE = 1
    TAKE_THEIRS = 2

    def __init__(self, mine: Document, theirs: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Someone else saved this document"))
        self.resize(900, 560)
        self.choice = 0
        intro = QLabel(self.tr("Another editor saved “%1” while you were editing it. Nothing has been "
                               "overwritten. Choose which text to keep in the store; the other one is kept "
                               "as well (their version stays in the revision history; your text goes to the "
                               "recovery journal and the clipboard).").replace("%1", mine.title))
        intro.setWordWrap(True)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Your text")), 0, 0)
        grid.addWidget(QLabel(self.tr("Their text (in the store)")), 0, 1)
        self.mine = QPlainTextEdit(document_text(mine))
        self.theirs = QPlainTextEdit(document_text(theirs))
        for edit in (self.mine, self.theirs):
            edit.setReadOnly(True)
        grid.addWidget(self.mine, 1, 0)
        grid.addWidget(self.theirs, 1, 1)
        buttons = QDialogButtonBox()
        keep = buttons.addButton(self.tr("Keep my text"), QDialogButtonBox.ButtonRole.AcceptRole)
        take = buttons.addButton(self.tr("Use their text"), QDialogButtonBox.ButtonRole.RejectRole)
        keep.clicked.connect(lambda: self._choose(self.KEEP_MINE))
        take.clicked.connect(lambda: self._choose(self.TAKE_THEIRS))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid, 1)
        layout.addWidget(buttons)

    def _choose(self, choice: int) -> None:
        self.choice = choice
        self.accept()

    def reject(self) -> None:  # Escape keeps the user's text: the safe default
        self.choice = self.KEEP_MINE
        super().accept()
