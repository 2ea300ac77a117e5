"""Structural edits of the open issue made from the main window: moving documents and columns
(drag and drop in the contents tree), adding, renaming and removing columns, adding and deleting
documents. Each is done through the service and recorded as an undoable command."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QInputDialog, QMessageBox

from editor.errors import GazetteError
from editor.model import Document
from editor.ui import undo as cmds
from editor.ui.errors import show_error


class ContentsActions:
    """Mixed into MainWindow (texts are translated in the MainWindow context)."""

    # structure commands --------------------------------------------------------------------
    def run_command(self, command: cmds.ServiceCommand) -> bool:
        """Do a structural edit now and put it on the undo stack if it worked."""
        self.editing.save_all()
        try:
            command.run()
        except GazetteError as exc:
            show_error(self, exc)
            return False
        self.stack.push(command)
        return True

    def move_document(self, uid: str, section: str, index: int) -> None:
        """Move a document (from the tree's drag and drop or a test)."""
        try:
            command = cmds.move_document_command(self.service, uid, section, index)
        except GazetteError as exc:
            show_error(self, exc)
            return
        if self.run_command(command):
            QTimer.singleShot(0, lambda: self.navigator.select_document(uid))

    def move_section(self, name: str, old: int, new: int) -> None:
        """Move a column."""
        self.run_command(cmds.move_section_command(self.service, self.issue_key, name, old, new))

    def add_section(self) -> None:
        """Ask for a name and add a column after the selected one."""
        if self.issue_key is None:
            return
        name, ok = QInputDialog.getText(self, QCoreApplication.translate("MainWindow", "Add column"), QCoreApplication.translate("MainWindow", "Column name:"))
        if ok and name.strip():
            names = self.model.section_names()
            current = self.navigator.selected_section()
            index = names.index(current) + 1 if current in names else None
            if self.run_command(cmds.add_section_command(self.service, self.issue_key, name.strip(), index)):
                self.navigator.select_section(name.strip())

    def rename_section(self) -> None:
        """Rename the selected column."""
        old = self.navigator.selected_section()
        if self.issue_key is None or old is None:
            return
        new, ok = QInputDialog.getText(self, QCoreApplication.translate("MainWindow", "Rename column"), QCoreApplication.translate("MainWindow", "New name:"), text=old)
        if ok and new.strip() and new.strip() != old:
            if self.run_command(cmds.rename_section_command(self.service, self.issue_key, old, new.strip())):
                self.navigator.select_section(new.strip())

    def remove_section(self) -> None:
        """Remove the selected column; one with documents asks first."""
        name = self.navigator.selected_section()
        if self.issue_key is None or name is None:
            return
        count = self.model.document_count(name)
        if count:
            answer = QMessageBox.question(
                self, QCoreApplication.translate("MainWindow", "Remove column"),
                QCoreApplication.translate("MainWindow", "The column “%1” holds %2 document(s). Remove it together with them?")
                .replace("%1", name).replace("%2", str(count)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.run_command(cmds.remove_section_command(self.service, self.issue_key, name))

    def new_document(self) -> None:
        """Add an empty document to the selected column and open it."""
        if self.issue_key is None:
            return
        section = self.navigator.selected_section()
        if section is None:
            show_error(self, GazetteError(QCoreApplication.translate("MainWindow", "Add a column first: documents belong to a column.")))
            return
        doc = Document(title=QCoreApplication.translate("MainWindow", "New document"))
        if self.run_command(cmds.add_document_command(self.service, self.issue_key, section, doc)):
            self.open_document(doc.uid)
            self.form.title.setFocus()
            self.form.title.selectAll()

    def delete_document(self) -> None:
        """Delete the selected document (undoable)."""
        kind, uid = self.navigator.selected()
        if kind != "document" or uid is None:
            return
        s = self.editing.sessions.get(uid)
        if s is not None and s.dirty:
            self.editing.save(s)
        answer = QMessageBox.question(self, QCoreApplication.translate("MainWindow", "Delete document"),
                                      QCoreApplication.translate("MainWindow", "Delete “%1”? You can undo this.").replace(
                                          "%1", self.model.document_index(uid).data() or ""))
        if answer != QMessageBox.StandardButton.Yes:
            return
        if self.run_command(cmds.delete_document_command(self.service, uid)):
            if self.current is not None and self.current.uid == uid:
                self.show_session(None)

    def _fill_tree_menu(self, menu, index) -> None:
        for name in ("new_document", "delete_document", None, "add_section", "rename_section", "remove_section"):
            if name is None:
                menu.addSeparator()
            elif name in self.actions:
                menu.addAction(self.actions[name])
