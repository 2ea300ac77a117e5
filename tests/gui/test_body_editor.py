"""The body editor: block styles round trip, tables (insert, merge, split, header rows),
paste through the structurer, attachments."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QMimeData, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from editor.model import (
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
from editor.ui import table_tools
from editor.ui.textdoc import blocks_document, document_blocks

pytestmark = pytest.mark.gui

NOTICE = """包头市人民政府办公室关于做好春季森林草原防火工作的通知
包府办发〔2025〕7号
各旗、县、区人民政府，稀土高新区管委会，市直各有关部门：
为做好春季森林草原防火工作，现将有关事项通知如下。
一、提高思想认识
各地区要高度重视春季防火工作。
（一）加强组织领导。各地区要成立领导小组，明确责任分工。
二、强化监测预警
加强巡查值守。
包头市人民政府办公室
2025年3月10日
（此件公开发布）
"""


def test_every_block_kind_survives_the_editor(qapp):
    blocks = [
        Heading(1, "一、总体要求"), Paragraph("为深入贯彻落实。"), Heading(2, "（一）严格管理。", True, "分行业确定。"),
        Heading(3, "1.加强监测"), Heading(4, "（1）定期通报"),
        Table(rows=[[TableCell("地区", 2, 1), TableCell("指标", 1, 2)], [TableCell("甲"), TableCell("乙")],
                    [TableCell("东河区"), TableCell("1.2"), TableCell("3%", align="right")]],
              header_rows=2, widths=[1, 2, 2], caption="表1 目标分解"),
        NameList([NameEntry("张三", "任包头市某局局长；"), NameEntry("李四五", "免去其某职务。")]),
        ChronicleEntry("3月18日", "，市长主持召开常务会议。"), Note("备注：以上为预计数。"),
        Paragraph("包头市人民政府", align="right", indent=False, role="closing"),
        Paragraph("附件：1.目标分解表", indent=False, role="attachment-note"), Image("abc123", "图1", 60.0),
    ]
    assert document_blocks(blocks_document(blocks)) == blocks


def _select_cells(editor, table, r0, c0, r1, c1) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(table.cellAt(r0, c0).firstPosition())
    cursor.setPosition(table.cellAt(r1, c1).firstPosition(), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def test_table_insert_merge_split_and_header_rows(window, type_text):
    window.navigator.tree.setCurrentIndex(window.model.section_index("政府大事记"))
    window.new_document()
    body, editor = window.body, window.body.editor
    table_tools.insert_table(editor.textCursor(), 3, 3, header_rows=1)
    table = editor.textCursor().currentTable() or editor.document().rootFrame().childFrames()[0]
    cursor = QTextCursor(table.cellAt(0, 0).firstCursorPosition())
    editor.setTextCursor(cursor)
    type_text(editor, "项目")
    _select_cells(editor, table, 0, 0, 0, 1)
    assert body._table_op(table_tools.merge_cells)
    window.save_now()
    stored = window.service.load_document(window.current.uid)[0].body
    tables = [b for b in stored if isinstance(b, Table)]
    assert len(tables) == 1
    assert tables[0].rows[0][0].colspan == 2 and tables[0].rows[0][0].text == "项目"
    assert tables[0].header_rows == 1 and len(tables[0].rows) == 3
    window.stack.undo()  # the merge
    assert table.cellAt(0, 0).columnSpan() == 1
    window.stack.redo()
    assert table.cellAt(0, 0).columnSpan() == 2
    editor.setTextCursor(QTextCursor(table.cellAt(0, 0).firstCursorPosition()))
    assert body._table_op(table_tools.split_cell)
    assert table.cellAt(0, 0).columnSpan() == 1
    assert body._table_op(lambda c: table_tools.set_header_rows(c, 2))
    assert body._table_op(table_tools.insert_row)
    assert table.rows() == 4
    window.save_now()
    stored = [b for b in window.service.load_document(window.current.uid)[0].body if isinstance(b, Table)][0]
    assert stored.header_rows == 2 and len(stored.rows) == 4
    assert all(c.colspan == 1 for row in stored.rows for c in row)


def test_merging_cells_of_the_sample_table(window, plan_uid):
    window.open_document(plan_uid)
    body = window.body
    index = next(i for i, p in enumerate(window.current.parts) if p.label == "附件")
    body.show_part(index)
    editor = body.editor
    table = editor.document().rootFrame().childFrames()[0]
    last = table.rows() - 1
    left, right = table.cellAt(last, 1), table.cellAt(last, 2)
    texts = (left.firstCursorPosition().block().text(), right.firstCursorPosition().block().text())
    _select_cells(editor, table, last, 1, last, 2)
    assert body._table_op(table_tools.merge_cells)
    window.save_now()
    doc = window.service.load_document(plan_uid)[0]
    stored = [b for b in doc.attachments[-1].body if isinstance(b, Table)][0]
    merged = [c for c in stored.rows[-1] if c.colspan == 2]
    assert len(merged) == 1
    assert texts[0] in merged[0].text and texts[1] in merged[0].text
    stored.grid()  # still a valid table


def test_paste_of_a_plain_text_notice_is_structured(window):
    window.navigator.tree.setCurrentIndex(window.model.section_index("市政府办公室文件"))
    window.new_document()
    mime = QMimeData()
    mime.setText(NOTICE)
    window.body.editor.insertFromMimeData(mime)
    s = window.current
    assert s.title == "包头市人民政府办公室关于做好春季森林草原防火工作的通知"
    assert s.value("doc_number") == "包府办发〔2025〕7号"
    assert str(s.value("addressees")).endswith("：")
    blocks = document_blocks(s.parts[0].doc)
    assert Heading(1, "一、提高思想认识") in blocks
    assert any(isinstance(b, Heading) and b.run_in and b.text == "（一）加强组织领导。" for b in blocks)
    window.save_now()
    stored, _version = window.service.load_document(s.uid)
    assert stored.doc_number == "包府办发〔2025〕7号"
    assert stored.signing_date is not None and stored.signing_date.day == 10
    window.stack.undo()  # the whole paste is one step
    assert not s.parts[0].doc.toPlainText().strip()
    assert window.form.title.text() == "New document"


def test_paste_into_a_body_inserts_structured_blocks(window, plan_uid):
    window.open_document(plan_uid)
    editor = window.body.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    mime = QMimeData()
    mime.setHtml("<html><body><p>三、保障措施</p><p>加强资金保障。</p></body></html>")
    editor.insertFromMimeData(mime)
    blocks = document_blocks(editor.document())
    assert Heading(1, "三、保障措施") in blocks
    assert blocks[-1] == Paragraph("加强资金保障。")


def test_attachments_can_be_added_and_removed_with_undo(window, plan_uid):
    window.open_document(plan_uid)
    s = window.current
    count = len(s.parts)
    window.body.add_attachment("附件")
    assert len(s.parts) == count + 1 and s.parts[-1].label == "附件2"
    window.body.part_title.setText("包头市节水目标")
    window.body._part_header_edited()
    window.save_now()
    doc = window.service.load_document(plan_uid)[0]
    assert doc.attachments[-1].label == "附件2" and doc.attachments[-1].title == "包头市节水目标"
    window.body.remove_attachment()
    assert len(s.parts) == count
    window.stack.undo()
    assert len(s.parts) == count + 1


def test_undo_of_an_edit_in_another_document_shows_it(window, plan_uid, type_text):
    window.open_document(plan_uid)
    editor = window.body.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor, "甲。")
    other = window.service.load_issue("2025-3").documents()[1].uid
    window.open_document(other)
    assert window.current.uid == other
    window.stack.undo()
    assert window.current.uid == plan_uid
    assert not window.body.editor.toPlainText().endswith("甲。")
    window.save_now()
    assert not document_blocks(window.current.parts[0].doc)[-1].text.endswith("甲。")


def test_insert_an_image(window, plan_uid, tmp_path, monkeypatch):
    from PySide6.QtGui import QColor, QImage

    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    path = tmp_path / "map.png"
    assert image.save(str(path))
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr("PySide6.QtWidgets.QInputDialog.getText", lambda *a, **k: ("示意图", True))
    window.open_document(plan_uid)
    window.body.editor.moveCursor(QTextCursor.MoveOperation.End)
    window.body.insert_image()
    window.save_now()
    doc, _ = window.service.load_document(plan_uid)
    images = [b for b in doc.body if isinstance(b, Image)]
    assert len(images) == 1 and images[0].caption == "示意图"
    assert images[0].ref in window.service.load_issue("2025-3").images


def test_paste_an_image(window, plan_uid):
    from PySide6.QtGui import QColor, QImage

    image = QImage(20, 10, QImage.Format.Format_RGB32)
    image.fill(QColor("#aa3300"))
    mime = QMimeData()
    mime.setImageData(image)
    window.open_document(plan_uid)
    window.body.editor.moveCursor(QTextCursor.MoveOperation.End)
    window.body.editor.insertFromMimeData(mime)
    window.save_now()
    doc, _ = window.service.load_document(plan_uid)
    assert isinstance(doc.body[-1], Image)
    assert doc.body[-1].ref in window.service.load_issue("2025-3").images


WORD_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p {margin:0}</style></head>
<body><p class=MsoNormal>一、任务分工</p><p class=MsoNormal>各部门按分工落实。</p>
<table class=MsoTableGrid border=1>
<tr><td rowspan=2><p>序号</p></td><td colspan=2><p>任务</p></td></tr>
<tr><td><p>内容</p></td><td><p>责任单位</p></td></tr>
<tr><td>1</td><td>推进节水</td><td>市水务局</td></tr>
</table><p>备注：按季度报送。</p></body></html>"""


