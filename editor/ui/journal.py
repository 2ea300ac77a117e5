"""The recovery journal: a small JSON file beside the store holding every document with edits
not yet saved. It is rewritten (atomically) on every edit before the autosave runs and the
entry is dropped after a successful save, so after a crash or a kill the next start can show
what was being typed and offer to restore it.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from lxml import etree
from PySide6.QtCore import QStandardPaths

from editor.content.body import blocks_from_xml, blocks_to_element
from editor.content.xmlsafe import parse_xml
from editor.errors import ContentError
from editor.model import Attachment, Document, Paragraph


def _body_xml(blocks: list) -> str:
    # not validated: a journal must keep even a body the store would refuse
    return etree.tostring(blocks_to_element(blocks), encoding="unicode")


def _body_blocks(xml: str) -> list:
    try:
        return blocks_from_xml(xml or "<body/>", "the recovered body")
    except ContentError:
        root = parse_xml(xml, "the recovered body")
        return [Paragraph(t.strip()) for t in root.itertext() if t.strip()]


def journal_path(store_target: str) -> Path:
    """Where the journal of a store lives: ``<db>.recovery.json`` beside a SQLite file, else in
    the user's data folder under a hash of the store's URL."""
    target = store_target
    if target.startswith("sqlite:///"):
        target = target[len("sqlite:///"):]
    if "://" not in target:
        path = Path(target).expanduser().resolve()
        return path.with_name(path.name + ".recovery.json")
    base = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    base.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha1(target.encode("utf-8")).hexdigest()[:16]
    return base / f"store-{digest}.recovery.json"


def document_to_json(doc: Document) -> dict:
    """A JSON-ready form of a document (bodies as body XML)."""
    return {
        "uid": doc.uid, "title": doc.title, "kind": doc.kind, "issuers": doc.issuers,
        "doc_number": doc.doc_number, "addressees": doc.addressees,
        "signing_date": doc.signing_date.isoformat() if doc.signing_date else None,
        "public_note": doc.public_note, "subtitle": doc.subtitle, "body": _body_xml(doc.body),
        "attachments": [{"label": a.label, "title": a.title, "body": _body_xml(a.body)}
                        for a in doc.attachments],
    }


def document_from_json(data: dict) -> Document:
    """The document written by :func:`document_to_json`."""
    signing = data.get("signing_date")
    return Document(
        uid=data["uid"], title=data.get("title", ""), kind=data.get("kind", ""),
        issuers=list(data.get("issuers") or []), doc_number=data.get("doc_number", ""),
        addressees=data.get("addressees", ""),
        signing_date=date.fromisoformat(signing) if signing else None,
        public_note=data.get("public_note", ""), subtitle=data.get("subtitle", ""),
        body=_body_blocks(data.get("body") or "<body/>"),
        attachments=[Attachment(a.get("label", ""), a.get("title", ""), _body_blocks(a.get("body") or "<body/>"))
                     for a in data.get("attachments") or []],
    )


@dataclass
class JournalEntry:
    """One document with unsaved edits."""

    uid: str
    issue_key: str
    base_version: int
    saved_at: float
    document: Document


class RecoveryJournal:
    """Reads and writes the journal file of one store."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._entries: dict[str, dict] = {}
        self._conflicts: list[dict] = []
        self._load()

    def _load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if isinstance(data, dict):
            self._entries = {k: v for k, v in (data.get("documents") or {}).items() if isinstance(v, dict)}
            self._conflicts = list(data.get("conflict_copies") or [])

    def _write(self) -> None:
        if not self._entries and not self._conflicts:
            try:
                self.path.unlink()
            except FileNotFoundError:
                pass
            return
        tmp = self.path.with_name(self.path.name + ".tmp")
        payload = {"format": 1, "documents": self._entries, "conflict_copies": self._conflicts}
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(payload, fh, ensure_ascii=False)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)

    def record(self, doc: Document, issue_key: str, base_version: int) -> None:
        """Write the current state of a document being edited."""
        self._entries[doc.uid] = {"issue_key": issue_key, "base_version": base_version,
                                  "saved_at": time.time(), "document": document_to_json(doc)}
        self._write()

    def discard(self, uid: str) -> None:
        """Forget a document (after it was saved or the user declined to restore it)."""
        if self._entries.pop(uid, None) is not None:
            self._write()

    def keep_conflict_copy(self, doc: Document, issue_key: str) -> None:
        """Keep the user's text of a document whose other version they chose to load."""
        self._conflicts.append({"issue_key": issue_key, "saved_at": time.time(),
                                "document": document_to_json(doc)})
        self._write()

    def entries(self) -> list[JournalEntry]:
        """Documents with unsaved edits, oldest first; unreadable entries are skipped."""
        result = []
        for uid, e in self._entries.items():
            try:
                result.append(JournalEntry(uid, str(e["issue_key"]), int(e["base_version"]),
                                           float(e.get("saved_at", 0)), document_from_json(e["document"])))
            except (KeyError, TypeError, ValueError, Exception):  # noqa: BLE001 - a damaged entry
                continue
        return sorted(result, key=lambda e: e.saved_at)
