"""Never lose work: a killed app's text is offered on the next start; the journal; conflicts."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from editor.ui.journal import RecoveryJournal, journal_path

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
TYPED = "这是尚未保存的新段落。"

TYPE_SCRIPT = textwrap.dedent("""
    from PySide6.QtCore import QEvent, Qt, QTimer
    from PySide6.QtGui import QKeyEvent, QTextCursor
    from PySide6.QtWidgets import QApplication
    editor = window.body.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    for ch in "\\n" + {typed!r}:
        key = Qt.Key.Key_Return if ch == "\\n" else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(editor, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch))
    def ready():
        window.editing.flush_journal()
        open({marker!r}, "w").write("typed")
    QTimer.singleShot(50, ready)
""")

CHECK_SCRIPT = textwrap.dedent("""
    import json
    from PySide6.QtCore import QTimer
    def check():
        dialog = window.recovery_dialog
        result = {{"offered": dialog is not None}}
        if dialog is not None:
            result["shown_text"] = dialog.text.toPlainText()
            result["changes"] = dialog.changes.toPlainText()
            dialog.restore_button.click()
            result["editor_text"] = window.body.editor.toPlainText()
            window.save_now()
            doc, _ = window.service.load_document(window.current.uid)
            result["stored_last"] = doc.body[-1].text
        open({out!r}, "w", encoding="utf-8").write(json.dumps(result, ensure_ascii=False))
        app.quit()
    QTimer.singleShot(100, check)
