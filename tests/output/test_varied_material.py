"""Typesetting material other offices send: every block type, images, awkward tables,
long titles, unbreakable Latin text, missing glyphs, empty bodies, sections and issues.

Each constructed issue (tests/output/material.py) is built once per module; every PDF is
read back with pdfplumber and checked: nothing outside the type area (or the running head
and page number zones), no two lines over each other, the line-breaking rules, flush
non-final body lines, the text of every block present in order, and what preflight says.
"""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest

from editor.model import Table, TableCell
from editor.typeset.book import typeset_issue
from editor.typeset.fonts import FontRegistry
from editor.typeset.layout import load_layout
from tests.output import material
from tests.output import pdfgeometry as geo

SCENARIOS = ["every_block", "image", "table", "missing_glyph", "empty", "untitled", "edge"]
# "edge" has paragraphs made of nothing but closing or opening marks: no rule can hold there
RULED = [s for s in SCENARIOS if s != "edge"]


class Built:
    """One constructed issue built to a PDF, with its page kinds and the PDF opened."""

    def __init__(self, name: str, out: Path, mode: str = "web", layout: str = "gazette"):
        from editor.render.build import build_pdf

        self.pub, self.issue = getattr(material, f"{name}_issue")()
        self.layout = load_layout(layout)
        self.result = build_pdf(self.pub, self.issue, out / f"{name}-{layout}-{mode}.pdf", mode=mode,
                                layout=self.layout, deterministic=True)
        fonts = FontRegistry.load(roles=self.layout.font_roles or None)
        self.book = typeset_issue(self.pub, self.issue, self.layout, fonts)
        self.kinds = [p.kind for p in self.book.pages]
        self.pdf = pdfplumber.open(str(self.result.path))

    def codes(self) -> dict[str, list]:
        out: dict[str, list] = {}
        for f in self.result.findings:
            out.setdefault(f.code, []).append(f)
        return out


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("varied")
    cache: dict[tuple[str, str, str], Built] = {}

    def get(name: str, mode: str = "web", layout: str = "gazette") -> Built:
        key = (name, mode, layout)
        if key not in cache:
            cache[key] = Built(name, out, mode, layout)
        return cache[key]

    yield get
    for b in cache.values():
        b.pdf.close()


# -- geometry: every scenario, in both shipped layouts ------------------------------------------
@pytest.mark.parametrize("layout", ["gazette", "gbt9704"])
@pytest.mark.parametrize("name", SCENARIOS)
def test_nothing_outside_the_type_area(built, name, layout):
    b = built(name, layout=layout)
    assert len(b.pdf.pages) == len(b.kinds)
    assert geo.stray_chars(b.pdf, b.layout, b.kinds) == []
    assert geo.stray_rules(b.pdf, b.layout, b.kinds) == []


@pytest.mark.parametrize("layout", ["gazette", "gbt9704"])
@pytest.mark.parametrize("name", SCENARIOS)
def test_no_lines_over_each_other(built, name, layout):
    assert geo.overlapping_lines(built(name, layout=layout).pdf) == []


@pytest.mark.parametrize("layout", ["gazette", "gbt9704"])
@pytest.mark.parametrize("name", RULED)
def test_line_breaking_rules_hold(built, name, layout):
    b = built(name, layout=layout)
    assert geo.line_rule_breaches(b.pdf) == []
    checked, ragged = geo.ragged_body_lines(b.pdf, b.layout.style("body").size)
    assert ragged == []


@pytest.mark.parametrize("layout", ["gazette", "gbt9704"])
@pytest.mark.parametrize("name", SCENARIOS)
def test_every_block_is_printed_in_order(built, name, layout):
    b = built(name, layout=layout)
    assert geo.missing_text(b.pdf, b.layout, b.issue, material.MISSING_CHARS) == []


def test_body_lines_were_checked_for_flushness(built):
    """The flushness check is not vacuous: the block issue has many non-final body lines."""
    b = built("every_block")
    checked, ragged = geo.ragged_body_lines(b.pdf, b.layout.style("body").size)
    assert checked >= 30 and ragged == []


