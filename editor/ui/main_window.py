"""The main window: issues and contents on the left, the document form and body editor in the
middle, the preview on the right; menus, tool bar, shortcuts; wiring of service changes."""

from __future__ import annotations

import copy
import logging
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from editor.errors import GazetteError, NotFoundError
from editor.model import Issue, IssueStatus, Section, new_uid
from editor.services import Change, GazetteService
from editor.store import default_db_path, open_store
from editor.ui import undo as cmds
from editor.ui.body_editor import BodyEditor
from editor.ui.contents_actions import ContentsActions
from editor.ui.contents_model import ContentsModel
from editor.ui.document_form import DocumentForm
from editor.ui.editing import EditingController
from editor.ui.errors import show_error
from editor.ui.issue_actions import IssueActions
from editor.ui.journal import RecoveryJournal, journal_path
from editor.ui.menus import build_menus
from editor.ui.navigator import Navigator, status_name
from editor.ui.preview import PreviewPane
from editor.ui.recovery_dialogs import RecoveryDialog
from editor.ui.session import DocumentSession
from editor.ui.settings import Settings

log = logging.getLogger(__name__)


class MainWindow(ContentsActions, IssueActions, QMainWindow):
    """One store, one open issue, one document on screen at a time."""

    @classmethod
    def open(cls, target: str | None) -> MainWindow:
        """A window on the store ``target`` (None: the per-user store)."""
        where = str(target) if target else str(default_db_path())
        store = open_store(where)
        return cls(GazetteService(store), where)

    def __init__(self, service: GazetteService, store_target: str) -> None:
        super().__init__()
        self.service = service
        self.store_target = store_target
        self.settings = Settings()
        self.settings.add_recent_store(store_target)
        self.issue_key: str | None = None
        self.issue_status = IssueStatus.DRAFT
        self.issue_date = None
        self.current: DocumentSession | None = None
        self._issue_cache: Issue | None = None
        self.recovery_dialog: RecoveryDialog | None = None

        self.stack = QUndoStack(self)
        self.journal = RecoveryJournal(journal_path(store_target))
        self.editing = EditingController(service, self.journal, self)
        self.model = ContentsModel(self)
        self.navigator = Navigator(self.model)
        self.form = DocumentForm(self.stack)
        self.body = BodyEditor(self.stack)
        self.body.image_store = lambda data: self.service.add_image(self.issue_key, data)
        self.preview = PreviewPane()
        self.preview.snapshot = self.preview_snapshot
        self.preview.set_scope(self.settings.preview_scope())
        self.preview.scope.currentIndexChanged.connect(self._scope_changed)

        editor_box = QWidget()
        el = QVBoxLayout(editor_box)
        el.setContentsMargins(6, 4, 6, 4)
        el.setSpacing(4)
        self.doc_heading = QLabel()
        self.doc_heading.setStyleSheet("font-size: 11pt; font-weight: bold; color: #203040;")
        self.doc_heading.setWordWrap(True)
        el.addWidget(self.doc_heading)
        el.addWidget(self.form)
        el.addWidget(self.body, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(editor_box)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([340, 680, 580])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        self.store_label = QLabel(self.service.store.description if hasattr(self.service.store, "description")
                                  else store_target)
        self.store_label.setStyleSheet("color: #666;")
        self.statusBar().addPermanentWidget(self.store_label)
        self.actions: dict[str, QAction] = build_menus(self)
        self.resize(1500, 920)
        self._restore_layout()

        self.navigator.issueSelected.connect(self.open_issue)
        self.navigator.documentSelected.connect(self.open_document)
        self.navigator.contextMenuWanted.connect(self._fill_tree_menu)
        self.model.moveDocumentRequested.connect(self.move_document)
        self.model.moveSectionRequested.connect(self.move_section)
        self.form.titleEdited.connect(self._title_edited)
        self.editing.sessionChanged.connect(self._session_changed)
        self.editing.activateRequested.connect(self._activate_requested)
        self.editing.statusMessage.connect(self._show_message)
        self.preview.built.connect(self._preview_built)
        self.stack.cleanChanged.connect(self._update_title)
        self._unsubscribe = service.subscribe(self._on_change)
        cmds.error_handler = lambda exc: QTimer.singleShot(0, lambda: show_error(self, exc))
        self.refresh_issues(select=self._initial_issue())
        if self.issue_key is None:
            self.show_session(None)  # the empty-store hint
            self._update_actions()

    # start ---------------------------------------------------------------------------------
    def _initial_issue(self) -> str | None:
        issues = self.service.list_issues()
        last = self.settings.last_issue(self.store_target)
        if last and any(s.key == last for s in issues):
            return last
        return issues[-1].key if issues else None

    def _restore_layout(self) -> None:
        geometry, state = self.settings.window_state()
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        if geometry is not None:
            self.restoreGeometry(geometry)
        elif screen is not None and screen.width() > 800:
            self.resize(int(screen.width() * 0.94), int(screen.height() * 0.92))
            self.move(screen.center() - self.rect().center())
        if state is not None:
            self.restoreState(state)
        for name, splitter in (("main", self.splitter), ("navigator", self.navigator.splitter)):
            saved = self.settings.splitter_state(name)
            if saved is not None:
                splitter.restoreState(saved)

    def after_show(self) -> None:
        """Things to do once the window is visible: offer to recover unsaved work."""
        entries = self.journal.entries()
        if entries:
            stored = {}
            for e in entries:
                try:
                    stored[e.uid] = self.service.load_document(e.uid)[0]
                except GazetteError:
                    stored[e.uid] = None
            self.recovery_dialog = RecoveryDialog(entries, self, stored)
            self.recovery_dialog.accepted.connect(lambda: self.restore_entries(entries))
            self.recovery_dialog.rejected.connect(lambda: [self.journal.discard(e.uid) for e in entries])
            self.recovery_dialog.open()

    def restore_entries(self, entries: list) -> None:
        """Put recovered texts back into their documents (saved by the next autosave)."""
        for entry in entries:
            try:
                self.service.document_location(entry.uid)
            except NotFoundError:
                self._restore_as_new(entry)
                continue
            if self.issue_key != entry.issue_key:
                self.refresh_issues(select=entry.issue_key)
            self.open_document(entry.uid)
            s = self.editing.sessions.get(entry.uid)
            if s is None:
                continue
            s.replace_content(entry.document, entry.base_version)
            s.mark_dirty()
        self.statusBar().showMessage(self.tr("Recovered text restored"), 5000)

    def _restore_as_new(self, entry) -> None:
        try:
            issue = self.service.load_issue(entry.issue_key)
        except NotFoundError:
            return
        if not issue.sections:
            return
        entry.document.uid = new_uid()
        self.service.add_document(entry.issue_key, issue.sections[0].name, entry.document)
        self.journal.discard(entry.uid)

    # issues --------------------------------------------------------------------------------
    def refresh_issues(self, select: str | None = None) -> None:
        """Reload the issue list and open ``select`` (or keep the current issue)."""
        key = select or self.issue_key
        summaries = self.service.list_issues()
        if key not in [s.key for s in summaries]:
            key = summaries[-1].key if summaries else None
        self.navigator.set_issues(summaries, key)
        if key != self.issue_key or select is not None:
            self.open_issue(key)
        self._update_title()

    def open_issue(self, key: str | None) -> None:
        """Show an issue's contents."""
        if key != self.issue_key:
            self.editing.save_all()
            self.model.pages = {}  # page numbers belong to the last build of that issue
        self.issue_key = key
        self._issue_cache = None
        if key is None:
            self.model.set_issue(None)
            self.show_session(None)
            self._update_actions()
            return
        try:
            issue = self.service.load_issue(key)
        except GazetteError as exc:
            show_error(self, exc)
            return
        self._issue_cache = issue
        self.issue_status = IssueStatus(issue.status)
        self.issue_date = issue.pub_date
        self.model.set_issue(issue)
        self.settings.set_last_issue(self.store_target, key)
        self._apply_read_only()
        if self.current is None or self.current.issue_key != key:
            docs = issue.documents()
            if docs:
                self.open_document(docs[0].uid)
            else:
                self.show_session(None)
        self.preview.request_rebuild()
        self._update_title()

    def _apply_read_only(self) -> None:
        final = self.issue_status == IssueStatus.FINAL
        self.model.read_only = final
        for s in self.editing.sessions.values():
            if s.issue_key == self.issue_key:
                s.read_only = final
        self.form.set_read_only(final)
        if self.current is not None:
            self.body.show_part(self.body.part_index)
        for name in ("new_document", "delete_document", "add_section", "rename_section", "remove_section",
                     "issue_properties", "build", "delete_issue"):
            if name in self.actions:
                # a final issue can still be looked at and built; deleting it waits for a reopen
                self.actions[name].setEnabled(not final or name in ("issue_properties", "build"))
        for action in self.actions.get("status_group", {}).values():
            action.setEnabled(True)
        for status, action in self.actions.get("status_group", {}).items():
            action.setChecked(status == self.issue_status)
        color = {IssueStatus.DRAFT: "#5f6368", IssueStatus.PROOF: "#b26a00", IssueStatus.FINAL: "#1e7e34"}
        self.status_label.setText(status_name(self.issue_status) + (
            "  " + self.tr("(read-only)") if final else ""))
        self.status_label.setStyleSheet(f"color: {color[self.issue_status]}; font-weight: bold; padding: 0 6px;")

    def _update_actions(self) -> None:
        """Actions that need an open issue are off without one."""
        has_issue = self.issue_key is not None
        for name in ("new_document", "delete_document", "add_section", "rename_section", "remove_section",
                     "issue_properties", "build", "delete_issue"):
            if name in self.actions and not has_issue:
                self.actions[name].setEnabled(False)
        for action in self.actions.get("status_group", {}).values():
            action.setEnabled(has_issue)

    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 4000)

    def _update_title(self, *_args) -> None:
        parts = [self.tr("Gazette Editor")]
        if self.issue_key:
            year, number = self.issue_key.split("-")
            parts.insert(0, self.tr("%1 No. %2").replace("%1", year).replace("%2", number))
        self.setWindowTitle(" — ".join(parts))

    # documents -----------------------------------------------------------------------------
    def open_document(self, uid: str) -> None:
        """Show a document in the form and body editor and its first page in the preview."""
        if self.current is not None and self.current.uid == uid:
            self.preview.show_document(uid)
            return
        if self.current is not None and self.current.dirty:
            self.editing.save(self.current)
        try:
            key, _section, _index = self.service.document_location(uid)
            if key != self.issue_key:
                self.refresh_issues(select=key)
            images = self._issue_cache.images if self._issue_cache is not None else {}
            s = self.editing.session(uid, key, images)
        except GazetteError as exc:
            show_error(self, exc)
            return
        s.read_only = self.issue_status == IssueStatus.FINAL
        self.show_session(s)
        self.navigator.select_document(uid)
        self.preview.show_document(uid)

    def show_session(self, s: DocumentSession | None, part: int = 0) -> None:
        """Put a session on screen (None: nothing)."""
        self.current = s
        self.form.set_session(s, self.issue_date)
        self.form.set_read_only(bool(s and s.read_only))
        self.body.set_session(s, part)
        if s is not None:
            self.doc_heading.setText(s.title)
        elif self.issue_key is None:
            self.doc_heading.setText(self.tr("No issues yet: create one with Issue ▸ New issue, or put the "
                                             "sample issue into the store with File ▸ Install the sample issue."))
        else:
            self.doc_heading.setText(self.tr("No document selected"))

    def _activate_requested(self, s: DocumentSession, part: int) -> None:
        """Undo/redo of an edit in a document not on screen: show that document (and part)."""
        if s.uid not in self.editing.sessions:
            return
        if s is not self.current:
            if s.issue_key != self.issue_key:
                self.refresh_issues(select=s.issue_key)
            self.show_session(s, max(part, 0))
            self.navigator.select_document(s.uid)
        elif part >= 0 and part != self.body.part_index:
            self.body.show_part(part)

    def _session_changed(self, s: DocumentSession) -> None:
        if s is not self.current:
            self._activate_requested(s, -1)
        self.doc_heading.setText(s.title)
        self.preview.request_rebuild()

    def _title_edited(self, uid: str, title: str) -> None:
        self.model.set_title(uid, title)
        if self.current is not None and self.current.uid == uid:
            self.doc_heading.setText(title)

    def save_now(self) -> None:
        """Ctrl+S: save every edited document."""
        if self.editing.save_all():
            self.statusBar().showMessage(self.tr("All changes saved"), 3000)

    # preview and build ---------------------------------------------------------------------
    def issue_snapshot(self) -> tuple | None:
        """Private copies of (publication, issue) with unsaved edits applied."""
        if self.issue_key is None:
            return None
        if self._issue_cache is None:
            self._issue_cache = self.service.load_issue(self.issue_key)
        cached = self._issue_cache
        sections = []
        for sec in cached.sections:
            docs = []
            for d in sec.documents:
                s = self.editing.sessions.get(d.uid)
                docs.append(s.to_document() if s is not None and s.dirty else copy.deepcopy(d))
            sections.append(Section(sec.name, docs))
        issue = copy.copy(cached)
        issue.sections = sections
        issue.images = dict(cached.images)
        for s in self.editing.sessions.values():
            issue.images.update(s.images)
        return self.service.publication(), issue

    def preview_snapshot(self, scope: str) -> tuple | None:
        """What the preview typesets: the whole issue, or the current document alone."""
        snap = self.issue_snapshot()
        if snap is None:
            return None
        pub, issue = snap
        uid = self.current.uid if self.current is not None else None
        if scope == "document":
            if uid is None:
                return None
            issue.sections = [Section(s.name, [d for d in s.documents if d.uid == uid])
                              for s in issue.sections if any(d.uid == uid for d in s.documents)]
        return pub, issue, uid

    def _scope_changed(self, _index: int) -> None:
        self.settings.set_preview_scope(self.preview.current_scope())

    def _preview_built(self, result, scope: str) -> None:
        if scope == "issue":
            self.model.set_pages(dict(result.document_pages))

    def build_dialog(self) -> None:
        """Open the build dialog for the open issue."""
        from editor.ui.build_dialog import BuildDialog

        if self.issue_key is None:
            return
        self.editing.save_all()
        folder = self.settings.build_folder() or QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        dialog = BuildDialog(lambda: self.issue_snapshot(), self.issue_key, Path(folder), self)
        dialog.built.connect(lambda r: self.model.set_pages(dict(r.document_pages)))
        dialog.built.connect(lambda _r: self.settings.set_build_folder(dialog.folder.text()))
        dialog.exec()

    def revisions_dialog(self) -> None:
        """Show the current document's saved versions and restore one (undoable)."""
        from editor.ui.revisions_dialog import RevisionsDialog

        s = self.current
        if s is None:
            return
        if not self.editing.save(s):
            return
        dialog = RevisionsDialog(self.service, s.uid, self)
        if dialog.exec() != RevisionsDialog.DialogCode.Accepted or dialog.chosen is None:
            return
        uid, number, before = s.uid, dialog.chosen, s.version
        self.run_command(cmds.ServiceCommand(self.tr("Restore version"),
                                             lambda: self.service.restore_revision(uid, number),
                                             lambda: self.service.restore_revision(uid, before)))

    def find_dialog(self) -> None:
        """Ctrl+F: find a document by title or text."""
        from editor.ui.find_dialog import FindDialog

        dialog = getattr(self, "_find", None)
        if dialog is None or dialog.current_key != self.issue_key:
            if dialog is not None:
                dialog.close()
                dialog.deleteLater()
            dialog = FindDialog(self.service, self.issue_key, self)
            dialog.openRequested.connect(self.open_document)
            self._find = dialog
        dialog.show()  # one find window, brought to the front with the query ready to type
        dialog.raise_()
        dialog.activateWindow()
        dialog.query.setFocus()
        dialog.query.selectAll()

    # store -----------------------------------------------------------------------------------
    def open_store_dialog(self) -> None:
        """Choose another store file and open it in a new window."""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Open or create a store"), str(Path(self.store_target).parent),
            self.tr("Gazette stores (*.db *.sqlite);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.switch_store(path)

    def switch_store(self, target: str) -> None:
        """Close this window and open another store."""
        try:
            window = MainWindow.open(target)
        except GazetteError as exc:
            show_error(self, exc)
            return
        window.show()
        window.after_show()
        self.close()

    def install_sample(self) -> None:
        """Put the sample issue into the store and open it."""
        try:
            self.service.install_sample()
        except GazetteError as exc:
            show_error(self, exc)
            return
        self.refresh_issues(select="2025-3")

    # changes from the service --------------------------------------------------------------------
    def _on_change(self, change: Change) -> None:
        self.editing.on_change(change)
        if change.issue_key is not None and change.issue_key == self.issue_key:
            self._issue_cache = None
        if change.what in ("issues", "issue"):
            QTimer.singleShot(0, self._refresh_issue_list)
        if change.what == "sections" and change.issue_key is not None:
            self.editing.check_attached(change.issue_key)
        if change.what in ("sections", "issue") and change.issue_key == self.issue_key:
            self._reload_contents()
        if change.what in ("sections", "document", "issue", "publication"):
            self.preview.request_rebuild()

    def _refresh_issue_list(self) -> None:
        self.navigator.set_issues(self.service.list_issues(), self.issue_key)

    def _reload_contents(self) -> None:
        try:
            issue = self.service.load_issue(self.issue_key)
        except NotFoundError:
            return
        self._issue_cache = issue
        status_changed = IssueStatus(issue.status) != self.issue_status
        self.issue_status = IssueStatus(issue.status)
        self.issue_date = issue.pub_date
        self.model.set_issue(issue)
        if status_changed:
            self._apply_read_only()
        if self.current is not None:
            self.navigator.select_document(self.current.uid)

    # closing ---------------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.editing.save_all(interactive=False):
            log.warning("closing with unsaved edits; they are kept in %s", self.journal.path)
        self.journal.close()  # what is left in the journal is offered at the next start
        self.settings.set_window_state(self.saveGeometry(), self.saveState())
        self.settings.set_splitter_state("main", self.splitter.saveState())
        self.settings.set_splitter_state("navigator", self.navigator.splitter.saveState())
        self.settings.sync()
        self.preview.shutdown()
        self._unsubscribe()
        try:
            self.service.store.close()
        except Exception:  # noqa: BLE001 - closing must not stop the window from closing
            pass
        super().closeEvent(event)
