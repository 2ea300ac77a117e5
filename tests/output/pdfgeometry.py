"""Reading a built PDF back for geometry checks: type areas, overlaps, line rules, text order.

Used by the varied-material and property tests. Positions come from the PDF's own text
(pdfplumber), so the checks hold for what a reader sees, not for what the typesetter
believes it placed. The page kinds (cover, contents, body …) come from typesetting the
same issue again, which is deterministic.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass

from editor.model import Image, NameList, Table, block_text
from editor.typeset.layout import MM, Layout

NO_START = set("，。、；：？！）》」』】〕〉”’·%,.;:?!)]}")
NO_END = set("（《「『【〔〈“‘([{")
PUNCT = set("，。、；：？！）》」』】〕〉”’（《「『【〔〈“‘·")
PAGENO = re.compile(r"^[—–-]\s*\d+\s*[—–-]$")
SUBSTITUTE = "〓"
TOL = 0.6  # pt


def norm(text: str) -> str:
    """NFKC without white space (how text is compared)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def segments(page, gap_em: float = 1.8) -> list[dict]:
    """Visual line segments of a page (chars on one baseline, split at wide gaps)."""
    rows: dict = {}
    for c in page.chars:
        if not c.get("upright", True) or not c["text"].strip():
            continue
        rows.setdefault((round(c["top"]), round(c["size"], 1)), []).append(c)
    out = []
    for (_top, size), cs in sorted(rows.items()):
        cs.sort(key=lambda c: c["x0"])
        cur = [cs[0]]
        for c in cs[1:]:
            if c["x0"] - cur[-1]["x1"] > gap_em * size:
                out.append(cur)
                cur = [c]
            else:
                cur.append(c)
        out.append(cur)
    return [dict(x0=cs[0]["x0"], x1=cs[-1]["x1"], top=min(c["top"] for c in cs),
                 bottom=max(c["bottom"] for c in cs), size=round(cs[0]["size"], 1),
                 text="".join(c["text"] for c in cs), chars=cs) for cs in out]


@dataclass
class Frame:
    """A rectangle in pdfplumber coordinates (top-down)."""

    x0: float
    top: float
    x1: float
    bottom: float

    def holds(self, x0: float, top: float, x1: float, bottom: float, tol: float = TOL) -> bool:
        return (x0 >= self.x0 - tol and x1 <= self.x1 + tol
                and top >= self.top - tol and bottom <= self.bottom + tol)


def type_areas(layout: Layout, width: float, height: float) -> list[Frame]:
    """The possible type areas of a page (left or right-hand; portrait or landscape)."""
    p = layout.section("page")
    lefts = {p["margin_inside_mm"] * MM, p["margin_outside_mm"] * MM}
    if width <= height:
        return [Frame(x, layout.margin_top, x + layout.measure, height - layout.margin_bottom)
                for x in lefts]
    # a landscape page: the portrait type area turned by 90° (the book's top margin on the left)
    return [Frame(layout.margin_top, y, layout.margin_top + layout.area_height, y + layout.measure)
            for y in lefts]


def head_and_folio_zone(layout: Layout, frame: Frame, landscape: bool) -> Frame:
    """The type area grown by the running-head and page-number zones."""
    head = layout.section("running_head")["offset_mm"] * MM + layout.style("running_head").size
    folio = layout.section("page_number")["offset_mm"] * MM + layout.style("page_number").size * 0.3
    if landscape:
        return Frame(frame.x0, frame.top - head, frame.x1, frame.bottom + folio)
    return Frame(frame.x0, frame.top - head, frame.x1, frame.bottom + folio)


def char_box(c: dict) -> tuple[float, float, float, float]:
    """A character's box with a compressed punctuation mark's blank half taken off.

    A line-end or adjacent full-width mark is set half width: its advance box then runs half
    an em past the next glyph or the measure, while its ink stays inside.
    """
    x0, x1 = c["x0"], c["x1"]
    if c["text"] in PUNCT and x1 - x0 > 0.6 * c["size"]:
        if c["text"] in NO_END:
            x0 = x1 - 0.5 * c["size"]
        else:
            x1 = x0 + 0.5 * c["size"]
    return x0, c["top"], x1, c["bottom"]


