"""The preview rebuilds in the background after an edit; the build dialog; the tree shows pages;
the Chinese translation is complete and compiled."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "gazette_zh_CN.ts"
QM = TS.with_suffix(".qm")


def _pdf_text(path: Path, first: int, last: int) -> str:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    return "".join(reader.pages[i].extract_text() or "" for i in range(first, min(last, len(reader.pages))))


def test_preview_rebuilds_after_an_edit_and_shows_pages(window, plan_uid, type_text, qtbot):
    preview = window.preview
    qtbot.waitUntil(lambda: not preview.is_busy(), timeout=60000)  # the first build at start
    preview.set_scope("issue")
    with qtbot.waitSignal(preview.built, timeout=60000):
        preview.rebuild_now()
    assert window.model.index(0, 1, window.model.section_index("市政府文件")).data() == "1"
    first = preview.last_result.document_pdf_index[plan_uid]
    window.open_document(plan_uid)
    assert preview.view.pageNavigator().currentPage() == first
    editor = window.body.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    with qtbot.waitSignal(preview.built, timeout=60000) as blocker:
        type_text(editor, "预览检查句。")
        assert preview.timer.isActive()  # debounced: waits for the typing to stop
    result = blocker.args[0]
    assert "预览检查句" in _pdf_text(Path(result.path), first, first + 2).replace("\n", "")
    assert preview.document.pageCount() == result.page_count
    assert window.current.dirty  # the preview showed the edit before it was saved


def test_preview_of_the_current_document_only(window, plan_uid, qtbot):
    window.open_document(plan_uid)
    assert window.preview.current_scope() == "document"  # the default: fastest while editing
    qtbot.waitUntil(lambda: not window.preview.is_busy(), timeout=60000)
    window.preview.set_scope("issue")
    with qtbot.waitSignal(window.preview.built, timeout=60000) as blocker:
        window.preview.scope.setCurrentIndex(window.preview.scope.findData("document"))
    result, scope = blocker.args
    assert scope == "document"
    assert set(result.document_pdf_index) == {plan_uid}
    assert window.settings.preview_scope() == "document"


def test_build_dialog_writes_the_pdf_and_can_open_the_folder(window, tmp_path, qtbot, monkeypatch):
    from editor.ui.build_dialog import BuildDialog

    dialog = BuildDialog(window.issue_snapshot, "2025-3", tmp_path, window)
    dialog.mode_group.button(1).setChecked(True)
    with qtbot.waitSignal(dialog.built, timeout=60000):
        dialog.build_button.click()
    out = tmp_path / "gazette-2025-3-web.pdf"
    assert out.exists() and dialog.progress.value() == 100
    opened = []
    monkeypatch.setattr("PySide6.QtGui.QDesktopServices.openUrl", lambda url: opened.append(url) or True)
    dialog.open_folder()
    assert opened and Path(opened[0].toLocalFile()) == tmp_path
    monkeypatch.setattr("PySide6.QtGui.QDesktopServices.openUrl", lambda url: False)
    dialog.open_folder()  # no file manager: the dialog says where the files are
    assert str(tmp_path) in dialog.message.text()


def test_translation_is_complete_and_compiled(qapp, tmp_path):
    text = TS.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text
    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
        assert QCoreApplication.translate("Navigator", "Issues") == "期刊"
    finally:
        QCoreApplication.removeTranslator(translator)
    lrelease = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-lrelease")
    assert lrelease is not None, "pyside6-lrelease ships with PySide6-Essentials, a dependency"
    fresh = tmp_path / "fresh.qm"
    subprocess.run([lrelease, str(TS), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == QM.read_bytes(), "the committed .qm is older than the .ts: run pyside6-lrelease"


def test_the_window_speaks_chinese(qtbot, sample_db, qapp):
    from editor.ui.app import install_translations
    from editor.ui.main_window import MainWindow

    translators = install_translations(qapp, "zh_CN")
    try:
        win = MainWindow.open(str(sample_db))
        qtbot.addWidget(win)
        titles = [a.text() for a in win.menuBar().actions()]
        assert titles[:3] == ["文件(&F)", "编辑(&E)", "期刊(&I)"]
        assert win.navigator.issues.item(0).text().startswith("2025年第3期（总第154期）")
        assert "政府公报编辑排版系统" in win.windowTitle()
        win.close()
    finally:
        for t in translators:
            qapp.removeTranslator(t)


def test_a_newer_ts_is_compiled_at_start(tmp_path, monkeypatch):
    import os

    from editor.ui import app as app_module

    ts = tmp_path / "gazette_zh_CN.ts"
    ts.write_bytes(TS.read_bytes())
    monkeypatch.setattr(app_module, "TRANSLATIONS", tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    qm = app_module.compiled_translation("zh_CN")  # no .qm beside the .ts: compiled into the cache
    assert qm is not None and qm.read_bytes() == QM.read_bytes()
    (tmp_path / "gazette_zh_CN.qm").write_bytes(b"old")
    os.utime(tmp_path / "gazette_zh_CN.qm", (1, 1))
    assert app_module.compiled_translation("zh_CN") != tmp_path / "gazette_zh_CN.qm"


def test_a_character_no_font_has_is_stored_and_reported(window, plan_uid, type_text, qtbot, monkeypatch):
    preview = window.preview
    window.open_document(plan_uid)
    qtbot.waitUntil(lambda: not preview.is_busy(), timeout=60000)
    editor = window.body.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    with qtbot.waitSignal(preview.built, timeout=60000):
        type_text(editor, "缺字\U00020000。")
    assert "U+20000" in preview.status.text() and "\U00020000" in preview.status.text()
    window.save_now()
    body = next(d for d in window.service.load_issue("2025-3").documents() if d.uid == plan_uid).body
    assert any("\U00020000" in getattr(b, "text", "") for b in body)
    from editor.ui.build_dialog import BuildDialog

    dialog = BuildDialog(lambda: window.issue_snapshot(), "2025-3", Path(preview._dir.name), window)
    with qtbot.waitSignal(dialog.built, timeout=60000):
        dialog.start()
    assert "U+20000" in dialog.message.text()
    assert "1 error(s)" in dialog.message.text()  # notes (substituted fonts) are counted apart
    dialog.close()


def test_an_english_core_error_gets_a_chinese_headline(qapp, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from editor.errors import ReadOnlyError
    from editor.ui import errors

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.text(), box.informativeText())))
    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    try:
        errors.show_error(None, ReadOnlyError("issue 2025-3 is final; reopen it to edit"))
        errors.show_error(None, errors.GazetteError("请先添加栏目。"))
    finally:
        QCoreApplication.removeTranslator(translator)
    assert errors.has_cjk(shown[0][0]) and shown[0][1] == "issue 2025-3 is final; reopen it to edit"
    assert shown[1] == ("请先添加栏目。", "")


def test_an_empty_preview_shows_no_stale_page_count(window, qtbot):
    preview = window.preview
    qtbot.waitUntil(lambda: not preview.is_busy(), timeout=60000)
    assert preview.page_label.text()
    window.show_session(None)
    preview.set_scope("document")
    preview.rebuild_now()
    assert preview.document.pageCount() == 0
    assert preview.page_label.text() == "" and preview.status.text() == ""


def test_a_compiled_translation_is_reused_and_never_rewritten_in_place(tmp_path, monkeypatch):
    import os

    from editor.ui import app as app_module

    ts = tmp_path / "gazette_zh_CN.ts"
    ts.write_bytes(TS.read_bytes())
    monkeypatch.setattr(app_module, "TRANSLATIONS", tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    first = app_module.compiled_translation("zh_CN")
    inode = first.stat().st_ino
    assert app_module.compiled_translation("zh_CN") == first and first.stat().st_ino == inode  # reused
    # a newer .ts: the new file replaces the old by a rename (a running app keeps its mapped copy)
    held = open(first, "rb")  # noqa: SIM115 - stands for the running app's mapping
    later = first.stat().st_mtime + 10
    os.utime(ts, (later, later))
    again = app_module.compiled_translation("zh_CN")
    assert again == first and again.stat().st_ino != inode
    assert os.fstat(held.fileno()).st_size == len(QM.read_bytes())
    held.close()


def test_at_start_the_whole_issue_preview_shows_the_open_document_and_its_page(qtbot, sample_db):
    from editor.ui.main_window import MainWindow
    from editor.ui.settings import Settings

    Settings().set_preview_scope("issue")
    win = MainWindow.open(str(sample_db))
    qtbot.addWidget(win)
    win.show()
    win.after_show()
    try:
        assert win.preview.current_scope() == "issue" and win.current is not None
        with qtbot.waitSignal(win.preview.built, timeout=60000) as blocker:
            pass
        result = blocker.args[0]
        first = result.document_pdf_index[win.current.uid]
        assert first > 0  # not the cover
        assert win.preview.view.pageNavigator().currentPage() == first
        assert win.preview.page_label.text()
    finally:
        win.preview.shutdown()
