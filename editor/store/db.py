"""Opening the store: an SQLite file (the default, per user) or a PostgreSQL server by URL.

``open_store`` looks before it writes: a file that is not an SQLite database, an SQLite
database of some other program, or a store of a newer schema version is refused with a
``StoreError`` in plain words and left exactly as it was. Only then are the pragmas set
(WAL journal, foreign keys) and the schema created or migrated; an SQLite file is copied
aside before a migration.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

import peewee

from editor.errors import StoreError
from editor.store import migrations
from editor.store.models import database_proxy

SQLITE_HEADER = b"SQLite format 3\x00"
APP_FOLDER = "gazette-editor"
DB_FILE = "gazette.db"


def default_db_path() -> Path:
    """Per-user embedded store: $GAZETTE_DB if set, else $XDG_DATA_HOME (or ~/.local/share)
    /gazette-editor/gazette.db (the folder is created)."""
    env = os.environ.get("GAZETTE_DB")
    if env:
        path = Path(env).expanduser()
    else:
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        path = Path(base).expanduser() / APP_FOLDER / DB_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the folder for the store {path.parent}: {exc.strerror}") from None
    return path


@dataclass(frozen=True)
class ServerTarget:
    """A parsed PostgreSQL URL: what to connect to, and how to name it without the password."""

    database: str
    host: str = "localhost"
    port: int | None = None
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    options: tuple[tuple[str, str], ...] = ()

    @property
    def description(self) -> str:
        """The URL without the password."""
        who = f"{self.user}@" if self.user else ""
        port = f":{self.port}" if self.port else ""
        return f"postgresql://{who}{self.host}{port}/{self.database}"

    def connect_params(self) -> dict[str, object]:
        """Keyword arguments for ``peewee.PostgresqlDatabase``."""
        params: dict[str, object] = {"host": self.host}
        if self.port:
            params["port"] = self.port
        if self.user:
            params["user"] = self.user
        if self.password is not None:
            params["password"] = self.password
        params.update(dict(self.options))
        params.setdefault("connect_timeout", 10)
        return params


def parse_target(target: str | os.PathLike | None) -> Path | ServerTarget:
    """Turn what ``--db`` was given into an SQLite path or a PostgreSQL target."""
    if target is None:
        return default_db_path()
    if isinstance(target, os.PathLike):
        return Path(target).expanduser()
    text = str(target).strip()
    if not text:
        raise StoreError("no store given: name a file or a postgresql:// URL")
    scheme = text.split("://", 1)[0].lower() if "://" in text else ""
    if not scheme:
        return Path(text).expanduser()
    if scheme == "sqlite":
        path = text[len("sqlite:///"):] if text.lower().startswith("sqlite:///") else ""
        if not path:
            raise StoreError(f"{text!r}: an SQLite URL looks like sqlite:///relative/path or sqlite:////abs/path")
        return Path(unquote(path)).expanduser()
    if scheme in ("postgresql", "postgres"):
        parts = urlsplit(text)
        database = unquote(parts.path.lstrip("/"))
        if not database:
            raise StoreError(f"{_hide_password(text)}: the URL names no database (…/DBNAME)")
        try:
            port = parts.port
        except ValueError:
            raise StoreError(f"{_hide_password(text)}: the port is not a number") from None
        return ServerTarget(
            database=database,
            host=unquote(parts.hostname or "localhost"),
            port=port,
            user=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password is not None else None,
            options=tuple(parse_qsl(parts.query)),
        )
    raise StoreError(f"unsupported store URL {_hide_password(text)!r}: use a file path, sqlite:/// or postgresql://")


def _hide_password(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return parts._replace(netloc=netloc).geturl()


class Store:
    """An open store: ``db`` is the peewee database its models are bound to.

    Use it as a context manager or call ``close()``. ``description`` names the file or
    the server URL (without a password).
    """

    def __init__(self, db: peewee.Database, description: str, kind: str) -> None:
        self.db = db
        self.description = description
        self.kind = kind  # "sqlite" or "postgresql"

    @contextmanager
    def bound(self) -> Iterator[peewee.Database]:
        """Route the models' queries in this thread to this store while the block runs."""
        token = database_proxy.bind(self.db)
        try:
            yield self.db
        finally:
            database_proxy.unbind(token)

    @contextmanager
    def write(self) -> Iterator[peewee.Database]:
        """One write transaction (SQLite takes the write lock up front, so two editors
        never deadlock upgrading a read lock)."""
        with self.bound():
            txn = self.db.atomic("IMMEDIATE") if self.kind == "sqlite" else self.db.atomic()
            with _translate_errors(self), txn:
                yield self.db

    @contextmanager
    def read(self) -> Iterator[peewee.Database]:
        """One read transaction: a consistent view across several queries."""
        with self.bound(), _translate_errors(self), self.db.atomic():
            yield self.db

    def close(self) -> None:
        """Close this thread's connection; the proxy's default forgets this store."""
        if database_proxy.default is self.db:
            database_proxy.initialize(None)
        if not self.db.is_closed():
            self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.description!r})"


@contextmanager
def _translate_errors(store: Store) -> Iterator[None]:
    """Database failures a user can act on (locked, disk full, server gone) as StoreError."""
    try:
        yield
    except peewee.IntegrityError as exc:  # two writers raced past the service's own checks
        raise StoreError(
            f"the change conflicts with one saved meanwhile in {store.description}; nothing "
            f"was changed ({_first_line(exc)})"
        ) from None
    except peewee.OperationalError as exc:
        raise StoreError(f"the store {store.description} refused the change: {_first_line(exc)}") from None
    except peewee.InterfaceError as exc:
        raise StoreError(f"the connection to {store.description} failed: {_first_line(exc)}") from None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _ro_uri(path: Path) -> str:
    """A read-only SQLite URI for ``path`` (any characters in the name are escaped)."""
    return path.resolve().as_uri() + "?mode=ro"


