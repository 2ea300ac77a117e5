"""Safe access to a .docx package (a zip of XML parts) with limits against hostile files.

Refused with :class:`ImportRefused`: data that is not a zip, an encrypted Word file (an
OLE compound file, D0 CF 11 E0), an encrypted zip, too many parts, a too large unpacked
size or compression ratio (zip bombs), unreadable or corrupt parts, and XML with a
document type declaration or entities. XML is parsed with entity resolution and network
access off (``editor.content.xmlsafe``).
"""

from __future__ import annotations

import io
import posixpath
import zipfile

from lxml import etree

from editor.content.xmlsafe import parse_xml
from editor.errors import ContentError, ImportRefused

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_PARTS = 2000
MAX_UNPACKED = 200 * 1024 * 1024  # all parts together
MAX_PART = 64 * 1024 * 1024  # one part
MAX_RATIO = 200  # uncompressed / compressed, for parts above 1 MB
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"


def sniff(data: bytes) -> str:
    """What the bytes are: ``zip``, ``ole`` (encrypted Word or old .doc), ``pdf``, ``text`` or ``binary``."""
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return "zip"
    if data.startswith(OLE_MAGIC) or data.startswith(OLE_MAGIC[:4]):
        return "ole"
    if data.startswith(b"%PDF"):
        return "pdf"
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "text"
    if b"\x00" in head:
        return "binary"
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    if head and control > len(head) // 20:
        return "binary"
    return "text"


class Package:
    """An opened .docx package; parts are read lazily with size limits."""

    def __init__(self, data: bytes, name: str = "the file") -> None:
        self.name = name
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except Exception as exc:  # noqa: BLE001 - whatever a hostile archive makes zipfile raise
            raise ImportRefused(f"{name} is not a valid .docx file (a broken zip archive: {exc})") from None
        if len(infos) > MAX_PARTS:
            raise ImportRefused(f"{name} has too many parts ({len(infos)}; at most {MAX_PARTS}) — refused as hostile")
        total = sum(i.file_size for i in infos)
        if total > MAX_UNPACKED:
            raise ImportRefused(
                f"{name} would unpack to {total // 1_000_000} MB (at most {MAX_UNPACKED // 1_000_000} MB) — refused as a zip bomb"
            )
        for i in infos:
            if i.flag_bits & 0x1:
                raise ImportRefused(f"{name} is an encrypted archive; remove the password first")
            if i.file_size > 1_000_000 and i.compress_size and i.file_size / i.compress_size > MAX_RATIO:
                raise ImportRefused(f"{name}: the part {i.filename} is compressed {i.file_size // max(i.compress_size, 1)}:1 — refused as a zip bomb")
        self.infos = {i.filename: i for i in infos}
        self.read_total = 0

    def has(self, part: str) -> bool:
        """True when the package holds ``part``."""
        return part in self.infos

    def read(self, part: str) -> bytes:
        """The bytes of ``part``, never more than the limits allow (the sizes a zip
        declares are not trusted: reading stops at the limit)."""
        info = self.infos[part]
        limit = min(MAX_PART, MAX_UNPACKED - self.read_total)
        try:
            with self.zip.open(info) as fh:
                data = fh.read(limit + 1)
        except Exception as exc:  # noqa: BLE001 - BadZipFile, zlib.error, NotImplementedError, …
            raise ImportRefused(f"{self.name}: the part {part} cannot be read ({exc})") from None
        if len(data) > limit:
            raise ImportRefused(f"{self.name}: the part {part} unpacks beyond the size limit — refused as a zip bomb")
        self.read_total += len(data)
        return data

    def xml(self, part: str) -> etree._Element:
        """Parse ``part`` as XML safely (no DTD, no entities, no network)."""
        data = self.read(part)
        try:
            return parse_xml(data, what=f"{self.name}: {part}")
        except ContentError as exc:
            raise ImportRefused(str(exc)) from None

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id -> (type, target part path) for ``part``; empty if it has none."""
        folder, base = posixpath.split(part)
        rels_part = posixpath.join(folder, "_rels", base + ".rels")
        if not self.has(rels_part):
            return {}
        root = self.xml(rels_part)
        out: dict[str, tuple[str, str]] = {}
        for rel in root.iter(f"{PKG_REL}Relationship"):
            rid, rtype, target = rel.get("Id"), rel.get("Type", ""), rel.get("Target", "")
            if not rid or rel.get("TargetMode") == "External":
                continue
            path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            out[rid] = (rtype, path)
        return out

    def main_part(self) -> str:
        """The main document part: from the package relationships, else word/document.xml."""
        for rtype, target in self.relationships("").values():
            if rtype == OFFICE_DOCUMENT and self.has(target):
                return target
        if self.has("word/document.xml"):
            return "word/document.xml"
        if self.has("mimetype") and self.read("mimetype").startswith(b"application/vnd.oasis.opendocument"):
            raise ImportRefused(f"{self.name} is an OpenDocument file, not a Word document; save it as .docx first")
        raise ImportRefused(f"{self.name} is a zip archive but not a Word document (it has no word/document.xml)")
