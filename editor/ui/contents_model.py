"""The contents tree of an issue: columns (栏目) with their documents and, after a build, each
document's printed page. Drag and drop emits move requests; the window turns them into undoable
service calls and the model is refreshed from the store when the service reports the change.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractItemModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from editor.model import Issue

MIME_TYPE = "application/x-gazette-contents-item"
UidRole = Qt.ItemDataRole.UserRole + 1
_ROOT = QModelIndex()
KindRole = Qt.ItemDataRole.UserRole + 2  # "section" | "document"


_IDS = itertools.count(1)


@dataclass(eq=False)
class _Doc:
    uid: str
    title: str
    section: _Section | None = None
    id: int = field(default_factory=lambda: next(_IDS))


@dataclass(eq=False)
class _Section:
    name: str
    docs: list[_Doc] = field(default_factory=list)
    id: int = field(default_factory=lambda: next(_IDS))


class ContentsModel(QAbstractItemModel):
    """Two-level model (columns, documents) with two view columns: title and page."""

    moveDocumentRequested = Signal(str, str, int)  # uid, target section, final index
    moveSectionRequested = Signal(str, int, int)  # name, old index, new index

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._sections: list[_Section] = []
        # indexes carry a node id, never a raw pointer: a stale index then finds no node
        self._nodes: dict[int, _Section | _Doc] = {}
        self.pages: dict[str, int] = {}
        self.read_only = False

    # content ------------------------------------------------------------------------------
    def set_issue(self, issue: Issue | None) -> None:
        """Show the contents of ``issue`` (None: empty)."""
        self.beginResetModel()
        self._sections = []
        self._nodes = {}
        if issue is not None:
            for s in issue.sections:
                sec = _Section(s.name)
                sec.docs = [_Doc(d.uid, d.title, sec) for d in s.documents]
                self._sections.append(sec)
                self._nodes[sec.id] = sec
                self._nodes.update((d.id, d) for d in sec.docs)
        self.endResetModel()

    def node(self, index: QModelIndex | QPersistentModelIndex):
        """The section or document behind an index (None when invalid or stale)."""
        return self._nodes.get(index.internalId()) if index.isValid() else None

    def set_pages(self, pages: dict[str, int]) -> None:
        """Show printed page numbers (from the last build)."""
        self.pages = dict(pages)
        if self._sections:
            self.dataChanged.emit(self.index(0, 1), self.index(len(self._sections) - 1, 1))
            for r, sec in enumerate(self._sections):
                if sec.docs:
                    parent = self.index(r, 0)
                    self.dataChanged.emit(self.index(0, 1, parent), self.index(len(sec.docs) - 1, 1, parent))

    def set_title(self, uid: str, title: str) -> None:
        """Update a document's title after an edit (no reset, keeps the selection)."""
        for r, sec in enumerate(self._sections):
            for i, d in enumerate(sec.docs):
                if d.uid == uid and d.title != title:
                    d.title = title
                    idx = self.index(i, 0, self.index(r, 0))
                    self.dataChanged.emit(idx, idx)

    def section_names(self) -> list[str]:
        """Column names in order."""
        return [s.name for s in self._sections]

    def section_index(self, name: str) -> QModelIndex:
        """The index of a column by name (invalid when absent)."""
        for r, s in enumerate(self._sections):
            if s.name == name:
                return self.index(r, 0)
        return QModelIndex()

    def document_index(self, uid: str) -> QModelIndex:
        """The index of a document by uid (invalid when absent)."""
        for r, s in enumerate(self._sections):
            for i, d in enumerate(s.docs):
                if d.uid == uid:
                    return self.index(i, 0, self.index(r, 0))
        return QModelIndex()

    def document_count(self, name: str) -> int:
        """Number of documents in a column."""
        return next((len(s.docs) for s in self._sections if s.name == name), 0)

    # QAbstractItemModel -------------------------------------------------------------------
    def index(self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, self._sections[row].id)
        sec = self.node(parent)
        if isinstance(sec, _Section) and row < len(sec.docs):
            return self.createIndex(row, column, sec.docs[row].id)
        return QModelIndex()

    def parent(self, index: QModelIndex | QPersistentModelIndex = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        node = self.node(index)
        if isinstance(node, _Doc) and node.section in self._sections:
            return self.createIndex(self._sections.index(node.section), 0, node.section.id)
        return QModelIndex()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        if not parent.isValid():
            return len(self._sections)
        if parent.column() != 0:
            return 0
        node = self.node(parent)
        return len(node.docs) if isinstance(node, _Section) else 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> int:
        return 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Title") if section == 0 else self.tr("Page")
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node = self.node(index)
        if node is None:
            return None
        is_sec = isinstance(node, _Section)
        if role == KindRole:
            return "section" if is_sec else "document"
        if role == UidRole:
            return None if is_sec else node.uid
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if index.column() == 1:
                if is_sec:
                    return None
                page = self.pages.get(node.uid)
                return str(page) if page is not None else ""
            if is_sec:
                return node.name
            return node.title or self.tr("(untitled)")
        if role == Qt.ItemDataRole.FontRole and is_sec:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 1:
            return QColor("#666666")
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.read_only:
            return base
        if not index.isValid():
            return base | Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled

    # drag and drop ------------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes) -> QMimeData:
        mime = QMimeData()
        for index in indexes:
            if index.isValid() and index.column() == 0:
                node = self.node(index)
                if node is None:
                    continue
                item = ({"kind": "section", "name": node.name} if isinstance(node, _Section)
                        else {"kind": "document", "uid": node.uid})
                mime.setData(MIME_TYPE, json.dumps(item).encode("utf-8"))
                break
        return mime

    def _decode(self, data: QMimeData) -> dict | None:
        if data is None or not data.hasFormat(MIME_TYPE):
            return None
        try:
            item = json.loads(bytes(data.data(MIME_TYPE)).decode("utf-8"))
        except ValueError:
            return None
        return item if isinstance(item, dict) else None

    def _target(self, item: dict, row: int, parent: QModelIndex) -> tuple | None:
        """Where a drop lands: ("document", uid, section, index) or ("section", name, old, new)."""
        if item.get("kind") == "document":
            uid = item.get("uid")
            src = next(((s, s.docs.index(d)) for s in self._sections for d in s.docs if d.uid == uid), None)
            if src is None:
                return None
            if not parent.isValid():
                if row < 0 or not self._sections:
                    return None
                # dropped between columns: the end of the column above the gap
                sec, row = self._sections[max(row - 1, 0)], -1
            else:
                node = self.node(parent)
                if node is None:
                    return None
                if isinstance(node, _Doc):  # dropped onto a document: before it
                    sec, row = node.section, node.section.docs.index(node)
                else:
                    sec = node
            if row < 0:
                row = len(sec.docs)
            final = row
            if sec is src[0] and src[1] < row:
                final = row - 1
            if sec is src[0] and final == src[1]:
                return None
            return ("document", uid, sec.name, final)
        if item.get("kind") == "section":
            name = item.get("name")
            names = self.section_names()
            if name not in names:
                return None
            old = names.index(name)
            if parent.isValid():
                node = self.node(parent)
                if node is None:
                    return None
                sec = node.section if isinstance(node, _Doc) else node
                row = self._sections.index(sec)
            if row < 0:
                row = len(names)
            new = row - 1 if old < row else row
            if new == old:
                return None
            return ("section", name, old, new)
        return None

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: QModelIndex | QPersistentModelIndex) -> bool:
        if self.read_only or action != Qt.DropAction.MoveAction:
            return False
        item = self._decode(data)
        return item is not None and self._target(item, row, QModelIndex(parent)) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = self._target(self._decode(data), row, QModelIndex(parent))
        if target[0] == "document":
            self.moveDocumentRequested.emit(target[1], target[2], target[3])
        else:
            self.moveSectionRequested.emit(target[1], target[2], target[3])
        # the move is made by the service; the view must not remove the source rows itself
        return False

    def removeRows(self, row: int, count: int, parent: QModelIndex | QPersistentModelIndex = _ROOT) -> bool:
        return False
