"""Undo commands: every edit the user makes goes through one of these on the window's
QUndoStack — form fields, body text (bridged from each QTextDocument's own undo history),
attachments, and structural changes of the issue that go through the GazetteService.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QTextDocument, QUndoCommand

from editor.model import Document
from editor.services import GazetteService
from editor.ui.session import DocumentSession, Part

PART_HEADER_COMMAND_ID = 4102
FIELD_COMMAND_ID = 4101


def _tr(text: str) -> str:
    return QCoreApplication.translate("Undo", text)


class FieldCommand(QUndoCommand):
    """Change one form field; consecutive typing in the same field merges into one step."""

    def __init__(self, session: DocumentSession, name: str, old: object, new: object) -> None:
        super().__init__(_tr(QT_TRANSLATE_NOOP("Undo", "Edit field")))
        self.session, self.name, self.old, self.new = session, name, old, new

    def redo(self) -> None:
        self.session.set_value(self.name, self.new)

    def undo(self) -> None:
        self.session.activateRequested.emit(-1)
        self.session.set_value(self.name, self.old)

    def id(self) -> int:
        return FIELD_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, FieldCommand) or other.session is not self.session or other.name != self.name:
            return False
        if not isinstance(self.new, str):
            return False
        self.new = other.new
        return True


class TextCommand(QUndoCommand):
    """One step of a body text document's own undo history, driven from the window's stack."""

    def __init__(self, session: DocumentSession, part: Part) -> None:
        super().__init__(_tr(QT_TRANSLATE_NOOP("Undo", "Edit text")))
        self.session, self.doc = session, part.doc
        self.part = part
        self._first = True

    def _activate(self) -> None:
        if self.part in self.session.parts:
            self.session.activateRequested.emit(self.session.parts.index(self.part))

    def redo(self) -> None:
        if self._first:  # the edit has already happened in the document
            self._first = False
            return
        self._activate()
        self.doc.redo()

    def undo(self) -> None:
        self._activate()
        self.doc.undo()


def bridge_text_undo(stack, session: DocumentSession, part: Part) -> None:
    """Push a TextCommand on ``stack`` whenever ``part.doc`` records an undo step."""
    doc: QTextDocument = part.doc
    doc.undoCommandAdded.connect(lambda: stack.push(TextCommand(session, part)))


class PartHeaderCommand(QUndoCommand):
    """Change an attachment's label and title."""

    def __init__(self, session: DocumentSession, index: int, label: str, title: str) -> None:
        super().__init__(_tr(QT_TRANSLATE_NOOP("Undo", "Edit attachment")))
        part = session.parts[index]
        self.session, self.index = session, index
        self.old = (part.label, part.title)
        self.new = (label, title)

    def redo(self) -> None:
        self.session.set_part_header(self.index, *self.new)

    def undo(self) -> None:
        self.session.set_part_header(self.index, *self.old)

    def id(self) -> int:
        return PART_HEADER_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        # typing an attachment's label or title is one step, as in the form's fields
        if not isinstance(other, PartHeaderCommand) or other.session is not self.session or other.index != self.index:
            return False
        self.new = other.new
        return True


class AddPartCommand(QUndoCommand):
    """Add (or, with ``remove=True``, remove) an attachment."""

    def __init__(self, session: DocumentSession, index: int, part: Part, remove: bool = False) -> None:
        super().__init__(_tr(QT_TRANSLATE_NOOP("Undo", "Remove attachment")) if remove else _tr(QT_TRANSLATE_NOOP("Undo", "Add attachment")))
        self.session, self.index, self.part, self.remove = session, index, part, remove

    def _add(self) -> None:
        self.session.insert_part(self.index, self.part)
        self.session.activateRequested.emit(self.index)

    def _remove(self) -> None:
        self.session.remove_part(self.index)
        self.session.activateRequested.emit(0)

    def redo(self) -> None:
        self._remove() if self.remove else self._add()

    def undo(self) -> None:
        self._add() if self.remove else self._remove()


