"""The XML archive: one file holds a whole issue with its publication, sections,
documents, attachments and images. Export, import into an empty store and export again
gives the same bytes.
"""

from __future__ import annotations

import base64
import binascii
from datetime import date

from lxml import etree

from editor.content.body import blocks_from_element, blocks_to_element, sub_element
from editor.content.fieldxml import read_fields, write_fields
from editor.content.xmlsafe import parse_xml
from editor.errors import ContentError
from editor.model import Issue, IssueStatus, Publication, Section
from editor.model.fields import ATTACHMENT_FIELDS, DOCUMENT_FIELDS

ARCHIVE_FORMAT = "gazette-archive"
ARCHIVE_VERSION = 1

_PUB_FIELDS = (
    ("title", "title"),
    ("title_mongolian", "title-mongolian"),
    ("sponsor", "sponsor"),
    ("address", "address"),
    ("postcode", "postcode"),
    ("telephone", "telephone"),
    ("serial_numbers", "serial-numbers"),
    ("price", "price"),
    ("frequency", "frequency"),
    ("default_layout", "default-layout"),
)

def _image_type(data: bytes) -> str:
    if data.startswith(b"\x89PNG"):
        return "image/png"
    if data.startswith(b"\xff\xd8"):
        return "image/jpeg"
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return "image/tiff"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    return "application/octet-stream"


def issue_to_element(publication: Publication, issue: Issue) -> etree._Element:
    """Build the archive element for one issue of ``publication``."""
    root = etree.Element("gazette-archive", format=ARCHIVE_FORMAT, version=str(ARCHIVE_VERSION))
    pub = sub_element(root, "publication")
    for attr, tag in _PUB_FIELDS:
        value = getattr(publication, attr)
        if value:
            sub_element(pub, tag, value)
    iss = sub_element(
        root,
        "issue",
        year=str(issue.year),
        number=str(issue.number),
        cumulative=str(issue.cumulative),
        date=issue.pub_date.isoformat(),
        status=issue.status.value,
        proof_round=str(issue.proof_round),
    )
    for section in issue.sections:
        sec = sub_element(iss, "section", name=section.name)
        for doc in section.documents:
            d = sub_element(sec, "document", uid=doc.uid)
            write_fields(d, doc, DOCUMENT_FIELDS)
            d.append(blocks_to_element(doc.body))
            for att in doc.attachments:
                a = sub_element(d, "attachment")
                write_fields(a, att, ATTACHMENT_FIELDS)
                a.append(blocks_to_element(att.body))
    for ref in sorted(issue.images):
        data = issue.images[ref]
        img = sub_element(iss, "image", id=ref, type=_image_type(data))
        img.text = base64.b64encode(data).decode("ascii")
    return root


def issue_to_xml(publication: Publication, issue: Issue) -> bytes:
    """Serialise an issue to archive bytes (UTF-8, deterministic)."""
    root = issue_to_element(publication, issue)
    etree.indent(root, space="  ")
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)


def _t(el: etree._Element | None) -> str:
    return "" if el is None or el.text is None else el.text


def _int(el: etree._Element, name: str) -> int:
    value = el.get(name)
    if value is None:
        raise ContentError(f"archive, line {el.sourceline}: <{el.tag}> needs the attribute {name}")
    try:
        return int(value)
    except ValueError:
        raise ContentError(
            f"archive, line {el.sourceline}: {name}={value!r} is not a whole number"
        ) from None


def _date(el: etree._Element, value: str | None, name: str) -> date:
    try:
        return date.fromisoformat(value or "")
    except ValueError:
        raise ContentError(
            f"archive, line {el.sourceline}: {name} {value!r} is not a date (YYYY-MM-DD)"
        ) from None


def _body(parent: etree._Element, what: str) -> list:
    body = parent.find("body")
    if body is None:
        raise ContentError(f"archive, line {parent.sourceline}: {what} has no <body>")
    return blocks_from_element(body, f"archive, {what}")


def issue_from_xml(data: bytes | str) -> tuple[Publication, Issue]:
    """Read archive bytes back into a publication and an issue (``ContentError`` if refused)."""
    root = parse_xml(data, "the archive", huge=True)
    if root.tag != "gazette-archive" or root.get("format") != ARCHIVE_FORMAT:
        raise ContentError("this file is not a gazette archive")
    version = root.get("version")
    if version != str(ARCHIVE_VERSION):
        raise ContentError(
            f"the archive is of schema version {version}, this program reads version "
            f"{ARCHIVE_VERSION} only"
        )
    pub_el = root.find("publication")
    if pub_el is None or not _t(pub_el.find("title")):
        raise ContentError("the archive has no publication title")
    publication = Publication(**{attr: _t(pub_el.find(tag)) for attr, tag in _PUB_FIELDS if pub_el.find(tag) is not None})
    if not publication.default_layout:
        publication.default_layout = "gazette"
    iss = root.find("issue")
    if iss is None:
        raise ContentError("the archive holds no issue")
    try:
        status = IssueStatus(iss.get("status", "draft"))
    except ValueError:
        raise ContentError(f"archive, line {iss.sourceline}: unknown status {iss.get('status')!r}") from None
    issue = Issue(
        year=_int(iss, "year"),
        number=_int(iss, "number"),
        cumulative=_int(iss, "cumulative"),
        pub_date=_date(iss, iss.get("date"), "the publication date"),
        status=status,
        proof_round=int(iss.get("proof-round", "0") or 0),
    )
    seen: set[str] = set()
    for sec in iss.findall("section"):
        name = sec.get("name", "").strip()
        if not name:
            raise ContentError(f"archive, line {sec.sourceline}: a section without a name")
        section = Section(name=name)
        for d in sec.findall("document"):
            uid = d.get("uid", "")
            if not uid or uid in seen:
                raise ContentError(f"archive, line {d.sourceline}: missing or repeated document uid")
            seen.add(uid)
            values = read_fields(d, DOCUMENT_FIELDS, "archive")
            title = str(values.get("title", ""))
            if not title.strip():
                raise ContentError(f"archive, line {d.sourceline}: a document without a title")
            what = f"document «{title[:30]}»"
            doc = DOCUMENT_FIELDS.build(values, uid=uid, body=_body(d, what))
            for a in d.findall("attachment"):
                where = f"{what}, attachment {a.get('label', '')}"
                att_values = read_fields(a, ATTACHMENT_FIELDS, "archive")
                doc.attachments.append(ATTACHMENT_FIELDS.build(att_values, body=_body(a, where)))
            section.documents.append(doc)
        issue.sections.append(section)
    for img in iss.findall("image"):
        ref = img.get("id", "")
        try:
            issue.images[ref] = base64.b64decode(img.text or "", validate=True)
        except (binascii.Error, ValueError):
            raise ContentError(f"archive, line {img.sourceline}: image {ref!r} is not valid base64") from None
    return publication, issue
