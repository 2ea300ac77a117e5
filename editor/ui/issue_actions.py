"""Issue-level actions of the main window: new issue, issue and publication properties,
status (draft → proof → final, reopen) and deleting an issue; the edits are undoable."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from editor.errors import GazetteError
from editor.model import IssueStatus
from editor.ui import undo as cmds
from editor.ui.errors import show_error


class IssueActions:
    """Mixed into MainWindow (texts are translated in the MainWindow context)."""

    # issues and publication ------------------------------------------------------------------
    def new_issue(self) -> None:
        """Create an issue with the next number, cumulative number and today's date."""
        from editor.ui.issue_dialogs import IssueDialog

        dialog = IssueDialog(self.service.next_issue_defaults(), QCoreApplication.translate("MainWindow", "New issue"), self)
        if dialog.exec() != IssueDialog.DialogCode.Accepted:
            return
        self.create_issue(*dialog.values())

    def create_issue(self, year: int, number: int, cumulative: int, pub_date) -> str | None:
        """Create an issue with the columns of the newest issue (undoable); returns its key."""
        previous = self.service.list_issues()
        names = [s.name for s in self.service.load_issue(previous[-1].key).sections] if previous else []
        key = f"{year}-{number}"
        back_to = self.issue_key

        def create() -> None:
            issue = self.service.create_issue(year, number, cumulative, pub_date)
            for name in names:
                self.service.add_section(issue.key, name)
            self.refresh_issues(select=issue.key)

        def remove() -> None:
            self.service.delete_issue(key)
            self.issue_key = None
            self.refresh_issues(select=back_to)

        if not self.run_command(cmds.ServiceCommand(QCoreApplication.translate("MainWindow", "New issue"),
                                                    create, remove)):
            return None
        return key

    def issue_properties(self) -> None:
        """Edit the open issue's numbers and date (undoable)."""
        from editor.ui.issue_dialogs import IssueDialog

        if self.issue_key is None:
            return
        issue = self.service.load_issue(self.issue_key)
        final = self.issue_status == IssueStatus.FINAL
        dialog = IssueDialog(issue, QCoreApplication.translate("MainWindow", "Issue properties"), self, read_only=final)
        if dialog.exec() != IssueDialog.DialogCode.Accepted:
            return
        old = (issue.year, issue.number, issue.cumulative, issue.pub_date)
        new = dialog.values()
        if new == old:
            return
        old_key, new_key = issue.key, f"{new[0]}-{new[1]}"
        self.run_command(cmds.ServiceCommand(QCoreApplication.translate("MainWindow", "Issue properties"),
                                             lambda: self._set_issue_numbers(old_key, new),
                                             lambda: self._set_issue_numbers(new_key, old)))

    def _set_issue_numbers(self, key: str, values: tuple) -> None:
        year, number, cumulative, pub_date = values
        updated = self.service.update_issue(key, year=year, number=number, cumulative=cumulative,
                                            pub_date=pub_date)
        for s in self.editing.sessions.values():
            if s.issue_key == key:
                s.issue_key = updated.key
        if self.issue_key == key:
            self.issue_key = None
            self.refresh_issues(select=updated.key)
        else:
            self._refresh_issue_list()

    def publication_properties(self) -> None:
        """Edit the gazette's cover and imprint fields (undoable)."""
        from editor.ui.issue_dialogs import PublicationDialog

        old = self.service.publication()
        dialog = PublicationDialog(old, self)
        if dialog.exec() == PublicationDialog.DialogCode.Accepted:
            new = dialog.publication()
            if new != old:
                self.run_command(cmds.ServiceCommand(QCoreApplication.translate("MainWindow", "Publication properties"),
                                                     lambda: self.service.save_publication(new),
                                                     lambda: self.service.save_publication(old)))

    def set_status(self, status: IssueStatus) -> None:
        """Move the issue to draft, proof or final (final -> draft/proof reopens it); undoable."""
        if self.issue_key is None or status == self.issue_status:
            self._apply_read_only()
            return
        if status == IssueStatus.FINAL and not self.editing.save_all():
            self._apply_read_only()
            return
        key, old = self.issue_key, self.issue_status
        if status == IssueStatus.FINAL:
            # a final issue is a checkpoint: earlier edits can no longer be undone into it
            self.editing.save_all()
            self.stack.clear()
        self.run_command(cmds.ServiceCommand(QCoreApplication.translate("MainWindow", "Change status"),
                                             lambda: self._set_status(key, status),
                                             lambda: self._set_status(key, old)))
        self._apply_read_only()

    def _set_status(self, key: str, status: IssueStatus) -> None:
        self.service.set_status(key, status)
        if key == self.issue_key:
            self.refresh_issues(select=key)
        else:
            self._refresh_issue_list()

    def delete_issue(self) -> None:
        """Delete the open issue after asking."""
        if self.issue_key is None:
            return
        answer = QMessageBox.question(self, QCoreApplication.translate("MainWindow", "Delete issue"),
                                      QCoreApplication.translate("MainWindow", "Delete issue %1 with all its documents? This cannot be undone.")
                                      .replace("%1", self.issue_key),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            try:
                key = self.issue_key
                self.service.delete_issue(key)
                for uid in [u for u, s in self.editing.sessions.items() if s.issue_key == key]:
                    self.editing.drop(uid)
                self.show_session(None)
                self.stack.clear()
            except GazetteError as exc:
                show_error(self, exc)
                return  # nothing was deleted: stay on the issue
            self.issue_key = None
            self.refresh_issues()
