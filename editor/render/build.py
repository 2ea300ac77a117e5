"""Build an issue's PDF: layout, fonts, typesetting, rendering and preflight in one call.

``build_pdf`` is what the CLI's ``build`` command and the desktop app's preview and build
dialog call (the app on a worker thread: nothing here touches Qt). It reports progress
through an optional ``progress(fraction, message)`` callable and returns a ``BuildResult``
with the page numbers of every document and the preflight findings, which are also
written beside the PDF as ``OUT.preflight.txt``.
"""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from editor.core.findings import Finding
from editor.errors import GazetteError
from editor.fileio import write_atomically
from editor.model import Issue, Publication
from editor.proofing.preflight import preflight, write_report
from editor.render.pdf import RenderOptions, render_pdf
from editor.typeset.book import typeset_issue
from editor.typeset.fonts import FontRegistry
from editor.typeset.layout import Layout, load_layout

MODES = ("print", "web", "proof")
# reportlab keeps registered fonts and their subsets in process-wide state: one build at a
# time (the app's preview and build dialog may both ask from worker threads)
_BUILD_LOCK = threading.Lock()


@dataclass
class BuildResult:
    """What a build produced: the PDF, its pages and what preflight found."""

    path: Path
    page_count: int
    document_pages: dict[str, int] = field(default_factory=dict)  # uid -> printed page number
    document_pdf_index: dict[str, int] = field(default_factory=dict)  # uid -> 0-based PDF page
    findings: list[Finding] = field(default_factory=list)
    report_path: Path | None = None
    layout: str = ""


def _layout(publication: Publication, layout: Layout | str | Path | None) -> Layout:
    if isinstance(layout, Layout):
        return layout
    return load_layout(layout or publication.default_layout or "gazette")


def build_pdf(publication: Publication, issue: Issue, out_path: str | os.PathLike, *,
              mode: str = "web", layout: Layout | str | Path | None = None,
              deterministic: bool = False,
              progress: Callable[[float, str], None] | None = None) -> BuildResult:
    """Typeset ``issue`` and write it to ``out_path`` in ``mode`` (print, web or proof)."""
    if mode not in MODES:
        raise GazetteError(f"unknown output mode {mode!r}; use one of: {', '.join(MODES)}")

    def report(f: float, msg: str) -> None:
        if progress:
            progress(min(max(f, 0.0), 1.0), msg)

    out = Path(out_path)
    with _BUILD_LOCK:
        return _build(publication, issue, out, mode, layout, deterministic, report)


def _build(publication: Publication, issue: Issue, out: Path, mode: str,
           layout: Layout | str | Path | None, deterministic: bool,
           report: Callable[[float, str], None]) -> BuildResult:
    if not out.parent.is_dir():
        raise GazetteError(f"the folder {out.parent} does not exist")
    report(0.0, "loading the layout and fonts")
    lay = _layout(publication, layout)
    fonts = FontRegistry.load(roles=lay.font_roles or None)
    pad = lay.section("print")["pad_to_multiple"] if mode == "print" else 1
    book = typeset_issue(publication, issue, lay, fonts, pad_to=pad,
                         progress=lambda f, m: report(0.05 + 0.6 * f, m))
    report(0.7, "writing the PDF")
    opts = RenderOptions(
        mode=mode, deterministic=deterministic, proof_round=issue.proof_round,
        proof_date=issue.pub_date if deterministic else None,
        title=f"{publication.title} {issue.year}年第{issue.number}期",
        author=publication.sponsor or publication.title,
        subject=f"{publication.title} {issue.year}年第{issue.number}期(总第{issue.cumulative}期)",
        keywords=", ".join(s.name for s in issue.sections),
    )
    buf = io.BytesIO()
    render_pdf(book, lay, fonts, buf, issue.images, opts)
    try:  # a reader (the preview, a printer's hot folder) never sees half a PDF
        write_atomically(out, buf.getvalue())
    except OSError as exc:
        raise GazetteError(f"cannot write {out}: {exc.strerror or exc}") from None
    report(0.9, "preflight")
    findings = preflight(book, lay, fonts, issue, mode=mode, pdf=buf.getvalue())
    report_path = write_report(out, findings, book, lay, mode)
    report(1.0, f"{len(book.pages)} pages written")
    return BuildResult(out, len(book.pages), dict(book.document_pages), dict(book.document_index),
                       findings, report_path, lay.name)