def test_print_mode_keeps_text_inside_the_trim_on_one_sheet_size(built):
    """Print: every page has the same portrait trim (a landscape table page is turned onto
    it), and no character lies outside the trim (the bleed and slug carry only marks)."""
    from pypdf import PdfReader

    b = built("table", mode="print")
    assert any(p.landscape for p in b.book.pages)
    conf = b.layout.section("print")
    off = (b.layout.section("page")["bleed_mm"] + conf["crop_mark_offset_mm"]
           + conf["crop_mark_length_mm"]) * geo.MM
    reader = PdfReader(str(b.result.path))
    for rp, page in zip(reader.pages, b.pdf.pages):
        trim = [float(v) for v in rp.trimbox]
        assert abs(trim[0] - off) < 0.1 and abs(trim[1] - off) < 0.1
        assert abs(trim[2] - trim[0] - b.layout.page_width) < 0.1
        assert abs(trim[3] - trim[1] - b.layout.page_height) < 0.1
        h = float(page.height)
        for c in page.chars:
            if c["text"].strip():
                assert trim[0] - 0.5 <= c["x0"] and c["x1"] <= trim[2] + 0.5
                assert h - trim[3] - 0.5 <= c["top"] and c["bottom"] <= h - trim[1] + 0.5
        turned = [c for c in page.chars if not c["upright"] and c["text"].strip()]
        if turned:  # a turned table page: its content on the portrait type area, the page
            # number and running head upright in their usual places
            frames = geo.type_areas(b.layout, b.layout.page_width, b.layout.page_height)
            box = (min(c["x0"] for c in turned) - off, min(c["top"] for c in turned) - off,
                   max(c["x1"] for c in turned) - off, max(c["bottom"] for c in turned) - off)
            assert any(f.holds(*box, tol=1.0) for f in frames)
            upright = "".join(c["text"] for c in page.chars if c["upright"])
            assert re.search(r"—\d+—", upright.replace(" ", ""))


# -- what each scenario must show -----------------------------------------------------------------
def test_block_issue_structure(built):
    b = built("every_block")
    text = geo.norm("".join(p.extract_text() or "" for p in b.pdf.pages))
    for label in ("附件1", "附件2", "附件3"):
        assert label in text
    assert geo.norm("（2025年3月21日测试市人民政府第5次常务会议审议通过）") in text
    # the enclosed 印发 text follows the notice on its page; labelled attachments start pages
    first = b.result.document_pdf_index[b.issue.sections[0].documents[0].uid]
    enclosed_title = geo.norm("测试市政务服务标准化建设实施方案")
    assert enclosed_title in geo.norm(b.pdf.pages[first].extract_text())
    for page in b.book.pages:
        for a in page.anchors:
            if a.key.startswith("att-") and a.title.startswith("附件"):
                first_line = max((pl for pl in page.lines if pl.kind not in ("head", "folio")),
                                 key=lambda pl: pl.y)
                assert first_line.line.text.startswith("附件")


def test_long_title_is_centred_and_complete(built):
    b = built("every_block")
    doc = b.issue.sections[0].documents[0]
    page = b.pdf.pages[b.result.document_pdf_index[doc.uid]]
    title_size = b.layout.style("title").size
    segs = [s for s in geo.segments(page) if abs(s["size"] - title_size) < 0.2]
    assert geo.norm("".join(s["text"] for s in segs)) == geo.norm(doc.title)
    frames = geo.type_areas(b.layout, float(page.width), float(page.height))
    centre = min(((f.x0 + f.x1) / 2 for f in frames),
                 key=lambda c: abs(c - (segs[0]["x0"] + segs[0]["x1"]) / 2))
    for s in segs:
        assert abs((s["x0"] + s["x1"]) / 2 - centre) < 0.75 * title_size


def test_name_list_duties_align_with_long_names(built):
    b = built("every_block")
    duties = {"任测试市发展和改革委员会主任；", "任测试市人民政府副秘书长（试用期一年）；"}
    starts = []
    for page in b.pdf.pages:
        for s in geo.segments(page, gap_em=0.4):
            for d in duties:
                if s["text"].startswith(d[:6]):
                    starts.append(s["x0"])
    assert len(starts) == 2 and abs(starts[0] - starts[1]) < 0.5


