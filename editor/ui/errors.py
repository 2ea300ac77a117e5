"""Errors shown as dialogs: GazetteError messages in plain words, and an excepthook that turns
any unexpected exception into a short dialog (details logged, never a traceback on screen)."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from editor.errors import ConflictError, ContentError, GazetteError, NotFoundError, ReadOnlyError, StoreError

log = logging.getLogger("editor.ui")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


def error_title(exc: BaseException) -> str:
    """A short dialog title for an error type."""
    if isinstance(exc, ReadOnlyError):
        return _tr(QT_TRANSLATE_NOOP("Errors", "The issue is final"))
    if isinstance(exc, ConflictError):
        return _tr(QT_TRANSLATE_NOOP("Errors", "Someone else saved this document"))
    if isinstance(exc, NotFoundError):
        return _tr(QT_TRANSLATE_NOOP("Errors", "Not found"))
    if isinstance(exc, StoreError):
        return _tr(QT_TRANSLATE_NOOP("Errors", "Store error"))
    if isinstance(exc, ContentError):
        return _tr(QT_TRANSLATE_NOOP("Errors", "Content error"))
    return _tr(QT_TRANSLATE_NOOP("Errors", "Error"))


def has_cjk(text: str) -> bool:
    """True when ``text`` holds Chinese characters (a message already in the user's language)."""
    return any("\u3400" <= ch <= "\u9fff" or "\U00020000" <= ch <= "\U0003134f" for ch in text)


def error_headline(exc: BaseException) -> str:
    """A one-sentence explanation, in the interface language, of what went wrong."""
    if isinstance(exc, ReadOnlyError):
        return _tr(QT_TRANSLATE_NOOP("Errors", "The issue is final and cannot be changed. Reopen it to edit."))
    if isinstance(exc, ConflictError):
        return _tr(QT_TRANSLATE_NOOP("Errors", "This document was changed by someone else in the meantime."))
    if isinstance(exc, NotFoundError):
        return _tr(QT_TRANSLATE_NOOP("Errors", "What you asked for is no longer in the store."))
    if isinstance(exc, StoreError):
        return _tr(QT_TRANSLATE_NOOP("Errors", "The store could not be read or written."))
    if isinstance(exc, ContentError):
        return _tr(QT_TRANSLATE_NOOP("Errors", "The content is not valid."))
    return _tr(QT_TRANSLATE_NOOP("Errors", "The action could not be completed."))


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Show a GazetteError (or any exception) as a message box without a traceback."""
    detail = ""
    if isinstance(exc, GazetteError):
        text = str(exc)
        if not has_cjk(text):
            # the core's messages are plain English: a Chinese headline, the detail below it
            text, detail = error_headline(exc), text
    else:
        text = _tr(QT_TRANSLATE_NOOP("Errors", "An unexpected error occurred. Your work is kept in the recovery journal.")) + "\n\n" + \
            f"{type(exc).__name__}: {exc}"
    box = QMessageBox(QMessageBox.Icon.Warning, error_title(exc), text, QMessageBox.StandardButton.Ok, parent)
    if detail:
        box.setInformativeText(detail)
    if log_path() is not None and not isinstance(exc, GazetteError):
        box.setInformativeText(_tr(QT_TRANSLATE_NOOP("Errors", "Details were written to %1")).replace("%1", str(log_path())))
    box.exec()


_LOG_PATH: Path | None = None


def log_path() -> Path | None:
    """The log file of this run (None before logging is set up)."""
    return _LOG_PATH


def setup_logging() -> Path:
    """Log warnings and errors to a file in the user's data folder."""
    global _LOG_PATH
    base = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation) or ".")
    base.mkdir(parents=True, exist_ok=True)
    _LOG_PATH = base / "gazette-editor.log"
    handler = logging.FileHandler(_LOG_PATH, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level > logging.INFO or root.level == logging.NOTSET:
        root.setLevel(logging.INFO)
    return _LOG_PATH


_in_hook = False


def excepthook(exc_type, exc, tb) -> None:
    """Log an uncaught exception and show it as a dialog instead of a traceback."""
    global _in_hook
    log.error("uncaught exception:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    if _in_hook or QApplication.instance() is None:
        sys.__excepthook__(exc_type, exc, tb)
        return
    _in_hook = True
    try:
        show_error(QApplication.activeWindow(), exc)
    finally:
        _in_hook = False


def install_excepthook() -> None:
    """Route uncaught exceptions to :func:`excepthook`."""
    sys.excepthook = excepthook
