"""Hostile and broken input is refused with a plain message; nothing is half-written."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from editor.errors import ImportRefused
from editor.importers import Deadline, package, parse_bytes, parse_file, parse_text
from editor.importers.docx import parse_docx
from tests.paths import ROOT

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCX = Path(__file__).resolve().parent.parent / "fixtures" / "docx"


def _zip(parts: dict[str, bytes | str], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buf.getvalue()


def _document(body: str, prolog: str = "") -> str:
    return f'<?xml version="1.0"?>{prolog}<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'


def refused(data: bytes, *words: str) -> str:
    with pytest.raises(ImportRefused) as info:
        parse_bytes(data, name="upload.docx")
    message = str(info.value)
    for w in words:
        assert w in message
    return message


def test_not_a_zip(tmp_path):
    bad = tmp_path / "letter.docx"
    bad.write_bytes(b"this is not a word file at all")
    with pytest.raises(ImportRefused, match="not a Word file"):
        parse_file(bad)
    refused(b"PK\x03\x04" + b"\x00" * 100, "not a valid .docx")
    refused(bytes(range(256)) * 4, "neither a .docx file nor plain text")


def test_encrypted_word_file_is_an_ole_compound_file():
    refused(package.OLE_MAGIC + b"\x00" * 512, "encrypted")


def test_encrypted_zip_entry():
    data = bytearray(_zip({"word/document.xml": _document("")}, zipfile.ZIP_STORED))
    # set the "encrypted" bit of the general purpose flags in the local and central headers
    data[6] |= 0x1
    central = data.find(b"PK\x01\x02")
    data[central + 8] |= 0x1
    refused(bytes(data), "encrypted")


def test_missing_document_part():
    refused(_zip({"word/styles.xml": "<x/>", "[Content_Types].xml": "<Types/>"}), "no word/document.xml")


def test_zip_bomb_by_ratio():
    refused(_zip({"word/document.xml": _document(""), "word/media/big.bin": b"\0" * 5_000_000}), "zip bomb")


def test_zip_bomb_by_total_size(monkeypatch):
    monkeypatch.setattr(package, "MAX_UNPACKED", 200_000)
    data = _zip({"word/document.xml": _document(""), "a.bin": bytes(range(256)) * 1000}, zipfile.ZIP_STORED)
    refused(data, "zip bomb")


def test_too_many_parts(monkeypatch):
    monkeypatch.setattr(package, "MAX_PARTS", 50)
    parts = {f"p{i}.xml": "<x/>" for i in range(60)}
    parts["word/document.xml"] = _document("")
    refused(_zip(parts), "too many parts")


def test_entity_expansion_refused():
    prolog = '<!DOCTYPE w:document [<!ENTITY a "hahahahaha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    body = "<w:p><w:r><w:t>&b;&b;&b;</w:t></w:r></w:p>"
    refused(_zip({"word/document.xml": _document(body, prolog)}), "document type")


def test_external_entity_refused():
    prolog = '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    body = "<w:p><w:r><w:t>&x;</w:t></w:r></w:p>"
    message = refused(_zip({"word/document.xml": _document(body, prolog)}))
    assert "root:" not in message


def test_malformed_xml_refused():
    refused(_zip({"word/document.xml": "<w:document><w:body><w:p>"}), "not well-formed")


def test_time_bound():
    with pytest.raises(ImportRefused, match="longer than"):
        parse_text("一、标题\n" * 10, deadline=Deadline(-1))
    with pytest.raises(ImportRefused, match="longer than"):
        parse_docx((DOCX / "notice.docx").read_bytes(), deadline=Deadline(-1))


def test_broken_image_is_reported_not_fatal():
    rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
            'Target="media/x.png"/></Relationships>')
    body = ('<w:p><w:r><w:drawing><a:blip xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="rId1"/>'
            '</w:drawing></w:r></w:p>')
    data = _zip({"word/document.xml": _document(body), "word/_rels/document.xml.rels": rels,
                 "word/media/x.png": b"not a png"})
    result = parse_bytes(data)
    assert not result.images
    assert "image-unreadable" in {f.code for f in result.findings}


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def _documents(db: Path) -> int:
    from editor.services import GazetteService
    from editor.store import open_store

    with open_store(db) as store:
        return len(GazetteService(store).load_issue("2025-3").documents())


def test_cli_refuses_hostile_file_and_writes_nothing(tmp_path, db_path):
    assert _run("sample", "--db", str(db_path)).returncode == 0
    before = _documents(db_path)
    good = tmp_path / "good.txt"
    good.write_text("包头市人民政府关于示范工作的通知\n\n一、总体要求。做好工作。\n\n2025年3月1日\n", encoding="utf-8")
    bad = tmp_path / "bad.docx"
    bad.write_bytes(package.OLE_MAGIC + b"\0" * 100)
    proc = _run("import", str(good), str(bad), "--issue", "2025-3", "--section", "市政府文件", "--db", str(db_path))
    assert proc.returncode == 1
    assert "encrypted" in proc.stderr and "Traceback" not in proc.stderr
    assert _documents(db_path) == before


def test_import_is_one_transaction(tmp_path, db_path, monkeypatch):
    """When storing the second file fails, the first is rolled back too."""
    from editor.cli import main
    from editor.errors import StoreError
    from editor.services import GazetteService

    assert main(["sample", "--db", str(db_path)]) == 0
    before = _documents(db_path)
    files = []
    for i in range(2):
        f = tmp_path / f"d{i}.txt"
        f.write_text(f"包头市人民政府关于示范{i}的通知\n\n正文。\n\n2025年3月1日\n", encoding="utf-8")
        files.append(str(f))
    original = GazetteService.add_document
    calls = []

    def failing(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise StoreError("simulated failure")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(GazetteService, "add_document", failing)
    assert main(["import", *files, "--issue", "2025-3", "--section", "市政府文件", "--db", str(db_path)]) == 1
    assert len(calls) == 2
    assert _documents(db_path) == before


def test_deeply_nested_document_is_refused_or_read():
    depth = 5000
    body = "<w:p>" + "<w:ins>" * depth + "<w:r><w:t>深</w:t></w:r>" + "</w:ins>" * depth + "</w:p>"
    try:
        parse_bytes(_zip({"word/document.xml": _document(body)}))
    except ImportRefused as exc:
        assert "nested" in str(exc) or "well-formed" in str(exc)


def test_other_formats_get_a_helpful_message():
    refused(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF")
    refused(_zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}), "OpenDocument")
