"""Start-up options, remembered settings and the error dialogs (no tracebacks)."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtWidgets import QMessageBox

from editor.errors import ReadOnlyError
from editor.ui import errors
from editor.ui.app import parse_args
from editor.ui.settings import Settings

pytestmark = pytest.mark.gui


def test_options():
    args = parse_args(["--db", "/tmp/x.db", "-style", "fusion"])
    assert args.db == "/tmp/x.db" and args.lang is None


def test_window_layout_and_recent_stores_are_remembered(qtbot, sample_db, gui_settings):
    from editor.ui.main_window import MainWindow

    win = MainWindow.open(str(sample_db))
    qtbot.addWidget(win)
    win.show()
    win.resize(1000, 560)
    size = (win.width(), win.height())
    win.splitter.setSizes([240, 300, 240])
    win_sizes = win.splitter.sizes()
    win.close()
    assert (gui_settings / "GazetteEditor" / "gazette-editor.ini").exists()
    assert Settings().recent_stores()[0] == str(sample_db)
    again = MainWindow.open(str(sample_db))
    qtbot.addWidget(again)
    again.show()
    assert again.height() == size[1]  # (the offscreen screen is too narrow to check the width)
    assert Settings().splitter_state("main") is not None and win_sizes
    again.close()


def test_errors_are_dialogs_without_tracebacks(qapp, monkeypatch, tmp_path):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.windowTitle(), box.text(),
                                                                        box.informativeText())) or 0)
    errors.show_error(None, ReadOnlyError("issue 2025-3 is final; reopen it to change it"))
    assert shown[-1][0] == "The issue is final"
    # a headline in the interface language, the core's English detail below it
    assert shown[-1][1] == "The issue is final and cannot be changed. Reopen it to edit."
    assert shown[-1][2] == "issue 2025-3 is final; reopen it to change it"
    records = []
    handler = logging.Handler()
    handler.emit = records.append
    logging.getLogger("editor.ui").addHandler(handler)
    try:
        try:
            raise ValueError("boom")
        except ValueError as exc:
            errors.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        logging.getLogger("editor.ui").removeHandler(handler)
    title, text, _info = shown[-1]
    assert "ValueError: boom" in text and "Traceback" not in text
    assert any("Traceback" in r.getMessage() for r in records)  # the details go to the log


def test_an_empty_store_explains_what_to_do(qtbot, db_path):
    from editor.ui.main_window import MainWindow

    win = MainWindow.open(str(db_path))
    qtbot.addWidget(win)
    assert win.issue_key is None
    assert "New issue" in win.doc_heading.text()
    assert not win.actions["new_document"].isEnabled() and not win.actions["build"].isEnabled()
    win.install_sample()
    assert win.issue_key == "2025-3" and win.current is not None
    assert win.actions["new_document"].isEnabled() and win.actions["build"].isEnabled()
    win.close()


@pytest.mark.gui
def test_qt_calls_keep_the_reference_count_of_none(qapp) -> None:
    """A PySide6 whose calls drop references to None crashes long sessions (none_dealloc)."""
    import sys

    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    before = sys.getrefcount(None)
    for _ in range(2000):
        widget.setObjectName("probe")
        widget.setEnabled(True)
    assert sys.getrefcount(None) - before > -100
    widget.deleteLater()


@pytest.mark.gui
def test_no_display_is_a_message_not_a_core_dump() -> None:
    from editor.ui.app import display_problem

    assert "no display" in display_problem({}, "linux")
    assert display_problem({"DISPLAY": ":0"}, "linux") is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({}, "win32") is None


@pytest.mark.gui
def test_app_without_display_exits_with_a_message(tmp_path) -> None:
    import os
    import subprocess
    import sys

    from tests.paths import ROOT

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    run = subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(tmp_path / "x.db")],
                         env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 1
    assert "no display" in run.stderr and "Traceback" not in run.stderr
