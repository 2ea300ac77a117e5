"""The main window on the sample issue: opening, issues, contents reordering (model and
simulated drag), columns, status, field edits stored, undo/redo."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from editor.model import IssueStatus

pytestmark = pytest.mark.gui


def doc_titles(service, key="2025-3") -> list[list[str]]:
    return [[d.title for d in s.documents] for s in service.load_issue(key).sections]


def test_opens_the_sample_issue(window):
    assert window.issue_key == "2025-3"
    assert window.model.section_names() == ["市政府文件", "市政府办公室文件", "政府大事记"]
    assert window.navigator.issues.count() == 1
    assert window.current is not None and "节水" in window.current.title
    assert window.form.doc_number.text() == "包府发〔2025〕12号"
    assert window.body.parts.count() == 3  # body, enclosed plan, 附件 table
    assert "2025" in window.windowTitle()


def test_last_issue_is_reopened(qtbot, sample_db, window):
    from editor.ui.main_window import MainWindow

    key = window.create_issue(2026, 1, 155, date(2026, 1, 10))
    assert key == "2026-1"
    window.close()
    again = MainWindow.open(str(sample_db))
    qtbot.addWidget(again)
    assert again.issue_key == "2026-1"
    again.open_issue("2025-3")
    again.close()
    third = MainWindow.open(str(sample_db))
    qtbot.addWidget(third)
    assert third.issue_key == "2025-3"
    third.close()


def test_new_issue_takes_the_next_numbers_and_the_columns(window):
    defaults = window.service.next_issue_defaults()
    assert defaults.cumulative == 155
    assert defaults.pub_date == date.today()
    from editor.ui.issue_dialogs import IssueDialog

    dialog = IssueDialog(defaults, "new")
    assert dialog.values() == (defaults.year, defaults.number, 155, date.today())
    key = window.create_issue(*dialog.values())
    assert window.issue_key == key
    assert [s.key for s in window.service.list_issues()][-1] == key
    assert window.model.section_names() == ["市政府文件", "市政府办公室文件", "政府大事记"]
    assert window.navigator.issues.count() == 2
    assert window.current is None
    window.stack.undo()
    assert window.navigator.issues.count() == 1 and window.issue_key == "2025-3"
    window.stack.redo()
    assert window.issue_key == key


def test_reorder_by_the_tree_model_and_undo(window):
    model, service = window.model, window.service
    before = doc_titles(service)
    sec0 = model.section_index("市政府文件")
    third = model.index(2, 0, sec0)
    mime = model.mimeData([third])
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, sec0)
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, sec0)
    after = doc_titles(service)
    assert after[0] == [before[0][2], before[0][0], before[0][1]]
    assert model.index(0, 0, model.section_index("市政府文件")).data() == before[0][2]
    window.stack.undo()
    assert doc_titles(service) == before
    window.stack.redo()
    assert doc_titles(service) == after


def test_move_across_columns_and_reorder_columns(window):
    model, service = window.model, window.service
    before = doc_titles(service)
    chronicle = model.index(0, 0, model.section_index("政府大事记"))
    target = model.section_index("市政府办公室文件")
    model.dropMimeData(model.mimeData([chronicle]), Qt.DropAction.MoveAction, -1, 0, target)
    assert doc_titles(service)[1] == before[1] + before[2]
    assert doc_titles(service)[2] == []
    # a column dropped at the top of the tree
    col = model.section_index("政府大事记")
    model.dropMimeData(model.mimeData([col]), Qt.DropAction.MoveAction, 0, 0, model.index(-1, -1))
    assert [s.name for s in service.load_issue("2025-3").sections][0] == "政府大事记"
    assert model.section_names()[0] == "政府大事记"
    window.stack.undo()
    window.stack.undo()
    assert doc_titles(service) == before


def _drop_on_view(view, mime: QMimeData, pos: QPoint) -> None:
    """Deliver a drop to the view's own drop handling (QApplication routes synthetic drag events
    only to the target of a real drag, so the handler is called directly)."""
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    event = QDropEvent(pos.toPointF(), Qt.DropAction.MoveAction, mime, buttons, mods)
    event.ignore()
    view.dropEvent(event)


def test_reorder_by_a_simulated_drag_on_the_tree(window):
    model, service, view = window.model, window.service, window.navigator.tree
    before = doc_titles(service)
    sec0 = model.section_index("市政府文件")
    last = model.index(2, 0, sec0)
    first_rect = view.visualRect(model.index(0, 0, sec0))
    # drop on the upper edge of the first document: above it
    pos = QPoint(first_rect.center().x(), first_rect.top() + 1)
    _drop_on_view(view, model.mimeData([last]), pos)
    assert doc_titles(service)[0] == [before[0][2], before[0][0], before[0][1]]


def test_columns_add_rename_and_remove_asks_first(window, monkeypatch):
    service = window.service
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getText", lambda *a, **k: ("公告", True))
    window.navigator.select_document(window.model.index(0, 0, window.model.section_index("政府大事记"))
                                     .data(Qt.ItemDataRole.UserRole + 1))
    window.add_section()
    assert window.model.section_names() == ["市政府文件", "市政府办公室文件", "政府大事记", "公告"]
    window.navigator.tree.setCurrentIndex(window.model.section_index("公告"))
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getText", lambda *a, **k: ("通告公告", True))
    window.rename_section()
    assert [s.name for s in service.load_issue("2025-3").sections][-1] == "通告公告"
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No)
    window.remove_section()  # empty: no question
    assert asked == []
    assert "通告公告" not in window.model.section_names()
    window.navigator.tree.setCurrentIndex(window.model.section_index("政府大事记"))
    window.remove_section()  # holds the chronicle: asks, and "No" keeps it
    assert len(asked) == 1
    assert "政府大事记" in window.model.section_names()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.remove_section()
    assert "政府大事记" not in window.model.section_names()
    window.stack.undo()
    assert doc_titles(service)[2] == ["政府大事记"]


def test_editing_a_title_is_stored_and_undoable(window, plan_uid, qtbot, type_text):
    window.open_document(plan_uid)
    title = window.form.title
    original = title.text()
    title.setFocus()
    title.end(False)
    type_text(title, "（修订）")
    assert window.current.title == original + "（修订）"
    window.save_now()
    assert window.service.load_document(plan_uid)[0].title == original + "（修订）"
    assert window.model.document_index(plan_uid).data() == original + "（修订）"
    assert not window.journal.entries()
    window.stack.undo()  # one step for the whole typing in the field
    assert title.text() == original
    window.save_now()
    assert window.service.load_document(plan_uid)[0].title == original
    window.stack.redo()
    assert title.text() == original + "（修订）"


def test_body_typing_undo_and_redo_via_shortcuts(window, plan_uid, qtbot, type_text):
    window.open_document(plan_uid)
    editor = window.body.editor
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    before = editor.toPlainText()
    type_text(editor, "新增一句。")
    assert editor.toPlainText() == before + "新增一句。"
    assert window.current.dirty
    QTest.keySequence(editor, "Ctrl+Z")
    assert editor.toPlainText() == before
    QTest.keySequence(editor, "Ctrl+Shift+Z")
    assert editor.toPlainText() == before + "新增一句。"
    window.save_now()
    body = window.service.load_document(plan_uid)[0].body
    assert body[-1].text.endswith("新增一句。")


def test_inline_validation(window, plan_uid, type_text):
    window.open_document(plan_uid)
    form = window.form
    form.doc_number.setText("")
    type_text(form.doc_number, "包府发[2025]012号")
    assert form.messages["doc_number"].isVisibleTo(form)
    form.doc_number.clear()
    type_text(form.doc_number, "包府发〔2025〕12号")
    assert not form.messages["doc_number"].isVisibleTo(form)
    form.title.selectAll()
    QTest.keyClick(form.title, Qt.Key.Key_Delete)
    assert form.messages["title"].isVisibleTo(form)
    form.signing_date.setDate(form.signing_date.date().addYears(2))
    assert form.messages["signing_date"].isVisibleTo(form)


def test_final_issue_is_read_only_until_reopened(window, plan_uid):
    window.set_status(IssueStatus.PROOF)
    assert window.service.list_issues()[0].status == IssueStatus.PROOF
    window.set_status(IssueStatus.FINAL)
    assert window.model.read_only
    assert window.form.title.isReadOnly()
    assert window.body.editor.isReadOnly()
    sec0 = window.model.section_index("市政府文件")
    mime = window.model.mimeData([window.model.index(2, 0, sec0)])
    assert not window.model.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, sec0)
    assert not window.actions["new_document"].isEnabled()
    window.stack.undo()  # back to proof: the status change is an edit like any other
    assert not window.form.title.isReadOnly()
    window.stack.redo()
    assert window.form.title.isReadOnly()
    window.set_status(IssueStatus.DRAFT)
    assert not window.form.title.isReadOnly()
    assert not window.model.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, sec0)  # stale index
    sec0 = window.model.section_index("市政府文件")
    assert window.model.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, sec0)


def test_new_and_deleted_document_with_undo(window, qtbot):
    window.navigator.tree.setCurrentIndex(window.model.section_index("政府大事记"))
    window.new_document()
    assert window.current.title == "New document"
    uid = window.current.uid
    assert window.model.document_count("政府大事记") == 2
    window.stack.undo()
    assert window.model.document_count("政府大事记") == 1
    window.stack.redo()
    assert window.model.document_count("政府大事记") == 2
    assert window.service.document_location(uid)[1] == "政府大事记"


def test_find_dialog_opens_a_document(window):
    from editor.ui.find_dialog import FindDialog

    window.actions["find"].trigger()
    dialog = window.findChild(FindDialog)
    assert dialog is not None
    dialog.query.setText("就业")
    dialog.search()
    assert dialog.results.count() >= 1
    dialog._activated(dialog.results.item(0))
    assert "就业" in window.current.title


def test_publication_and_issue_properties(window, monkeypatch):
    from editor.ui.issue_dialogs import IssueDialog, PublicationDialog

    dialog = PublicationDialog(window.service.publication())
    dialog.edits["sponsor"].setText("包头市人民政府办公室")
    window.service.save_publication(dialog.publication())
    assert window.service.publication().sponsor == "包头市人民政府办公室"

    def fake_exec(self):
        self.cumulative.setValue(160)
        return IssueDialog.DialogCode.Accepted

    monkeypatch.setattr(IssueDialog, "exec", fake_exec)
    window.issue_properties()
    assert window.service.list_issues()[0].cumulative == 160
    window.stack.undo()
    assert window.service.list_issues()[0].cumulative == 154

    def renumber(self):
        self.number.setValue(4)
        return IssueDialog.DialogCode.Accepted

    monkeypatch.setattr(IssueDialog, "exec", renumber)
    window.issue_properties()
    assert window.issue_key == "2025-4" and window.current is not None
    window.save_now()
    window.stack.undo()
    assert window.issue_key == "2025-3"


def test_revision_history_restores_and_undoes(window, plan_uid, type_text, monkeypatch):
    from editor.ui.revisions_dialog import RevisionsDialog

    window.open_document(plan_uid)
    original = window.current.title
    window.form.title.end(False)
    type_text(window.form.title, "（二稿）")
    window.save_now()
    shown = {}

    def pick_oldest(dialog):
        dialog.list.setCurrentRow(dialog.list.count() - 1)
        shown["text"] = dialog.text.toPlainText()
        dialog._restore()
        return RevisionsDialog.DialogCode.Accepted

    monkeypatch.setattr(RevisionsDialog, "exec", pick_oldest)
    window.revisions_dialog()
    assert shown["text"].startswith(original)
    assert window.service.load_document(plan_uid)[0].title == original
    assert window.form.title.text() == original
    window.stack.undo()
    assert window.service.load_document(plan_uid)[0].title == original + "（二稿）"
    assert window.form.title.text() == original + "（二稿）"


def test_undo_across_a_deleted_and_restored_document(window, plan_uid, type_text, monkeypatch):
    window.open_document(plan_uid)
    editor = window.body.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, "删前。")
    window.navigator.select_document(plan_uid)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.delete_document()
    assert window.model.document_index(plan_uid).isValid() is False
    assert window.editing.sessions[plan_uid].detached
    window.stack.undo()  # the deletion
    assert window.model.document_index(plan_uid).isValid()
    window.stack.undo()  # the typing, in the restored document
    window.save_now()
    body = window.service.load_document(plan_uid)[0].body
    assert not body[-1].text.endswith("删前。")
    window.stack.redo()
    window.save_now()
    assert window.service.load_document(plan_uid)[0].body[-1].text.endswith("删前。")


def test_final_issue_refuses_delete_key_and_attachments(window, plan_uid, qtbot, monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes)
    window.model.set_pages({plan_uid: 8})
    window.set_status(IssueStatus.FINAL)
    assert window.model.pages == {plan_uid: 8}  # a status change keeps the last build's pages
    assert not window.body.add_part_button.isEnabled()
    assert not window.actions["delete_issue"].isEnabled()
    assert window.actions["build"].isEnabled()
    window.navigator.select_document(plan_uid)
    window.navigator.tree.setFocus()
    QTest.keyClick(window.navigator.tree, Qt.Key.Key_Delete)
    assert not asked
    assert plan_uid in [d.uid for d in window.service.load_issue("2025-3").documents()]
    window.set_status(IssueStatus.DRAFT)
    assert window.body.add_part_button.isEnabled()


def test_publication_dialog_offers_layouts_and_refuses_an_unknown_one(window):
    from editor.ui.issue_dialogs import PublicationDialog

    dialog = PublicationDialog(window.service.publication())
    combo = dialog.edits["default_layout"]
    assert combo.findText("gazette") >= 0
    combo.setCurrentText("no-such-layout")
    dialog.accept()
    assert dialog.result() != PublicationDialog.DialogCode.Accepted
    assert dialog.layout_message.isVisibleTo(dialog) and "no-such-layout" in dialog.layout_message.text()
    combo.setCurrentText("gbt9704")
    dialog.accept()
    assert dialog.result() == PublicationDialog.DialogCode.Accepted
    assert dialog.publication().default_layout == "gbt9704"


def test_ctrl_f_again_reuses_the_find_window(window):
    from editor.ui.find_dialog import FindDialog

    window.actions["find"].trigger()
    window.actions["find"].trigger()
    dialogs = [d for d in window.findChildren(FindDialog) if d.isVisible()]
    assert len(dialogs) == 1
