"""The revision history of a document: every saved version, its text, and restoring one (the
restore is saved as a new version, so nothing is lost and it can be undone)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from editor.errors import GazetteError
from editor.ui.recovery_dialogs import document_text


class RevisionsDialog(QDialog):
    """Lists the revisions of one document (newest first) and shows the selected one's text."""

    def __init__(self, service, uid: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Revision history"))
        self.resize(820, 520)
        self.service, self.uid = service, uid
        self.chosen: int | None = None
        self.list = QListWidget()
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.message = QLabel()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(self.text)
        splitter.setSizes([260, 560])
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(self.tr("Restore this version"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.restore_button.clicked.connect(self._restore)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Every save keeps the previous version. Restoring saves the chosen "
                                        "version as the newest one.")))
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.list.currentItemChanged.connect(self._show)
        try:
            revisions = service.revisions(uid)
        except GazetteError as exc:
            revisions = []
            self.message.setText(str(exc))
        for r in revisions:
            item = QListWidgetItem(self.tr("Version %1 · %2").replace("%1", str(r.number)).replace(
                "%2", r.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")))
            item.setData(Qt.ItemDataRole.UserRole, r.number)
            item.setToolTip(r.title)
            self.list.addItem(item)
        self.restore_button.setEnabled(bool(revisions))
        if revisions:
            self.list.setCurrentRow(0)
        else:
            self.text.setPlainText(self.tr("No earlier versions yet."))

    def _show(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is None:
            return
        try:
            doc = self.service.load_revision(self.uid, int(item.data(Qt.ItemDataRole.UserRole)))
        except GazetteError as exc:
            self.text.setPlainText(str(exc))
            return
        self.text.setPlainText(document_text(doc))

    def _restore(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen = int(item.data(Qt.ItemDataRole.UserRole))
            self.accept()
