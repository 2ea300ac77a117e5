"""Rows <-> model objects: how a Publication, an Issue and a Document are kept in the tables.

The functions here only convert and query; transactions, checks of the issue status and
change events belong to ``editor.services``. Every body is validated against the body
schema on its way in (``ContentError`` saying where and why), so the store never holds a
body the archive or the typesetter could not read.
"""

from __future__ import annotations

import re
from dataclasses import fields
from datetime import UTC, date, datetime

from lxml import etree

from editor.content.body import blocks_from_element, blocks_to_element
from editor.content.fieldxml import read_fields, write_fields
from editor.content.xmlsafe import parse_xml
from editor.errors import ContentError
from editor.model import (
    Attachment,
    Document,
    Issue,
    IssueStatus,
    Publication,
    Section,
    block_text,
)
from editor.model.fields import ATTACHMENT_FIELDS, DOCUMENT_FIELDS
from editor.store.models import (
    DocumentRow,
    ImageRow,
    IssueRow,
    PublicationRow,
    SectionRow,
    content_fields,
)

PUBLICATION_FIELDS = tuple(f.name for f in fields(Publication))

# what XML 1.0 (the body format and the archive) cannot hold: C0 controls but tab, line feed
# and carriage return, the non-characters U+FFFE/U+FFFF and unpaired surrogates. Characters
# no font has (private use, unassigned, emoji, supplementary ideographs) are all storable.
_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def check_text(value: object, what: str) -> None:
    """``ContentError`` naming ``what`` and the code point when ``value`` holds a character
    a document cannot keep (a control character such as Word's U+000B line break)."""
    if not isinstance(value, str):
        return
    m = _XML_UNSAFE.search(value)
    if m:
        around = _XML_UNSAFE.sub("", value[max(0, m.start() - 12): m.start()])
        raise ContentError(
            f"{what} holds the control character U+{ord(m.group()):04X} (after “{around}”), "
            "which cannot be stored in a document; remove it and save again"
        )


def utc_now() -> datetime:
    """The current time in UTC without tzinfo, as the store keeps it."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def as_utc(value: datetime) -> datetime:
    """A stored timestamp as an aware UTC datetime."""
    if isinstance(value, str):  # SQLite hands back text for some drivers' settings
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def as_date(value: date | str | None) -> date | None:
    """A stored date (some drivers return text) as a ``date``."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


# --- publication -----------------------------------------------------------------------


def publication_from_row(row: PublicationRow) -> Publication:
    """The publication kept in ``row``."""
    pub = Publication(title=row.title)
    for name in PUBLICATION_FIELDS:
        if hasattr(row, name):
            setattr(pub, name, getattr(row, name) or "")
    return pub


def publication_values(pub: Publication) -> dict[str, str]:
    """Column values for ``pub`` (every field of the dataclass has a column)."""
    missing = [n for n in PUBLICATION_FIELDS if n not in PublicationRow._meta.fields]
    if missing:  # a field was added to the model without a store migration
        raise ContentError(f"the store cannot keep the publication field(s): {', '.join(missing)}")
    if not (pub.title or "").strip():
        raise ContentError("the publication needs a title")
    for n in PUBLICATION_FIELDS:
        check_text(getattr(pub, n), f"the publication's {n.replace('_', ' ')}")
    return {n: str(getattr(pub, n) or "") for n in PUBLICATION_FIELDS}


# --- document content --------------------------------------------------------------------


def _what(doc: Document) -> str:
    title = (doc.title or "").strip()
    return f"document «{title[:30]}»" if title else "a document"


def body_to_text(blocks: list, what: str) -> str:
    """Validate ``blocks`` and return the stored ``<body>`` XML text."""
    try:
        root = blocks_to_element(blocks)
    except (ValueError, TypeError) as exc:
        raise ContentError(f"{what} cannot be stored: {exc}") from None
    blocks_from_element(root, what)
    return etree.tostring(root, encoding="unicode")


def attachments_to_text(doc: Document) -> str:
    """Validate the attachments of ``doc`` and return their stored XML ("" when none)."""
    if not doc.attachments:
        return ""
    root = etree.Element("attachments")
    for i, att in enumerate(doc.attachments, 1):
        what = f"{_what(doc)}, attachment {att.label or i}"
        try:
            a = etree.SubElement(root, "attachment")
            write_fields(a, att, ATTACHMENT_FIELDS)
        except (ValueError, TypeError) as exc:
            raise ContentError(f"{what} cannot be stored: {exc}") from None
        a.append(etree.fromstring(body_to_text(att.body, f"{what}, body")))
    return etree.tostring(root, encoding="unicode")


