"""PDF structure of the sample build: contents vs. pages vs. bookmarks, fonts, boxes, modes."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from pypdf import PdfReader

PAGENO = re.compile(r"^[—–-]\s*(\d+)\s*[—–-]$")
ROOT = Path(__file__).resolve().parents[2]


def norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def printed_numbers(pdf) -> dict[int, int]:
    out = {}
    for i, page in enumerate(pdf.pages):
        for line in (page.extract_text() or "").split("\n"):
            m = PAGENO.match(line.strip())
            if m:
                out[i] = int(m.group(1))
    return out


def contents_entries(pdf) -> list[tuple[str, int]]:
    """(title, page) of the contents, read as a reader would: title lines, then the number."""
    entries = []
    for page in pdf.pages[:6]:
        lines = [ln.strip() for ln in (page.extract_text() or "").split("\n")]
        if not any(norm(ln) == "目录" for ln in lines):
            continue
        pending = ""
        for ln in lines:
            if norm(ln) == "目录" or not ln:
                continue
            m = re.match(r"^(.+?)[\s.．·…]*(\d+)$", ln)
            if m:
                entries.append((norm(pending + m.group(1)), int(m.group(2))))
                pending = ""
            else:
                pending += ln
    return entries


def outline(path: Path) -> list[tuple[str, int, int]]:
    """(title, level, page index) of every bookmark."""
    reader = PdfReader(str(path))
    out = []

    def walk(items, level):
        for it in items:
            if isinstance(it, list):
                walk(it, level + 1)
            else:
                out.append((it.title, level, reader.get_destination_page_number(it)))
    walk(reader.outline, 0)
    return out


def test_pagination_is_reported(web_build, sample):
    pub, issue = sample
    docs = issue.documents()
    assert list(web_build.document_pages) == [d.uid for d in docs]
    starts = list(web_build.document_pages.values())
    assert starts == sorted(starts) and starts[0] == 1
    # every document from a new page: the PDF indices are distinct and increasing
    idx = list(web_build.document_pdf_index.values())
    assert idx == sorted(set(idx))


def test_sample_documents_start_on_the_pages_of_the_printed_original(web_build, sample):
    """The gazette layout paginates the sample as the printed issue did (no forced breaks)."""
    pub, issue = sample
    assert [web_build.document_pages[d.uid] for d in issue.documents()] == [1, 7, 8, 26, 29]


def test_contents_numbers_are_the_pages_where_documents_start(web_pdf, web_build, sample):
    pub, issue = sample
    printed = printed_numbers(web_pdf)
    entries = dict(contents_entries(web_pdf))
    for doc in issue.documents():
        title = norm(doc.contents_title())  # the contents entry, where it differs from the title
        assert title in entries, title
        assert entries[title] == web_build.document_pages[doc.uid]
        assert printed[web_build.document_pdf_index[doc.uid]] == entries[title]


def test_bookmarks_for_every_column_and_document_agree(web_build, sample):
    pub, issue = sample
    marks = outline(web_build.path)
    by_title = {norm(t): (lvl, p) for t, lvl, p in marks}
    for section in issue.sections:
        assert norm(section.name) in by_title
    for doc in issue.documents():
        lvl, page = by_title[norm(doc.contents_title())]
        assert lvl == 1
        assert page == web_build.document_pdf_index[doc.uid]


def test_contents_entries_are_links(web_build):
    reader = PdfReader(str(web_build.path))
    contents = next(i for i, p in enumerate(reader.pages) if "目" in (p.extract_text() or "")[:40])
    annots = reader.pages[contents].get("/Annots") or []
    links = [a.get_object() for a in annots if a.get_object().get("/Subtype") == "/Link"]
    assert len(links) >= 5


def test_every_font_is_embedded_with_tounicode(web_build, print_build):
    for build in (web_build, print_build):
        reader = PdfReader(str(build.path))
        seen = {}
        for page in reader.pages:
            fonts = page.get("/Resources", {}).get("/Font", {})
            for ref in fonts.values():
                font = ref.get_object()
                seen[font["/BaseFont"]] = font
        assert seen
        for name, font in seen.items():
            desc = font.get("/FontDescriptor")
            assert desc is not None, f"{name} is not embedded"
            assert "/FontFile2" in desc.get_object(), f"{name} has no embedded TrueType program"
            assert "/ToUnicode" in font, f"{name} has no ToUnicode map"
            assert re.match(r"/[A-Z]{6}\+", name), f"{name} is not a subset"


def test_print_mode_boxes_bleed_and_page_count(print_build):
    reader = PdfReader(str(print_build.path))
    assert len(reader.pages) % 4 == 0
    mm = 72 / 25.4
    for page in reader.pages:
        media = [float(v) for v in page.mediabox]
        bleed = [float(v) for v in page.bleedbox]
        trim = [float(v) for v in page.trimbox]
        assert media[0] <= bleed[0] < trim[0] and media[1] <= bleed[1] < trim[1]
        assert trim[2] < bleed[2] <= media[2] and trim[3] < bleed[3] <= media[3]
        assert abs((trim[0] - bleed[0]) - 3 * mm) < 0.01
        w, h = trim[2] - trim[0], trim[3] - trim[1]
        assert {round(w / mm), round(h / mm)} == {210, 297}


def test_print_mode_pads_with_unnumbered_blank_pages(print_build, web_build):
    import pdfplumber

    with pdfplumber.open(str(print_build.path)) as pdf:
        numbers = printed_numbers(pdf)
        blanks = [i for i, p in enumerate(pdf.pages) if not p.chars]
        assert print_build.page_count >= web_build.page_count
        assert blanks and all(i not in numbers for i in blanks)
        # odd numbers on the right of the type area, even on the left
        for i, n in numbers.items():
            page = pdf.pages[i]
            lowest = max(c["top"] for c in page.chars)
            folio = [c for c in page.chars if c["text"].isdigit() and abs(c["top"] - lowest) < 1]
            x = sum(c["x0"] for c in folio) / len(folio)
            assert (x > page.width / 2) == (n % 2 == 1)


def test_print_mode_text_is_pure_black(print_build):
    import pdfplumber

    with pdfplumber.open(str(print_build.path)) as pdf:
        for page in pdf.pages[3:12]:
            for c in page.chars:
                assert tuple(c["non_stroking_color"]) == (0, 0, 0, 1)


def test_deterministic_builds_are_byte_identical(sample, web_build, tmp_path):
    from editor.render.build import build_pdf

    pub, issue = sample
    again = build_pdf(pub, issue, tmp_path / "again.pdf", mode="web", deterministic=True)
    assert again.path.read_bytes() == web_build.path.read_bytes()


def test_metadata_title_is_set(web_build):
    info = PdfReader(str(web_build.path)).metadata
    assert "包头市人民政府公报" in info.title
    assert info.author


def test_proof_mode_marks_every_page(proof_build, web_build, sample):
    pub, issue = sample
    reader = PdfReader(str(proof_build.path))
    title = reader.metadata.title
    assert "校样" in title and "第1校" in title and issue.pub_date.isoformat() in title
    for page in reader.pages:  # the stamp and the diagonal mark, drawn on every page
        assert b"/Watermark" in page.get_contents().get_data()
    web = PdfReader(str(web_build.path))
    assert len(web.pages) == len(reader.pages)
    for i in (0, 4, 12):  # drawn as outlines: the text layer is the web edition's
        assert reader.pages[i].extract_text() == web.pages[i].extract_text()


def test_proof_mark_is_visible(proof_build, tmp_path):
    import shutil

    if shutil.which("pdftoppm") is None:
        return
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "5", "-l", "5", str(proof_build.path),
                    str(tmp_path / "p")], check=True)
    img = Image.open(next(tmp_path.glob("p*.png"))).convert("RGB")
    w, h = img.size
    corner = img.crop((w // 2, 0, w, h // 10))
    red = sum(1 for x in range(corner.width) for y in range(corner.height)
              if (lambda p: p[0] > 180 and p[1] < 120 and p[2] < 120)(corner.getpixel((x, y))))
    assert red > 20


def test_preflight_report_is_written_beside_the_pdf(web_build):
    report = web_build.path.with_suffix(".preflight.txt")
    assert report == web_build.report_path and report.exists()
    text = report.read_text("utf-8")
    assert "Preflight report" in text and "error(s)" in text
    assert not [f for f in web_build.findings if f.code in ("overfull-line", "text-in-bleed")]


def test_gbt9704_grid_is_22_lines_of_28_characters(gbt_build):
    import pdfplumber

    mm = 72 / 25.4
    with pdfplumber.open(str(gbt_build.path)) as pdf:
        full = []
        for page in pdf.pages:
            rows: dict = {}
            for c in page.chars:
                if round(c["size"], 1) == 16 and c["upright"]:
                    rows.setdefault(round(c["top"]), []).append(c)
            lines = sorted(rows)
            if len(lines) == 22:
                full.append((page, rows, lines))
        assert full, "no page carries 22 body lines"
        page, rows, lines = full[0]
        pitch = (lines[-1] - lines[0]) / 21
        assert abs(pitch - 225 * mm / 22) < 0.2
        # a full line runs from the first character's left edge to the last one's right edge
        # (a line-end mark set half width shows its full advance to the reader: take the mode)
        widths = Counter(round(max(c["x1"] for c in cs) - min(c["x0"] for c in cs), 1)
                         for cs in rows.values())
        assert abs(widths.most_common(1)[0][0] - 156 * mm) < 0.6


def test_cli_build_through_the_store(tmp_path):
    db = tmp_path / "g.db"
    run = [sys.executable, str(ROOT / "main.py")]
    subprocess.run(run + ["sample", "--db", str(db)], check=True, capture_output=True, cwd=ROOT)
    out = tmp_path / "issue.pdf"
    res = subprocess.run(run + ["build", "--issue", "2025-3", "-o", str(out), "--db", str(db),
                                "--mode", "print", "--deterministic", "-q"],
                         capture_output=True, text=True, cwd=ROOT)
    assert res.returncode == 0, res.stderr
    assert out.exists() and out.with_suffix(".preflight.txt").exists()
    assert "preflight:" in res.stdout and "pages" in res.stdout
    bad = subprocess.run(run + ["build", "--issue", "2025-3", "-o", str(out), "--db", str(db),
                                "--layout", "nosuchlayout"], capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 1 and "nosuchlayout" in bad.stderr and "Traceback" not in bad.stderr


def test_build_reports_progress_without_qt(sample, tmp_path):
    from editor.render.build import build_pdf

    pub, issue = sample
    seen = []
    buf = tmp_path / "p.pdf"
    build_pdf(pub, issue, buf, progress=lambda f, m: seen.append((f, m)))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert io.BytesIO(buf.read_bytes()).read(5) == b"%PDF-"
