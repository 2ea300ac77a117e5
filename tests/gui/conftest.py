"""Fixtures of the desktop tests: a temporary settings folder, a store with the sample issue
and a main window on it (offscreen platform, pytest-qt)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import editor.ui  # noqa: F401  (first: its work-around for shiboken6 6.12 on Python 3.11)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("GAZETTE_AUTOSAVE_MS", "100000")  # tests save explicitly


@pytest.fixture(autouse=True)
def gui_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep QSettings of every test in its own temporary folder."""
    folder = tmp_path / "settings"
    folder.mkdir()
    monkeypatch.setenv("GAZETTE_SETTINGS_DIR", str(folder))
    from editor.ui import settings

    settings.configure()
    return folder


@pytest.fixture
def sample_db(db_path: Path) -> Path:
    """A store holding the sample issue 2025-3."""
    from editor.services import GazetteService
    from editor.store import open_store

    with open_store(db_path) as store:
        assert GazetteService(store).install_sample()
    return db_path


@pytest.fixture
def window(qtbot, sample_db: Path):
    """The main window on the sample store, shown."""
    from editor.ui.main_window import MainWindow

    win = MainWindow.open(str(sample_db))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.preview.shutdown()


@pytest.fixture
def plan_uid(window) -> str:
    """The uid of the 节水 plan notice in the sample."""
    issue = window.service.load_issue("2025-3")
    return next(d.uid for d in issue.documents() if "节水" in d.title)


def send_text(widget, text: str) -> None:
    """Type ``text`` into a widget as key events (QTest.keyClicks handles ASCII only)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch))


@pytest.fixture
def type_text():
    """The :func:`send_text` helper."""
    return send_text