def test_attachment_note_items_align(built):
    """附件：1.… / 2.…: the second item under the first's number, a wrapped name under its
    first character (GB/T 9704 7.3.4)."""
    b = built("every_block")
    for page in b.pdf.pages:
        segs = geo.segments(page)
        first = [s for s in segs if s["text"].startswith("附件：1.测试市政务服务标准化建设重点")]
        if not first:
            continue
        i = segs.index(first[0])
        wrapped, second = segs[i + 1], segs[i + 2]
        assert second["text"].startswith("2.测试市政务服务事项目录")
        one = next(c for c in first[0]["chars"] if c["text"] == "1")
        name = first[0]["chars"][first[0]["chars"].index(one) + 2]
        # (the first line is justified: its inter-character stretch moves "1" by a point)
        tol = 0.15 * b.layout.style("body").size
        assert abs(second["x0"] - one["x0"]) < tol
        assert abs(wrapped["x0"] - name["x0"]) < tol
        return
    raise AssertionError("attachment note not found")


@pytest.mark.parametrize("title", ["内蒙古自治区呼和浩特市人民政府办公厅公报",
                                   "内蒙古自治区呼和浩特市人民政府办公厅及所属各部门联合编辑出版的政府公报"])
def test_long_gazette_title_stays_on_the_cover_between_its_rules(tmp_path, title):
    from editor.render.build import build_pdf

    pub, issue = material.empty_issue()
    pub.title = title
    res = build_pdf(pub, issue, tmp_path / "cover.pdf", deterministic=True)
    with pdfplumber.open(str(res.path)) as pdf:
        page = pdf.pages[0]
        w = float(page.width)
        big = [c for c in page.chars if c["size"] >= 14 and c["text"].strip()]
        assert geo.norm("".join(c["text"] for c in big)).startswith(geo.norm(title))
        assert min(c["x0"] for c in big) >= 20 * geo.MM and max(c["x1"] for c in big) <= w - 20 * geo.MM
        title_chars = [c for c in big if c["top"] < page.height / 2]
        rules = sorted(r["top"] for r in page.lines + page.rects if r["top"] < page.height / 2)
        # the first rule above the title, the last below it
        assert rules[0] < min(c["top"] for c in title_chars)
        assert rules[-1] > max(c["bottom"] for c in title_chars)


def test_invisible_characters_from_pasted_text_are_dropped(tmp_path):
    """Zero-width spaces, joiners, soft hyphens, direction marks and a byte-order mark (what
    text pasted from Word or the web carries) print nothing and raise no glyph finding."""
    from editor.model import Document, NameEntry, NameList, Paragraph, Section
    from editor.render.build import build_pdf

    text = "零宽\u200b空格\ufeff字节序\u00ad软连字符\u200d连接\u2060词连接\u200e方向\x0b换行"
    doc = Document(title="测\u200b试", body=[Paragraph(text), NameList([NameEntry("王\u200b伟", "任\ufeff职")])])
    pub, issue = material.publication(), material.issue([Section("市政府文件", [doc])])
    res = build_pdf(pub, issue, tmp_path / "zw.pdf", deterministic=True)
    assert not [f for f in res.findings if f.code in ("missing-glyph", "fallback-font")]
    with pdfplumber.open(str(res.path)) as pdf:
        body = geo.norm("".join(p.extract_text() or "" for p in pdf.pages))
    assert "零宽空格字节序软连字符连接词连接方向换行" in body and geo.SUBSTITUTE not in body


def test_a_table_with_broken_spans_is_a_plain_content_error(tmp_path):
    from editor.errors import ContentError
    from editor.model import Document, Section
    from editor.render.build import build_pdf

    bad = Table(rows=[[TableCell("甲", colspan=2)], [TableCell("乙")]])
    doc = Document(title="测试通知", body=[bad])
    pub, issue = material.publication(), material.issue([Section("市政府文件", [doc])])
    with pytest.raises(ContentError, match="测试通知.*row 2"):
        build_pdf(pub, issue, tmp_path / "bad.pdf")


def test_empty_issue_builds_without_body_pages(built):
    b = built("empty")
    assert "body" not in b.kinds
    assert b.result.document_pages == {}


