"""A document's contents entry (toc_title): model, archive, store and the schema-3 migration."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from store_factories import archive_of, make_document, make_issue, make_publication

from editor.content.archive import issue_from_xml, issue_to_xml
from editor.model import Document, Paragraph
from editor.services import GazetteService
from editor.store import open_store
from editor.store.migrations import CURRENT_VERSION

TOC = "2025年3月1日至2025年3月31日政府大事记"

# A version-2 store as the previous release created it: no toc_title column anywhere,
# one document saved twice (so one revision) and foreign keys between every table.
V2_SCHEMA = """
CREATE TABLE "schema_version" ("id" INTEGER NOT NULL PRIMARY KEY, "version" INTEGER NOT NULL);
CREATE TABLE "publication" ("id" INTEGER NOT NULL PRIMARY KEY, "title" TEXT NOT NULL,
  "title_mongolian" TEXT NOT NULL, "sponsor" TEXT NOT NULL, "address" TEXT NOT NULL,
  "postcode" TEXT NOT NULL, "telephone" TEXT NOT NULL, "serial_numbers" TEXT NOT NULL,
  "price" TEXT NOT NULL, "frequency" TEXT NOT NULL, "default_layout" TEXT NOT NULL);
CREATE TABLE "issue" ("id" INTEGER NOT NULL PRIMARY KEY, "year" INTEGER NOT NULL,
  "number" INTEGER NOT NULL, "cumulative" INTEGER NOT NULL, "pub_date" DATE NOT NULL,
  "status" VARCHAR(16) NOT NULL, "proof_round" INTEGER NOT NULL);
CREATE UNIQUE INDEX "issue_year_number" ON "issue" ("year", "number");
CREATE TABLE "section" ("id" INTEGER NOT NULL PRIMARY KEY, "issue_id" INTEGER NOT NULL,
  "name" TEXT NOT NULL, "position" INTEGER NOT NULL,
  FOREIGN KEY ("issue_id") REFERENCES "issue" ("id") ON DELETE CASCADE);
CREATE INDEX "section_issue_id" ON "section" ("issue_id");
CREATE UNIQUE INDEX "section_issue_id_name" ON "section" ("issue_id", "name");
CREATE TABLE "document" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(64) NOT NULL,
  "section_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "kind" TEXT NOT NULL,
  "issuers" TEXT NOT NULL, "title" TEXT NOT NULL, "subtitle" TEXT NOT NULL,
  "doc_number" TEXT NOT NULL, "addressees" TEXT NOT NULL, "public_note" TEXT NOT NULL,
  "signing_date" DATE, "body" TEXT NOT NULL, "attachments" TEXT NOT NULL,
  "search_text" TEXT NOT NULL, "version" INTEGER NOT NULL, "saved_at" DATETIME NOT NULL,
  FOREIGN KEY ("section_id") REFERENCES "section" ("id") ON DELETE CASCADE);
CREATE UNIQUE INDEX "document_uid" ON "document" ("uid");
CREATE INDEX "document_section_id" ON "document" ("section_id");
CREATE TABLE "revision" ("id" INTEGER NOT NULL PRIMARY KEY, "document_id" INTEGER NOT NULL,
  "number" INTEGER NOT NULL, "saved_at" DATETIME NOT NULL, "kind" TEXT NOT NULL,
  "issuers" TEXT NOT NULL, "title" TEXT NOT NULL, "subtitle" TEXT NOT NULL,
  "doc_number" TEXT NOT NULL, "addressees" TEXT NOT NULL, "public_note" TEXT NOT NULL,
  "signing_date" DATE, "body" TEXT NOT NULL, "attachments" TEXT NOT NULL,
  FOREIGN KEY ("document_id") REFERENCES "document" ("id") ON DELETE CASCADE);
