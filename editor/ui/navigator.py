"""The left pane: the list of issues and the contents tree of the open issue (columns and
documents, drag and drop, context menu)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from editor.model import IssueStatus
from editor.ui.contents_model import ContentsModel, KindRole, UidRole

STATUS_COLORS = {IssueStatus.DRAFT: "#5f6368", IssueStatus.PROOF: "#b26a00", IssueStatus.FINAL: "#1e7e34"}


def status_name(status: IssueStatus) -> str:
    """The status as shown to the user."""
    from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

    names = {IssueStatus.DRAFT: QT_TRANSLATE_NOOP("Status", "Draft"),
             IssueStatus.PROOF: QT_TRANSLATE_NOOP("Status", "Proof"),
             IssueStatus.FINAL: QT_TRANSLATE_NOOP("Status", "Final")}
    return QCoreApplication.translate("Status", names[IssueStatus(status)])


class Navigator(QWidget):
    """Issue list above the contents tree."""

    issueSelected = Signal(str)
    documentSelected = Signal(str)
    sectionSelected = Signal(str)
    contextMenuWanted = Signal(object, object)  # QMenu, QModelIndex: the window fills the menu

    def __init__(self, model: ContentsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._updating = False
        self.issues = QListWidget()
        self.issues.setAlternatingRowColors(True)
        self.issues.currentItemChanged.connect(self._issue_changed)

        self.tree = QTreeView()
        self.tree.setModel(model)
        self.tree.setHeaderHidden(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        # DragDrop rather than InternalMove: the model decides every move itself (and accepts only
        # its own MIME type), and a synthetic drop in tests is processed like a real one
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setExpandsOnDoubleClick(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.clicked.connect(self._clicked)
        model.modelReset.connect(self.tree.expandAll)

        issues_box = QWidget()
        il = QVBoxLayout(issues_box)
        il.setContentsMargins(0, 0, 0, 0)
        il.setSpacing(2)
        self.issues_label = QLabel(self.tr("Issues"))
        self.issues_label.setStyleSheet("font-weight: bold; padding: 2px;")
        il.addWidget(self.issues_label)
        il.addWidget(self.issues)
        tree_box = QWidget()
        tl = QVBoxLayout(tree_box)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.setSpacing(2)
        self.contents_label = QLabel(self.tr("Contents"))
        self.contents_label.setStyleSheet("font-weight: bold; padding: 2px;")
        tl.addWidget(self.contents_label)
        tl.addWidget(self.tree)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(issues_box)
        self.splitter.addWidget(tree_box)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setSizes([150, 600])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    # issues ---------------------------------------------------------------------------------
    def set_issues(self, summaries: list, current: str | None) -> None:
        """Fill the issue list (newest first) and select ``current``."""
        self._updating = True
        self.issues.clear()
        for s in reversed(summaries):
            text = self.tr("%1 No. %2 (cumulative %3)").replace("%1", str(s.year)).replace(
                "%2", str(s.number)).replace("%3", str(s.cumulative))
            item = QListWidgetItem(f"{text}  ·  {status_name(s.status)}")
            item.setData(Qt.ItemDataRole.UserRole, s.key)
            item.setToolTip(self.tr("%n document(s)", "", s.document_count) + f" · {s.pub_date.isoformat()}")
            item.setForeground(QColor(STATUS_COLORS.get(IssueStatus(s.status), "#000")))
            self.issues.addItem(item)
            if s.key == current:
                self.issues.setCurrentItem(item)
        self._updating = False

    def current_issue(self) -> str | None:
        """Key of the selected issue."""
        item = self.issues.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _issue_changed(self, current: QListWidgetItem | None, _previous) -> None:
        if not self._updating and current is not None:
            self.issueSelected.emit(current.data(Qt.ItemDataRole.UserRole))

    # tree -----------------------------------------------------------------------------------
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._updating or not current.isValid():
            return
        index = current.siblingAtColumn(0)
        if index.data(KindRole) == "document":
            self.documentSelected.emit(index.data(UidRole))
        else:
            self.sectionSelected.emit(index.data(Qt.ItemDataRole.DisplayRole))

    def _clicked(self, index: QModelIndex) -> None:
        index = index.siblingAtColumn(0)
        if index.data(KindRole) == "document":
            self.documentSelected.emit(index.data(UidRole))

    def select_document(self, uid: str) -> None:
        """Select a document without emitting a selection request."""
        index = self.model.document_index(uid)
        if index.isValid():
            self._updating = True
            self.tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.tree.scrollTo(index)
            self._updating = False

    def select_section(self, name: str) -> None:
        """Make a column the current item."""
        index = self.model.section_index(name)
        if index.isValid():
            self._updating = True
            self.tree.setCurrentIndex(index)
            self._updating = False

    def selected(self) -> tuple[str | None, str | None]:
        """(kind, uid or section name) of the current tree item."""
        index = self.tree.currentIndex().siblingAtColumn(0)
        if not index.isValid():
            return None, None
        kind = index.data(KindRole)
        return kind, index.data(UidRole) if kind == "document" else index.data(Qt.ItemDataRole.DisplayRole)

    def selected_section(self) -> str | None:
        """The column of the current item (the document's column for a document)."""
        index = self.tree.currentIndex().siblingAtColumn(0)
        if not index.isValid():
            names = self.model.section_names()
            return names[0] if names else None
        if index.data(KindRole) == "document":
            index = index.parent()
        return index.data(Qt.ItemDataRole.DisplayRole)

    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        self.contextMenuWanted.emit(menu, self.tree.indexAt(pos))
        if not menu.isEmpty():
            menu.exec(self.tree.viewport().mapToGlobal(pos))
