"""Parsing untrusted XML: no DTDs, no entities, no network, bounded size."""

from __future__ import annotations

from lxml import etree

from editor.errors import ContentError

MAX_XML_BYTES = 256 * 1024 * 1024


def _parser(huge: bool) -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
        huge_tree=huge,
    )


def parse_xml(data: bytes | str, what: str = "the XML", huge: bool = False) -> etree._Element:
    """Parse ``data`` and return its root element, refusing anything hostile.

    A document type declaration is refused outright: the formats of this project never
    need one, and refusing it rules out entity expansion ("billion laughs") and external
    entities alike. Errors are raised as ``ContentError`` with the line and the reason.
    """
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > MAX_XML_BYTES:
        raise ContentError(f"{what} is too large ({len(data) // 1_000_000} MB)")
    head = data[:4096].lstrip()
    if b"<!DOCTYPE" in data[: min(len(data), 1 << 20)].upper() or b"<!ENTITY" in head.upper():
        raise ContentError(
            f"{what} declares a document type or entities, which are not allowed here"
        )
    try:
        root = etree.fromstring(data, _parser(huge))
    except etree.XMLSyntaxError as exc:
        line = getattr(exc, "lineno", None) or (exc.position[0] if exc.position else "?")
        raise ContentError(f"{what} is not well-formed XML (line {line}): {exc.msg}") from None
    if root is None:
        raise ContentError(f"{what} is empty")
    return root
