"""Plain data model of a gazette: publication, issues, sections, documents and body blocks.

Everything here is a dataclass with no behaviour beyond small conveniences, so that the
store, the importers, the typesetting engine and the UI can all share it without
depending on one another.
"""

from editor.model.blocks import (
    Block,
    ChronicleEntry,
    Heading,
    Image,
    NameEntry,
    NameList,
    Note,
    Paragraph,
    Table,
    TableCell,
    block_text,
)
from editor.model.gazette import (
    DOCUMENT_KINDS,
    Attachment,
    Document,
    Issue,
    IssueStatus,
    Publication,
    Section,
    new_uid,
)

__all__ = [
    "Attachment",
    "Block",
    "ChronicleEntry",
    "Document",
    "DOCUMENT_KINDS",
    "Heading",
    "Image",
    "Issue",
    "IssueStatus",
    "NameEntry",
    "NameList",
    "Note",
    "Paragraph",
    "Publication",
    "Section",
    "Table",
    "TableCell",
    "block_text",
    "new_uid",
]