class ServiceCommand(QUndoCommand):
    """A structural edit of the issue made through the service, with its inverse.

    ``do`` and ``undo_fn`` are callables running one service action each; an error they raise
    propagates to the caller (the window shows it and drops the command).
    """

    def __init__(self, text: str, do: Callable[[], None], undo_fn: Callable[[], None]) -> None:
        super().__init__(text)
        self._do, self._undo = do, undo_fn
        self.already_done = False  # set after running it once outside the stack

    def run(self) -> None:
        """Do the edit now (errors propagate); the next push does not repeat it."""
        self._do()
        self.already_done = True

    def redo(self) -> None:
        if self.already_done:
            self.already_done = False
            return
        _guarded(self._do)

    def undo(self) -> None:
        _guarded(self._undo)


#: Called with a GazetteError raised while undoing or redoing (the window shows it).
error_handler: Callable[[Exception], None] | None = None


def _guarded(fn: Callable[[], None]) -> None:
    from editor.errors import GazetteError

    try:
        fn()
    except GazetteError as exc:
        if error_handler is not None:
            error_handler(exc)
        else:
            raise


def move_document_command(service: GazetteService, uid: str, section: str, index: int) -> ServiceCommand:
    """Move a document to ``section`` at ``index``; undo puts it back."""
    _key, old_section, old_index = service.document_location(uid)
    return ServiceCommand(_tr(QT_TRANSLATE_NOOP("Undo", "Move document")),
                          lambda: service.move_document(uid, section, index),
                          lambda: service.move_document(uid, old_section, old_index))


def move_section_command(service: GazetteService, key: str, name: str, old: int, new: int) -> ServiceCommand:
    """Move a column to position ``new``."""
    return ServiceCommand(_tr(QT_TRANSLATE_NOOP("Undo", "Move column")),
                          lambda: service.move_section(key, name, new),
                          lambda: service.move_section(key, name, old))


def add_section_command(service: GazetteService, key: str, name: str, index: int | None) -> ServiceCommand:
    """Add a column."""
    return ServiceCommand(_tr(QT_TRANSLATE_NOOP("Undo", "Add column")),
                          lambda: service.add_section(key, name, index),
                          lambda: service.remove_section(key, name))


def rename_section_command(service: GazetteService, key: str, old: str, new: str) -> ServiceCommand:
    """Rename a column."""
    return ServiceCommand(_tr(QT_TRANSLATE_NOOP("Undo", "Rename column")),
                          lambda: service.rename_section(key, old, new),
                          lambda: service.rename_section(key, new, old))


def remove_section_command(service: GazetteService, key: str, name: str) -> ServiceCommand:
    """Remove a column and its documents; undo restores both."""
    issue = service.load_issue(key)
    index = next(i for i, s in enumerate(issue.sections) if s.name == name)
    docs = list(issue.sections[index].documents)

    def restore() -> None:
        service.add_section(key, name, index)
        for i, doc in enumerate(docs):
            service.add_document(key, name, doc, i)

    return ServiceCommand(_tr(QT_TRANSLATE_NOOP("Undo", "Remove column")), lambda: service.remove_section(key, name, force=True), restore)


def add_document_command(service: GazetteService, key: str, section: str, doc: Document,
                         index: int | None = None) -> ServiceCommand:
    """Add a document."""
    return ServiceCommand(_tr(QT_TRANSLATE_NOOP("Undo", "Add document")),
                          lambda: service.add_document(key, section, doc, index),
                          lambda: service.delete_document(doc.uid))


def delete_document_command(service: GazetteService, uid: str) -> ServiceCommand:
    """Delete a document; undo adds it back where it was."""
    key, section, index = service.document_location(uid)
    doc, _version = service.load_document(uid)
    return ServiceCommand(_tr(QT_TRANSLATE_NOOP("Undo", "Delete document")),
                          lambda: service.delete_document(uid),
                          lambda: service.add_document(key, section, doc, index))
