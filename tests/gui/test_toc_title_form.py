"""The contents entry (toc_title) in the document form: shown, edited, stored, undone,
kept by crash recovery, and translated."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from editor.model import Document, Paragraph

pytestmark = pytest.mark.gui

CHRONICLE = "baotou-2025-03-doc5"
SAMPLE_ENTRY = "2025年3月1日至2025年3月31日政府大事记"
QM = Path(__file__).resolve().parents[2] / "resources" / "translations" / "gazette_zh_CN.qm"


def test_the_form_shows_the_sample_entry_and_an_empty_one_as_placeholder(window, plan_uid):
    window.open_document(CHRONICLE)
    assert window.form.title.text() == "政府大事记"
    assert window.form.toc_title.text() == SAMPLE_ENTRY
    window.open_document(plan_uid)
    assert window.form.toc_title.text() == ""
    assert window.form.toc_title.placeholderText() == "Leave empty to use the title"


def test_editing_the_entry_is_stored_and_undo_restores_it(window, plan_uid, type_text):
    window.open_document(plan_uid)
    field = window.form.toc_title
    field.setFocus()
    type_text(field, "节水行动实施方案的通知")
    assert window.current.value("toc_title") == "节水行动实施方案的通知"
    window.save_now()
    stored = window.service.load_document(plan_uid)[0]
    assert stored.toc_title == "节水行动实施方案的通知"
    assert "节水" in stored.title and stored.title != stored.toc_title  # the title is untouched
    window.stack.undo()  # one step for the whole typing in the field
    assert field.text() == ""
    window.save_now()
    assert window.service.load_document(plan_uid)[0].toc_title == ""
    window.stack.redo()
    assert field.text() == "节水行动实施方案的通知"
    window.save_now()
    assert window.service.load_document(plan_uid)[0].toc_title == "节水行动实施方案的通知"


def test_a_final_issue_locks_the_entry(window):
    window.open_document(CHRONICLE)
    window.form.set_read_only(True)
    assert window.form.toc_title.isReadOnly()
    window.form.set_read_only(False)
    assert not window.form.toc_title.isReadOnly()


def test_recovery_keeps_the_entry() -> None:
    from editor.ui.journal import document_from_json, document_to_json

    doc = Document(title="政府大事记", kind="大事记", toc_title=SAMPLE_ENTRY, body=[Paragraph("正文。")])
    assert document_from_json(document_to_json(doc)) == doc
    old = document_to_json(doc)
    del old["toc_title"]  # a journal written before the field existed
    assert document_from_json(old).toc_title == ""


def test_the_label_and_placeholder_are_translated(qapp) -> None:
    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("DocumentForm", "Contents entry") == "目录标题"
        assert QCoreApplication.translate("DocumentForm", "Leave empty to use the title") == "留空则使用标题"
    finally:
        QCoreApplication.removeTranslator(translator)
