"""The form for a document's fields with inline validation, generated from the declaration
(``editor.model.fields``): each field's label, placeholder, editor and check come from there;
:data:`ROWS` only arranges them. Edits become FieldCommands on the window's undo stack; the form
follows the session when undo/redo change a field.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
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

from editor.model.fields import DOCUMENT_FIELDS, FieldSpec, OptionalDate
from editor.ui.session import DocumentSession
from editor.ui.undo import FieldCommand

#: How the form arranges the declared fields: one row each, or several beside each other. A
#: declared field missing here gets a row of its own at the end, from its declaration.
ROWS: tuple[tuple[str, ...], ...] = (
    ("kind", "issuers"), ("title",), ("doc_number",), ("addressees",), ("signing_date", "public_note"),
    ("subtitle",), ("toc_title",),
)


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
    return DOCUMENT_FIELDS.problems(values, issue_date)


def form_rows() -> list[tuple[FieldSpec, ...]]:
    """The rows of the form: :data:`ROWS`, then every other declared field on its own row."""
    placed = {name for row in ROWS for name in row}
    rows = [tuple(DOCUMENT_FIELDS.spec(name) for name in row) for row in ROWS]
    return rows + [(spec,) for spec in DOCUMENT_FIELDS if spec.name not in placed]


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
        self.specs: dict[str, FieldSpec] = {}
        self.dated: dict[str, QCheckBox] = {}  # beside each date editor: whether there is a date
        self.messages: dict[str, QLabel] = {}

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setHorizontalSpacing(8)
        form.setVerticalSpacing(3)
        for row in form_rows():
            line = QHBoxLayout()
            for i, spec in enumerate(row):
                if i:
                    line.addWidget(QLabel(self.tr(spec.label)))
                self._add_editor(line, spec)
            self._add_row(form, self.tr(row[0].label), line, [spec.name for spec in row])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(form)
        self.setEnabled(False)

    def _add_editor(self, line: QHBoxLayout, spec: FieldSpec) -> None:
        """Make the editor of one declared field (kept as ``self.<name>``) and put it on ``line``:
        a combo box for a field with choices, a check box and a date editor for a date, else a
        line edit. Its edits become undoable FieldCommands."""
        name, codec = spec.name, spec.codec
        self.specs[name] = spec
        if spec.choices:
            editor = QComboBox()
            editor.setEditable(True)
            editor.addItems(list(spec.choices))
            editor.lineEdit().installEventFilter(self._filter)
            editor.currentTextChanged.connect(lambda t, n=name, c=codec: self._edited(n, c.from_plain(t)))
            line.addWidget(editor, 1)
        elif not isinstance(codec, OptionalDate):
            editor = QLineEdit()
            editor.installEventFilter(self._filter)
            editor.textEdited.connect(lambda t, n=name, c=codec: self._edited(n, c.from_plain(t)))
            line.addWidget(editor, 3)
        else:
            dated = QCheckBox(self.tr("Dated"))
            editor = QDateEdit()
            editor.setCalendarPopup(True)
            editor.setDisplayFormat("yyyy年M月d日")
            dated.toggled.connect(lambda _on, n=name: self._date_edited(n))
            editor.dateChanged.connect(lambda _d, n=name: self._date_edited(n))
            self.dated[name] = dated
            line.addWidget(dated)
            line.addWidget(editor)
        if spec.placeholder and isinstance(editor, QLineEdit):
            editor.setPlaceholderText(self.tr(spec.placeholder))
        if spec.tooltip:
            editor.setToolTip(self.tr(spec.tooltip))
        setattr(self, name, editor)

    def _add_row(self, form: QFormLayout, label: str, line: QHBoxLayout, names: list[str]) -> None:
        box = QVBoxLayout()
        box.setSpacing(0)
        box.addLayout(line)
        msg = QLabel()
        msg.setStyleSheet("color: #b3261e; font-size: 9pt;")
        msg.setWordWrap(True)
        msg.hide()
        box.addWidget(msg)
        for name in names:
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
        for name in self.specs:
            editor = getattr(self, name)
            if isinstance(editor, QLineEdit):
                editor.setReadOnly(read_only)
            else:
                editor.setEnabled(not read_only)
        for dated in self.dated.values():
            dated.setEnabled(not read_only)

    def _load_all(self) -> None:
        self._loading = True
        try:
            s = self.session
            self.setEnabled(s is not None)
            values = s.values if s is not None else {}
            for name, spec in self.specs.items():
                editor = getattr(self, name)
                value = values.get(name, spec.codec.empty())
                if isinstance(editor, QComboBox):
                    editor.setCurrentText(spec.codec.to_plain(value) or "")
                elif isinstance(editor, QLineEdit):
                    text = spec.codec.to_plain(value) or ""
                    if editor.text() != text:
                        editor.setText(text)
                else:
                    self._load_date(name, value)
        finally:
            self._loading = False
        self.validate()

    def _load_date(self, name: str, value: object) -> None:
        editor: QDateEdit = getattr(self, name)
        self.dated[name].setChecked(isinstance(value, date))
        editor.setEnabled(isinstance(value, date))
        shown = value if isinstance(value, date) else self.issue_date
        if shown is not None:
            editor.setDate(QDate(shown.year, shown.month, shown.day))

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

    def _date_edited(self, name: str) -> None:
        editor: QDateEdit = getattr(self, name)
        editor.setEnabled(self.dated[name].isChecked())
        self._edited(name, editor.date().toPython() if self.dated[name].isChecked() else None)

    def validate(self) -> dict[str, str]:
        """Show inline messages for the current values; returns the problems found."""
        problems = validate_fields(self.session.values, self.issue_date) if self.session else {}
        shown: dict[QLabel, list[str]] = {label: [] for label in self.messages.values()}
        for name, label in self.messages.items():
            text = problems.get(name)
            if text:
                shown[label].append(self.tr(text))
            widget = getattr(self, name)
            if isinstance(widget, QLineEdit):
                widget.setStyleSheet("QLineEdit { border: 1px solid #b3261e; }" if text else "")
        for label, texts in shown.items():
            label.setVisible(bool(texts))
            label.setText("\n".join(texts))
        return problems