def stray_chars(pdf, layout: Layout, kinds: list[str]) -> list[str]:
    """Characters outside the type area (body, contents) or, for heads and page numbers,
    outside their zones; cover and imprint pages: outside the trim less 10 mm."""
    bad: list[str] = []
    head_size = layout.style("running_head").size
    for pno, (page, kind) in enumerate(zip(pdf.pages, kinds), 1):
        w, h = float(page.width), float(page.height)
        chars = [c for c in page.chars if c["text"].strip()]
        if not chars:
            continue
        if kind in ("cover", "title-page", "imprint"):
            frames = [Frame(10 * MM, 10 * MM, w - 10 * MM, h - 10 * MM)]
            zones = frames
        else:
            frames = type_areas(layout, w, h)
            zones = [head_and_folio_zone(layout, f, w > h) for f in frames]
        ok_frame = False
        for frame, zone in zip(frames, zones):
            problems = []
            for seg in segments(page):
                t = seg["text"].strip()
                for c in seg["chars"]:
                    box = char_box(c)
                    if frame.holds(*box):
                        continue
                    if zone.holds(*box) and (
                            (box[3] <= frame.top + TOL and abs(seg["size"] - head_size) < 0.2)
                            or (box[1] >= frame.bottom - TOL and PAGENO.match(t))):
                        continue  # a running head or page number in its zone
                    problems.append(f"p{pno} ({kind}) {c['text']!r} at x {box[0]:.1f}–{box[2]:.1f}, "
                                    f"top {box[1]:.1f}–{box[3]:.1f} in {t[:16]!r}")
            if not problems:
                ok_frame = True
                break
            best = problems
        if not ok_frame:
            bad += best[:3]
    return bad


def stray_rules(pdf, layout: Layout, kinds: list[str]) -> list[str]:
    """Rules (table borders, leaders) outside the type area of body and contents pages."""
    bad = []
    for pno, (page, kind) in enumerate(zip(pdf.pages, kinds), 1):
        if kind not in ("body", "contents"):
            continue
        w, h = float(page.width), float(page.height)
        frames = [head_and_folio_zone(layout, f, w > h) for f in type_areas(layout, w, h)]
        objs = list(page.lines) + list(page.rects)
        for o in objs:
            if not any(f.holds(o["x0"], o["top"], o["x1"], o["bottom"], 1.0) for f in frames):
                bad.append(f"p{pno} rule at x {o['x0']:.1f}–{o['x1']:.1f}, top {o['top']:.1f}–{o['bottom']:.1f}")
                break
    return bad


def overlapping_lines(pdf) -> list[str]:
    """Pairs of text segments whose boxes overlap (two lines drawn over each other)."""
    bad = []
    for pno, page in enumerate(pdf.pages, 1):
        segs = segments(page, gap_em=0.6)
        for s in segs:  # ink extents: a compressed mark's blank half may reach the next cell
            boxes = [char_box(c) for c in s["chars"]]
            s["x0"], s["x1"] = min(b[0] for b in boxes), max(b[2] for b in boxes)
        segs.sort(key=lambda s: s["top"])
        for i, a in enumerate(segs):
            for b in segs[i + 1:]:
                if b["top"] >= a["bottom"] - 0.5:
                    break
                v = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
                hx = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
                if v > 0.25 * min(a["size"], b["size"]) and hx > 0.5:
                    bad.append(f"p{pno}: {a['text'][:12]!r} / {b['text'][:12]!r}")
        for img in page.images:
            for s in segs:
                if s["x1"] > img["x0"] + 0.5 and s["x0"] < img["x1"] - 0.5 and \
                        s["bottom"] > img["top"] + 0.5 and s["top"] < img["bottom"] - 0.5:
                    bad.append(f"p{pno}: text over an image: {s['text'][:12]!r}")
    return bad


