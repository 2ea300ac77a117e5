"""Keeping edits safe: open document sessions, the recovery journal written on every edit,
autosave into the store with the expected version, and the conflict dialog when another
editor saved the same document meanwhile."""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from editor.errors import ConflictError, GazetteError, NotFoundError
from editor.services import Change, GazetteService
from editor.ui.errors import show_error
from editor.ui.journal import RecoveryJournal
from editor.ui.recovery_dialogs import ConflictDialog, document_text
from editor.ui.session import DocumentSession

log = logging.getLogger(__name__)
AUTOSAVE_MS = int(os.environ.get("GAZETTE_AUTOSAVE_MS", "1500"))


class EditingController(QObject):
    """Owns the sessions of one window."""

    sessionChanged = Signal(object)  # DocumentSession: any edit
    activateRequested = Signal(object, int)  # DocumentSession, part (-1: any): undo/redo wants it shown
    saved = Signal(str)  # uid
    statusMessage = Signal(str)

    def __init__(self, service: GazetteService, journal: RecoveryJournal, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.service = service
        self.journal = journal
        self.widget = parent_widget
        self.sessions: dict[str, DocumentSession] = {}
        self._saving: str | None = None
        self._journal_due: set[str] = set()
        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self.save_all)
        self.journal_timer = QTimer(self)
        self.journal_timer.setSingleShot(True)
        self.journal_timer.setInterval(0)
        self.journal_timer.timeout.connect(self.flush_journal)

    # sessions -----------------------------------------------------------------------------
    def session(self, uid: str, issue_key: str, images: dict | None = None) -> DocumentSession:
        """The session of a document, loading it from the store when not open yet."""
        s = self.sessions.get(uid)
        if s is None:
            doc, version = self.service.load_document(uid)
            s = DocumentSession(doc, version, issue_key, images, self)
            s.changed.connect(lambda s=s: self._changed(s))
            s.activateRequested.connect(lambda part, s=s: self.activateRequested.emit(s, part))
            self.sessions[uid] = s
        return s

    def drop(self, uid: str) -> None:
        """Forget a session (its document was deleted)."""
        s = self.sessions.pop(uid, None)
        if s is not None:
            self.journal.discard(uid)
            s.deleteLater()

    def dirty_sessions(self) -> list[DocumentSession]:
        """Sessions with unsaved edits."""
        return [s for s in self.sessions.values() if s.dirty]

    def _changed(self, s: DocumentSession) -> None:
        self._journal_due.add(s.uid)
        self.journal_timer.start()
        self.autosave.start()
        self.sessionChanged.emit(s)

    def flush_journal(self) -> None:
        """Write pending edits to the recovery journal now."""
        due, self._journal_due = self._journal_due, set()
        for uid in due:
            s = self.sessions.get(uid)
            if s is not None and s.dirty and not s.detached:
                try:
                    self.journal.record(s.to_document(), s.issue_key, s.version)
                except OSError as exc:
                    self.statusMessage.emit(self.tr("Cannot write the recovery journal: %1").replace("%1", str(exc)))

    # saving -------------------------------------------------------------------------------
    def save_all(self, interactive: bool = True) -> bool:
        """Save every session with edits; False when one could not be saved (its text stays in
        the recovery journal). ``interactive=False`` shows no dialogs (used while closing)."""
        self.autosave.stop()
        self.flush_journal()
        ok = True
        for s in list(self.dirty_sessions()):
            ok = self.save(s, interactive) and ok
        return ok

    def save(self, s: DocumentSession, interactive: bool = True) -> bool:
        """Save one session (expected version: the one it was loaded at)."""
        if s.detached:
            return True  # nothing to save into; kept in memory for an undo of the deletion
        if not s.dirty or s.read_only:
            return not s.dirty
        doc = s.to_document()
        self._saving = s.uid
        try:
            version = self.service.save_document(doc, expected_version=s.version)
        except ConflictError:
            self._saving = None
            if interactive:
                return self._resolve_conflict(s)
            return False
        except NotFoundError:
            # deleted elsewhere while being edited: keep the text, never drop it
            self._saving = None
            self.journal.keep_conflict_copy(doc, s.issue_key)
            self.journal.discard(s.uid)
            s.detached = True
            self.statusMessage.emit(self.tr("The document was deleted elsewhere; your text is kept in the "
                                            "recovery journal"))
            return False
        except GazetteError as exc:
            self._saving = None
            self.statusMessage.emit(self.tr("Not saved: %1").replace("%1", str(exc)))
            if interactive:
                show_error(self.widget, exc)
            return False
        finally:
            self._saving = None
        s.mark_saved(version)
        self.journal.discard(s.uid)
        self.statusMessage.emit(self.tr("Saved"))
        self.saved.emit(s.uid)
        return True

    def _resolve_conflict(self, s: DocumentSession) -> bool:
        mine = s.to_document()
        try:
            theirs, version = self.service.load_document(s.uid)
        except NotFoundError as exc:
            show_error(self.widget, exc)
            return False
        dialog = ConflictDialog(mine, theirs, self.widget)
        dialog.exec()
        if dialog.choice == ConflictDialog.TAKE_THEIRS:
            self.journal.keep_conflict_copy(mine, s.issue_key)
            self.journal.discard(s.uid)
            QApplication.clipboard().setText(document_text(mine))
            s.replace_content(theirs, version)
            s.dirty = False
            self.statusMessage.emit(self.tr("Loaded their text; yours is on the clipboard and in the journal"))
            return True
        # keep mine: save on top of theirs (theirs stays in the revision history)
        s.version = version
        return self.save(s)

    def check_attached(self, issue_key: str) -> None:
        """After a change of an issue's contents: detach sessions whose document is gone and
        re-attach those an undo brought back (taking the stored version)."""
        for s in self.sessions.values():
            if s.issue_key != issue_key:
                continue
            try:
                _doc, version = self.service.load_document(s.uid)
            except NotFoundError:
                if not s.detached:
                    s.detached = True
                    self.journal.discard(s.uid)
                continue
            if s.detached:
                s.detached = False
                s.version = version

    # outside changes ----------------------------------------------------------------------
    def on_change(self, change: Change) -> None:
        """Reload clean sessions when their document was changed elsewhere (restore, import)."""
        if change.what != "document" or change.uid is None or change.uid == self._saving:
            return
        s = self.sessions.get(change.uid)
        if s is None or s.dirty:
            return
        try:
            doc, version = self.service.load_document(change.uid)
        except NotFoundError:
            return
        if version != s.version:
            s.replace_content(doc, version)
            s.dirty = False