def test_paste_from_word_keeps_tables(window, plan_uid):
    window.open_document(plan_uid)
    editor = window.body.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    mime = QMimeData()
    mime.setHtml(WORD_HTML)
    mime.setText("一、任务分工\n各部门按分工落实。\n序号 任务 …")
    editor.insertFromMimeData(mime)
    blocks = document_blocks(editor.document())
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1
    table = tables[0]
    assert table.rows[0][0] == TableCell("序号", rowspan=2) and table.rows[0][1].colspan == 2
    assert [c.text for c in table.rows[2]] == ["1", "推进节水", "市水务局"]
    assert Heading(1, "一、任务分工") in blocks
    assert any("按季度报送" in getattr(b, "text", "") for b in blocks[blocks.index(table):])
    window.save_now()
    stored = window.service.load_document(plan_uid)[0].body
    assert any(isinstance(b, Table) and b.rows[0][0].rowspan == 2 for b in stored)


def test_html_tables_with_bad_spans_are_regularised():
    from editor.ui.paste_html import html_to_blocks

    html = ("<table><thead><tr><th>甲</th><th>乙</th></tr></thead>"
            "<tr><td colspan=5>太宽</td></tr><tr><td>1</td></tr></table>")
    blocks = html_to_blocks(html, lambda t: [Paragraph(t)])
    assert len(blocks) == 1
    table = blocks[0]
    table.grid()
    assert table.header_rows == 1 and [c.text for c in table.rows[1]] == ["太宽", ""]
    assert html_to_blocks("   ", lambda t: [Paragraph(t)]) == []