def _inspect_sqlite(path: Path) -> int:
    """The schema version of the SQLite file at ``path`` (0 if new or empty), read without
    writing a byte; StoreError when it is not a gazette store or too new."""
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a store file")
    if not path.exists():
        if not path.parent.is_dir():
            raise StoreError(f"cannot create the store {path}: the folder {path.parent} does not exist")
        return 0
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"cannot read the store {path}: {exc.strerror}") from None
    if not head:
        return 0
    if head != SQLITE_HEADER:
        raise StoreError(f"{path} is not a gazette store: it is not an SQLite database file")
    try:
        conn = sqlite3.connect(_ro_uri(path), uri=True, timeout=5)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open the store {path}: {exc}") from None
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            return 0
        if "schema_version" not in tables:
            raise StoreError(
                f"{path} is an SQLite database of some other program, not a gazette store"
            )
        row = conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
    except sqlite3.DatabaseError as exc:
        _refuse_read_only(path, exc)
        raise StoreError(f"{path} cannot be read as a gazette store: {exc}") from None
    finally:
        conn.close()
    version = row[0] if row else None
    if not isinstance(version, int):
        raise StoreError(f"{path} has no schema version: it is damaged or not a gazette store")
    _check_not_newer(version, str(path))
    return version


def _refuse_read_only(path: Path, exc: BaseException) -> None:
    """A StoreError in plain words when SQLite failed because the file or its folder
    cannot be written (the store keeps a write-ahead log beside the file)."""
    if "readonly" not in str(exc).replace("-", "").replace(" ", "").lower():
        return
    raise StoreError(
        f"the store {path} is read-only: the program needs to write the file and the folder "
        f"it is in ({path.parent}); copy it somewhere writable or change its permissions"
    ) from None


def _check_not_newer(version: int, where: str) -> None:
    if version > migrations.CURRENT_VERSION:
        raise StoreError(
            f"the store {where} was written by a newer version of this program (schema "
            f"version {version}; this program knows up to {migrations.CURRENT_VERSION}); "
            "update the program to open it. The store was not changed."
        )


def _open_sqlite(path: Path) -> Store:
    version = _inspect_sqlite(path)
    path = path.resolve()
    if 0 < version < migrations.CURRENT_VERSION:
        backup = path.with_name(f"{path.name}.schema{version}.bak")
        try:
            copy_store_file(path, backup)
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(f"cannot copy the store {path} aside before upgrading it: {exc}") from None
    db = peewee.SqliteDatabase(
        str(path),
        pragmas={"journal_mode": "wal", "foreign_keys": 1, "synchronous": "normal", "busy_timeout": 10000},
        timeout=10,
    )
    store = Store(db, str(path), "sqlite")
    try:
        _prepare(store, version)
    except (sqlite3.Error, peewee.DatabaseError) as exc:
        db.close()
        _refuse_read_only(path, exc)
        raise StoreError(f"cannot open the store {path}: {_first_line(exc)}") from None
    return store


def _open_postgresql(target: ServerTarget) -> Store:
    try:
        import psycopg2  # noqa: F401
    except ImportError:
        try:
            import psycopg  # noqa: F401
        except ImportError:
            raise StoreError(
                "a PostgreSQL store needs the psycopg2 package: "
                "pip install 'gazette-editor[postgres]'"
            ) from None
    db = peewee.PostgresqlDatabase(target.database, **target.connect_params())
    store = Store(db, target.description, "postgresql")
    try:
        db.connect()
    except peewee.DatabaseError as exc:
        raise StoreError(f"cannot reach the store {target.description}: {_first_line(exc)}") from None
    try:
        with store.bound():
            version = migrations.stored_version(db)
        if version is None:
            raise StoreError(f"the database {target.description} belongs to some other program, not a gazette store")
        _check_not_newer(version, target.description)
        _prepare(store, version)
    except peewee.DatabaseError as exc:
        db.close()
        raise StoreError(f"cannot use the store {target.description}: {_first_line(exc)}") from None
    except StoreError:
        db.close()
        raise
    return store


def _prepare(store: Store, version: int) -> None:
    with store.bound():
        if version == 0:
            migrations.create_schema(store.db)
        elif version < migrations.CURRENT_VERSION:
            migrations.upgrade(store.db, version)


def open_store(target: str | os.PathLike | None = None) -> Store:
    """None -> default_db_path(); a file path or 'sqlite:///path' -> SQLite (WAL, foreign keys);
    'postgresql://user:pw@host:port/db' -> PostgreSQL (psycopg2, optional extra) through the same
    models. Creates the schema or migrates an older one. Raises StoreError (plain message) for a
    file that is not a database, a store of a newer schema version, an unreachable server."""
    parsed = parse_target(target)
    store = _open_postgresql(parsed) if isinstance(parsed, ServerTarget) else _open_sqlite(parsed)
    database_proxy.initialize(store.db)
    return store


def copy_store_file(src: Path, dst: Path) -> None:
    """Copy an SQLite store file consistently (WAL content included), e.g. for a backup."""
    if not src.exists():
        raise StoreError(f"no store at {src}")
    s = sqlite3.connect(_ro_uri(src), uri=True)
    d = sqlite3.connect(dst)
    try:
        with d:
            s.backup(d)
    finally:
        s.close()
        d.close()


__all__ = ["Store", "default_db_path", "open_store", "parse_target", "ServerTarget"]
