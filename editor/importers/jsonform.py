"""The JSON form of a parse result, as printed by ``python main.py parse FILE --format json``.

Top-level keys: the document's declared fields (``editor.model.fields``) under their JSON keys,
``kind``, ``issuer`` (organs joined with "、"), ``title``, ``subtitle``, ``doc_number``,
``addressees``, ``public_note``, ``date`` (ISO or null); then ``blocks``, ``attachments``
(``label``, ``title``, ``blocks``), ``findings`` (``code``, ``severity``, ``message``, ``where``)
and ``images``. :func:`keys_help` gives the same list for the command line's help.

Every block has ``type`` and ``text``:

- ``heading``: ``level``, ``run_in``; a run-in heading has ``text`` = the heading sentence and
  ``body`` = the rest of its paragraph. An article (第一条) is a run-in level-3 heading whose
  ``body`` starts with the full-width space printed after the article number.
- ``paragraph``: ``role`` (body, attachment-note, closing), ``align``.
- ``note``.
- ``table``: ``rows`` (lists of cells with ``text``, ``rowspan``, ``colspan``), ``header_rows``;
  ``text`` is all cell texts, one per line.
- ``namelist``: ``entries`` (``name``, ``duty``); ``text`` is one entry per line.
- ``chronicle``: ``date``, ``mark``; ``text`` is what follows the date (with its leading "，").
- ``image``: ``ref``, ``caption``, ``width_mm``; ``text`` is the caption.
"""

from __future__ import annotations

from typing import Any

from editor.importers.result import ParseResult
from editor.model import (
    Block,
    ChronicleEntry,
    Heading,
    Image,
    NameList,
    Note,
    Paragraph,
    Table,
    block_text,
)
from editor.model.fields import ATTACHMENT_FIELDS, DOCUMENT_FIELDS, FieldSet


def block_to_dict(block: Block) -> dict[str, Any]:
    """One block as a JSON-ready dict."""
    if isinstance(block, Heading):
        d: dict[str, Any] = {"type": "heading", "level": block.level, "text": block.text, "run_in": block.run_in}
        if block.run_in:
            d["body"] = block.body
        return d
    if isinstance(block, Paragraph):
        return {"type": "paragraph", "text": block.text, "role": block.role, "align": block.align}
    if isinstance(block, Note):
        return {"type": "note", "text": block.text}
    if isinstance(block, Table):
        return {
            "type": "table",
            "text": block_text(block),
            "header_rows": block.header_rows,
            "rows": [[{"text": c.text, "rowspan": c.rowspan, "colspan": c.colspan} for c in row] for row in block.rows],
        }
    if isinstance(block, NameList):
        return {
            "type": "namelist",
            "text": block_text(block),
            "entries": [{"name": e.name, "duty": e.duty} for e in block.entries],
        }
    if isinstance(block, ChronicleEntry):
        return {"type": "chronicle", "date": block.date, "mark": block.mark, "text": block.text}
    if isinstance(block, Image):
        return {"type": "image", "ref": block.ref, "caption": block.caption, "width_mm": block.width_mm,
                "text": block.caption}
    raise TypeError(f"not a body block: {block!r}")


def keys_help() -> str:
    """The JSON form's keys in words, for ``parse --help``."""
    def keys(fields: FieldSet) -> str:
        return ", ".join(f"{s.json_name} ({s.codec.plain_note})" if s.codec.plain_note else str(s.json_name)
                         for s in fields if s.json_name)
    return (f"{keys(DOCUMENT_FIELDS)}, blocks, attachments ({keys(ATTACHMENT_FIELDS)}, blocks), "
            "findings (code, severity, message, where), images")


def result_to_dict(result: ParseResult) -> dict[str, Any]:
    """The whole parse result as a JSON-ready dict."""
    doc = result.document
    return {
        **DOCUMENT_FIELDS.to_plain(doc),
        "blocks": [block_to_dict(b) for b in doc.body],
        "attachments": [
            {**ATTACHMENT_FIELDS.to_plain(a), "blocks": [block_to_dict(b) for b in a.body]}
            for a in doc.attachments
        ],
        "findings": [{"code": f.code, "severity": f.severity, "message": f.message, "where": f.where}
                     for f in result.findings],
        "images": {ref: len(data) for ref, data in sorted(result.images.items())},
    }
