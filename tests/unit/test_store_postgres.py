"""The same store code against a real PostgreSQL server.

The test starts a throwaway server of its own on 127.0.0.1 (initdb + pg_ctl in a
temporary folder, a free port, trust authentication) and stops it afterwards. It is
skipped cleanly when no server binaries or no psycopg2 are installed.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from store_factories import archive_of, make_document, make_issue

from editor.errors import ConflictError, StoreError
from editor.model import Paragraph
from editor.services import GazetteService
from editor.store import open_store
from editor.store.migrations import CURRENT_VERSION

pytestmark = pytest.mark.slow
psycopg2 = pytest.importorskip("psycopg2")


def _server_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """URL prefix of a throwaway PostgreSQL server (``postgresql://gazette@127.0.0.1:PORT/``)."""
    initdb, pg_ctl = _server_bin("initdb"), _server_bin("pg_ctl")
    if not initdb or not pg_ctl:
        pytest.skip("no PostgreSQL server binaries installed")
    prefix: list[str] = []
    if os.geteuid() == 0:  # the server refuses to run as root
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("running as root and there is no 'postgres' user to run the server as")
        if not shutil.which("runuser"):
            pytest.skip("running as root without runuser")
        prefix = ["runuser", "-u", "postgres", "--"]
    base = Path(tempfile.mkdtemp(prefix="gazette-pg-"))
    os.chmod(base, 0o755)
    data = base / "data"
    if prefix:
        shutil.chown(base, "postgres")
    port = _free_port()

    def call(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*prefix, *argv], capture_output=True, text=True, timeout=120)

    made = call(initdb, "-D", str(data), "-U", "gazette", "--auth=trust", "-E", "UTF8", "--no-locale")
    if made.returncode != 0:
        shutil.rmtree(base, ignore_errors=True)
        pytest.skip(f"initdb failed: {made.stderr.strip()[:200]}")
    options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off"
    started = call(pg_ctl, "-D", str(data), "-o", options, "-l", str(base / "log"), "-w", "start")
    if started.returncode != 0:
        shutil.rmtree(base, ignore_errors=True)
        pytest.skip(f"the PostgreSQL server did not start: {started.stderr.strip()[:200]}")
    try:
        yield f"postgresql://gazette@127.0.0.1:{port}/"
    finally:
        call(pg_ctl, "-D", str(data), "-m", "immediate", "stop")
        shutil.rmtree(base, ignore_errors=True)


_counter = iter(range(1000))


@pytest.fixture
def url(server: str) -> str:
    """A fresh, empty database on the throwaway server."""
    name = f"gazette_test_{next(_counter)}"
    conn = psycopg2.connect(server + "postgres")
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute(f'CREATE DATABASE "{name}"')
    conn.close()
    return server + name


def test_archive_round_trip_on_postgresql(url: str) -> None:
    data = archive_of(make_issue())
    with open_store(url) as store:
        assert store.kind == "postgresql" and store.description == url
        svc = GazetteService(store)
        svc.import_issue(data)
        assert svc.export_issue("2025-3") == data
        assert [(s.key, s.document_count) for s in svc.list_issues()] == [("2025-3", 3)]
    with open_store(url) as store:  # reopening finds the schema in place
        assert GazetteService(store).export_issue("2025-3") == data


def test_edits_revisions_conflicts_and_search_on_postgresql(url: str) -> None:
    with open_store(url) as a, open_store(url) as b:
        one, two = GazetteService(a), GazetteService(b)
        one.create_issue(2025, 3, 154, date(2025, 4, 6))
        one.add_section("2025-3", "政府文件")
        uid = one.add_document("2025-3", "政府文件", make_document()).uid
        mine, v = one.load_document(uid)
        theirs, _ = two.load_document(uid)
        mine.body.append(Paragraph("第二版。"))
        assert one.save_document(mine, v) == 2
        theirs.title = "过时的修改"
        with pytest.raises(ConflictError):
            two.save_document(theirs, v)
        assert [r.number for r in two.revisions(uid)] == [1]
        assert [h[0] for h in two.search("节水")] == [uid]
        assert two.search("100%") == []
        assert two.restore_revision(uid, 1) == 3
        one.delete_issue("2025-3")
        assert two.list_issues() == []


def test_newer_schema_on_postgresql_is_refused(url: str) -> None:
    with open_store(url) as store:
        store.db.execute_sql("UPDATE schema_version SET version = %s", (CURRENT_VERSION + 1,))
    with pytest.raises(StoreError, match="newer version"):
        open_store(url)


def test_database_of_another_program_is_refused(server: str, url: str) -> None:
    conn = psycopg2.connect(url)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("CREATE TABLE contacts (name TEXT)")
    conn.close()
    with pytest.raises(StoreError, match="some other program"):
        open_store(url)
    with pytest.raises(StoreError, match="cannot reach"):
        open_store(server + "no_such_database")
