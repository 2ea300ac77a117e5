"""The page tree of small constructed issues: pagination rules, elements and their places."""

from __future__ import annotations

from datetime import date

import pytest

from editor.model import (
    Attachment,
    ChronicleEntry,
    Document,
    Heading,
    Issue,
    NameEntry,
    NameList,
    Paragraph,
    Publication,
    Section,
    Table,
    TableCell,
)
from editor.typeset.book import typeset_issue
from editor.typeset.flow import Lines, NewPage, Paginator
from editor.typeset.fonts import FontRegistry
from editor.typeset.layout import load_layout
from editor.typeset.linebreak import Line
from editor.typeset.pages import Page
from editor.typeset.tables import column_widths, fit_table

TEXT = "为深入贯彻落实党中央决策部署，推动经济社会高质量发展，结合本市实际，制定本方案。"


@pytest.fixture(scope="module")
def fonts() -> FontRegistry:
    return FontRegistry.load()


@pytest.fixture(scope="module")
def layout():
    return load_layout("gazette")


def pub() -> Publication:
    return Publication(title="测试市人民政府公报", sponsor="测试市人民政府办公室", postcode="010000")


def issue(*docs: Document, sections: list[str] | None = None) -> Issue:
    names = sections or ["市政府文件"] * len(docs)
    iss = Issue(2025, 3, 154, date(2025, 4, 6))
    for name, doc in zip(names, docs):
        if not iss.sections or iss.sections[-1].name != name:
            iss.sections.append(Section(name))
        iss.sections[-1].documents.append(doc)
    return iss


def body_pages(book) -> list[Page]:
    return [p for p in book.pages if p.kind == "body"]


def text_of(page: Page, kind: str | None = None) -> str:
    return "".join(pl.line.text for pl in page.lines if kind is None or pl.kind == kind)


# -- pagination with synthetic lines ---------------------------------------------------------


def _paras(counts: list[int]) -> list[Lines]:
    out = []
    for n in counts:
        lines = [Line([], 0.0, 100.0, 0.0, k < n - 1, k == n - 1, 12.0) for k in range(n)]
        out.append(Lines(lines, 16.0, 12.0))
    return out


def test_no_single_line_of_a_paragraph_alone_at_top_or_bottom(layout):
    counts = [(k * 7) % 11 + 1 for k in range(120)]
    paras = _paras(counts)
    owner = {id(line): (i, k) for i, p in enumerate(paras) for k, line in enumerate(p.lines)}
    pages: list[Page] = []

    def make(landscape: bool) -> Page:
        pages.append(Page(layout.page_width, layout.page_height, "body", number=len(pages) + 1))
        return pages[-1]

    Paginator(layout, make).run(list(paras))
    assert len(pages) > 5
    for page in pages[:-1]:
        first, last = owner[id(page.lines[0].line)], owner[id(page.lines[-1].line)]
        lines_of_first = sum(1 for pl in page.lines if owner[id(pl.line)][0] == first[0])
        lines_of_last = sum(1 for pl in page.lines if owner[id(pl.line)][0] == last[0])
        n_first, n_last = counts[first[0]], counts[last[0]]
        assert not (first[1] > 0 and lines_of_first == 1), "a widow at the top"
        assert not (last[1] < n_last - 1 and lines_of_last == 1), "an orphan at the bottom"
        assert n_first >= 1
    placed = [owner[id(pl.line)] for p in pages for pl in p.lines]
    assert placed == sorted(placed) and len(placed) == sum(counts)


