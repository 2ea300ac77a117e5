"""The store: opening, refusing, creating, migrating, binding and model round trips."""

from __future__ import annotations

import sqlite3
import threading
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from store_factories import dump, make_issue, make_publication, png_bytes

from editor.errors import StoreError
from editor.model import Document, Paragraph, Publication
from editor.services import GazetteService
from editor.store import default_db_path, open_store
from editor.store.db import ServerTarget, parse_target
from editor.store.migrations import CURRENT_VERSION

# A version-1 store, as the first release wrote it (no document.search_text).
V1_SCHEMA = """
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
CREATE UNIQUE INDEX "section_issue_id_name" ON "section" ("issue_id", "name");
CREATE TABLE "document" ("id" INTEGER NOT NULL PRIMARY KEY, "uid" VARCHAR(64) NOT NULL,
  "section_id" INTEGER NOT NULL, "position" INTEGER NOT NULL, "kind" TEXT NOT NULL,
  "issuers" TEXT NOT NULL, "title" TEXT NOT NULL, "subtitle" TEXT NOT NULL,
  "doc_number" TEXT NOT NULL, "addressees" TEXT NOT NULL, "public_note" TEXT NOT NULL,
  "signing_date" DATE, "body" TEXT NOT NULL, "attachments" TEXT NOT NULL,
  "version" INTEGER NOT NULL, "saved_at" DATETIME NOT NULL,
  FOREIGN KEY ("section_id") REFERENCES "section" ("id") ON DELETE CASCADE);
CREATE UNIQUE INDEX "document_uid" ON "document" ("uid");
CREATE TABLE "revision" ("id" INTEGER NOT NULL PRIMARY KEY, "document_id" INTEGER NOT NULL,
  "number" INTEGER NOT NULL, "saved_at" DATETIME NOT NULL, "kind" TEXT NOT NULL,
  "issuers" TEXT NOT NULL, "title" TEXT NOT NULL, "subtitle" TEXT NOT NULL,
  "doc_number" TEXT NOT NULL, "addressees" TEXT NOT NULL, "public_note" TEXT NOT NULL,
  "signing_date" DATE, "body" TEXT NOT NULL, "attachments" TEXT NOT NULL,
  FOREIGN KEY ("document_id") REFERENCES "document" ("id") ON DELETE CASCADE);
CREATE UNIQUE INDEX "revision_document_id_number" ON "revision" ("document_id", "number");
CREATE TABLE "image" ("id" INTEGER NOT NULL PRIMARY KEY, "issue_id" INTEGER NOT NULL,
  "ref" VARCHAR(128) NOT NULL, "data" BLOB NOT NULL,
  FOREIGN KEY ("issue_id") REFERENCES "issue" ("id") ON DELETE CASCADE);
INSERT INTO schema_version VALUES (1, 1);
INSERT INTO publication VALUES (1, '包头市人民政府公报', '', '', '', '', '', '', '', '月刊', 'gazette');
INSERT INTO issue VALUES (1, 2024, 12, 151, '2024-12-30', 'final', 2);
INSERT INTO section VALUES (1, 1, '政府文件', 0);
INSERT INTO document VALUES (1, 'a1b2', 1, 0, '通知', '["包头市人民政府"]',
  '包头市人民政府关于节水的通知', '', '包府发〔2024〕9号', '', '', '2024-12-01',
  '<body><p>全市推进节水型社会建设。</p></body>', '', 2, '2024-12-02 08:00:00');
INSERT INTO revision VALUES (1, 1, 1, '2024-12-01 08:00:00', '通知', '["包头市人民政府"]',
  '包头市人民政府关于节水的通知', '', '', '', '', NULL, '<body><p>初稿。</p></body>', '');
"""