CREATE INDEX "revision_document_id" ON "revision" ("document_id");
CREATE UNIQUE INDEX "revision_document_id_number" ON "revision" ("document_id", "number");
CREATE TABLE "image" ("id" INTEGER NOT NULL PRIMARY KEY, "issue_id" INTEGER NOT NULL,
  "ref" VARCHAR(128) NOT NULL, "data" BLOB NOT NULL,
  FOREIGN KEY ("issue_id") REFERENCES "issue" ("id") ON DELETE CASCADE);
CREATE INDEX "image_issue_id" ON "image" ("issue_id");
CREATE UNIQUE INDEX "image_issue_id_ref" ON "image" ("issue_id", "ref");
INSERT INTO schema_version VALUES (1, 2);
INSERT INTO publication VALUES (1, '包头市人民政府公报', '', '', '', '', '', '', '', '月刊', 'gazette');
INSERT INTO issue VALUES (1, 2025, 3, 154, '2025-03-31', 'draft', 0);
INSERT INTO section VALUES (1, 1, '政府大事记', 0);
INSERT INTO section VALUES (2, 1, '政府文件', 1);
INSERT INTO document VALUES (1, 'chron', 1, 0, '大事记', '[]', '政府大事记', '2025年3月1日—3月31日',
  '', '', '', NULL, '<body><p>3月1日，市政府召开常务会议。</p></body>', '',
  '政府大事记
2025年3月1日—3月31日
3月1日，市政府召开常务会议。', 3, '2025-04-01 08:00:00');
INSERT INTO document VALUES (2, 'water', 2, 0, '通知', '["包头市人民政府"]',
  '包头市人民政府关于节水的通知', '', '包府发〔2025〕9号', '', '', '2025-03-01',
  '<body><p>全市推进节水型社会建设。</p></body>', '',
  '包头市人民政府关于节水的通知
包府发〔2025〕9号
包头市人民政府
全市推进节水型社会建设。', 1, '2025-03-02 08:00:00');
INSERT INTO revision VALUES (1, 1, 1, '2025-03-30 08:00:00', '大事记', '[]', '政府大事记', '',
  '', '', '', NULL, '<body><p>初稿。</p></body>', '');
INSERT INTO revision VALUES (2, 1, 2, '2025-03-31 08:00:00', '大事记', '[]', '政府大事记',
  '2025年3月1日—3月31日', '', '', '', NULL, '<body><p>二稿。</p></body>', '');
"""


def _rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


# --- model and archive -----------------------------------------------------------------------


def test_contents_title_falls_back_to_the_title() -> None:
    doc = Document(title="政府\n大事记")
    assert doc.toc_title == ""
    assert doc.contents_title() == "政府大事记"
    doc.toc_title = "  "
    assert doc.contents_title() == "政府大事记"
    doc.toc_title = TOC
    assert doc.contents_title() == TOC
    assert doc.title == "政府\n大事记"


def test_archive_round_trip_keeps_the_contents_entry() -> None:
    issue = make_issue()
    doc = issue.sections[0].documents[0]
    doc.toc_title = TOC
    data = issue_to_xml(make_publication(), issue)
    assert f"<toc-title>{TOC}</toc-title>".encode() in data
    # in field order: after the title, before the document number of the same document
    at = data.index(b"<toc-title>")
    assert data.rindex(b"<title>", 0, at) > data.rindex(b"<document ", 0, at)
    assert data.index(b"<doc-number>", at) < data.index(b"</document>", at)
    pub, back = issue_from_xml(data)
    assert back == issue
    assert back.sections[0].documents[0].toc_title == TOC
    assert issue_to_xml(pub, back) == data


def test_archive_without_the_element_reads_as_empty() -> None:
    data = archive_of()
    assert b"toc-title" not in data  # an empty entry writes nothing: old archives are unchanged
    _, issue = issue_from_xml(data)
    assert all(d.toc_title == "" for s in issue.sections for d in s.documents)


def test_store_round_trip_export_import_export(tmp_path: Path) -> None:
    issue = make_issue()
    issue.sections[0].documents[0].toc_title = TOC
    data = issue_to_xml(make_publication(), issue)
    with open_store(tmp_path / "a.db") as store:
        svc = GazetteService(store)
        key = svc.import_issue(data).key
        once = svc.export_issue(key)
        uid = issue.sections[0].documents[0].uid
        assert svc.load_document(uid)[0].toc_title == TOC
        # the contents entry is searchable
        assert uid in [hit[0] for hit in svc.search("至2025年3月31日")]
    with open_store(tmp_path / "b.db") as store:
        svc = GazetteService(store)
        svc.import_issue(once)
        assert svc.export_issue(key) == once == data


def test_revisions_keep_and_restore_the_contents_entry(db_path: Path) -> None:
    with open_store(db_path) as store:
        svc = GazetteService(store)
        svc.import_issue(archive_of())
        doc = make_document(title="包头市人民政府关于新事项的通知")
        doc = svc.add_document("2025-3", svc.load_issue("2025-3").sections[0].name, doc)
        doc.toc_title = "新事项的通知"
        svc.save_document(doc)
        doc.toc_title = ""
        svc.save_document(doc)
        numbers = sorted(r.number for r in svc.revisions(doc.uid))
        assert numbers == [1, 2]
        assert [svc.load_revision(doc.uid, n).toc_title for n in numbers] == ["", "新事项的通知"]
        with_entry = 2
        svc.restore_revision(doc.uid, with_entry)
        assert svc.load_document(doc.uid)[0].toc_title == "新事项的通知"


# --- migration -------------------------------------------------------------------------------


def test_version_2_store_migrates_with_documents_and_revisions_intact(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.executescript(V2_SCHEMA)
    conn.commit()
    conn.close()
    revisions_before = _rows(db_path, "SELECT * FROM revision ORDER BY id")
    documents_before = _rows(db_path, "SELECT * FROM document ORDER BY id")

    with open_store(db_path) as store:
        svc = GazetteService(store)
        doc, version = svc.load_document("chron")
        assert (doc.title, doc.subtitle, doc.toc_title, version) == ("政府大事记", "2025年3月1日—3月31日", "", 3)
        assert doc.body == [Paragraph("3月1日，市政府召开常务会议。")]
        assert sorted(r.number for r in svc.revisions("chron")) == [1, 2]
        assert svc.load_revision("chron", 1).body == [Paragraph("初稿。")]
        assert svc.load_revision("chron", 2).subtitle == "2025年3月1日—3月31日"
        assert all(svc.load_revision("chron", n).toc_title == "" for n in (1, 2))
        assert svc.load_document("water")[0].doc_number == "包府发〔2025〕9号"
        assert [hit[0] for hit in svc.search("节水型")] == ["water"]
        # the new column takes a value like any other
        doc.toc_title = TOC
        svc.save_document(doc)
        assert svc.load_document("chron")[0].toc_title == TOC
        assert sorted(r.number for r in svc.revisions("chron")) == [1, 2, 3]

    assert _rows(db_path, "SELECT version FROM schema_version") == [(CURRENT_VERSION,)]
    # every old row is still there, column for column, with an empty toc_title added
    after = _rows(db_path, "SELECT id, document_id, number, saved_at, kind, issuers, title, subtitle, "
                  "doc_number, addressees, public_note, signing_date, body, attachments, toc_title "
                  "FROM revision WHERE number < 3 ORDER BY id")
    assert [r[:-1] for r in after] == revisions_before
    assert [r[-1] for r in after] == ["", ""]
    water = _rows(db_path, "SELECT id, uid, section_id, position, kind, issuers, title, subtitle, doc_number, "
                  "addressees, public_note, signing_date, body, attachments, search_text, version, saved_at, "
                  "toc_title FROM document WHERE uid = 'water'")
    assert [r[:-1] for r in water] == [documents_before[1]] and water[0][-1] == ""
    assert _rows(db_path, "PRAGMA foreign_key_check") == []
    backup = db_path.with_name(db_path.name + ".schema2.bak")
    assert _rows(backup, "SELECT version FROM schema_version") == [(2,)]
    assert _rows(backup, "SELECT COUNT(*) FROM revision") == [(2,)]
