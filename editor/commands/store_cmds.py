"""Store subcommands: ``sample``, ``list``, ``export`` and ``import-issue``.

Every one takes ``--db PATH|URL`` (default: the per-user store, see
``editor.store.default_db_path``). Exit status: 0 done, 1 refused (the message names the
problem: an unreadable file, a missing issue, a broken or hostile archive, a store that
cannot be opened), 2 usage error. A malformed ``--issue`` value (not ``YEAR-NUMBER``) is a
usage error, reported by the argument parser with status 2.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from editor.content.archive import issue_from_xml
from editor.content.xmlsafe import MAX_XML_BYTES
from editor.errors import GazetteError
from editor.fileio import write_atomically
from editor.services import GazetteService
from editor.store import open_store

_ISSUE_KEY = re.compile(r"^(\d{4})-(\d{1,4})$")


def issue_key(text: str) -> str:
    """argparse type for ``--issue``: ``YEAR-NUMBER`` such as ``2025-3`` (normalised)."""
    m = _ISSUE_KEY.match(text.strip())
    if not m or int(m.group(2)) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not an issue name; use YEAR-NUMBER, e.g. 2025-3")
    return f"{int(m.group(1))}-{int(m.group(2))}"


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH|URL",
        help="the store: an SQLite file, sqlite:///PATH or postgresql://USER:PW@HOST:PORT/DB "
        "(default: the per-user store)",
    )


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the store subcommands to the command line."""
    p = subparsers.add_parser("sample", help="put the sample issue into the store (a second run changes nothing)")
    _add_db(p)
    p.set_defaults(handler=cmd_sample)

    p = subparsers.add_parser(
        "list",
        help="list the issues: year-number, cumulative number, publication date, status, documents",
    )
    _add_db(p)
    p.set_defaults(handler=cmd_list)

    p = subparsers.add_parser("export", help="write one issue to an XML archive file")
    p.add_argument("--issue", required=True, type=issue_key, metavar="YEAR-NUMBER", help="e.g. 2025-3")
    p.add_argument("-o", "--output", required=True, metavar="FILE.xml", help="the archive to write ('-' for stdout)")
    _add_db(p)
    p.set_defaults(handler=cmd_export)

    p = subparsers.add_parser("import-issue", help="read one issue from an XML archive file (all or nothing)")
    p.add_argument("file", metavar="FILE.xml", help="an archive written by export")
    _add_db(p)
    p.set_defaults(handler=cmd_import)


def _refuse(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 1


def cmd_sample(args: argparse.Namespace) -> int:
    """Install the sample issue; nothing changes when it is already there."""
    with open_store(args.db) as store:
        if GazetteService(store).install_sample():
            print(f"installed the sample issue into {store.description}")
        else:
            print(f"the sample issue is already in {store.description}; nothing changed")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    """Print one line per issue."""
    with open_store(args.db) as store:
        issues = GazetteService(store).list_issues()
        if not issues:
            print(f"no issues in {store.description}", file=sys.stderr)
        width = max((len(s.key) for s in issues), default=0)
        for s in issues:
            print(
                f"{s.key:<{width}}  {s.cumulative:>4}  {s.pub_date.isoformat()}  "
                f"{s.status.value:<5}  {s.document_count}"
            )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write one issue to an archive file."""
    with open_store(args.db) as store:
        data = GazetteService(store).export_issue(args.issue)
    if args.output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    path = Path(args.output).expanduser()
    if path.is_dir():
        return _refuse(f"cannot write {path}: it is a folder")
    try:
        write_atomically(path, data)
    except OSError as exc:
        return _refuse(f"cannot write {path}: {exc.strerror or exc}")
    print(f"exported issue {args.issue} to {path} ({len(data):,} bytes)")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    """Read one issue from an archive file into the store."""
    path = Path(args.file).expanduser()
    try:
        if path.is_file() and path.stat().st_size > MAX_XML_BYTES:
            return _refuse(f"{path} is too large for an issue archive ({path.stat().st_size // 1_000_000} MB)")
        data = path.read_bytes()
    except OSError as exc:
        return _refuse(f"cannot read {path}: {exc.strerror or exc}")
    try:  # read the archive before the store is opened, so a refused file creates no store
        issue_from_xml(data)
    except GazetteError as exc:
        return _refuse(f"{path} was not imported: {exc}")
    with open_store(args.db) as store:
        try:
            issue = GazetteService(store).import_issue(data)
        except GazetteError as exc:
            return _refuse(f"{path} was not imported: {exc}")
        print(
            f"imported issue {issue.key} ({len(issue.documents())} documents) "
            f"into {store.description}"
        )
    return 0