def test_keep_with_next_and_new_page(layout):
    pages: list[Page] = []

    def make(landscape: bool) -> Page:
        pages.append(Page(layout.page_width, layout.page_height, "body", number=len(pages) + 1))
        return pages[-1]

    per_page = int(layout.area_height // 16.0)
    filler = _paras([per_page - 1])[0]
    heading = _paras([1])[0]
    heading.keep_with_next = True
    after = _paras([5])[0]
    Paginator(layout, make).run([filler, heading, after, NewPage(), _paras([2])[0]])
    assert len(pages) == 3
    assert heading.lines[0] in [pl.line for pl in pages[1].lines]  # moved with what follows
    assert len(pages[2].lines) == 2


# -- documents -----------------------------------------------------------------------------


def notice(title: str, n_paras: int = 3, **kw) -> Document:
    return Document(title=title, doc_number="测府发〔2025〕1号", addressees="各区人民政府，市直各部门：",
                    signing_date=date(2025, 3, 21), public_note="（此件公开发布）",
                    body=[Paragraph(TEXT * 3) for _ in range(n_paras)], **kw)


def test_documents_start_on_new_pages_and_pages_are_reported(fonts, layout):
    docs = [notice("测试市人民政府关于甲事项的通知"), notice("测试市人民政府关于乙事项的通知"),
            notice("测试市人民政府办公室关于丙事项的通知")]
    book = typeset_issue(pub(), issue(*docs, sections=["市政府文件", "市政府文件", "市政府办公室文件"]),
                         layout, fonts)
    starts = [book.document_pages[d.uid] for d in docs]
    assert starts == [1, 2, 3]
    for d in docs:
        page = book.pages[book.document_index[d.uid]]
        assert page.number == book.document_pages[d.uid]
        assert d.title in text_of(page, "title")
    heads = [text_of(p, "head") for p in body_pages(book)]
    assert heads == ["市政府文件", "市政府文件", "市政府办公室文件"]


def test_folios_outer_side_blank_pages_unnumbered_and_padding(fonts, layout):
    docs = [notice(f"测试市人民政府关于第{k}事项的通知", n_paras=30) for k in range(2)]
    book = typeset_issue(pub(), issue(*docs), layout, fonts, pad_to=4)
    assert len(book.pages) % 4 == 0
    for page in book.pages:
        folio = [pl for pl in page.lines if pl.kind == "folio"]
        if page.kind == "blank":
            assert page.number is None and not folio
            continue
        if page.kind != "body":
            continue
        assert len(folio) == 1 and folio[0].line.text.replace(" ", "") == f"—{page.number}—"
        centre = folio[0].x + (folio[0].line.glyphs[0].x + folio[0].right - folio[0].x) / 2
        assert (centre > page.width / 2) == (page.number % 2 == 1)
    first_body = body_pages(book)[0]
    assert first_body.index % 2 == 0  # the first body page is a right-hand page


def test_title_block_run_in_heading_and_signing_date(fonts, layout):
    doc = notice("测试市人民政府关于印发测试方案的通知")
    doc.body = [Heading(1, "一、总体要求"), Heading(2, "（一）强化约束。", run_in=True, body=TEXT * 2),
                Paragraph(TEXT)]
    book = typeset_issue(pub(), issue(doc), layout, fonts)
    page = body_pages(book)[0]
    runin = next(pl for pl in page.lines if pl.line.text.startswith("（一）"))
    faces = {g.face for g in runin.line.glyphs}
    assert len(faces) >= 2  # heading face and body face on one line
    date_line = next(pl for pl in page.lines if pl.kind == "date")
    assert date_line.line.text.replace(" ", "") == "2025年3月21日"
    em = layout.style("signing_date").size + layout.style("signing_date").tracking
    right_edge = date_line.x + date_line.line.x0 + date_line.line.measure
    assert abs((page_right(layout, page) - date_line.right) - 4 * em) < 0.6
    assert date_line.right <= right_edge + 0.01


def page_right(layout, page: Page) -> float:
    return layout.left_margin(0 if page.number % 2 else 1) + layout.measure


def test_enclosed_text_follows_and_labelled_attachment_starts_a_page(fonts, layout):
    doc = notice("测试市人民政府关于印发测试方案的通知", n_paras=1)
    doc.attachments = [Attachment("", "测试方案", [Paragraph(TEXT)]),
                       Attachment("附件1", "测试分解表", [Paragraph(TEXT)])]
    book = typeset_issue(pub(), issue(doc), layout, fonts)
    pages = body_pages(book)
    assert len(pages) == 2
    assert "测试方案" in text_of(pages[0], "title")
    label = next(pl for pl in pages[1].lines if pl.kind == "label")
    assert label.line.text == "附件1"
    assert abs(label.x + label.line.glyphs[0].x - layout.left_margin(1)) < 0.5  # flush left
    titles = [pl for pl in pages[1].lines if pl.kind == "title"]
    assert titles and titles[0].y < label.y


def test_name_list_pads_two_character_names(fonts, layout):
    doc = notice("测试市人民政府关于任免张三等同志职务的通知", n_paras=0)
    doc.body = [NameList([NameEntry("刘荣", "任市水务局副局长（试用期一年）；"),
                          NameEntry("樊云海", "任市统计调查中心主任，免去市统计局副局长职务；")])]
    book = typeset_issue(pub(), issue(doc), layout, fonts)
    lines = [pl for pl in body_pages(book)[0].lines if pl.kind == "namelist"]
    two = next(pl for pl in lines if pl.line.text.startswith("刘荣"))
    three = next(pl for pl in lines if pl.line.text.startswith("樊云海"))
    assert abs(two.line.glyphs[0].x - three.line.glyphs[0].x) < 0.01
    assert abs(two.line.glyphs[1].x - three.line.glyphs[2].x) < 0.01  # 荣 under 海
    assert abs(two.line.glyphs[2].x - three.line.glyphs[3].x) < 0.01  # duties aligned


def test_chronicle_entry_keeps_its_mark(fonts, layout):
    doc = Document(title="政府大事记", body=[ChronicleEntry("3月18日", "，市委召开会议。" + TEXT)])
    book = typeset_issue(pub(), issue(doc, sections=["政府大事记"]), layout, fonts)
    assert any(pl.line.text.startswith("●") for pl in body_pages(book)[0].lines)


# -- tables --------------------------------------------------------------------------------


def long_table(rows: int, cols: int = 3) -> Table:
    head = [TableCell("序号"), TableCell("单位"), TableCell("任务")][:cols]
    body = [[TableCell(str(r + 1)), TableCell("市发改委"), TableCell(TEXT)][:cols] for r in range(rows)]
    return Table(rows=[head] + body, header_rows=1)


def test_table_header_repeats_and_rows_stay_whole(fonts, layout):
    doc = notice("测试市人民政府关于印发任务分工的通知", n_paras=1)
    doc.attachments = [Attachment("附件", "任务分工", [long_table(80)])]
    book = typeset_issue(pub(), issue(doc), layout, fonts)
    table_pages = [p for p in body_pages(book) if any(pl.kind == "table" for pl in p.lines)]
    assert len(table_pages) >= 3
    seen = []
    for page in table_pages:
        heads = [pl for pl in page.lines if pl.kind == "table-head"]
        assert {pl.line.text for pl in heads} == {"序号", "单位", "任务"}
        numbers = [pl.line.text for pl in page.lines if pl.kind == "table" and pl.line.text.isdigit()]
        seen += numbers
        bottom = min(r.y1 for r in page.rules)
        assert bottom >= layout.margin_bottom - 0.01  # never below the type area
    assert seen == [str(k) for k in range(1, 81)]  # every row once: none split, none lost


def test_spanning_cell_drawn_once_over_its_rows(fonts, layout):
    t = Table(rows=[[TableCell("单位"), TableCell("任务")],
                    [TableCell("市发改委", rowspan=3), TableCell("甲")], [TableCell("乙")], [TableCell("丙")]],
              header_rows=1)
    doc = notice("测试市人民政府关于任务的通知", n_paras=0)
    doc.body = [t]
    book = typeset_issue(pub(), issue(doc), layout, fonts)
    page = body_pages(book)[0]
    cell = [pl for pl in page.lines if pl.kind == "table" and pl.line.text == "市发改委"]
    rows = sorted(pl.y for pl in page.lines if pl.kind == "table" and pl.line.text in "甲乙丙")
    assert len(cell) == 1 and rows[0] < cell[0].y < rows[-1]  # vertically centred on its rows


def test_too_wide_table_gets_the_layouts_answer(layout, tmp_path):
    wide = Table(rows=[[TableCell(f"第{k}列数据") for k in range(24)]], header_rows=0)
    size, land = fit_table(wide, layout, layout.measure, layout.area_height)
    conf = layout.section("table")
    assert size < conf["size"] or land
    assert column_widths(wide, layout.area_height if land else layout.measure, size, layout).fits or \
        size == conf["min_size"]
    base = (layout.source.parent / "gazette.toml").read_text("utf-8")
    (tmp_path / "gazette.toml").write_text(base, "utf-8")
    (tmp_path / "land.toml").write_text('inherits = "gazette"\n[table]\ntoo_wide = "landscape"\n', "utf-8")
    land_layout = load_layout(tmp_path / "land.toml")
    medium = Table(rows=[[TableCell(f"第{k}列") for k in range(20)]], header_rows=0)
    s2, l2 = fit_table(medium, land_layout, land_layout.measure, land_layout.area_height)
    assert l2 and s2 == land_layout.section("table")["size"]
    s3, l3 = fit_table(medium, layout, layout.measure, layout.area_height)
    assert not l3 and s3 < layout.section("table")["size"]  # shrink first


def test_landscape_table_page(fonts, layout, tmp_path):
    base = (layout.source.parent / "gazette.toml").read_text("utf-8")
    (tmp_path / "gazette.toml").write_text(base, "utf-8")
    (tmp_path / "land.toml").write_text('inherits = "gazette"\n[table]\ntoo_wide = "landscape"\n', "utf-8")
    land_layout = load_layout(tmp_path / "land.toml")
    doc = notice("测试市人民政府关于宽表的通知", n_paras=1)
    doc.attachments = [Attachment("附件", "宽表", [Table(rows=[[TableCell(f"第{k}列") for k in range(20)]])])]
    book = typeset_issue(pub(), issue(doc), land_layout, fonts)
    land = [p for p in body_pages(book) if p.landscape]
    assert len(land) == 1 and land[0].width > land[0].height
    assert any(pl.kind == "label" for pl in land[0].lines)  # label and title share its page
    for pl in land[0].lines:
        assert 0 <= pl.x and pl.right <= land[0].width


# -- contents --------------------------------------------------------------------------------


def test_contents_wraps_long_titles_with_a_hanging_indent(fonts, layout):
    long_title = "测试市人民政府办公室关于印发测试市优化营商环境若干措施和配套实施细则以及相关工作方案的通知"
    docs = [notice("测试市人民政府关于甲事项的通知"), notice(long_title)]
    book = typeset_issue(pub(), issue(*docs), layout, fonts)
    contents = [p for p in book.pages if p.kind == "contents"][0]
    entry = [pl for pl in contents.lines if pl.kind == "contents"]
    wrapped = [pl for pl in entry if pl.line.text and pl.line.text[0] in long_title[1:]]
    assert wrapped, "the long title wraps"
    first = next(pl for pl in entry if pl.line.text.startswith("测试市人民政府办公室"))
    assert wrapped[-1].line.glyphs[0].x > first.line.glyphs[0].x + 1.5 * layout.style("contents_entry").size
    numbers = [pl.line.text for pl in contents.lines if pl.kind == "contents-number"]
    assert numbers == ["1", "1", "2"]  # column heading, then each document
    assert {ln.target for ln in contents.links} >= {f"doc-{d.uid}" for d in docs}


def test_row_taller_than_a_page_is_split_between_lines(fonts, layout):
    t = Table(rows=[[TableCell("单位"), TableCell("任务")], [TableCell("市发改委"), TableCell(TEXT * 60)]],
              header_rows=1)
    doc = notice("测试市人民政府关于长表格的通知", n_paras=0)
    doc.body = [t]
    book = typeset_issue(pub(), issue(doc), layout, fonts)
    pages = [p for p in body_pages(book) if any(pl.kind == "table" for pl in p.lines)]
    assert len(pages) >= 2
    text = "".join(pl.line.text for p in pages for pl in p.lines if pl.kind == "table")
    assert text.replace("市发改委", "") == TEXT * 60
    for p in pages:
        assert min(pl.y for pl in p.lines if pl.kind == "table") > layout.margin_bottom
        assert any(pl.kind == "table-head" for pl in p.lines)


def test_signing_date_never_alone_at_the_top_of_a_page(fonts, layout):
    per_page = int(layout.area_height // layout.line_pitch)
    tested = 0
    for n in range(per_page - 16, per_page):
        doc = notice("测试市人民政府关于日期位置的通知", n_paras=0)
        # one-line paragraphs move the end of the body line by line down the first page
        doc.body = [Paragraph("短句。") for _ in range(n)] + [Paragraph(TEXT * 2)]
        book = typeset_issue(pub(), issue(doc), layout, fonts)
        pages = body_pages(book)
        if len(pages) < 2:
            continue
        tested += 1
        kinds = [pl.kind for pl in pages[1].lines if pl.kind not in ("head", "folio")]
        assert kinds[0] != "date", f"the date starts a page (n={n})"
        assert "date" in kinds or "date" in [pl.kind for pl in pages[0].lines]
    assert tested