def line_rule_breaches(pdf) -> list[str]:
    """Lines that start with a closing mark or end with an opening mark (pdfcheck rules)."""
    bad = []
    for pno, page in enumerate(pdf.pages, 1):
        for s in segments(page):
            t = s["text"].strip()
            if len(t) < 2 or PAGENO.match(t):
                continue
            if t[0] in NO_START or t[-1] in NO_END:
                bad.append(f"p{pno}: {t[:24]}")
    return bad


def ragged_body_lines(pdf, body: float) -> tuple[int, list[str]]:
    """Non-final lines of ``body`` size that do not end on the measure (pdfcheck's rule).

    Returns (number of non-final lines checked, the ragged ones).
    """
    allsegs = [segments(p) for p in pdf.pages]
    body = round(body, 1)
    checked = 0
    loose = []
    for pno, segs in enumerate(allsegs, 1):
        bl = [s for s in segs if s["size"] == body and len(s["text"]) >= 6]
        if len(bl) < 8:
            continue
        left = Counter(round(s["x0"]) for s in bl).most_common(1)[0][0]
        ends = [s["x1"] for s in bl if s["text"][-1] not in PUNCT]
        if not ends:
            continue
        right = max(ends)
        bl.sort(key=lambda s: s["top"])
        gaps = [b["top"] - a["top"] for a, b in zip(bl, bl[1:]) if b["top"] > a["top"]]
        if not gaps:
            continue
        pitch = statistics.median(gaps)
        for a, b in zip(bl, bl[1:]):
            cont = abs(b["x0"] - left) <= 1.0 and abs(a["x0"] - left) <= 2.2 * body + 1 \
                and abs((b["top"] - a["top"]) - pitch) <= 0.2 * pitch
            if not cont:
                continue
            checked += 1
            over = a["x1"] - right
            if not (abs(over) <= 0.5 or (a["text"][-1] in PUNCT and -0.5 <= over <= body / 2 + 0.5)):
                loose.append(f"p{pno} {over:+.1f}pt: …{a['text'][-12:]}")
    return checked, loose


def area_text(pdf, layout: Layout) -> str:
    """Normalised text of every page inside the type area (no heads, no page numbers)."""
    parts = []
    for page in pdf.pages:
        w, h = float(page.width), float(page.height)
        top, bottom = layout.margin_top - 2, h - layout.margin_bottom + 2
        if w > h:
            top, bottom = 10.0, h - 10.0
        parts.append(page.crop((0, max(top, 0), w, min(bottom, h))).extract_text() or "")
    return norm("\n".join(parts))


def missing_text(pdf, layout: Layout, issue, missing_chars: str = "") -> list[str]:
    """Text of blocks not found, in order, in the PDF's type areas (tables: cell by cell)."""
    text = area_text(pdf, layout)
    cells = {norm(c or "") for page in pdf.pages for t in page.extract_tables() for row in t for c in row}
    cell_text = "".join(sorted(cells))

    def want(s: str) -> str:
        for ch in missing_chars:
            s = s.replace(ch, SUBSTITUTE)
        return norm(s)

    pos = 0
    lost = []
    for doc in issue.documents():
        blocks = list(doc.body)
        for att in doc.attachments:
            blocks += att.body
        for block in blocks:
            if isinstance(block, Table):
                for row in block.rows:
                    for cell in row:
                        w = want(cell.text)
                        # a cell taller than a page is cut between pages: its ends must be there
                        pieces = [w] if len(w) < 200 else [w[:40], w[-40:]]
                        for piece in pieces:
                            if piece and piece not in cell_text and piece not in text:
                                lost.append("cell " + piece[:20])
                continue
            if isinstance(block, Image):
                parts = [block.caption]
            elif isinstance(block, NameList):
                parts = [e.name + e.duty for e in block.entries]
            else:
                parts = [block_text(block)]
            for part in parts:
                w = want(part)
                if not w:
                    continue
                at = text.find(w, pos)
                if at < 0:
                    lost.append(part[:24])
                else:
                    pos = at + len(w)
    return lost