def test_chronicle_and_heading_styles_from_the_style_menu(window):
    window.navigator.tree.setCurrentIndex(window.model.section_index("政府大事记"))
    window.new_document()
    body, editor = window.body, window.body.editor
    editor.insertPlainText("3月18日，市长主持召开常务会议。")
    body.apply_style("chronicle")
    editor.textCursor().insertBlock()
    editor.insertPlainText("（一）严格管理。分行业确定指标。")
    body.apply_style("runin", 2)
    assert document_blocks(editor.document()) == [
        ChronicleEntry("3月18日", "，市长主持召开常务会议。"),
        Heading(2, "（一）严格管理。", True, "分行业确定指标。"),
    ]
    window.stack.undo()  # the style: the new paragraph had followed the chronicle entry's style
    assert isinstance(document_blocks(editor.document())[1], ChronicleEntry)
    window.stack.redo()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(editor, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"))
    editor.insertPlainText("各地区要按期完成。")
    assert document_blocks(editor.document())[-1] == Paragraph("各地区要按期完成。")  # Enter after a heading: body


def test_a_huge_paste_says_what_it_does_and_is_one_undo_step(window, plan_uid):
    window.open_document(plan_uid)
    editor = window.body.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    before = editor.toPlainText()
    mime = QMimeData()
    mime.setText("为深入贯彻落实有关精神，结合实际制定本方案。\n" * 6000)
    editor.insertFromMimeData(mime)
    assert str(len(mime.text())) in window.statusBar().currentMessage()
    assert QApplication.overrideCursor() is None
    assert len(editor.toPlainText()) > len(before) + 130000
    window.stack.undo()
    assert editor.toPlainText() == before


def test_a_file_that_is_no_image_is_refused_with_a_message(window, plan_uid, tmp_path, monkeypatch):
    path = tmp_path / "notes.png"
    path.write_text("这不是图片", encoding="utf-8")
    shown = []
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr("editor.ui.body_editor.show_error", lambda parent, exc: shown.append(exc))
    window.open_document(plan_uid)
    before = window.body.editor.toPlainText()
    window.body.insert_image()
    assert len(shown) == 1
    assert window.body.editor.toPlainText() == before
    assert not window.current.dirty


def test_table_actions_are_off_without_a_document_and_in_a_final_issue(window, plan_uid):
    from editor.model import IssueStatus

    window.open_document(plan_uid)
    body = window.body
    body.show_part(2)  # the attachment with the table
    cursor = body.editor.textCursor()
    while cursor.currentTable() is None and cursor.movePosition(QTextCursor.MoveOperation.NextBlock):
        pass
    body.editor.setTextCursor(cursor)
    assert body.actions_by_name["merge_cells"].isEnabled()
    window.set_status(IssueStatus.FINAL)
    assert not body.actions_by_name["merge_cells"].isEnabled()
    window.set_status(IssueStatus.DRAFT)
    window.show_session(None)
    assert not body.actions_by_name["merge_cells"].isEnabled()


def test_typing_an_attachment_title_is_journaled_at_once_and_undone_in_one_step(window, plan_uid, type_text):
    import json

    window.open_document(plan_uid)
    body = window.body
    body.show_part(2)
    s = window.current
    old = s.parts[2].title
    field = body.part_title
    field.setFocus()
    field.end(False)
    type_text(field, "（修订 稿）")
    assert s.parts[2].title == old + "（修订 稿）"
    assert field.text() == old + "（修订 稿）" and field.cursorPosition() == len(field.text())
    window.editing.flush_journal()
    data = json.loads(window.journal.path.read_text(encoding="utf-8"))
    assert data["documents"][plan_uid]["document"]["attachments"][1]["title"] == old + "（修订 稿）"
    window.stack.undo()
    assert s.parts[2].title == old