def _make_v1(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(V1_SCHEMA)
    conn.commit()
    conn.close()


def _version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT version FROM schema_version").fetchone()[0]
    finally:
        conn.close()


# --- opening and creating ------------------------------------------------------------------


def test_new_store_has_current_schema_wal_and_foreign_keys(db_path: Path) -> None:
    with open_store(db_path) as store:
        assert store.description == str(db_path.resolve())
        assert store.db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
        assert {"issue", "section", "document", "revision", "image", "publication"} <= set(store.db.get_tables())
    assert _version(db_path) == CURRENT_VERSION


def test_reopening_keeps_data(db_path: Path) -> None:
    with open_store(db_path) as store:
        GazetteService(store).create_issue(2025, 1, 150, date(2025, 1, 6))
    with open_store(f"sqlite:///{db_path}") as store:
        assert [s.key for s in GazetteService(store).list_issues()] == ["2025-1"]


def test_empty_file_becomes_a_store(db_path: Path) -> None:
    db_path.write_bytes(b"")
    with open_store(db_path) as store:
        assert GazetteService(store).list_issues() == []
    assert _version(db_path) == CURRENT_VERSION


def test_version_0_store_without_tables_is_created(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA user_version = 0")
    conn.execute("VACUUM")
    conn.close()
    with open_store(db_path):
        pass
    assert _version(db_path) == CURRENT_VERSION


def test_default_db_path_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GAZETTE_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = default_db_path()
    assert path == tmp_path / "data" / "gazette-editor" / "gazette.db"
    assert path.parent.is_dir()
    monkeypatch.setenv("GAZETTE_DB", str(tmp_path / "elsewhere" / "g.db"))
    assert default_db_path() == tmp_path / "elsewhere" / "g.db"
    with open_store(None) as store:
        assert store.description == str((tmp_path / "elsewhere" / "g.db").resolve())


def test_default_without_xdg_uses_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GAZETTE_DB", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_db_path() == tmp_path / ".local" / "share" / "gazette-editor" / "gazette.db"


# --- targets ---------------------------------------------------------------------------------


def test_parse_target_paths_and_sqlite_urls(tmp_path: Path) -> None:
    assert parse_target("some/file.db") == Path("some/file.db")
    assert parse_target(tmp_path / "x.db") == tmp_path / "x.db"
    assert parse_target("sqlite:///rel/x.db") == Path("rel/x.db")
    assert parse_target("sqlite:////abs/x.db") == Path("/abs/x.db")
    with pytest.raises(StoreError, match="sqlite:///"):
        parse_target("sqlite://x.db")


def test_parse_target_postgresql_url() -> None:
    t = parse_target("postgresql://editor:s%40cret@db.example.org:6543/gazette?sslmode=require")
    assert isinstance(t, ServerTarget)
    assert (t.host, t.port, t.user, t.password, t.database) == (
        "db.example.org", 6543, "editor", "s@cret", "gazette",
    )
    assert t.connect_params()["sslmode"] == "require"
    assert t.connect_params()["password"] == "s@cret"
    assert "cret" not in t.description and "cret" not in repr(t)
    assert t.description == "postgresql://editor@db.example.org:6543/gazette"
    short = parse_target("postgres://localhost/g")
    assert (short.host, short.port, short.user, short.database) == ("localhost", None, None, "g")


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("postgresql://u:pw@host/", "names no database"),
        ("postgresql://u:pw@host:port/db", "port"),
        ("mysql://u:pw@host/db", "unsupported"),
        ("   ", "no store"),
    ],
)
def test_parse_target_refuses_bad_urls(url: str, words: str) -> None:
    with pytest.raises(StoreError, match=words) as err:
        parse_target(url)
    assert ":pw@" not in str(err.value)


def test_unreachable_server_is_a_plain_error() -> None:
    pytest.importorskip("psycopg2")
    with pytest.raises(StoreError, match="cannot reach") as err:
        open_store("postgresql://someone:hidden@127.0.0.1:1/nothing")
    assert "hidden" not in str(err.value)


# --- refusing ------------------------------------------------------------------------------


def _assert_refused_untouched(path: Path, words: str) -> None:
    before = path.read_bytes()
    with pytest.raises(StoreError, match=words):
        open_store(path)
    assert path.read_bytes() == before
    assert not Path(f"{path}-wal").exists() and not Path(f"{path}-shm").exists()


def test_random_bytes_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "random.db"
    path.write_bytes(bytes((i * 73 + 11) % 256 for i in range(4096)))
    _assert_refused_untouched(path, "not an SQLite database")


def test_text_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("这不是数据库。\n", encoding="utf-8")
    _assert_refused_untouched(path, "not a gazette store")


def test_other_programs_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('x')")
    conn.commit()
    conn.close()
    _assert_refused_untouched(path, "some other program")


def test_damaged_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "damaged.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)
    _assert_refused_untouched(path, "cannot be read|damaged|cannot open")


def test_newer_schema_version_is_refused_untouched(db_path: Path) -> None:
    with open_store(db_path) as store:
        GazetteService(store).create_issue(2025, 1, 1, date(2025, 1, 1))
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE schema_version SET version = ?", (CURRENT_VERSION + 5,))
    conn.commit()
    conn.close()
    before = dump(db_path)
    with pytest.raises(StoreError, match="newer version"):
        open_store(db_path)
    assert dump(db_path) == before


def test_folder_and_missing_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        open_store(tmp_path)
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "no" / "such" / "folder" / "g.db")
    assert not (tmp_path / "no").exists()


# --- migrations ------------------------------------------------------------------------------


def test_version_1_store_is_migrated_with_its_data(db_path: Path) -> None:
    _make_v1(db_path)
    with open_store(db_path) as store:
        svc = GazetteService(store)
        assert [(s.key, s.cumulative, s.status.value, s.document_count) for s in svc.list_issues()] == [
            ("2024-12", 151, "final", 1)
        ]
        doc, version = svc.load_document("a1b2")
        assert version == 2
        assert doc.body == [Paragraph("全市推进节水型社会建设。")]
        assert doc.signing_date == date(2024, 12, 1)
        assert [r.number for r in svc.revisions("a1b2")] == [1]
        # schema 2 fills in the text substring search looks through
        assert [hit[0] for hit in svc.search("节水型")] == ["a1b2"]
    assert _version(db_path) == CURRENT_VERSION
    backup = db_path.with_name(db_path.name + ".schema1.bak")
    assert _version(backup) == 1


