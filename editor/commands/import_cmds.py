"""Import subcommands: ``parse`` (show the structure of a file) and ``import`` (store it).

``python main.py parse FILE [--format json]`` prints the structured document without
storing it; the JSON keys are documented in :mod:`editor.importers.jsonform`.

``python main.py import FILE... --issue 2025-3 --section NAME [--db PATH]`` parses every
file first (nothing is stored if one of them is refused), then stores them at the end of
the section in one transaction, with their images.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from editor.errors import GazetteError, ImportRefused, NotFoundError
from editor.importers import ParseResult, parse_file, result_to_dict
from editor.importers.jsonform import keys_help
from editor.model import Block, Document, Image, block_text


def _issue_key(text: str) -> str:
    from editor.commands.store_cmds import issue_key

    return issue_key(text)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``parse`` and ``import`` to the command line."""
    p = subparsers.add_parser(
        "parse",
        help="show how a .txt or .docx file is structured (nothing is stored)",
        description="Structure a .txt or .docx file and print the result without storing it.",
        epilog=f"JSON keys: {keys_help()}. Every block has type and text; a heading has level "
        "and run_in, and a run-in heading keeps its heading sentence in text and the rest of the "
        "paragraph in body. See editor/importers/jsonform.py for all block types.",
    )
    p.add_argument("file", metavar="FILE", help="a .txt or .docx file (recognised by content)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    p.set_defaults(handler=cmd_parse)

    p = subparsers.add_parser("import", help="parse .txt/.docx files and store them at the end of a section")
    p.add_argument("files", nargs="+", metavar="FILE", help="the files to import, in order")
    p.add_argument("--issue", required=True, type=_issue_key, metavar="YEAR-NUMBER", help="e.g. 2025-3")
    p.add_argument("--section", required=True, metavar="NAME", help="the section (栏目) to append to")
    p.add_argument("--db", metavar="PATH|URL", help="the store (default: the per-user store)")
    p.set_defaults(handler=cmd_import)


def cmd_parse(args: argparse.Namespace) -> int:
    """Print the structure of one file."""
    result = parse_file(args.file)
    if args.format == "json":
        json.dump(result_to_dict(result), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(summary(result))
    return 0


def summary(result: ParseResult) -> str:
    """A readable summary: the fields, the outline of the body and attachments, the findings."""
    d = result.document
    lines = [
        f"kind:        {d.kind}",
        f"issuer:      {'、'.join(d.issuers)}",
        f"title:       {d.title}",
    ]
    if d.subtitle:
        lines.append(f"subtitle:    {d.subtitle}")
    lines += [
        f"number:      {d.doc_number}",
        f"addressees:  {d.addressees}",
        f"date:        {d.signing_date.isoformat() if d.signing_date else '-'}",
        f"note:        {d.public_note}",
        f"body:        {_outline(d.body)}",
    ]
    for a in d.attachments:
        label = a.label or "(enclosed text)"
        lines.append(f"attachment:  {label} {a.title}")
        lines.append(f"             {_outline(a.body)}")
    if result.images:
        lines.append(f"images:      {len(result.images)}")
    if result.findings:
        lines.append("findings:")
        for f in result.findings:
            where = f" [{f.where}]" if f.where else ""
            lines.append(f"  {f.severity:7} {f.code}: {f.message}{where}")
    return "\n".join(lines) + "\n"


def _outline(blocks: list[Block]) -> str:
    counts: dict[str, int] = {}
    for b in blocks:
        name = type(b).__name__.lower()
        counts[name] = counts.get(name, 0) + 1
    chars = sum(len(block_text(b)) for b in blocks)
    parts = [f"{n} {k}" for k, n in counts.items()]
    return (", ".join(parts) or "empty") + f" ({chars} characters)"


def _remap_images(doc: Document, mapping: dict[str, str]) -> None:
    def fix(blocks: list[Block]) -> None:
        for b in blocks:
            if isinstance(b, Image) and b.ref in mapping:
                b.ref = mapping[b.ref]

    fix(doc.body)
    for a in doc.attachments:
        fix(a.body)


def cmd_import(args: argparse.Namespace) -> int:
    """Parse all files, then store them in one transaction at the end of the section."""
    from editor.services import GazetteService
    from editor.store import open_store

    results: list[tuple[str, ParseResult]] = []
    for path in args.files:
        try:
            result = parse_file(path)
        except ImportRefused as exc:
            message = str(exc)
            named = message.startswith((str(path), Path(path).name))  # the message names the file
            raise ImportRefused(f"{message if named else f'{path}: {message}'}; nothing was imported") from None
        if not result.document.title:
            raise ImportRefused(f"{path}: no title was recognised (is it a 公文?); nothing was imported")
        results.append((path, result))
    with open_store(args.db) as store:
        service = GazetteService(store)
        issue = service.load_issue(args.issue)
        if args.section not in [s.name for s in issue.sections]:
            names = "、".join(s.name for s in issue.sections) or "none"
            raise NotFoundError(
                f"issue {args.issue} has no section “{args.section}” (its sections: {names}); nothing was imported"
            )
        with service.batch():
            for path, result in results:
                try:
                    mapping = {ref: service.add_image(args.issue, data) for ref, data in result.images.items()}
                    _remap_images(result.document, mapping)
                    service.add_document(args.issue, args.section, result.document)
                except GazetteError as exc:
                    try:
                        named = type(exc)(f"{path}: {exc}; nothing was imported")
                    except TypeError:  # an error type with other arguments: keep it as it is
                        raise exc from None
                    raise named from None
    for path, result in results:
        d = result.document
        warnings = sum(1 for f in result.findings if f.severity != "info")
        print(f"imported {path}: {d.title or '(untitled)'} -> {args.issue} / {args.section}"
              f" ({len(d.attachments)} attachment(s), {warnings} warning(s))")
    return 0