def test_untitled_and_empty_documents_build_with_their_bookmarks(built):
    """A document still being written (no title, no body) never breaks a build or a preview."""
    from pypdf import PdfReader

    b = built("untitled")
    docs = b.issue.documents()
    assert set(b.result.document_pdf_index) == {d.uid for d in docs}
    reader = PdfReader(str(b.result.path))

    def flat(items):
        for it in items:
            yield from (flat(it) if isinstance(it, list) else [it])
    pages = [reader.get_destination_page_number(it) for it in flat(reader.outline)]
    assert len(pages) >= len(docs)  # every document has its bookmark, pointing at a page
    contents = geo.norm(b.pdf.pages[b.kinds.index("contents")].extract_text())
    assert "测试市人民政府关于某事项的通知" in contents


def test_missing_glyphs_get_a_visible_substitute_and_an_error(built):
    b = built("missing_glyph")
    text = "".join(p.extract_text() or "" for p in b.pdf.pages)
    assert geo.SUBSTITUTE in text
    for ch in material.MISSING_CHARS:
        assert ch not in text
    found = b.codes().get("missing-glyph", [])
    assert found and all(f.severity == "error" for f in found)
    reported = "".join(f.message for f in found)
    for ch in material.MISSING_CHARS:
        assert f"U+{ord(ch):04X}" in reported
    assert "page 1 (PDF page" in reported  # where to look


def test_images_and_their_findings(built):
    web = built("image")
    placed = [img for page in web.pdf.pages for img in page.images]
    assert len(placed) == len(material.IMAGE_REFS)
    for img in placed:  # every image inside its page's type area, the tall one scaled down
        page = web.pdf.pages[img["page_number"] - 1]
        frames = geo.type_areas(web.layout, float(page.width), float(page.height))
        assert any(f.holds(img["x0"], img["top"], img["x1"], img["bottom"]) for f in frames)
    low = web.codes().get("image-low-resolution", [])
    assert [f.where.rsplit(" ", 1)[-1] for f in low] == ["lowres"]
    assert not [f for f in web.codes().get("image-rgb", []) if f.severity != "info"]
    prt = built("image", mode="print")
    rgb = prt.codes().get("image-rgb", [])
    assert sorted(f.where.rsplit(" ", 1)[-1] for f in rgb) == ["lowres", "rgb"]
    assert all(f.severity == "warning" for f in rgb)


def test_tall_table_row_is_split_over_pages(built):
    b = built("table")
    long_cell = material.tall_row_table().rows[1][1].text
    pages = [i for i, p in enumerate(b.pdf.pages) if geo.norm(long_cell[:8]) in geo.norm(p.extract_text() or "")]
    assert len(pages) >= 1
    # the row's text runs over at least two consecutive pages, each starting with the header
    spread = [i for i, p in enumerate(b.pdf.pages)
              if "项目" in (p.extract_text() or "") and "内容" in (p.extract_text() or "")]
    assert len(spread) >= 2
    for i in spread:  # the header once at the top of each page, never again below a piece
        assert geo.norm(b.pdf.pages[i].extract_text()).count("项目内容") == 1


def test_wide_table_is_set_smaller_or_landscape(built):
    b = built("table")
    wide_pages = [i for i, p in enumerate(b.pdf.pages) if "指标16" in geo.norm(p.extract_text() or "")]
    assert wide_pages
    for i in wide_pages:
        page = b.pdf.pages[i]
        assert page.width > page.height  # the layout's answer: a landscape page
        sizes = {s["size"] for s in geo.segments(page) if not geo.PAGENO.match(s["text"].strip())
                 and any(ch.isdigit() for ch in s["text"])}
        assert max(sizes) <= b.layout.section("table")["size"]
    # sixteen columns of long numbers fit only below the layout's smallest table size: said so
    small = b.codes().get("table-small-type", [])
    assert small and all(f.severity == "warning" for f in small)
    # numbers are never cut inside their cells
    table = material.wide_table()
    cells = {geo.norm(c.text) for row in table.rows[1:] for c in row}
    words = {geo.norm(w) for p in (b.pdf.pages[i] for i in wide_pages)
             for w in (p.extract_text() or "").split()}
    assert cells <= words


