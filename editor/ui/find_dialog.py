"""Find a document by title or text (Ctrl+F) across the store's issues."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor.errors import GazetteError


class FindDialog(QDialog):
    """Search box and result list; activating a result asks the window to open the document."""

    openRequested = Signal(str)  # uid

    def __init__(self, service, current_key: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Find document"))
        self.resize(560, 420)
        self.service = service
        self.current_key = current_key
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Words in the title or the text, e.g. 节水"))
        self.query.setClearButtonEnabled(True)
        self.only_issue = QCheckBox(self.tr("Only this issue"))
        self.only_issue.setChecked(current_key is not None)
        self.only_issue.setEnabled(current_key is not None)
        self.results = QListWidget()
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.count = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        row.addWidget(self.only_issue)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.count)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(200)
        self.timer.timeout.connect(self.search)
        self.query.textChanged.connect(lambda _t: self.timer.start())
        self.query.returnPressed.connect(self._activate_first)
        self.only_issue.toggled.connect(lambda _c: self.search())
        self.results.itemActivated.connect(self._activated)

    def search(self) -> None:
        """Run the search for the text in the box."""
        self.timer.stop()
        text = self.query.text().strip()
        self.results.clear()
        if not text:
            self.count.setText("")
            return
        key = self.current_key if self.only_issue.isChecked() else None
        try:
            hits = self.service.search(text, key)
        except GazetteError as exc:
            self.count.setText(str(exc))
            return
        for uid, title, snippet in hits:
            item = QListWidgetItem(f"{title}\n    {snippet}")
            item.setData(Qt.ItemDataRole.UserRole, uid)
            self.results.addItem(item)
        self.count.setText(self.tr("%n document(s) found", "", len(hits)))

    def _activate_first(self) -> None:
        self.search()
        if self.results.count():
            self._activated(self.results.item(0))

    def _activated(self, item: QListWidgetItem) -> None:
        self.openRequested.emit(item.data(Qt.ItemDataRole.UserRole))
