"""The ``build`` subcommand: typeset an issue from the store into a PDF.

``python main.py build --issue 2025-3 -o OUT.pdf [--mode print|web|proof] [--layout NAME]
[--db PATH] [--deterministic]``. Prints progress to stderr, then the page count, where
each document starts and a preflight summary; the full report is written beside the PDF.
Exit status 0 on success (preflight findings do not fail the build), 1 when refused.
"""

from __future__ import annotations

import argparse
import sys
import time

from editor.commands.store_cmds import issue_key


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``build`` to the command line."""
    p = subparsers.add_parser("build", help="typeset an issue into a PDF (print, web or proof)")
    p.add_argument("--issue", required=True, type=issue_key, metavar="YEAR-NUMBER", help="e.g. 2025-3")
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf", help="the PDF to write")
    p.add_argument("--mode", choices=("print", "web", "proof"), default="web",
                   help="print: bleed, crop marks, page count a multiple of 4; web: bookmarks and "
                        "links; proof: web with a 校样 mark (default: web)")
    p.add_argument("--layout", metavar="NAME|FILE.toml",
                   help="a layout from layouts/ or a layout file (default: the publication's)")
    p.add_argument("--db", metavar="PATH|URL", help="the store (default: the per-user store)")
    p.add_argument("--deterministic", action="store_true",
                   help="byte-identical output for identical input (fixed dates and ids)")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress messages")
    p.set_defaults(handler=cmd_build)


def cmd_build(args: argparse.Namespace) -> int:
    """Load the issue through the store and build its PDF."""
    from editor.proofing.preflight import summary
    from editor.render.build import build_pdf
    from editor.services import GazetteService
    from editor.store import open_store

    t0 = time.perf_counter()
    store = open_store(args.db)
    try:
        service = GazetteService(store)
        publication = service.publication()
        issue = service.load_issue(args.issue)
    finally:
        close = getattr(store, "close", None)
        if close:
            close()

    def progress(fraction: float, message: str) -> None:
        if not args.quiet:
            print(f"[{fraction * 100:3.0f}%] {message}", file=sys.stderr)

    result = build_pdf(publication, issue, args.output, mode=args.mode, layout=args.layout,
                       deterministic=args.deterministic, progress=progress)
    print(f"{result.path}: {result.page_count} pages ({args.mode}, layout {result.layout}) "
          f"in {time.perf_counter() - t0:.2f} s")
    titles = {d.uid: d.title for d in issue.documents()}
    for uid, num in result.document_pages.items():
        print(f"  p. {num:>3}  {titles.get(uid, uid)}")
    print(f"{summary(result.findings)} — see {result.report_path}")
    for f in [f for f in result.findings if f.severity != "info"][:5]:
        print(f"  [{f.severity}] {f.message}" + (f" ({f.where})" if f.where else ""))
    return 0
