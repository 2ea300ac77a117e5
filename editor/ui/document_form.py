"""The form for a document's fields (kind, issuing organs, title, number, addressees, signing
date, publication note, subtitle, contents entry) with inline validation. Edits become FieldCommands on the
window's undo stack; the form follows the session when undo/redo change a field.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from editor.model import DOCUMENT_KINDS
from editor.ui.session import DocumentSession
from editor.ui.undo import FieldCommand

DOC_NUMBER = re.compile(r"^\S+〔(\d{4})〕([1-9]\d*)号$")
_SPLIT = re.compile(r"[、,，;；\s]+")


class UndoKeyFilter(QObject):
    """Lets the window's Undo/Redo shortcuts win over a text widget's own undo history."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            if (event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)
                    or event.keyCombination().toCombined() == QKeySequence("Ctrl+Shift+Z")[0].toCombined()):
                event.ignore()
                return True
        return False


def validate_fields(values: dict, issue_date: date | None) -> dict[str, str]:
    """Problems with the form values, by field name (messages in English source text)."""
    problems: dict[str, str] = {}
    if not str(values.get("title") or "").strip():
        problems["title"] = QT_TRANSLATE_NOOP("DocumentForm", "The title must not be empty.")
    number = str(values.get("doc_number") or "").strip()
    if number:
        m = DOC_NUMBER.match(number)
        if not m:
            problems["doc_number"] = QT_TRANSLATE_NOOP("DocumentForm", "A document number looks like 包府发〔2025〕12号: year in 〔〕, no leading zero.")
        elif issue_date and int(m.group(1)) > issue_date.year:
            problems["doc_number"] = QT_TRANSLATE_NOOP("DocumentForm", "The year of the number is after the issue's year.")
    signing = values.get("signing_date")
    if isinstance(signing, date) and issue_date and signing > issue_date:
        problems["signing_date"] = QT_TRANSLATE_NOOP("DocumentForm", "The signing date is after the issue's publication date.")
    addressees = str(values.get("addressees") or "")
    if addressees and not addressees.endswith("："):
        problems["addressees"] = QT_TRANSLATE_NOOP("DocumentForm", "Addressees end with a full-width colon (：).")
    return problems


