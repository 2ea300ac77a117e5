"""Menus, tool bar and shortcuts of the main window."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QStyle, QToolBar

from editor.model import IssueStatus
from editor.ui.navigator import status_name


def _action(window: QMainWindow, text: str, slot, shortcut=None, icon=None) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        if isinstance(shortcut, list):
            action.setShortcuts(shortcut)
        else:
            action.setShortcut(shortcut)
    if icon is not None:
        action.setIcon(window.style().standardIcon(icon))
    action.triggered.connect(lambda _checked=False: slot())
    return action


def _set_language(w, code: str) -> None:
    w.settings.set_language(code)
    QMessageBox.information(w, QCoreApplication.translate("MainWindow", "Interface language"),
                            QCoreApplication.translate("MainWindow", "The new language is used from the next start."))


def build_menus(w) -> dict:
    """Create the window's menus and tool bar; returns the actions by name."""
    sp = QStyle.StandardPixmap
    a: dict = {}
    a["save"] = _action(w, QCoreApplication.translate("MainWindow", "&Save"), w.save_now, QKeySequence.StandardKey.Save, sp.SP_DialogSaveButton)
    a["open_store"] = _action(w, QCoreApplication.translate("MainWindow", "&Open store…"), w.open_store_dialog, QKeySequence.StandardKey.Open,
                              sp.SP_DirOpenIcon)
    a["build"] = _action(w, QCoreApplication.translate("MainWindow", "&Build PDF…"), w.build_dialog, QKeySequence("Ctrl+B"), sp.SP_FileDialogDetailedView)
    a["sample"] = _action(w, QCoreApplication.translate("MainWindow", "Install the sample issue"), w.install_sample)
    a["quit"] = _action(w, QCoreApplication.translate("MainWindow", "&Quit"), w.close, QKeySequence.StandardKey.Quit)
    a["undo"] = w.stack.createUndoAction(w, QCoreApplication.translate("MainWindow", "&Undo"))
    a["undo"].setShortcut(QKeySequence.StandardKey.Undo)
    a["undo"].setIcon(w.style().standardIcon(sp.SP_ArrowBack))
    a["redo"] = w.stack.createRedoAction(w, QCoreApplication.translate("MainWindow", "&Redo"))
    a["redo"].setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    a["redo"].setIcon(w.style().standardIcon(sp.SP_ArrowForward))
    a["find"] = _action(w, QCoreApplication.translate("MainWindow", "&Find document…"), w.find_dialog, QKeySequence.StandardKey.Find,
                        sp.SP_FileDialogContentsView)
    a["revisions"] = _action(w, QCoreApplication.translate("MainWindow", "Revision &history…"), w.revisions_dialog)
    a["new_issue"] = _action(w, QCoreApplication.translate("MainWindow", "&New issue…"), w.new_issue, QKeySequence("Ctrl+Shift+N"),
                             sp.SP_FileDialogNewFolder)
    a["issue_properties"] = _action(w, QCoreApplication.translate("MainWindow", "Issue &properties…"), w.issue_properties)
    a["publication"] = _action(w, QCoreApplication.translate("MainWindow", "P&ublication properties…"), w.publication_properties)
    a["delete_issue"] = _action(w, QCoreApplication.translate("MainWindow", "Delete issue…"), w.delete_issue)
    a["new_document"] = _action(w, QCoreApplication.translate("MainWindow", "New &document"), w.new_document, QKeySequence.StandardKey.New,
                                sp.SP_FileIcon)
    a["delete_document"] = _action(w, QCoreApplication.translate("MainWindow", "Delete document"), w.delete_document, None, sp.SP_TrashIcon)
    a["add_section"] = _action(w, QCoreApplication.translate("MainWindow", "Add column…"), w.add_section)
    a["rename_section"] = _action(w, QCoreApplication.translate("MainWindow", "Rename column…"), w.rename_section)
    a["remove_section"] = _action(w, QCoreApplication.translate("MainWindow", "Remove column"), w.remove_section)
    group = QActionGroup(w)
    a["status_group"] = {}
    for status in IssueStatus:
        act = QAction(status_name(status), w, checkable=True)
        act.triggered.connect(lambda _c=False, st=status: w.set_status(st))
        group.addAction(act)
        a["status_group"][status] = act
    a["reopen"] = _action(w, QCoreApplication.translate("MainWindow", "Reopen (back to draft)"), lambda: w.set_status(IssueStatus.DRAFT))

    bar = w.menuBar()
    m = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
    m.addAction(a["open_store"])
    recent = m.addMenu(QCoreApplication.translate("MainWindow", "Recent stores"))
    for target in w.settings.recent_stores():
        if target != w.store_target:
            recent.addAction(target, lambda t=target: w.switch_store(t))
    recent.setEnabled(not recent.isEmpty())
    m.addAction(a["save"])
    m.addSeparator()
    m.addAction(a["build"])
    m.addAction(a["sample"])
    m.addSeparator()
    m.addAction(a["quit"])
    m = bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
    m.addAction(a["undo"])
    m.addAction(a["redo"])
    m.addSeparator()
    m.addAction(a["find"])
    m.addAction(a["revisions"])
    m = bar.addMenu(QCoreApplication.translate("MainWindow", "&Issue"))
    for name in ("new_issue", "issue_properties", "publication"):
        m.addAction(a[name])
    sm = m.addMenu(QCoreApplication.translate("MainWindow", "Status"))
    for act in a["status_group"].values():
        sm.addAction(act)
    sm.addSeparator()
    sm.addAction(a["reopen"])
    m.addSeparator()
    m.addAction(a["delete_issue"])
    m = bar.addMenu(QCoreApplication.translate("MainWindow", "&Contents"))
    for name in ("new_document", "delete_document", None, "add_section", "rename_section", "remove_section"):
        m.addSeparator() if name is None else m.addAction(a[name])
    m = bar.addMenu(QCoreApplication.translate("MainWindow", "F&ormat"))
    for label, style, level in w.body._styles:
        m.addAction(label, lambda st=style, lv=level: w.body.apply_style(st, lv or 2))
    m.addSeparator()
    m.addMenu(w.body._table_menu)
    m = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    languages = m.addMenu(QCoreApplication.translate("MainWindow", "Interface language"))
    language_group = QActionGroup(w)
    for code, label in (("zh_CN", "简体中文"), ("en", "English")):
        act = QAction(label, w, checkable=True)
        act.setChecked(w.settings.language() == code)
        act.triggered.connect(lambda _c=False, code=code: _set_language(w, code))
        language_group.addAction(act)
        languages.addAction(act)
    m.addSeparator()
    m.addAction(QCoreApplication.translate("MainWindow", "About"), lambda: QMessageBox.about(
        w, QCoreApplication.translate("MainWindow", "About"), QCoreApplication.translate("MainWindow", "Gazette Editor: edit and typeset municipal government gazettes.")))
    m.addAction(QCoreApplication.translate("MainWindow", "About Qt"), QApplication.aboutQt)

    tb = QToolBar(QCoreApplication.translate("MainWindow", "Main tool bar"))
    tb.setObjectName("main-toolbar")
    tb.setMovable(False)
    from PySide6.QtCore import Qt

    tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for name in ("save", "undo", "redo", None, "new_issue", "new_document", None, "find", "build"):
        if name is None:
            tb.addSeparator()
            continue
        tb.addAction(a[name])
        # tool buttons without the menu mnemonic: "保存(&S)" -> "保存"
        a[name].setIconText(re.sub(r"\(&\w\)|&|…", "", a[name].text()).strip())
    w.addToolBar(tb)
    # Delete in the contents tree deletes the selected document (only there, not in text fields)
    delete = QAction(w.navigator.tree)
    delete.setShortcut(QKeySequence.StandardKey.Delete)
    delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    # (through the action: a final issue has it switched off, so the key does nothing there)
    delete.triggered.connect(lambda _c=False: a["delete_document"].isEnabled() and w.delete_document())
    w.navigator.tree.addAction(delete)
    return a
