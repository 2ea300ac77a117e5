"""An open document being edited: its form fields and one QTextDocument per part (the body
and each attachment), its stored version, and whether it has unsaved changes.

Sessions outlive the widgets that show them so that undo commands recorded while a document
was on screen still apply after the user has looked at another one.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QTextDocument

from editor.model import Attachment, Document
from editor.model.fields import DOCUMENT_FIELDS
from editor.ui.textdoc import blocks_document, document_blocks


@dataclass
class Part:
    """The body (label None) or one attachment of a document, with its text document."""

    label: str | None
    title: str
    doc: QTextDocument = field(repr=False)


class DocumentSession(QObject):
    """Edit state of one document; emits ``changed`` after every edit of fields or text."""

    changed = Signal()
    fieldChanged = Signal(str)
    partsChanged = Signal()
    activateRequested = Signal(int)  # part index: an undo/redo wants this session shown

    def __init__(self, doc: Document, version: int, issue_key: str, images: dict[str, bytes] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.uid = doc.uid
        self.version = version
        self.issue_key = issue_key
        self.images = images or {}
        self.values: dict[str, object] = copy.deepcopy(DOCUMENT_FIELDS.values(doc))
        self.parts: list[Part] = []
        self.dirty = False
        self.read_only = False
        self.detached = False  # its document is not in the store (deleted; an undo may bring it back)
        self._load_parts(doc)

    def _new_part(self, label: str | None, title: str, blocks: list) -> Part:
        qdoc = blocks_document(blocks, self.images)
        qdoc.setParent(self)
        qdoc.setProperty("seenRevision", qdoc.revision())
        qdoc.contentsChange.connect(self._text_changed)
        return Part(label, title, qdoc)

    def _load_parts(self, doc: Document) -> None:
        self.parts = [self._new_part(None, "", doc.body)]
        self.parts += [self._new_part(a.label, a.title, a.body) for a in doc.attachments]

    def _text_changed(self, _pos: int, removed: int, added: int) -> None:
        # a QTextEdit re-laying out a document it was given reports a "change" without a new
        # revision: only a new revision is an edit
        doc = self.sender()
        if isinstance(doc, QTextDocument):
            if doc.revision() == doc.property("seenRevision"):
                return
            doc.setProperty("seenRevision", doc.revision())
        if removed or added:
            self.mark_dirty()

    def mark_dirty(self) -> None:
        """Record that the session differs from the store and tell listeners."""
        self.dirty = True
        self.changed.emit()

    # fields -------------------------------------------------------------------------------
    def value(self, name: str) -> object:
        """The current value of a form field."""
        return self.values[name]

    def set_value(self, name: str, value: object) -> None:
        """Change a form field (called by undo commands)."""
        if self.values.get(name) == value:
            return
        self.values[name] = copy.deepcopy(value)
        self.fieldChanged.emit(name)
        self.mark_dirty()

    def set_part_header(self, index: int, label: str | None, title: str) -> None:
        """Change an attachment's label and title (called by undo commands)."""
        part = self.parts[index]
        part.label, part.title = label, title
        self.partsChanged.emit()
        self.mark_dirty()

    def insert_part(self, index: int, part: Part) -> None:
        """Insert an attachment part (called by undo commands)."""
        self.parts.insert(index, part)
        self.partsChanged.emit()
        self.mark_dirty()

    def new_attachment_part(self, label: str, title: str, body: list | None = None) -> Part:
        """A fresh attachment part (not yet inserted)."""
        return self._new_part(label, title, list(body or []))

    def remove_part(self, index: int) -> Part:
        """Remove an attachment part and return it (called by undo commands)."""
        part = self.parts.pop(index)
        self.partsChanged.emit()
        self.mark_dirty()
        return part

    # model --------------------------------------------------------------------------------
    @property
    def title(self) -> str:
        """The document's current title."""
        return str(self.values.get("title") or "")

    def to_document(self) -> Document:
        """The document as currently edited."""
        doc = DOCUMENT_FIELDS.build(copy.deepcopy(self.values), body=document_blocks(self.parts[0].doc), uid=self.uid)
        doc.attachments = [Attachment(p.label or "", p.title, document_blocks(p.doc)) for p in self.parts[1:]]
        return doc

    def replace_content(self, doc: Document, version: int | None = None) -> None:
        """Load another state of the document (a reload, a recovery or the other side of a conflict)."""
        for name, value in DOCUMENT_FIELDS.values(doc).items():
            self.values[name] = copy.deepcopy(value)
            self.fieldChanged.emit(name)
        old = self.parts
        self._load_parts(doc)
        for part in old:
            part.doc.contentsChange.disconnect(self._text_changed)
        self.partsChanged.emit()
        if version is not None:
            self.version = version

    def mark_saved(self, version: int) -> None:
        """Record a successful save."""
        self.version = version
        self.dirty = False
