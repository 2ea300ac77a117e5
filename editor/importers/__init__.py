"""Importers: pasted text, .txt and .docx files become structured documents.

Public API (the desktop UI's paste and the ``parse``/``import`` commands use it):

- :func:`parse_text` — a pasted 公文 as text -> :class:`ParseResult`
- :func:`parse_file` — a .txt or .docx file (recognised by content) -> :class:`ParseResult`
- :func:`structure_blocks` — text -> body blocks only, for pasting into an existing body
- :func:`result_to_dict` — the JSON form printed by ``python main.py parse FILE --format json``

A broken, encrypted, oversized or hostile file raises :class:`editor.errors.ImportRefused`.
"""

from __future__ import annotations

import os
from pathlib import Path

from editor.errors import ImportRefused
from editor.importers.bodytext import classify, join_lines
from editor.importers.normalize import Report, clean_text_lines, split_lines
from editor.importers.result import Deadline, ParseResult
from editor.importers.structurer import structure
from editor.model import Block

MAX_TEXT_BYTES = 32 * 1024 * 1024


def parse_text(text: str, deadline: Deadline | None = None) -> ParseResult:
    """Structure a pasted or plain-text 公文 (title, number, addressees, body, date, attachments)."""
    deadline = deadline or Deadline()
    report = Report()
    lines = clean_text_lines(split_lines(text), report)
    deadline.check()
    doc = structure(lines, report, join=True, check=deadline.check)
    return ParseResult(doc, report.findings())


def structure_blocks(text: str) -> list[Block]:
    """Body blocks only (no title or date recognition), for pasting into an existing body."""
    report = Report()
    lines = clean_text_lines(split_lines(text), report)
    return classify(join_lines(lines, report))


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace")


def parse_bytes(data: bytes, name: str = "the file", deadline: Deadline | None = None) -> ParseResult:
    """Parse file content: a .docx (a zip) or text; refuse what is neither."""
    from editor.importers import docx

    deadline = deadline or Deadline()
    kind = docx.sniff(data)
    if kind == "zip":
        return docx.parse_docx(data, name=name, deadline=deadline)
    if kind == "ole":
        raise ImportRefused(
            f"{name} is an encrypted Word file or an old .doc (a compound file); "
            "remove the password or save it as .docx first"
        )
    if kind == "pdf":
        raise ImportRefused(f"{name} is a PDF file; copy its text and paste it, or save it as .txt or .docx first")
    if kind == "binary":
        raise ImportRefused(f"{name} is neither a .docx file nor plain text")
    if len(data) > MAX_TEXT_BYTES:
        raise ImportRefused(f"{name} is too large for a text file ({len(data) // 1_000_000} MB)")
    return parse_text(_decode(data), deadline)


def parse_file(path: str | os.PathLike[str]) -> ParseResult:
    """Parse a .txt or .docx file; the type is recognised by content, not by the extension."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max(MAX_TEXT_BYTES, 64 * 1024 * 1024):
            raise ImportRefused(f"{p.name} is too large to import ({size // 1_000_000} MB)")
        data = p.read_bytes()
    except FileNotFoundError:
        raise ImportRefused(f"{p} does not exist") from None
    except IsADirectoryError:
        raise ImportRefused(f"{p} is a folder, not a file") from None
    except PermissionError:
        raise ImportRefused(f"{p} cannot be read (permission denied)") from None
    if p.suffix.lower() == ".docx" and not data.startswith(b"PK") and not data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportRefused(f"{p.name} is named .docx but is not a Word file (not a zip archive)")
    return parse_bytes(data, name=p.name)


def result_to_dict(result: ParseResult) -> dict:
    """The JSON-ready form of a parse result (keys as the ``parse`` command documents them)."""
    from editor.importers.jsonform import result_to_dict as _impl

    return _impl(result)


__all__ = [
    "Deadline",
    "ParseResult",
    "parse_bytes",
    "parse_file",
    "parse_text",
    "result_to_dict",
    "structure_blocks",
]
