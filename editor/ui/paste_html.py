"""Pasted HTML (Word, WPS, a web page) -> body blocks: tables keep their rows, merged cells and
header rows; the text between them goes through the importer's structurer like pasted text.

No Qt here; the body editor calls :func:`html_to_blocks` with the clipboard's HTML.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import lxml.html
from lxml import etree

from editor.model import Block, Table, TableCell

_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "tr", "blockquote", "pre"}
_SPACE = re.compile(r"[ \t\r\n\xa0\u3000]+")


def _text(el: etree._Element) -> str:
    """The text of an element with paragraph breaks kept as newlines."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if not isinstance(node.tag, str) or node.tag in ("style", "script", "head", "title"):
            if node.tail:
                parts.append(node.tail)
            return
        if node.tag in _BLOCK_TAGS:
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
        if node.tag in _BLOCK_TAGS:
            parts.append("\n")
        if node.tail:
            parts.append(node.tail)

    if el.text:
        parts.append(el.text)
    for child in el:
        walk(child)
    lines = [_SPACE.sub(" ", line).strip() for line in "".join(parts).split("\n")]
    return "\n".join(line for line in lines if line)


def _int(value: str | None) -> int:
    try:
        return max(1, min(int(value or "1"), 500))
    except ValueError:
        return 1


def table_block(table: etree._Element) -> Table:
    """A model Table from an HTML table (spans kept when they form a valid grid)."""
    rows: list[list[TableCell]] = []
    header = 0
    in_header = True
    for tr in table.iter("tr"):
        if tr.getparent() is not None and any(a.tag == "table" for a in tr.iterancestors() if a is not table):
            continue  # rows of a nested table
        cells = [c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
        if not cells:
            continue
        is_head = tr.getparent() is not None and tr.getparent().tag == "thead" or all(c.tag == "th" for c in cells)
        if in_header and is_head:
            header += 1
        else:
            in_header = False
        rows.append([TableCell(_text(c), _int(c.get("rowspan")), _int(c.get("colspan"))) for c in cells])
    result = Table(rows=rows, header_rows=header)
    try:
        result.grid()
    except ValueError:
        result = _regularised(rows, header)
    return result


def _regularised(rows: list[list[TableCell]], header: int) -> Table:
    """Spans that do not fit: drop them and pad the rows to the widest one."""
    plain = [[TableCell(c.text) for c in row] for row in rows]
    width = max((len(r) for r in plain), default=0)
    for row in plain:
        row += [TableCell() for _ in range(width - len(row))]
    return Table(rows=plain, header_rows=header)


def html_to_blocks(html: str, structure: Callable[[str], list[Block]]) -> list[Block]:
    """Blocks for pasted HTML: tables as tables, the text around them through ``structure``."""
    if not html.strip():
        return []
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return structure(re.sub(r"<[^>]+>", "\n", html))
    body = root.find("body")
    if body is None:
        body = root
    blocks: list[Block] = []
    pending: list[str] = []

    def flush() -> None:
        text = "\n".join(pending).strip()
        pending.clear()
        if text:
            blocks.extend(structure(text))

    def visit(el: etree._Element) -> None:
        if not isinstance(el.tag, str):
            return
        if el.tag == "table":
            flush()
            table = table_block(el)
            if table.rows:
                blocks.append(table)
            if el.tail and el.tail.strip():
                pending.append(el.tail)
            return
        if any(d.tag == "table" for d in el.iterdescendants() if isinstance(d.tag, str)):
            if el.text and el.text.strip():
                pending.append(el.text)
            for child in el:
                visit(child)
            if el.tail and el.tail.strip():
                pending.append(el.tail)
            return
        pending.append(_text(el))
        if el.tail and el.tail.strip():
            pending.append(el.tail.strip())

    if body.text and body.text.strip():
        pending.append(body.text)
    for child in body:
        visit(child)
    flush()
    return blocks