def test_failed_migration_leaves_store_as_it_was(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _make_v1(db_path)
    before = dump(db_path)
    from editor.store import migrations

    def broken(db):  # noqa: ANN001
        db.execute_sql('ALTER TABLE "document" ADD COLUMN "half_done" TEXT')
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setitem(migrations.STEPS, 2, broken)
    with pytest.raises(StoreError):
        open_store(db_path)
    assert dump(db_path) == before


# --- binding ------------------------------------------------------------------------------


def test_two_stores_in_one_process_stay_apart(tmp_path: Path) -> None:
    a = open_store(tmp_path / "a.db")
    b = open_store(tmp_path / "b.db")
    try:
        GazetteService(a).create_issue(2025, 1, 1, date(2025, 1, 1))
        GazetteService(b).create_issue(2025, 2, 2, date(2025, 2, 1))
        assert [s.key for s in GazetteService(a).list_issues()] == ["2025-1"]
        assert [s.key for s in GazetteService(b).list_issues()] == ["2025-2"]
    finally:
        a.close()
        b.close()


def test_service_works_from_another_thread(db_path: Path) -> None:
    with open_store(db_path) as store:
        svc = GazetteService(store)
        result: list[object] = []

        def work() -> None:
            try:
                svc.create_issue(2025, 4, 155, date(2025, 5, 6))
                result.append([s.key for s in svc.list_issues()])
            except Exception as exc:  # pragma: no cover - reported below
                result.append(exc)
            finally:
                store.db.close()

        t = threading.Thread(target=work)
        t.start()
        t.join()
        assert result == [["2025-4"]]


# --- model round trips ---------------------------------------------------------------------


def test_publication_round_trip_covers_every_field(db_path: Path) -> None:
    pub = make_publication()
    with open_store(db_path) as store:
        svc = GazetteService(store)
        assert svc.publication().title  # a default one before anything is stored
        svc.save_publication(pub)
    with open_store(db_path) as store:
        assert GazetteService(store).publication() == pub


def test_issue_round_trip_with_every_block_kind(db_path: Path) -> None:
    issue = make_issue(image=png_bytes())
    with open_store(db_path) as store:
        svc = GazetteService(store)
        svc.create_issue(issue.year, issue.number, issue.cumulative, issue.pub_date)
        for section in issue.sections:
            svc.add_section(issue.key, section.name)
            for doc in section.documents:
                svc.add_document(issue.key, section.name, doc)
        for data in issue.images.values():
            svc.add_image(issue.key, data)
    with open_store(db_path) as store:
        loaded = GazetteService(store).load_issue("2025-3")
    assert loaded == issue


def test_document_without_optional_fields_round_trips(db_path: Path) -> None:
    with open_store(db_path) as store:
        svc = GazetteService(store)
        svc.create_issue(2025, 1, 1, date(2025, 1, 1))
        svc.add_section("2025-1", "其他")
        doc = Document(title="公告", kind="", issuers=[], body=[])
        svc.add_document("2025-1", "其他", doc)
        assert svc.load_document(doc.uid) == (doc, 1)


def test_publication_without_title_is_refused(db_path: Path) -> None:
    from editor.errors import ContentError

    with open_store(db_path) as store, pytest.raises(ContentError, match="title"):
        GazetteService(store).save_publication(Publication(title="  "))


def test_file_names_with_uri_characters_work(tmp_path: Path) -> None:
    odd = tmp_path / "公报 #1?&mode=rw.db"
    _make_v1(odd)
    with open_store(odd) as store:
        assert [s.key for s in GazetteService(store).list_issues()] == ["2024-12"]
    assert _version(odd) == CURRENT_VERSION
    assert odd.with_name(odd.name + ".schema1.bak").exists()


_XML_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cn"), whitelist_characters="\t\n"),
    max_size=40,
)


def test_any_text_round_trips_and_is_found(tmp_path: Path) -> None:
    """Whatever characters an editor types come back unchanged and can be searched for."""
    with open_store(tmp_path / "prop.db") as store:
        svc = GazetteService(store)
        svc.create_issue(2025, 1, 1, date(2025, 1, 1))
        svc.add_section("2025-1", "文件")

        @settings(max_examples=40, deadline=None, derandomize=True)
        @given(title=_XML_TEXT.filter(lambda t: t.strip()), texts=st.lists(_XML_TEXT, max_size=4))
        def check(title: str, texts: list[str]) -> None:
            doc = Document(title=title, body=[Paragraph(t) for t in texts], issuers=[title[:3]])
            svc.add_document("2025-1", "文件", doc)
            assert svc.load_document(doc.uid) == (doc, 1)
            probe = title.strip()[:2]
            assert doc.uid in [hit[0] for hit in svc.search(probe, "2025-1")]

        check()
