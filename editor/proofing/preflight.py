"""Preflight: what a printer must know before a PDF goes out.

Checks the page tree and the fonts used for a build: characters no font has (printed as
a visible substitute mark, never an empty box), characters set in a fallback font,
overfull lines, images under 300 ppi or in RGB, text in the bleed (outside the trim).
``write_report`` writes the findings beside the PDF as ``OUT.preflight.txt``.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from editor.core.findings import Finding
from editor.errors import GazetteError
from editor.model import Issue
from editor.typeset.fonts import FontRegistry
from editor.typeset.layout import Layout
from editor.typeset.pages import Book, Page

OVERFULL_TOLERANCE = 0.5  # pt
MIN_PPI = 300.0


def _where(page: Page) -> str:
    if page.number is not None:
        return f"page {page.number} (PDF page {page.index + 1})"
    return f"PDF page {page.index + 1} ({page.kind})"


def _face_file(fonts: FontRegistry, role: str) -> str:
    """The file name of the face a role is set in ('' for an optional role without one)."""
    try:
        return fonts.face(role).path.name
    except GazetteError:
        return ""


def _chars(chars: set[str]) -> str:
    return " ".join(f"{c} (U+{ord(c):04X})" for c in sorted(chars))


_BASEFONT = re.compile(rb"/BaseFont\s*/([^\s/<>\[\]()]+)")
_SUBSET = re.compile(rb"^[A-Z]{6}\+")


def unembedded_fonts(pdf: bytes) -> list[str]:
    """Names of fonts in a PDF written by us that are not embedded subsets.

    Our fonts are always embedded TrueType subsets, named ``ABCDEF+Name``; any other base
    font (a standard Type 1 such as Helvetica) would be taken from the reader's machine.
    """
    names = {m.group(1) for m in _BASEFONT.finditer(pdf)}
    return sorted(n.decode("latin-1") for n in names if not _SUBSET.match(n))


def preflight(book: Book, layout: Layout, fonts: FontRegistry, issue: Issue, *, mode: str = "web",
              pdf: bytes | None = None) -> list[Finding]:
    """All findings of one build, most serious first (``pdf``: the written file, to check fonts)."""
    out: list[Finding] = []
    if pdf is not None:
        for name in unembedded_fonts(pdf):
            out.append(Finding("font-not-embedded", "error", f"the font {name} is not embedded"))
    for note in book.notes:
        out.append(Finding("left-out", "error", note))
    for role, names in sorted(getattr(fonts, "unavailable", {}).items()):
        if names:
            used = _face_file(fonts, role)
            out.append(Finding("font-unavailable", "info",
                               f"not installed: {', '.join(names)}" + (f"; set in {used}" if used else ""),
                               f"font role {role}"))
    where_missing: dict[str, list[str]] = {}
    for page in book.pages:
        for pl in page.lines:
            for g in pl.line.glyphs:
                if g.missing:
                    seen = where_missing.setdefault(g.text, [])
                    if _where(page) not in seen:
                        seen.append(_where(page))
    for role, chars in sorted(fonts.missing.items()):
        if chars:
            pages = sorted({w for ch in chars for w in where_missing.get(ch, [])},
                           key=lambda w: int(re.search(r"PDF page (\d+)", w).group(1)))
            at = f"; on {', '.join(pages[:5])}" + (" …" if len(pages) > 5 else "") if pages else ""
            out.append(Finding("missing-glyph", "error",
                               f"no font has {_chars(chars)}; printed as the substitute mark 〓{at}",
                               f"font role {role}"))
    for role, chars in sorted(fonts.substituted.items()):
        if chars:
            out.append(Finding("fallback-font", "warning",
                               f"set in a fallback font: {_chars(chars)}", f"font role {role}"))
    table_min = layout.section("table")["min_size"]
    for page in book.pages:
        over = 0
        worst = 0.0
        sample = ""
        for pl in page.lines:
            if pl.kind in ("head", "folio", "cover"):
                continue
            excess = pl.right - pl.measure_right
            if excess > OVERFULL_TOLERANCE:
                over += 1
                if excess > worst:
                    worst, sample = excess, "".join(g.text for g in pl.line.glyphs)[-12:]
        if over:
            out.append(Finding("overfull-line", "warning",
                               f"{over} line(s) run past the measure, by up to {worst:.1f} pt (…{sample})",
                               _where(page)))
        small = min((pl.line.size for pl in page.lines if pl.kind in ("table", "table-head")
                     and pl.line.glyphs), default=table_min)
        if small < table_min - 0.01:
            out.append(Finding("table-small-type", "warning",
                               f"a table too wide for the page is set at {small:g} pt, below the "
                               f"layout's smallest table size of {table_min:g} pt", _where(page)))
        bleed_hits = 0
        for pl in page.lines:
            for g in pl.line.glyphs:
                x0 = pl.x + g.x
                x1 = x0 + g.width
                if x0 < -0.01 or x1 > page.width + 0.01 or pl.y < 0 or pl.y + g.size > page.height:
                    bleed_hits += 1
        if bleed_hits:
            out.append(Finding("text-in-bleed", "error",
                               f"{bleed_hits} character(s) lie outside the trimmed page", _where(page)))
        for img in page.images:
            out += _image_findings(issue.images.get(img.ref), img.ref, img.w, page, mode)
    rank = {"error": 0, "warning": 1, "info": 2}
    out.sort(key=lambda f: rank.get(f.severity, 3))
    return out


def _image_findings(data: bytes | None, ref: str, width_pt: float, page: Page, mode: str) -> list[Finding]:
    where = f"{_where(page)}, image {ref}"
    if not data:
        return [Finding("image-missing", "error", "the image data is missing", where)]
    try:
        from PIL import Image as PILImage

        with PILImage.open(io.BytesIO(data)) as im:
            w_px, mode_ = im.size[0], im.mode
    except Exception:
        return [Finding("image-unreadable", "error", "the image cannot be read", where)]
    found = []
    ppi = w_px / (width_pt / 72.0) if width_pt > 0 else 0.0
    if ppi < MIN_PPI:
        found.append(Finding("image-low-resolution", "warning",
                             f"{ppi:.0f} ppi as placed (at least {MIN_PPI:.0f} needed for print)", where))
    if mode_ in ("RGB", "RGBA", "P", "LA") and mode_ != "LA":
        found.append(Finding("image-rgb", "warning" if mode == "print" else "info",
                             f"colour mode {mode_}: the printer needs CMYK or greyscale", where))
    return found


def write_report(pdf_path: Path, findings: list[Finding], book: Book, layout: Layout, mode: str) -> Path:
    """Write ``PDF.preflight.txt`` beside the PDF and return its path."""
    path = pdf_path.with_name(pdf_path.name + ".preflight.txt") if pdf_path.suffix != ".pdf" \
        else pdf_path.with_suffix(".preflight.txt")
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    lines = [
        f"Preflight report for {pdf_path.name}",
        f"layout {layout.name}, mode {mode}, {len(book.pages)} pages",
        f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} note(s)",
        "",
    ]
    for uid, num in book.document_pages.items():
        lines.append(f"document {uid} starts on page {num}")
    lines.append("")
    for f in findings:
        lines.append(f"[{f.severity}] {f.code}: {f.message}" + (f" — {f.where}" if f.where else ""))
    if not findings:
        lines.append("no findings")
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def summary(findings: list[Finding]) -> str:
    """One line for the command line: counts by severity."""
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = sum(1 for f in findings if f.severity == "warning")
    return f"preflight: {errors} error(s), {warnings} warning(s)"