class DocumentForm(QWidget):
    """Field editors for one DocumentSession."""

    titleEdited = Signal(str, str)  # uid, title

    def __init__(self, undo_stack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stack = undo_stack
        self.session: DocumentSession | None = None
        self.issue_date: date | None = None
        self._loading = False
        self._filter = UndoKeyFilter(self)

        self.kind = QComboBox()
        self.kind.setEditable(True)
        self.kind.addItems(list(DOCUMENT_KINDS))
        self.issuers = QLineEdit()
        self.issuers.setPlaceholderText(self.tr("e.g. 包头市人民政府 (several separated by 、)"))
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("Full title including the issuing organ"))
        self.doc_number = QLineEdit()
        self.doc_number.setPlaceholderText("包府发〔2025〕12号")
        self.addressees = QLineEdit()
        self.addressees.setPlaceholderText(self.tr("e.g. 各旗县区人民政府，稀土高新区管委会，市直各有关部门："))
        self.signing_enabled = QCheckBox(self.tr("Dated"))
        self.signing_date = QDateEdit()
        self.signing_date.setCalendarPopup(True)
        self.signing_date.setDisplayFormat("yyyy年M月d日")
        self.public_note = QLineEdit()
        self.public_note.setPlaceholderText("（此件公开发布）")
        self.subtitle = QLineEdit()
        self.subtitle.setPlaceholderText(self.tr("Optional line under the title"))
        self.toc_title = QLineEdit()
        self.toc_title.setPlaceholderText(self.tr("Leave empty to use the title"))
        self.toc_title.setToolTip(self.tr("The line the contents (目录) and the PDF bookmark show when it "
                                          "differs from the printed title"))

        self.messages: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setHorizontalSpacing(8)
        form.setVerticalSpacing(3)
        row1 = QHBoxLayout()
        row1.addWidget(self.kind, 1)
        row1.addWidget(QLabel(self.tr("Issuing organs")))
        row1.addWidget(self.issuers, 3)
        form.addRow(self.tr("Kind"), row1)
        self._add(form, self.tr("Title"), self.title, "title")
        self._add(form, self.tr("Document number"), self.doc_number, "doc_number")
        self._add(form, self.tr("Addressees"), self.addressees, "addressees")
        date_row = QHBoxLayout()
        date_row.addWidget(self.signing_enabled)
        date_row.addWidget(self.signing_date)
        date_row.addWidget(QLabel(self.tr("Publication note")))
        date_row.addWidget(self.public_note, 1)
        self._add(form, self.tr("Signing date"), date_row, "signing_date")
        self._add(form, self.tr("Subtitle"), self.subtitle, "subtitle")
        self._add(form, self.tr("Contents entry"), self.toc_title, "toc_title")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(form)

        for w in (self.issuers, self.title, self.doc_number, self.addressees, self.public_note, self.subtitle,
                  self.toc_title, self.kind.lineEdit()):
            w.installEventFilter(self._filter)
        self.kind.currentTextChanged.connect(lambda t: self._edited("kind", t))
        self.issuers.textEdited.connect(lambda t: self._edited("issuers", [p for p in _SPLIT.split(t) if p]))
        self.title.textEdited.connect(lambda t: self._edited("title", t))
        self.doc_number.textEdited.connect(lambda t: self._edited("doc_number", t))
        self.addressees.textEdited.connect(lambda t: self._edited("addressees", t))
        self.public_note.textEdited.connect(lambda t: self._edited("public_note", t))
        self.subtitle.textEdited.connect(lambda t: self._edited("subtitle", t))
        self.toc_title.textEdited.connect(lambda t: self._edited("toc_title", t))
        self.signing_enabled.toggled.connect(self._date_edited)
        self.signing_date.dateChanged.connect(self._date_edited)
        self.setEnabled(False)

    def _add(self, form: QFormLayout, label: str, field, name: str) -> None:
        box = QVBoxLayout()
        box.setSpacing(0)
        if isinstance(field, QWidget):
            box.addWidget(field)
        else:
            box.addLayout(field)
        msg = QLabel()
        msg.setStyleSheet("color: #b3261e; font-size: 9pt;")
        msg.setWordWrap(True)
        msg.hide()
        box.addWidget(msg)
        self.messages[name] = msg
        form.addRow(label, box)

    # session binding ----------------------------------------------------------------------
    def set_session(self, session: DocumentSession | None, issue_date: date | None = None) -> None:
        """Show a document's fields (None: an empty, disabled form)."""
        if self.session is not None:
            self.session.fieldChanged.disconnect(self._field_changed)
        self.session = session
        self.issue_date = issue_date
        if session is not None:
            session.fieldChanged.connect(self._field_changed)
        self._load_all()

    def set_read_only(self, read_only: bool) -> None:
        """Lock the fields of a final issue."""
        for w in (self.issuers, self.title, self.doc_number, self.addressees, self.public_note, self.subtitle,
                  self.toc_title):
            w.setReadOnly(read_only)
        for w in (self.kind, self.signing_enabled, self.signing_date):
            w.setEnabled(not read_only)

    def _load_all(self) -> None:
        self._loading = True
        try:
            s = self.session
            self.setEnabled(s is not None)
            values = s.values if s is not None else {}
            self.kind.setCurrentText(str(values.get("kind") or ""))
            self.issuers.setText("、".join(values.get("issuers") or []))
            for name in ("title", "doc_number", "addressees", "public_note", "subtitle", "toc_title"):
                widget: QLineEdit = getattr(self, name)
                if widget.text() != str(values.get(name) or ""):
                    widget.setText(str(values.get(name) or ""))
            signing = values.get("signing_date")
            self.signing_enabled.setChecked(isinstance(signing, date))
            self.signing_date.setEnabled(isinstance(signing, date))
            if isinstance(signing, date):
                self.signing_date.setDate(QDate(signing.year, signing.month, signing.day))
            elif self.issue_date:
                self.signing_date.setDate(QDate(self.issue_date.year, self.issue_date.month, self.issue_date.day))
        finally:
            self._loading = False
        self.validate()

    def _field_changed(self, name: str) -> None:
        if not self._loading:
            self._load_all()
        if name == "title" and self.session is not None:
            self.titleEdited.emit(self.session.uid, self.session.title)

    # edits --------------------------------------------------------------------------------
    def _edited(self, name: str, value: object) -> None:
        if self._loading or self.session is None or self.session.read_only:
            return
        old = self.session.value(name)
        if old == value:
            return
        self._loading = True
        try:
            self.stack.push(FieldCommand(self.session, name, old, value))
        finally:
            self._loading = False
        if name == "title":
            self.titleEdited.emit(self.session.uid, self.session.title)
        self.validate()

    def _date_edited(self, *_args) -> None:
        self.signing_date.setEnabled(self.signing_enabled.isChecked())
        if self.signing_enabled.isChecked():
            self._edited("signing_date", self.signing_date.date().toPython())
        else:
            self._edited("signing_date", None)

    def validate(self) -> dict[str, str]:
        """Show inline messages for the current values; returns the problems found."""
        problems = validate_fields(self.session.values, self.issue_date) if self.session else {}
        for name, label in self.messages.items():
            text = problems.get(name)
            label.setVisible(bool(text))
            label.setText(self.tr(text) if text else "")
            widget = getattr(self, name, None)
            if isinstance(widget, QLineEdit):
                widget.setStyleSheet("QLineEdit { border: 1px solid #b3261e; }" if text else "")
        return problems