""")


def _start(db: Path, script: Path, env: dict) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--db", str(db)], cwd=ROOT,
                            env={**env, "GAZETTE_UI_TEST_SCRIPT": str(script)},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def _wait_for(path: Path, proc: subprocess.Popen, seconds: float = 60) -> None:
    end = time.monotonic() + seconds
    while not path.exists():
        if proc.poll() is not None:
            raise AssertionError(f"the app exited early: {proc.stdout.read().decode(errors='replace')}")
        if time.monotonic() > end:
            proc.kill()
            raise AssertionError("the app did not get ready in time")
        time.sleep(0.05)


def test_killed_app_text_is_recovered_on_restart(sample_db: Path, tmp_path: Path, gui_settings: Path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GAZETTE_SETTINGS_DIR": str(gui_settings),
           "GAZETTE_AUTOSAVE_MS": "600000", "XDG_DATA_HOME": str(tmp_path / "data")}
    marker = tmp_path / "typed"
    typer = tmp_path / "type.py"
    typer.write_text(TYPE_SCRIPT.format(typed=TYPED, marker=str(marker)), encoding="utf-8")
    proc = _start(sample_db, typer, env)
    try:
        _wait_for(marker, proc)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    assert proc.returncode == -signal.SIGKILL
    entries = RecoveryJournal(journal_path(str(sample_db))).entries()
    assert len(entries) == 1 and entries[0].document.body[-1].text == TYPED

    out = tmp_path / "result.json"
    checker = tmp_path / "check.py"
    checker.write_text(CHECK_SCRIPT.format(out=str(out)), encoding="utf-8")
    proc = _start(sample_db, checker, env)
    try:
        _wait_for(out, proc)
        proc.wait(30)
    finally:
        if proc.poll() is None:
            proc.kill()
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["offered"]
    assert TYPED in result["shown_text"]
    assert result["changes"] == "+ " + TYPED  # exactly what was typed and not saved
    assert result["editor_text"].endswith(TYPED)
    assert result["stored_last"] == TYPED
    assert not journal_path(str(sample_db)).exists()  # saved: nothing left to recover


def test_every_edit_is_journaled_before_the_save(window, plan_uid, type_text):
    window.open_document(plan_uid)
    editor = window.body.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, "补充。")
    window.editing.flush_journal()
    data = json.loads(window.journal.path.read_text(encoding="utf-8"))
    assert "补充。" in data["documents"][plan_uid]["document"]["body"]
    window.save_now()
    assert not window.journal.path.exists()


def test_conflict_keeps_both_texts(window, plan_uid, type_text, monkeypatch, qapp):
    from editor.services import GazetteService
    from editor.store import open_store
    from editor.ui.recovery_dialogs import ConflictDialog

    window.open_document(plan_uid)
    editor = window.body.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    type_text(editor, "我的修改。")
    with open_store(window.store_target) as store:  # another editor saves meanwhile
        other = GazetteService(store)
        doc, version = other.load_document(plan_uid)
        doc.title = doc.title + "（他人修改）"
        other.save_document(doc, expected_version=version)
    seen = {}

    def choose_theirs(dialog):
        seen["mine"] = dialog.mine.toPlainText()
        seen["theirs"] = dialog.theirs.toPlainText()
        dialog.choice = ConflictDialog.TAKE_THEIRS
        return 1

    monkeypatch.setattr(ConflictDialog, "exec", choose_theirs)
    window.save_now()
    assert "我的修改。" in seen["mine"] and "（他人修改）" in seen["theirs"]
    assert window.current.title.endswith("（他人修改）")
    assert "我的修改。" in qapp.clipboard().text()
    copies = json.loads(window.journal.path.read_text(encoding="utf-8"))["conflict_copies"]
    assert "我的修改。" in copies[0]["document"]["body"]

    type_text(editor, "再改。")
    with open_store(window.store_target) as store:
        other = GazetteService(store)
        doc, version = other.load_document(plan_uid)
        other.save_document(doc, expected_version=version)  # no change: same version
        doc.subtitle = "（又一次）"
        other.save_document(doc, expected_version=version)

    def keep_mine(dialog):
        dialog.choice = ConflictDialog.KEEP_MINE
        return 1

    monkeypatch.setattr(ConflictDialog, "exec", keep_mine)
    window.save_now()
    stored, _ = window.service.load_document(plan_uid)
    assert "再改。" in "".join(b.text for b in stored.body if hasattr(b, "text"))
    revisions = window.service.revisions(plan_uid)
    assert any(window.service.load_revision(plan_uid, r.number).subtitle == "（又一次）" for r in revisions)


def test_two_instances_on_one_store_keep_each_others_journal_entries(tmp_path: Path):
    from editor.model import Document, Paragraph

    path = journal_path(str(tmp_path / "store.db"))
    first, second = RecoveryJournal(path), RecoveryJournal(path)
    first.record(Document(uid="d1", title="甲", body=[Paragraph("甲的文字")]), "2025-3", 1)
    second.record(Document(uid="d2", title="乙", body=[Paragraph("乙的文字")]), "2025-3", 1)
    second.record(Document(uid="d1", title="乙改甲", body=[Paragraph("乙也改了")]), "2025-3", 1)
    # a third instance starting now offers nothing: both others are still running
    assert RecoveryJournal(path).entries() == []
    second.discard("d2")
    second.discard("d1")  # saved by the second: the first one's unsaved text stays
    assert [(e.uid, e.document.title) for e in first.entries()] == [("d1", "甲")]
    first.close()  # as after a crash: the entry is now offered to the others
    assert [e.uid for e in RecoveryJournal(path).entries()] == ["d1"]
    second.discard("d1")
    assert not path.exists()


def test_lock_files_of_killed_instances_are_cleared(tmp_path: Path):
    path = journal_path(str(tmp_path / "store.db"))
    stale = path.with_name(path.name + ".0123456789abcdef.lock")
    from PySide6.QtCore import QSysInfo

    # a lock of a process that no longer runs on this host
    stale.write_text(f"999999999\nmain.py\n{QSysInfo.machineHostName()}\n")
    journal = RecoveryJournal(path)
    assert not stale.exists()
    assert path.with_name(f"{path.name}.{journal.owner}.lock").exists()
    journal.close()
