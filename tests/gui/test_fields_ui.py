"""The desktop side of the field declaration: the recovery journal keeps every declared field,
and the document form and the edit session are generated from the declaration, so a field
declared at test time is journalled, shown and edited (undoably) without further code."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit

from editor.model.fields import ATTACHMENT_FIELDS, DOCUMENT_FIELDS
from editor.ui.document_form import DocumentForm
from editor.ui.journal import RecoveryJournal, document_from_json, document_to_json
from editor.ui.session import DocumentSession
from tests.field_factories import extended_fields, full_document  # noqa: F401 - a fixture


def _journal_round_trip(tmp_path: Path):
    doc = full_document()
    journal = RecoveryJournal(tmp_path / "g.db.recovery.json")
    try:
        journal.record(doc, "2025-3", 1)
        other = RecoveryJournal(tmp_path / "g.db.recovery.json")  # a later start reads the file
        journal.close()
        entries = other.entries()
        other.close()
    finally:
        journal.close()
    return doc, entries


def test_every_declared_field_is_journalled_and_recovered(tmp_path: Path) -> None:
    doc = full_document()
    data = document_to_json(doc)
    assert set(DOCUMENT_FIELDS.names()) <= set(data)
    assert set(ATTACHMENT_FIELDS.names()) <= set(data["attachments"][0])
    assert document_from_json(data) == doc
    doc, entries = _journal_round_trip(tmp_path)
    assert [e.document for e in entries] == [doc]


def test_the_session_keeps_every_declared_field(qapp) -> None:
    doc = full_document()
    session = DocumentSession(doc, 1, "2025-3")
    assert set(session.values) == set(DOCUMENT_FIELDS.names())
    assert session.to_document() == doc


@pytest.mark.usefixtures("extended_fields")
def test_a_declared_field_is_journalled_and_recovered(tmp_path: Path) -> None:
    doc, entries = _journal_round_trip(tmp_path)
    assert entries[0].document.file_ref == doc.file_ref == "file_ref之值"
    assert entries[0].document.attachments[0].received == doc.attachments[0].received
    assert entries[0].document == doc


def _row_label(form: DocumentForm, editor: QLineEdit) -> str:
    layout: QFormLayout = form.layout().itemAt(0).layout()
    for row in range(layout.rowCount()):
        field = layout.itemAt(row, QFormLayout.ItemRole.FieldRole).layout()
        if field.itemAt(0).layout().itemAt(0).widget() is editor:
            label = layout.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
            assert isinstance(label, QLabel)
            return label.text()
    raise AssertionError("the editor is on no row of the form")


@pytest.mark.usefixtures("extended_fields")
def test_a_declared_field_gets_an_undoable_editor_in_the_form(qtbot, type_text) -> None:
    stack = QUndoStack()
    form = DocumentForm(stack)
    qtbot.addWidget(form)
    editor = form.file_ref
    assert isinstance(editor, QLineEdit) and _row_label(form, editor) == "File reference"
    assert editor.placeholderText() == "e.g. 2025-永久-0012"
    doc = full_document()
    session = DocumentSession(doc, 1, "2025-3")
    form.set_session(session)
    assert editor.text() == "file_ref之值"
    editor.clear()
    type_text(editor, "2025-永久-0012")
    assert session.to_document().file_ref == "2025-永久-0012" and session.dirty
    stack.undo()
    assert session.value("file_ref") == "file_ref之值" == editor.text()
    form.set_read_only(True)
    assert editor.isReadOnly()
