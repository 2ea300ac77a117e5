"""What the program can do with the store: one transaction per user action, change events after.

``GazetteService`` is the single door to the store for the UI, the command line, the
importers and the typesetting front end. Every mutating call runs in one transaction
and, once it has committed, tells the subscribers what changed:

  Change("publication")                     save_publication
  Change("issues", key)                     create/update/delete/import issue, set_status,
                                            install_sample, add/delete document (the count)
  Change("issue", key)                      update_issue, set_status, add_image
  Change("sections", key[, uid])            section added/renamed/removed/moved, document
                                            added/moved/deleted
  Change("document", key, uid)              save_document, restore_revision

Listeners are called in the thread that made the change, after the commit, so a second
connection already sees the new state; a UI hands the call over to its own thread.

A final issue is read-only: every change to it raises ``ReadOnlyError`` until
``set_status`` reopens it. Saving a document keeps the previous version as a revision;
a save based on a stale version raises ``ConflictError`` and overwrites nothing.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import peewee

from editor.content.archive import issue_from_xml, issue_to_xml
from editor.errors import ConflictError, ContentError, NotFoundError, ReadOnlyError, StoreError
from editor.model import Document, Issue, IssueStatus, Publication, new_uid
from editor.store import Store
from editor.store.models import DocumentRow, ImageRow, IssueRow, PublicationRow, RevisionRow, SectionRow
from editor.store.repository import (
    as_date,
    as_utc,
    check_text,
    content_of_row,
    content_values,
    document_from_content,
    issue_from_row,
    publication_from_row,
    publication_values,
    search_text,
    utc_now,
)

log = logging.getLogger(__name__)

SAMPLE_PATH = Path(__file__).resolve().parents[2] / "resources" / "sample" / "baotou-2025-03.xml"
DEFAULT_PUBLICATION_TITLE = "政府公报"
_KEY = re.compile(r"^\s*(\d{1,4})-(\d{1,4})\s*$")
_SNIPPET = 24  # characters of context either side of a search hit
_MAX_QUERY = 500


@dataclass(frozen=True)
class IssueSummary:
    """One line of the issue list."""

    key: str
    year: int
    number: int
    cumulative: int
    pub_date: date
    status: IssueStatus
    document_count: int


@dataclass(frozen=True)
class Revision:
    """A kept earlier version of a document (``number`` is the version it had)."""

    number: int
    saved_at: datetime
    title: str


@dataclass(frozen=True)
class Change:
    """What a listener is told after each committed action."""

    what: str  # "publication" | "issues" | "issue" | "sections" | "document"
    issue_key: str | None = None
    uid: str | None = None


def parse_issue_key(key: str) -> tuple[int, int]:
    """``"2025-3"`` -> ``(2025, 3)``; ``NotFoundError`` for anything else."""
    m = _KEY.match(str(key))
    if not m:
        raise NotFoundError(f"{key!r} is not an issue name: issues are named YEAR-NUMBER, e.g. 2025-3")
    return int(m.group(1)), int(m.group(2))


def _key(row: IssueRow) -> str:
    return f"{row.year}-{row.number}"


def _place(items: list, item: object, index: int | None) -> list:
    """``items`` with ``item`` inserted at ``index`` (None or past the end: appended)."""
    items = list(items)
    if index is None or index >= len(items):
        items.append(item)
    else:
        items.insert(max(0, index), item)
    return items


def _check_image(data: bytes) -> None:
    if not isinstance(data, (bytes, bytearray)) or not data:
        raise ContentError("the image is empty")
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as im:
            im.verify()
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError) as exc:
        raise ContentError(f"the image cannot be read: {exc}") from None


class GazetteService:
    """The operations of the gazette editor over one open store."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._listeners: list[Callable[[Change], None]] = []
        self._lock = threading.Lock()
        self._batch = threading.local()  # changes held back while a batch() is open

    @property
    def store(self) -> Store:
        """The store this service works on."""
        return self._store

    # --- events ------------------------------------------------------------------------

    def subscribe(self, callback: Callable[[Change], None]) -> Callable[[], None]:
        """Call ``callback(change)`` after every committed action; returns unsubscribe."""
        with self._lock:
            self._listeners.append(callback)

        def unsubscribe() -> None:
            with self._lock:
                if callback in self._listeners:
                    self._listeners.remove(callback)

        return unsubscribe

    def _emit(self, changes: list[Change]) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for change in dict.fromkeys(changes):  # each once, in order
            for callback in listeners:
                try:
                    callback(change)
                except Exception:  # a listener's bug must not undo a committed action
                    log.exception("a change listener failed on %s", change)

    @contextmanager
    def _action(self) -> Iterator[list[Change]]:
        """One write transaction; the changes collected are announced after commit (or,
        inside a ``batch()``, after the batch commits)."""
        changes: list[Change] = []
        with self._store.write():
            yield changes
        pending = getattr(self._batch, "changes", None)
        if pending is not None:
            pending.extend(changes)
        else:
            self._emit(changes)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Run several actions as one transaction: all or nothing.

        Their changes are announced together once the whole batch has committed, and not
        at all when it rolls back, so no listener hears of work that was undone.
        """
        if getattr(self._batch, "changes", None) is not None:  # already inside a batch
            yield
            return
        self._batch.changes = []
        try:
            with self._store.write():
                yield
            changes = self._batch.changes
        finally:
            self._batch.changes = None
        self._emit(changes)

    # --- lookups inside a transaction ----------------------------------------------------

    def _issue_row(self, key: str) -> IssueRow:
        year, number = parse_issue_key(key)
        row = IssueRow.get_or_none((IssueRow.year == year) & (IssueRow.number == number))
        if row is None:
            raise NotFoundError(f"there is no issue {year}-{number} in the store")
        return row

    @staticmethod
    def _check_writable(row: IssueRow) -> None:
        if row.status == IssueStatus.FINAL.value:
            raise ReadOnlyError(
                f"issue {_key(row)} is final and read-only; reopen it (set its status back "
                "to draft or proof) to change it"
            )

    def _writable_issue(self, key: str) -> IssueRow:
        row = self._issue_row(key)
        self._check_writable(row)
        return row

    @staticmethod
    def _sections(issue: IssueRow) -> list[SectionRow]:
        return list(SectionRow.select().where(SectionRow.issue == issue).order_by(SectionRow.position))

    def _section_row(self, issue: IssueRow, name: str) -> SectionRow:
        row = SectionRow.get_or_none((SectionRow.issue == issue) & (SectionRow.name == name))
        if row is None:
            raise NotFoundError(f"issue {_key(issue)} has no section «{name}»")
        return row

    @staticmethod
    def _documents(section: SectionRow) -> list[DocumentRow]:
        return list(
            DocumentRow.select(DocumentRow.id, DocumentRow.position)
            .where(DocumentRow.section == section)
            .order_by(DocumentRow.position)
        )

    @staticmethod
    def _doc_row(uid: str) -> tuple[DocumentRow, SectionRow, IssueRow]:
        row = DocumentRow.get_or_none(DocumentRow.uid == uid)
        if row is None:
            raise NotFoundError(f"there is no document {uid!r} in the store")
        section = SectionRow.get_by_id(row.section_id)
        issue = IssueRow.get_by_id(section.issue_id)
        return row, section, issue

    @staticmethod
    def _renumber(model: type[peewee.Model], rows: list[peewee.Model]) -> None:
        for position, row in enumerate(rows):
            if row.position != position:
                model.update(position=position).where(model.id == row.id).execute()
                row.position = position

    # --- publication ---------------------------------------------------------------------

    def publication(self) -> Publication:
        """The stored publication, or a default one if none is stored yet."""
        with self._store.read():
            row = PublicationRow.select().order_by(PublicationRow.id).first()
            return publication_from_row(row) if row else Publication(title=DEFAULT_PUBLICATION_TITLE)

    def save_publication(self, pub: Publication) -> None:
        """Store the publication's details (title, sponsor, imprint …)."""
        values = publication_values(pub)
        with self._action() as changes:
            self._put_publication(values)
            changes.append(Change("publication"))

    @staticmethod
    def _put_publication(values: dict[str, str]) -> None:
        row = PublicationRow.select().order_by(PublicationRow.id).first()
        if row is None:
            PublicationRow.create(**values)
        else:
            PublicationRow.update(**values).where(PublicationRow.id == row.id).execute()

    # --- issues --------------------------------------------------------------------------

    def list_issues(self) -> list[IssueSummary]:
        """Every issue, ordered by year and number, with its document count."""
        count = peewee.fn.COUNT(DocumentRow.id)
        query = (
            IssueRow.select(IssueRow, count.alias("doc_count"))
            .join(SectionRow, peewee.JOIN.LEFT_OUTER)
            .join(DocumentRow, peewee.JOIN.LEFT_OUTER)
            .group_by(IssueRow.id)
            .order_by(IssueRow.year, IssueRow.number)
        )
        with self._store.read():
            return [
                IssueSummary(
                    key=_key(r), year=r.year, number=r.number, cumulative=r.cumulative,
                    pub_date=as_date(r.pub_date), status=IssueStatus(r.status),
                    document_count=int(r.doc_count),
                )
                for r in query
            ]

    def load_issue(self, key: str) -> Issue:
        """The whole issue: sections, documents and images (``NotFoundError`` if absent)."""
        with self._store.read():
            return issue_from_row(self._issue_row(key))

    def _defaults(self, year: int | None = None) -> Issue:
        today = date.today()
        year = today.year if year is None else year
        last = IssueRow.select(peewee.fn.MAX(IssueRow.number)).where(IssueRow.year == year).scalar()
        top = IssueRow.select(peewee.fn.MAX(IssueRow.cumulative)).scalar()
        return Issue(year=year, number=(last or 0) + 1, cumulative=(top or 0) + 1, pub_date=today)

    def next_issue_defaults(self) -> Issue:
        """An unsaved issue numbered after the last one: next number in the current year
        (1 in a new year), next cumulative number, dated today."""
        with self._store.read():
            return self._defaults()

    @staticmethod
    def _check_numbers(year: int, number: int, cumulative: int, pub_date: date) -> None:
        if not 1000 <= int(year) <= 9999:
            raise StoreError(f"{year} is not a year")
        if int(number) < 1 or int(cumulative) < 1:
            raise StoreError("issue numbers start at 1")
        if not isinstance(pub_date, date):
            raise StoreError("the publication date must be a date")

    def create_issue(
        self,
        year: int | None = None,
        number: int | None = None,
        cumulative: int | None = None,
        pub_date: date | None = None,
    ) -> Issue:
        """Create an empty draft issue; what is not given follows ``next_issue_defaults``."""
        with self._action() as changes:
            d = self._defaults(year)
            number = d.number if number is None else number
            cumulative = d.cumulative if cumulative is None else cumulative
            pub_date = d.pub_date if pub_date is None else pub_date
            self._check_numbers(d.year, number, cumulative, pub_date)
            if IssueRow.get_or_none((IssueRow.year == d.year) & (IssueRow.number == number)):
                raise StoreError(f"issue {d.year}-{number} already exists")
            row = IssueRow.create(
                year=d.year, number=number, cumulative=cumulative, pub_date=pub_date,
                status=IssueStatus.DRAFT.value, proof_round=0,
            )
            changes.append(Change("issues", _key(row)))
            return issue_from_row(row)

    def update_issue(
        self,
        key: str,
        *,
        year: int | None = None,
        number: int | None = None,
        cumulative: int | None = None,
        pub_date: date | None = None,
    ) -> Issue:
        """Change an issue's numbers or date (its key changes with year or number)."""
        with self._action() as changes:
            row = self._writable_issue(key)
            new_year = row.year if year is None else year
            new_number = row.number if number is None else number
            new_cum = row.cumulative if cumulative is None else cumulative
            new_date = as_date(row.pub_date) if pub_date is None else pub_date
            self._check_numbers(new_year, new_number, new_cum, new_date)
            if (new_year, new_number) != (row.year, row.number) and IssueRow.get_or_none(
                (IssueRow.year == new_year) & (IssueRow.number == new_number)
            ):
                raise StoreError(f"issue {new_year}-{new_number} already exists")
            IssueRow.update(
                year=new_year, number=new_number, cumulative=new_cum, pub_date=new_date
            ).where(IssueRow.id == row.id).execute()
            row = IssueRow.get_by_id(row.id)
            changes += [Change("issues", _key(row)), Change("issue", _key(row))]
            return issue_from_row(row)

    def set_status(self, key: str, status: IssueStatus) -> None:
        """Move an issue to draft, proof or final; final -> draft/proof reopens it.

        Draft -> proof starts a new proof round (printed on proof PDFs as 第N校).
        """
        try:
            status = IssueStatus(status)
        except ValueError:
            raise StoreError(f"unknown issue status {status!r}: use draft, proof or final") from None
        with self._action() as changes:
            row = self._issue_row(key)
            if row.status != status.value:
                fields: dict = {"status": status.value}
                if status is IssueStatus.PROOF and row.status == IssueStatus.DRAFT.value:
                    # each time a draft goes out to the proofreaders is a new proof round (校次)
                    fields["proof_round"] = (row.proof_round or 0) + 1
                IssueRow.update(**fields).where(IssueRow.id == row.id).execute()
                changes += [Change("issues", key), Change("issue", key)]

    def delete_issue(self, key: str) -> None:
        """Delete an issue with its sections, documents, revisions and images."""
        with self._action() as changes:
            row = self._writable_issue(key)
            sections = SectionRow.select(SectionRow.id).where(SectionRow.issue == row)
            docs = DocumentRow.select(DocumentRow.id).where(DocumentRow.section.in_(sections))
            RevisionRow.delete().where(RevisionRow.document.in_(docs)).execute()
            DocumentRow.delete().where(DocumentRow.section.in_(sections)).execute()
            SectionRow.delete().where(SectionRow.issue == row).execute()
            ImageRow.delete().where(ImageRow.issue == row).execute()
            IssueRow.delete().where(IssueRow.id == row.id).execute()
            changes.append(Change("issues", _key(row)))

    # --- sections ------------------------------------------------------------------------

    @staticmethod
    def _clean_name(name: str) -> str:
        name = (name or "").strip()
        if not name:
            raise StoreError("a section needs a name")
        check_text(name, f"the section name “{name[:20]}”")
        return name

    def add_section(self, key: str, name: str, index: int | None = None) -> None:
        """Add a section (栏目) at ``index`` (None: at the end); names are unique per issue."""
        name = self._clean_name(name)
        with self._action() as changes:
            issue = self._writable_issue(key)
            sections = self._sections(issue)
            if any(s.name == name for s in sections):
                raise StoreError(f"issue {key} already has a section «{name}»")
            row = SectionRow.create(issue=issue, name=name, position=len(sections))
            self._renumber(SectionRow, _place(sections, row, index))
            changes.append(Change("sections", _key(issue)))

    def rename_section(self, key: str, old: str, new: str) -> None:
        """Rename a section; the new name must not be taken in that issue."""
        new = self._clean_name(new)
        with self._action() as changes:
            issue = self._writable_issue(key)
            row = self._section_row(issue, old)
            if new == row.name:
                return
            if SectionRow.get_or_none((SectionRow.issue == issue) & (SectionRow.name == new)):
                raise StoreError(f"issue {key} already has a section «{new}»")
            SectionRow.update(name=new).where(SectionRow.id == row.id).execute()
            changes.append(Change("sections", _key(issue)))

    def remove_section(self, key: str, name: str, force: bool = False) -> None:
        """Remove a section; one that holds documents only with ``force`` (they go too)."""
        with self._action() as changes:
            issue = self._writable_issue(key)
            row = self._section_row(issue, name)
            docs = DocumentRow.select(DocumentRow.id).where(DocumentRow.section == row)
            count = docs.count()
            if count and not force:
                raise StoreError(
                    f"section «{name}» of issue {key} holds {count} document(s); move or "
                    "delete them first"
                )
            RevisionRow.delete().where(RevisionRow.document.in_(docs)).execute()
            DocumentRow.delete().where(DocumentRow.section == row).execute()
            SectionRow.delete().where(SectionRow.id == row.id).execute()
            self._renumber(SectionRow, self._sections(issue))
            changes.append(Change("sections", _key(issue)))
            if count:
                changes.append(Change("issues", _key(issue)))

    def move_section(self, key: str, name: str, index: int) -> None:
        """Move a section to ``index`` among the issue's sections."""
        with self._action() as changes:
            issue = self._writable_issue(key)
            sections = self._sections(issue)
            row = self._section_row(issue, name)
            rest = [s for s in sections if s.id != row.id]
            self._renumber(SectionRow, _place(rest, row, index))
            changes.append(Change("sections", _key(issue)))

    # --- documents -----------------------------------------------------------------------

    def add_document(self, key: str, section: str, doc: Document, index: int | None = None) -> Document:
        """Store a new document in ``section`` at ``index`` (None: at the end); version 1."""
        values = content_values(doc)
        uid = doc.uid or new_uid()
        with self._action() as changes:
            issue = self._writable_issue(key)
            sec = self._section_row(issue, section)
            self._check_uid_free(uid)
            docs = self._documents(sec)
            row = DocumentRow.create(
                uid=uid, section=sec, position=len(docs), version=1, saved_at=utc_now(),
                search_text=search_text(doc), **values,
            )
            self._renumber(DocumentRow, _place(docs, row, index))
            changes += [Change("sections", _key(issue), uid), Change("issues", _key(issue))]
            return document_from_content(row, uid)

    @staticmethod
    def _check_uid_free(uid: str) -> None:
        other = DocumentRow.get_or_none(DocumentRow.uid == uid)
        if other is not None:
            sec = SectionRow.get_by_id(other.section_id)
            raise StoreError(
                f"a document with the id {uid} («{other.title[:30]}») is already stored in "
                f"issue {_key(IssueRow.get_by_id(sec.issue_id))}"
            )

    def load_document(self, uid: str) -> tuple[Document, int]:
        """The stored document and its version (pass that version back to save it)."""
        with self._store.read():
            row, _, _ = self._doc_row(uid)
            return document_from_content(row, uid), row.version

    def _replace_content(self, row: DocumentRow, values: dict[str, object], text: str) -> int:
        """Keep the row's content as a revision and store ``values`` as the next version."""
        RevisionRow.create(document=row, number=row.version, saved_at=row.saved_at, **content_of_row(row))
        updated = (
            DocumentRow.update(version=row.version + 1, saved_at=utc_now(), search_text=text, **values)
            .where((DocumentRow.id == row.id) & (DocumentRow.version == row.version))
            .execute()
        )
        if updated != 1:
            raise ConflictError(f"«{row.title[:30]}» was changed by someone else while saving; nothing was overwritten")
        return row.version + 1

    def save_document(self, doc: Document, expected_version: int | None = None) -> int:
        """Validate and save ``doc``; the previous version is kept as a revision.

        Returns the new version (the current one, unchanged, when nothing differs).
        ``ConflictError`` when the stored version is not ``expected_version``;
        ``ReadOnlyError`` when the issue is final; ``ContentError`` for an invalid body.
        """
        values = content_values(doc)
        with self._action() as changes:
            row, _, issue = self._doc_row(doc.uid)
            self._check_writable(issue)
            if expected_version is not None and row.version != expected_version:
                raise ConflictError(
                    f"«{row.title[:30]}» was saved elsewhere since it was opened (stored "
                    f"version {row.version}, opened version {expected_version}); nothing was "
                    "overwritten: reload it and make the changes again"
                )
            if content_of_row(row) == values:
                return row.version
            version = self._replace_content(row, values, search_text(doc))
            changes.append(Change("document", _key(issue), doc.uid))
            return version

    def move_document(self, uid: str, section: str, index: int) -> None:
        """Move a document to ``index`` in ``section`` of the same issue."""
        with self._action() as changes:
            row, old_sec, issue = self._doc_row(uid)
            self._check_writable(issue)
            new_sec = self._section_row(issue, section)
            if new_sec.id == old_sec.id:
                rest = [d for d in self._documents(old_sec) if d.id != row.id]
                self._renumber(DocumentRow, _place(rest, row, index))
            else:
                self._renumber(DocumentRow, [d for d in self._documents(old_sec) if d.id != row.id])
                DocumentRow.update(section=new_sec).where(DocumentRow.id == row.id).execute()
                row.position = -1
                self._renumber(DocumentRow, _place(self._documents_except(new_sec, row), row, index))
            changes.append(Change("sections", _key(issue), uid))

    def _documents_except(self, section: SectionRow, row: DocumentRow) -> list[DocumentRow]:
        return [d for d in self._documents(section) if d.id != row.id]

    def delete_document(self, uid: str) -> None:
        """Delete a document and its revisions."""
        with self._action() as changes:
            row, sec, issue = self._doc_row(uid)
            self._check_writable(issue)
            RevisionRow.delete().where(RevisionRow.document == row).execute()
            DocumentRow.delete().where(DocumentRow.id == row.id).execute()
            self._renumber(DocumentRow, self._documents(sec))
            changes += [Change("sections", _key(issue), uid), Change("issues", _key(issue))]

    def document_location(self, uid: str) -> tuple[str, str, int]:
        """Where a document is: (issue key, section name, index in the section)."""
        with self._store.read():
            row, sec, issue = self._doc_row(uid)
            return _key(issue), sec.name, row.position

    # --- revisions -----------------------------------------------------------------------

    def revisions(self, uid: str) -> list[Revision]:
        """The kept earlier versions of a document, newest first."""
        with self._store.read():
            row, _, _ = self._doc_row(uid)
            query = (
                RevisionRow.select(RevisionRow.number, RevisionRow.saved_at, RevisionRow.title)
                .where(RevisionRow.document == row)
                .order_by(RevisionRow.number.desc())
            )
            return [Revision(r.number, as_utc(r.saved_at), r.title) for r in query]

    def _revision_row(self, row: DocumentRow, number: int) -> RevisionRow:
        rev = RevisionRow.get_or_none((RevisionRow.document == row) & (RevisionRow.number == number))
        if rev is None:
            raise NotFoundError(f"document «{row.title[:30]}» has no kept version {number}")
        return rev

    def load_revision(self, uid: str, number: int) -> Document:
        """The document as it was at version ``number`` (the current version works too)."""
        with self._store.read():
            row, _, _ = self._doc_row(uid)
            if number == row.version:
                return document_from_content(row, uid)
            return document_from_content(self._revision_row(row, number), uid)

    def restore_revision(self, uid: str, number: int) -> int:
        """Save version ``number`` again as the newest version; returns that version."""
        with self._action() as changes:
            row, _, issue = self._doc_row(uid)
            self._check_writable(issue)
            if number == row.version:
                return row.version
            rev = self._revision_row(row, number)
            values = content_of_row(rev)
            if content_of_row(row) == values:
                return row.version
            version = self._replace_content(row, values, search_text(document_from_content(rev, uid)))
            changes.append(Change("document", _key(issue), uid))
            return version

    # --- images --------------------------------------------------------------------------

    def add_image(self, key: str, data: bytes) -> str:
        """Keep image bytes with an issue; returns the ref (SHA-1 hex) bodies use."""
        _check_image(data)
        data = bytes(data)
        ref = hashlib.sha1(data).hexdigest()
        with self._action() as changes:
            issue = self._writable_issue(key)
            if not ImageRow.get_or_none((ImageRow.issue == issue) & (ImageRow.ref == ref)):
                ImageRow.create(issue=issue, ref=ref, data=data)
                changes.append(Change("issue", _key(issue)))
        return ref

    # --- archive, sample, search ---------------------------------------------------------

    def export_issue(self, key: str) -> bytes:
        """The issue as archive bytes (see ``editor.content.archive``)."""
        with self._store.read():
            row = PublicationRow.select().order_by(PublicationRow.id).first()
            pub = publication_from_row(row) if row else Publication(title=DEFAULT_PUBLICATION_TITLE)
            issue = issue_from_row(self._issue_row(key))
        try:
            return issue_to_xml(pub, issue)
        except ValueError as exc:  # text stored before the store refused control characters
            raise ContentError(
                f"issue {key} cannot be written as an archive: {exc}; open the document that holds "
                "the odd character, remove it and save"
            ) from None

    def import_issue(self, data: bytes) -> Issue:
        """Store the issue held in archive bytes, all or nothing.

        ``ContentError`` for a broken or hostile archive; ``StoreError`` when the issue,
        or one of its documents, is already in the store. The publication is taken from
        the archive only when the store has none yet.
        """
        pub, issue = issue_from_xml(data)
        stored = self._store_issue(pub, issue, skip_existing=False)
        if stored is None:  # not reached: an existing issue raises above
            raise StoreError(f"issue {issue.key} is already in the store")
        return stored

    def _store_issue(self, pub: Publication, issue: Issue, skip_existing: bool) -> Issue | None:
        prepared = self._prepare_import(pub, issue)
        with self._action() as changes:
            if IssueRow.get_or_none((IssueRow.year == issue.year) & (IssueRow.number == issue.number)):
                if skip_existing:
                    return None
                raise StoreError(
                    f"issue {issue.key} is already in the store; nothing was imported "
                    "(delete the stored issue first, or import into another store)"
                )
            if PublicationRow.select().count() == 0:
                self._put_publication(prepared["publication"])
                changes.append(Change("publication"))
            row = IssueRow.create(
                year=issue.year, number=issue.number, cumulative=issue.cumulative,
                pub_date=issue.pub_date, status=issue.status.value, proof_round=issue.proof_round,
            )
            now = utc_now()
            for s_pos, (section, docs) in enumerate(zip(issue.sections, prepared["documents"])):
                sec = SectionRow.create(issue=row, name=section.name, position=s_pos)
                for d_pos, (doc, values) in enumerate(zip(section.documents, docs)):
                    self._check_uid_free(doc.uid)
                    DocumentRow.create(
                        uid=doc.uid, section=sec, position=d_pos, version=1, saved_at=now,
                        search_text=search_text(doc), **values,
                    )
            for ref, data in sorted(issue.images.items()):
                ImageRow.create(issue=row, ref=ref, data=bytes(data))
            changes.append(Change("issues", issue.key))
            return issue_from_row(row)

    def _prepare_import(self, pub: Publication, issue: Issue) -> dict[str, object]:
        """Validate everything before the transaction starts (ContentError / StoreError)."""
        self._check_numbers(issue.year, issue.number, issue.cumulative, issue.pub_date)
        names = [s.name for s in issue.sections]
        if len(set(names)) != len(names):
            dup = next(n for n in names if names.count(n) > 1)
            raise StoreError(f"issue {issue.key} has two sections named «{dup}»; nothing was imported")
        uids = [d.uid for d in issue.documents()]
        if len(set(uids)) != len(uids):
            raise StoreError(f"issue {issue.key} holds the same document twice; nothing was imported")
        return {
            "publication": publication_values(pub),
            "documents": [[content_values(d) for d in s.documents] for s in issue.sections],
        }

    def install_sample(self) -> bool:
        """Put the sample issue into the store: True if installed, False if already there."""
        try:
            data = SAMPLE_PATH.read_bytes()
        except OSError as exc:
            raise StoreError(f"the sample issue cannot be read from {SAMPLE_PATH}: {exc.strerror}") from None
        pub, issue = issue_from_xml(data)
        return self._store_issue(pub, issue, skip_existing=True) is not None

    def search(self, text: str, key: str | None = None) -> list[tuple[str, str, str]]:
        """Documents whose title or text contains ``text``: (uid, title, snippet), in print
        order. A plain substring match, so two-character words (节水, 就业) are found."""
        needle = (text or "").strip()
        if not needle:
            return []
        if len(needle) > _MAX_QUERY:
            raise StoreError(f"the search text is too long (more than {_MAX_QUERY} characters)")
        query = (
            DocumentRow.select(DocumentRow.uid, DocumentRow.title, DocumentRow.search_text)
            .join(SectionRow)
            .join(IssueRow)
            .where(DocumentRow.search_text.contains(needle))
            .order_by(IssueRow.year, IssueRow.number, SectionRow.position, DocumentRow.position)
        )
        with self._store.read():
            if key is not None:
                query = query.where(IssueRow.id == self._issue_row(key).id)
            return [(r.uid, r.title, _snippet(r.search_text, needle)) for r in query]


def _snippet(text: str, needle: str) -> str:
    """The hit with a little context either side, on one line."""
    at = text.lower().find(needle.lower())
    if at < 0:
        at = 0
    start = max(0, at - _SNIPPET)
    end = min(len(text), at + len(needle) + _SNIPPET)
    snippet = " ".join(text[start:end].split())
    return ("…" if start > 0 else "") + snippet + ("…" if end < len(text) else "")
