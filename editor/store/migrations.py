"""Schema versions of the store and the numbered steps that bring an older store up to date.

The table ``schema_version`` holds one number. A new, empty database (version 0) gets
the current tables at once. An older store runs every step after its version, in order
and inside one transaction, so a failed step leaves it as it was. A store of a newer
version than this program knows is refused by ``editor.store.db`` before anything is
touched.

History:
  1  publication, issue, section, document (body and attachments as XML, version
     counter), revision, image.
  2  document.search_text: the plain text substring search looks through, filled in
     from every stored document.
  3  document.toc_title and revision.toc_title: the contents entry when it differs
     from the title; empty (the title) for every stored document and revision.
"""

from __future__ import annotations

from collections.abc import Callable

import peewee

from editor.store.models import ALL_MODELS, DocumentRow, SchemaVersion

CURRENT_VERSION = 3


def _to_v2(db: peewee.Database) -> None:
    """Add ``document.search_text`` and fill it in for every stored document."""
    from editor.store.repository import document_from_content, search_text

    # One plain ALTER (valid in SQLite and PostgreSQL): no table rebuild.
    db.execute_sql("""ALTER TABLE "document" ADD COLUMN "search_text" TEXT NOT NULL DEFAULT ''""")
    columns = [
        DocumentRow.id, DocumentRow.uid, DocumentRow.kind, DocumentRow.issuers,
        DocumentRow.title, DocumentRow.subtitle, DocumentRow.doc_number,
        DocumentRow.addressees, DocumentRow.public_note, DocumentRow.signing_date,
        DocumentRow.body, DocumentRow.attachments,
    ]
    for row in DocumentRow.select(*columns).iterator():
        text = search_text(document_from_content(row, row.uid))
        DocumentRow.update(search_text=text).where(DocumentRow.id == row.id).execute()


def _to_v3(db: peewee.Database) -> None:
    """Add ``toc_title`` to documents and their revisions, empty for every stored row.

    Plain ALTERs (valid in SQLite and PostgreSQL): no table is rebuilt, so no row is
    copied or dropped and the revisions keep their documents. The search text needs no
    refill: an empty contents entry adds nothing to it.
    """
    for table in ("document", "revision"):
        db.execute_sql(f"""ALTER TABLE "{table}" ADD COLUMN "toc_title" TEXT NOT NULL DEFAULT ''""")


STEPS: dict[int, Callable[[peewee.Database], None]] = {
    2: _to_v2,
    3: _to_v3,
}
"""Step N takes a store of version N-1 to version N."""


def stored_version(db: peewee.Database) -> int | None:
    """The schema version of ``db``: 0 when it has no tables, None when it has tables
    but is not a gazette store."""
    tables = set(db.get_tables())
    if not tables:
        return 0
    if "schema_version" not in tables:
        return None
    row = db.execute_sql("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else None


def create_schema(db: peewee.Database) -> None:
    """Create the current tables in an empty database and record the version."""
    with db.atomic():
        db.create_tables(ALL_MODELS)
        SchemaVersion.delete().execute()
        SchemaVersion.create(version=CURRENT_VERSION)


def upgrade(db: peewee.Database, from_version: int) -> None:
    """Run every step after ``from_version`` in one transaction.

    On SQLite, foreign keys are switched off around the transaction (a step that rebuilds
    a table must not cascade deletes into its children) and checked before commit, as
    SQLite's documentation prescribes for schema changes.
    """
    sqlite = isinstance(db, peewee.SqliteDatabase)
    if sqlite:
        db.execute_sql("PRAGMA foreign_keys = OFF")
    try:
        with db.atomic():
            for version in range(from_version + 1, CURRENT_VERSION + 1):
                STEPS[version](db)
            if sqlite and db.execute_sql("PRAGMA foreign_key_check").fetchone():
                raise peewee.IntegrityError("the upgraded store has broken references")
            SchemaVersion.delete().execute()
            SchemaVersion.create(version=CURRENT_VERSION)
    finally:
        if sqlite:
            db.execute_sql("PRAGMA foreign_keys = ON")