def attachments_from_text(text: str, what: str) -> list[Attachment]:
    """The attachments kept in ``text``."""
    if not text:
        return []
    root = parse_xml(text, what)
    result = []
    for a in root.findall("attachment"):
        body_el = a.find("body")
        if body_el is None:
            raise ContentError(f"{what}: an attachment without a body")
        body = blocks_from_element(body_el, f"{what}, attachment {a.get('label', '')}")
        result.append(ATTACHMENT_FIELDS.build(read_fields(a, ATTACHMENT_FIELDS, what), body=body))
    return result


def content_values(doc: Document) -> dict[str, object]:
    """Validated column values for the content of ``doc`` (``ContentError`` if refused)."""
    if not isinstance(doc, Document):
        raise ContentError(f"not a document: {type(doc).__name__}")
    for spec in DOCUMENT_FIELDS:
        value = getattr(doc, spec.name)
        if spec.is_missing(value):
            raise ContentError(f"a document needs a {spec.words}")
        if not spec.codec.accepts(value):
            raise ContentError(f"{_what(doc)}: the {spec.words} must be {spec.codec.expected}")
    _check_document_text(doc)
    values: dict[str, object] = {s.name: s.codec.to_store(getattr(doc, s.name)) for s in DOCUMENT_FIELDS}
    values["body"] = body_to_text(doc.body, f"the body of {_what(doc)}")
    values["attachments"] = attachments_to_text(doc)
    return values


def _check_document_text(doc: Document) -> None:
    what = _what(doc)
    for spec, text in DOCUMENT_FIELDS.texts(doc):
        check_text(text, f"the {spec.words} of {what}")
    for i, block in enumerate(doc.body, 1):
        check_text(block_text(block), f"{what}, body block {i} ({type(block).__name__.lower()})")
    for n, att in enumerate(doc.attachments, 1):
        where = f"{what}, attachment {att.label or n}"
        for spec, text in ATTACHMENT_FIELDS.texts(att):
            check_text(text, f"{where}, {spec.words}")
        for i, block in enumerate(att.body, 1):
            check_text(block_text(block), f"{where}, block {i} ({type(block).__name__.lower()})")


def document_from_content(row: object, uid: str) -> Document:
    """A Document from a row holding the content columns (a document or a revision row)."""
    what = f"stored document «{(row.title or '')[:30]}»"
    values = {s.name: s.codec.from_store(getattr(row, s.name)) for s in DOCUMENT_FIELDS}
    return DOCUMENT_FIELDS.build(
        values,
        uid=uid,
        body=blocks_from_element(parse_xml(row.body, what), what),
        attachments=attachments_from_text(row.attachments or "", what),
    )


def content_of_row(row: object) -> dict[str, object]:
    """The content columns of a document or revision row, for copying and comparing (a date
    as a ``date`` whatever the driver hands back)."""
    values = {name: getattr(row, name) for name in content_fields()}
    for spec in DOCUMENT_FIELDS:
        values[spec.name] = spec.codec.to_store(spec.codec.from_store(values[spec.name]))
    return values


def search_text(doc: Document) -> str:
    """The plain text a substring search looks through: title, heads, body, attachments."""
    parts = [doc.title, doc.subtitle, doc.toc_title, doc.doc_number, doc.addressees, *doc.issuers]
    parts += [block_text(b) for b in doc.body]
    for att in doc.attachments:
        parts += [att.label, att.title]
        parts += [block_text(b) for b in att.body]
    return "\n".join(p for p in parts if p)


# --- issues ---------------------------------------------------------------------------------


def issue_from_row(row: IssueRow, full: bool = True) -> Issue:
    """The issue in ``row``; with ``full``, its sections, documents and images too."""
    issue = Issue(
        year=row.year,
        number=row.number,
        cumulative=row.cumulative,
        pub_date=as_date(row.pub_date),
        status=IssueStatus(row.status),
        proof_round=row.proof_round or 0,
    )
    if not full:
        return issue
    sections = list(SectionRow.select().where(SectionRow.issue == row).order_by(SectionRow.position))
    by_id: dict[int, Section] = {}
    for s in sections:
        by_id[s.id] = Section(name=s.name)
        issue.sections.append(by_id[s.id])
    if sections:
        docs = (
            DocumentRow.select()
            .where(DocumentRow.section.in_([s.id for s in sections]))
            .order_by(DocumentRow.section, DocumentRow.position)
        )
        for d in docs:
            by_id[d.section_id].documents.append(document_from_content(d, d.uid))
    for img in ImageRow.select().where(ImageRow.issue == row).order_by(ImageRow.ref):
        issue.images[img.ref] = bytes(img.data)
    return issue
