"""The ``check`` subcommand: run the proofing checks on an issue from the store.

``python main.py check --issue 2025-3 [--db PATH] [--format text|json]``. Text output
groups the findings by document (most serious first within each) and ends with counts by
severity and code; JSON output is a list of ``{code, severity, message, where}``. Exit
status 0 whatever is found (findings are for proofreaders to review), 1 when the issue
cannot be loaded, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter

from editor.commands.store_cmds import issue_key
from editor.core.findings import Finding
from editor.proofing.checks import SEVERITY_RANK


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``check`` to the command line."""
    p = subparsers.add_parser("check", help="run the automatic proofing checks on an issue and list the findings")
    p.add_argument("--issue", required=True, type=issue_key, metavar="YEAR-NUMBER", help="e.g. 2025-3")
    p.add_argument("--db", metavar="PATH|URL", help="the store (default: the per-user store)")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    p.add_argument("--max-age-months", type=int, metavar="N",
                   help="flag signing dates more than N months before publication (default: 6)")
    p.set_defaults(handler=cmd_check)


def cmd_check(args: argparse.Namespace) -> int:
    """Load the issue and print its findings."""
    from dataclasses import replace

    from editor.proofing.checks import CheckOptions, check_issue, sort_findings
    from editor.services import GazetteService
    from editor.store import open_store

    options = CheckOptions()
    if args.max_age_months is not None:
        if args.max_age_months < 0:
            print("error: --max-age-months must be 0 or more", file=sys.stderr)
            return 2
        options = replace(options, max_signing_age_months=args.max_age_months)
    with open_store(args.db) as store:
        service = GazetteService(store)
        publication = service.publication()
        issue = service.load_issue(args.issue)
    findings = sort_findings(check_issue(publication, issue, options))
    if args.format == "json":
        text = json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=1)
    else:
        text = format_text(findings, [d.doc_number.strip() or d.title.strip() for d in issue.documents()])
    try:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    except BrokenPipeError:  # output piped into head or less and closed early
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115  (keeps the interpreter's final flush quiet)
    return 0


def _part_of(where: str) -> str:
    pieces = where.split(" · ")
    return pieces[1] if len(pieces) > 2 else ""


def _block_of(where: str) -> int:
    m = re.search(r"block (\d+)", where)
    return int(m.group(1)) if m else 0


def format_text(findings: list[Finding], order: list[str]) -> str:
    """Findings grouped by document (in print order, issue-level ones last) with a summary."""
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        head = f.where.split(" · ", 1)[0] if f.where else ""
        groups.setdefault(head, []).append(f)
    rank = {name: k for k, name in enumerate(order)}
    lines = []
    for head in sorted(groups, key=lambda h: (rank.get(h, len(rank)), h)):
        lines.append(head or "(issue)")
        parts: dict[str, int] = {}
        for f in groups[head]:
            parts.setdefault(_part_of(f.where), len(parts))
        ordered = sorted(groups[head], key=lambda f: (SEVERITY_RANK.get(f.severity, 3), parts[_part_of(f.where)],
                                                      _block_of(f.where)))
        for f in ordered:
            rest = f.where.split(" · ", 1)[1] if " · " in f.where else ""
            lines.append(f"  [{f.severity}] {f.code}: {f.message}" + (f"  ({rest})" if rest else ""))
        lines.append("")
    severities = Counter(f.severity for f in findings)
    codes = Counter(f.code for f in findings)
    lines.append(f"{len(findings)} finding(s): " + ", ".join(
        f"{severities[s]} {s}" for s in ("error", "warning", "info") if severities[s]) if findings
        else "no findings")
    if codes:
        lines.append("by code: " + ", ".join(f"{c} {n}" for c, n in sorted(codes.items())))
    return "\n".join(lines)
