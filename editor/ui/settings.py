"""Remembered between runs (QSettings, INI format): window geometry and dock layout, recent
stores, the last opened issue per store, the build folder and the interface language.

``GAZETTE_SETTINGS_DIR`` moves the settings to another folder (tests use a temporary one).
"""

from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

ORGANIZATION = "GazetteEditor"
APPLICATION = "gazette-editor"
MAX_RECENT = 8


def configure() -> None:
    """Set the application names and where settings are kept (call before any QSettings)."""
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    folder = os.environ.get("GAZETTE_SETTINGS_DIR")
    if folder:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)


class Settings:
    """Typed access to the app's settings."""

    def __init__(self) -> None:
        self.qs = QSettings()

    def recent_stores(self) -> list[str]:
        """Stores opened recently, newest first."""
        value = self.qs.value("stores/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or []) if v]

    def add_recent_store(self, target: str) -> None:
        """Put a store at the top of the recent list."""
        items = [target] + [s for s in self.recent_stores() if s != target]
        self.qs.setValue("stores/recent", items[:MAX_RECENT])

    def last_issue(self, store: str) -> str | None:
        """The issue last opened in a store."""
        value = self.qs.value(f"stores/last_issue/{_key(store)}")
        return str(value) if value else None

    def set_last_issue(self, store: str, key: str) -> None:
        """Remember the issue open in a store."""
        self.qs.setValue(f"stores/last_issue/{_key(store)}", key)

    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        """Saved (geometry, dock state) of the main window."""
        geometry = self.qs.value("window/geometry")
        state = self.qs.value("window/state")
        return (geometry if isinstance(geometry, QByteArray) else None,
                state if isinstance(state, QByteArray) else None)

    def set_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        """Remember the main window's geometry and dock layout."""
        self.qs.setValue("window/geometry", geometry)
        self.qs.setValue("window/state", state)

    def splitter_state(self, name: str) -> QByteArray | None:
        """Saved state of a splitter."""
        value = self.qs.value(f"window/splitter/{name}")
        return value if isinstance(value, QByteArray) else None

    def set_splitter_state(self, name: str, state: QByteArray) -> None:
        """Remember a splitter's sizes."""
        self.qs.setValue(f"window/splitter/{name}", state)

    def build_folder(self) -> str | None:
        """The folder of the last build."""
        value = self.qs.value("build/folder")
        return str(value) if value else None

    def set_build_folder(self, folder: str) -> None:
        """Remember the build folder."""
        self.qs.setValue("build/folder", folder)

    def preview_scope(self) -> str:
        """What the preview shows: "document" (default: fastest while editing) or "issue"."""
        value = str(self.qs.value("preview/scope", "document"))
        return value if value in ("document", "issue") else "document"

    def set_preview_scope(self, scope: str) -> None:
        """Remember what the preview shows."""
        self.qs.setValue("preview/scope", scope)

    def language(self) -> str:
        """Interface language: "zh_CN" (default) or "en"."""
        return str(self.qs.value("ui/language", "zh_CN"))

    def set_language(self, code: str) -> None:
        """Choose the interface language for the next start."""
        self.qs.setValue("ui/language", code)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self.qs.sync()


def _key(store: str) -> str:
    import hashlib

    return hashlib.sha1(store.encode("utf-8")).hexdigest()[:16]