def test_long_table_repeats_its_header_rows(built):
    b = built("table")
    table = material.long_table()
    last = geo.norm(f"测试市第{len(table.rows) - 2}单位")
    first = geo.norm("测试市第1单位")
    pages = [p for p in b.pdf.pages if geo.norm(p.extract_text() or "").find("单位") >= 0]
    spread = []
    on = False
    for p in pages:
        t = geo.norm(p.extract_text() or "")
        if first in t:
            on = True
        if on:
            spread.append(t)
        if last in t:
            break
    assert len(spread) >= 3
    for t in spread:
        assert "序号" in t and "完成情况" in t and "计划" in t and "实际" in t


def test_nested_spans_and_empty_cells_are_drawn(built):
    b = built("table")
    page = next(p for p in b.pdf.pages if "嵌套合并单元格表" in geo.norm(p.extract_text() or ""))
    t = geo.norm(page.extract_text())
    for word in ("2024年", "上半年", "下半年", "一季度", "四季度", "东河区", "合并", "合计"):
        assert word in t
    # every cell has its four borders: the grid lines of the nested table are present
    assert len(page.lines) + len(page.rects) >= 20


def test_table_cell_text_is_never_cut_inside_a_number():
    from editor.typeset.tables import column_widths

    lay = load_layout("gazette")
    fonts = FontRegistry.load(roles=lay.font_roles or None)
    t = Table(rows=[[TableCell("1,234,567.89")] * 12])
    est = column_widths(t, lay.measure, 10.5, lay)
    real = column_widths(t, lay.measure, 10.5, lay, fonts)
    assert not real.fits  # twelve 12-digit numbers do not fit a portrait measure at 10.5 pt
    assert not est.fits


def test_contents_entries_read_as_full_lines(tmp_path):
    """Many contents entries at the body size: each reads as one line from title to number."""
    from editor.render.build import build_pdf

    pub, issue = material.long_issue(24)
    res = build_pdf(pub, issue, tmp_path / "toc.pdf", mode="web", deterministic=True)
    lay = load_layout("gazette")
    with pdfplumber.open(str(res.path)) as pdf:
        contents = [p for p in pdf.pages[:8] if "目" in (p.extract_text() or "")[:10]]
        assert contents
        segs = [s for s in geo.segments(contents[0]) if s["text"].startswith("测试市人民政府关于第")]
        assert len(segs) >= 10
        right = max(s["x1"] for s in segs)
        for s in segs:
            assert abs(s["x1"] - right) < 0.5 and s["text"].rstrip("0123456789").endswith("..")
        checked, ragged = geo.ragged_body_lines(pdf, lay.style("body").size)
        assert checked > 100 and ragged == []


def test_a_table_of_web_addresses_stays_upright_at_its_size():
    """A column of long web addresses wraps after their slashes; it does not make the table
    "too wide" (a column of long numbers would: numbers are never opened)."""
    from editor.typeset.tables import fit_table

    lay = load_layout("gazette")
    fonts = FontRegistry.load(roles=lay.font_roles or None)
    url = "https://www.example.gov.cn/zwgk/zfxxgk/fdzdgknr/zfwj/202503/t20250321_4567.html"
    rows = [[TableCell("单位"), TableCell("网址"), TableCell("电话")]] + \
        [[TableCell(f"测试市第{k}局"), TableCell(url), TableCell("0472-1234567")] for k in range(5)]
    size, landscape = fit_table(Table(rows=rows, header_rows=1), lay, lay.measure, lay.area_height, fonts)
    assert (size, landscape) == (lay.section("table")["size"], False)
    numbers = [[TableCell(f"{k * 1234567.891:,.2f}") for k in range(1, 13)]]
    assert fit_table(Table(rows=numbers), lay, lay.measure, lay.area_height, fonts) != \
        (lay.section("table")["size"], False)


@pytest.mark.slow
def test_very_long_issue_builds(tmp_path):
    from editor.render.build import build_pdf

    pub, issue = material.long_issue(60)
    res = build_pdf(pub, issue, tmp_path / "long.pdf", mode="print", deterministic=True)
    assert res.page_count % 4 == 0 and res.page_count > 150
    assert len(res.document_pages) == 60
    assert not [f for f in res.findings if f.severity == "error"]
    starts = list(res.document_pages.values())
    assert starts == sorted(starts)
