"""The body format: document bodies as XML, validated against ``body.rng`` on every save.

``blocks_to_xml`` and ``blocks_from_xml`` convert between model blocks and the XML text
the store keeps; ``blocks_to_element`` / ``blocks_from_element`` do the same with lxml
elements so the archive can embed bodies without re-parsing.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from lxml import etree

from editor.content.xmlsafe import parse_xml
from editor.errors import ContentError
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
)

SCHEMA_PATH = Path(__file__).with_name("body.rng")


@lru_cache(maxsize=1)
def _schema() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(SCHEMA_PATH)))


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def sub_element(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    """Append ``<tag>`` with ``text`` to ``parent``; attribute names take ``-`` for ``_``."""
    el = etree.SubElement(parent, tag, {k.replace("_", "-"): v for k, v in attrs.items()})
    if text:
        el.text = text
    return el


def _heading(parent: etree._Element, h: Heading) -> etree._Element:
    return sub_element(parent, "h", h.text, level=str(h.level))


def blocks_to_element(blocks: list[Block], tag: str = "body") -> etree._Element:
    """Build the ``<body>`` element for ``blocks``."""
    root = etree.Element(tag)
    for b in blocks:
        if isinstance(b, Heading):
            if b.run_in:
                p = sub_element(root, "p")
                h = _heading(p, b)
                h.tail = b.body or None
            else:
                _heading(root, b)
        elif isinstance(b, Paragraph):
            attrs = {}
            if b.align != "justify":
                attrs["align"] = b.align
            if not b.indent:
                attrs["indent"] = "false"
            if b.role != "body":
                attrs["role"] = b.role
            sub_element(root, "p", b.text, **attrs)
        elif isinstance(b, Note):
            sub_element(root, "note", b.text)
        elif isinstance(b, Table):
            attrs = {}
            if b.header_rows:
                attrs["header_rows"] = str(b.header_rows)
            if b.widths:
                attrs["widths"] = " ".join(_num(w) for w in b.widths)
            if b.align != "center":
                attrs["align"] = b.align
            t = sub_element(root, "table", **attrs)
            if b.caption:
                sub_element(t, "caption", b.caption)
            for row in b.rows:
                tr = sub_element(t, "tr")
                for c in row:
                    cattrs = {}
                    if c.rowspan != 1:
                        cattrs["rowspan"] = str(c.rowspan)
                    if c.colspan != 1:
                        cattrs["colspan"] = str(c.colspan)
                    if c.align:
                        cattrs["align"] = c.align
                    sub_element(tr, "td", c.text, **cattrs)
        elif isinstance(b, NameList):
            names = sub_element(root, "names")
            for e in b.entries:
                entry = sub_element(names, "entry")
                sub_element(entry, "name", e.name)
                sub_element(entry, "duty", e.duty)
        elif isinstance(b, ChronicleEntry):
            ev = sub_element(root, "event")
            if b.mark:
                sub_element(ev, "mark", b.mark)
            d = sub_element(ev, "date", b.date)
            d.tail = b.text or None
        elif isinstance(b, Image):
            attrs = {"ref": b.ref}
            if b.width_mm:
                attrs["width_mm"] = _num(b.width_mm)
            img = sub_element(root, "img", **attrs)
            if b.caption:
                sub_element(img, "caption", b.caption)
        else:
            raise ContentError(f"not a body block: {type(b).__name__}")
    return root


def _text(el: etree._Element | None) -> str:
    return "" if el is None or el.text is None else el.text


def _tail(el: etree._Element) -> str:
    # Indentation added by a pretty printer after a last child is not content.
    tail = el.tail or ""
    return "" if not tail.strip() else tail


def _check_schema(root: etree._Element, what: str) -> None:
    schema = _schema()
    if not schema.validate(root):
        err = schema.error_log.last_error
        where = f"line {err.line}" if err is not None and err.line else "somewhere"
        reason = err.message if err is not None else "does not follow the body schema"
        raise ContentError(f"{what} does not follow the body format ({where}): {reason}")


def blocks_from_element(root: etree._Element, what: str = "the document body") -> list[Block]:
    """Validate a ``<body>`` element and turn it into blocks (``ContentError`` if invalid)."""
    if root.tag != "body":
        raise ContentError(f"{what} must be a <body> element, not <{root.tag}>")
    _check_schema(root, what)
    blocks: list[Block] = []
    for el in root:
        tag = el.tag
        if tag == "h":
            blocks.append(Heading(level=int(el.get("level")), text=_text(el)))
        elif tag == "p":
            h = el.find("h")
            if h is not None:
                if (el.text or "").strip():
                    raise ContentError(
                        f"{what}, line {el.sourceline}: a run-in heading must open its paragraph"
                    )
                blocks.append(
                    Heading(level=int(h.get("level")), text=_text(h), run_in=True, body=_tail(h))
                )
            else:
                blocks.append(
                    Paragraph(
                        text=_text(el),
                        align=el.get("align", "justify"),
                        indent=el.get("indent", "true") == "true",
                        role=el.get("role", "body"),
                    )
                )
        elif tag == "note":
            blocks.append(Note(_text(el)))
        elif tag == "table":
            widths = [float(w) for w in el.get("widths", "").split()]
            rows = [
                [
                    TableCell(
                        text=_text(td),
                        rowspan=int(td.get("rowspan", "1")),
                        colspan=int(td.get("colspan", "1")),
                        align=td.get("align", ""),
                    )
                    for td in tr.findall("td")
                ]
                for tr in el.findall("tr")
            ]
            table = Table(
                rows=rows,
                header_rows=int(el.get("header-rows", "0")),
                widths=widths,
                align=el.get("align", "center"),
                caption=_text(el.find("caption")),
            )
            _check_table(table, f"{what}, line {el.sourceline}")
            blocks.append(table)
        elif tag == "names":
            blocks.append(
                NameList(
                    [NameEntry(_text(e.find("name")), _text(e.find("duty"))) for e in el.findall("entry")]
                )
            )
        elif tag == "event":
            d = el.find("date")
            m = el.find("mark")
            if (el.text or "").strip():
                raise ContentError(f"{what}, line {el.sourceline}: text before the date of an event")
            if m is not None and (m.tail or "").strip():
                raise ContentError(f"{what}, line {el.sourceline}: text between mark and date")
            blocks.append(ChronicleEntry(date=_text(d), text=_tail(d), mark=_text(m)))
        elif tag == "img":
            blocks.append(
                Image(
                    ref=el.get("ref"),
                    caption=_text(el.find("caption")),
                    width_mm=float(el.get("width-mm", "0")),
                )
            )
    return blocks


def _check_table(table: Table, where: str) -> None:
    try:
        table.grid()
    except ValueError as exc:
        raise ContentError(f"{where}: table {exc}") from None
    ncols = table.column_count()
    if table.widths and len(table.widths) != ncols:
        raise ContentError(
            f"{where}: table has {ncols} columns but {len(table.widths)} column widths"
        )
    if table.header_rows > len(table.rows):
        raise ContentError(f"{where}: table has more header rows than rows")


def validate_blocks(blocks: list[Block], what: str = "the document body") -> None:
    """Check blocks as they would be saved: schema and table spans (``ContentError``)."""
    root = blocks_to_element(blocks)
    blocks_from_element(root, what)


def blocks_to_xml(blocks: list[Block]) -> str:
    """Serialise blocks to the stored XML text (validated first)."""
    root = blocks_to_element(blocks)
    blocks_from_element(root)
    return etree.tostring(root, encoding="unicode")


def blocks_from_xml(xml: str | bytes, what: str = "the document body") -> list[Block]:
    """Parse stored or user-supplied body XML into blocks (``ContentError`` if invalid)."""
    return blocks_from_element(parse_xml(xml, what), what)
