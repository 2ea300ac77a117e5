"""The recovery journal: a small JSON file beside the store holding every document with edits
not yet saved. It is rewritten (atomically) on every edit before the autosave runs and the
entry is dropped after a successful save, so after a crash or a kill the next start can show
what was being typed and offer to restore it.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from PySide6.QtCore import QLockFile, QStandardPaths

from editor.content.body import blocks_from_xml, blocks_to_element
from editor.content.xmlsafe import parse_xml
from editor.errors import ContentError
from editor.model import Document, Paragraph
from editor.model.fields import ATTACHMENT_FIELDS, DOCUMENT_FIELDS


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
    """A JSON-ready form of a document: every declared field, bodies as body XML."""
    return {
        "uid": doc.uid,
        **DOCUMENT_FIELDS.to_json(doc),
        "body": _body_xml(doc.body),
        "attachments": [{**ATTACHMENT_FIELDS.to_json(a), "body": _body_xml(a.body)} for a in doc.attachments],
    }


def document_from_json(data: dict) -> Document:
    """The document written by :func:`document_to_json`."""
    attachments = [ATTACHMENT_FIELDS.build(ATTACHMENT_FIELDS.from_json(a), body=_body_blocks(a.get("body") or "<body/>"))
                   for a in data.get("attachments") or []]
    return DOCUMENT_FIELDS.build(DOCUMENT_FIELDS.from_json(data), uid=data["uid"],
                                 body=_body_blocks(data.get("body") or "<body/>"), attachments=attachments)


@dataclass
class JournalEntry:
    """One document with unsaved edits."""

    uid: str
    issue_key: str
    base_version: int
    saved_at: float
    document: Document


class RecoveryJournal:
    """Reads and writes the journal file of one store.

    Several app instances may work on one store at once: every entry is tagged with the
    instance that wrote it, each instance holds a lock file of its own while it runs, and every
    write merges into the file under a short file lock. An instance changes only its own
    entries and those of instances that are gone (crashed or killed); :meth:`entries` offers
    only those, never the live work of another running instance.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.owner = uuid.uuid4().hex[:16]
        self._owner_lock = QLockFile(self._owner_lock_path(self.owner))
        self._owner_lock.setStaleLockTime(0)
        self._owner_lock.tryLock(0)
        self._alive: dict[str, bool] = {}
        self._remove_stale_locks()

    def _remove_stale_locks(self) -> None:
        """Drop the lock files of instances that ended without cleaning up (killed)."""
        prefix = self.path.name + "."
        for lock_path in self.path.parent.glob(f"{glob.escape(self.path.name)}.*.lock"):
            owner = lock_path.name[len(prefix):-len(".lock")]
            if owner != self.owner and "." not in owner:
                self._owner_alive(owner)  # a stale lock is taken over and removed

    # ownership --------------------------------------------------------------------------
    def _owner_lock_path(self, owner: str) -> str:
        return str(self.path.with_name(f"{self.path.name}.{owner}.lock"))

    def _owner_alive(self, owner: object) -> bool:
        """True while the instance that wrote an entry still runs (its lock is held)."""
        if owner == self.owner:
            return True
        if not isinstance(owner, str) or not owner:
            return False  # an entry from before owners were recorded
        if owner in self._alive and not self._alive[owner]:
            return False
        lock = QLockFile(self._owner_lock_path(owner))
        lock.setStaleLockTime(0)
        if not os.path.exists(self._owner_lock_path(owner)):
            alive = False
        elif lock.tryLock(0):  # the owner is gone: its lock was stale
            lock.unlock()
            alive = False
        else:
            alive = lock.error() == QLockFile.LockError.LockFailedError
        self._alive[owner] = alive
        return alive

    def _mine(self, entry: dict) -> bool:
        """True when this instance may change or drop ``entry``."""
        owner = entry.get("owner")
        return owner == self.owner or not self._owner_alive(owner)

    def close(self) -> None:
        """Give up this instance's lock (at the end of the session)."""
        self._owner_lock.unlock()

    # the file -----------------------------------------------------------------------------
    def _read(self) -> tuple[dict[str, dict], list[dict]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}, []
        if not isinstance(data, dict):
            return {}, []
        entries = {k: v for k, v in (data.get("documents") or {}).items() if isinstance(v, dict)}
        return entries, list(data.get("conflict_copies") or [])

    def _update(self, change) -> None:
        """Read the file, apply ``change(entries, conflicts)`` and write it back, under a lock so
        that instances working at the same time never drop each other's entries."""
        lock = QLockFile(str(self.path.with_name(self.path.name + ".lock")))
        lock.setStaleLockTime(10000)
        locked = lock.tryLock(5000)
        try:
            entries, conflicts = self._read()
            change(entries, conflicts)
            self._write(entries, conflicts)
        finally:
            if locked:
                lock.unlock()

    def _write(self, entries: dict[str, dict], conflicts: list[dict]) -> None:
        if not entries and not conflicts:
            try:
                self.path.unlink()
            except FileNotFoundError:
                pass
            return
        tmp = self.path.with_name(f"{self.path.name}.{self.owner}.tmp")
        payload = {"format": 1, "documents": entries, "conflict_copies": conflicts}
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(payload, fh, ensure_ascii=False)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)

    # entries ------------------------------------------------------------------------------
    def record(self, doc: Document, issue_key: str, base_version: int) -> None:
        """Write the current state of a document being edited."""
        entry = {"issue_key": issue_key, "base_version": base_version, "saved_at": time.time(),
                 "owner": self.owner, "document": document_to_json(doc)}

        def change(entries: dict, _conflicts: list) -> None:
            old = entries.get(doc.uid)
            if old is not None and not self._mine(old):
                # another running instance has unsaved text of the same document: keep both
                entries[f"{doc.uid}#{self.owner}"] = entry
            else:
                entries[doc.uid] = entry
        self._update(change)

    def discard(self, uid: str) -> None:
        """Forget a document (after it was saved or the user declined to restore it); entries of
        other running instances stay."""
        def change(entries: dict, _conflicts: list) -> None:
            for key in [k for k in entries if k.split("#", 1)[0] == uid]:
                if self._mine(entries[key]):
                    del entries[key]
        if self.path.exists():
            self._update(change)

    def keep_conflict_copy(self, doc: Document, issue_key: str) -> None:
        """Keep the user's text of a document whose other version they chose to load."""
        copy = {"issue_key": issue_key, "saved_at": time.time(), "document": document_to_json(doc)}
        self._update(lambda _entries, conflicts: conflicts.append(copy))

    def entries(self) -> list[JournalEntry]:
        """Documents with unsaved edits, oldest first; unreadable entries are skipped."""
        result = []
        entries, _conflicts = self._read()
        for key, e in entries.items():
            if not self._mine(e):
                continue  # the unsaved work of another instance that is still running
            uid = key.split("#", 1)[0]
            try:
                result.append(JournalEntry(uid, str(e["issue_key"]), int(e["base_version"]),
                                           float(e.get("saved_at", 0)), document_from_json(e["document"])))
            except (KeyError, TypeError, ValueError, Exception):  # noqa: BLE001 - a damaged entry
                continue
        return sorted(result, key=lambda e: e.saved_at)
