"""The .docx reader: files made by LibreOffice (tests/fixtures/docx, sources in src/) and
small hand-built packages for the numbering formats Word writes."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from PIL import Image as PILImage

from editor.importers import parse_bytes, parse_file
from editor.importers.numbering import format_number
from editor.model import Heading, Image, NameList, Paragraph, Table, block_text

DOCX = Path(__file__).resolve().parent.parent / "fixtures" / "docx"


@pytest.fixture(scope="module")
def notice():
    return parse_file(DOCX / "notice.docx")


def test_notice_fields(notice):
    d = notice.document
    assert d.title == "包头市人民政府关于印发包头市示范节水方案的通知"
    assert d.issuers == ["包头市人民政府"]
    assert d.doc_number == "包府发〔2025〕31号"
    assert d.addressees == "各旗、县、区人民政府，稀土高新区管委会，市直有关部门："
    assert d.signing_date.isoformat() == "2025-03-21"
    assert d.public_note == "（此件公开发布）"
    assert [(a.label, a.title) for a in d.attachments] == [("", "包头市示范节水方案")]


def test_automatic_numbering_becomes_text(notice):
    plan = notice.document.attachments[0].body
    heads = [(b.level, b.text) for b in plan if isinstance(b, Heading)]
    assert heads == [
        (1, "一、主要目标"),
        (1, "二、重点任务"),  # the list continues after a plain paragraph
        (2, "（一）强化刚性约束。"),
        (2, "（二）加强计划用水。"),
        (3, "1.建立台账。"),
        (4, "（1）按月报送。"),
        (1, "三、保障措施"),
    ]


def test_merged_cells_become_spans(notice):
    tables = [b for b in notice.document.attachments[0].body if isinstance(b, Table)]
    assert len(tables) == 1
    t = tables[0]
    assert t.header_rows == 2
    first = [(c.text, c.rowspan, c.colspan) for c in t.rows[0]]
    assert first == [("地区", 2, 1), ("指标", 1, 2), ("备注", 2, 1)]
    assert [c.text for c in t.rows[1]] == ["用水量", "下降率"]
    assert [(c.text, c.rowspan) for c in t.rows[2]][-1] == ("合并备注", 2)
    assert [c.text for c in t.rows[3]] == ["青山区", "0.83", "25"]
    assert len(t.grid()) == 4 and all(len(r) == 4 for r in t.grid())


def test_image_with_size_and_bytes(notice):
    images = [b for b in notice.document.attachments[0].body if isinstance(b, Image)]
    assert len(images) == 1
    img = images[0]
    assert img.width_mm == pytest.approx(40.0, abs=0.5)
    data = notice.images[img.ref]
    with PILImage.open(io.BytesIO(data)) as im:
        assert im.size == (120, 60)


def test_tracked_changes_accepted_and_extras_left_out(notice):
    d = notice.document
    text = "\n".join(block_text(b) for b in d.body + [x for a in d.attachments for x in a.body])
    assert "请认真组织实施" in text  # the insertion is kept
    assert "删除的旧文字" not in text  # the deletion is dropped
    assert "批注" not in text and "书眉" not in text and "页脚" not in text


def test_personnel_docx_with_tabs_and_messy_fields():
    r = parse_file(DOCX / "personnel.docx")
    d = r.document
    assert d.kind == "任免"
    assert d.title == "包头市人民政府关于任免刘荣等同志职务的通知"
    assert d.doc_number == "包府发〔2025〕13号"
    assert d.public_note == "（此件公开发布）"
    assert d.signing_date.isoformat() == "2025-03-11"
    lists = [b for b in d.body if isinstance(b, NameList)]
    assert [(e.name, e.duty) for e in lists[0].entries] == [
        ("刘荣", "任市水务局副局长（试用期一年）；"),
        ("樊云海", "任市统计局副局长，免去市统计调查中心主任职务；"),
        ("王子超", "免去市中心医院副院长职务。"),
    ]
    codes = {f.code for f in r.findings}
    assert {"date-leading-zero", "doc-number-brackets", "half-width-punctuation"} <= codes


def test_docx_recognised_by_content_not_extension(tmp_path):
    target = tmp_path / "renamed.txt"
    target.write_bytes((DOCX / "notice.docx").read_bytes())
    assert parse_file(target).document.doc_number == "包府发〔2025〕31号"


# --- hand-built packages: numbering formats Word itself writes ---------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def build_docx(body: str, numbering: str = "", styles: str = "") -> bytes:
    """A minimal .docx package around ``body`` (the children of w:body)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>')
        if numbering:
            z.writestr("word/numbering.xml", f'<?xml version="1.0"?><w:numbering xmlns:w="{W_NS}">{numbering}</w:numbering>')
        if styles:
            z.writestr("word/styles.xml", f'<?xml version="1.0"?><w:styles xmlns:w="{W_NS}">{styles}</w:styles>')
    return buf.getvalue()


def para(text: str, num: tuple[int, int] | None = None, style: str = "") -> str:
    ppr = ""
    if num or style:
        inner = f'<w:pStyle w:val="{style}"/>' if style else ""
        if num:
            inner += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        ppr = f"<w:pPr>{inner}</w:pPr>"
    return f"<w:p>{ppr}<w:r><w:t>{text}</w:t></w:r></w:p>"


WORD_LIST = """
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:suff w:val="space"/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
"""


def test_word_numbering_formats():
    body = "".join([
        para("包头市人民政府关于示范的通知"),
        para("总体要求", (1, 0)),
        para("工作任务", (1, 0)),
        para("强化约束。严格管理。", (1, 1)),
        para("完善机制。健全制度。", (1, 1)),
        para("建立台账。逐户登记。", (1, 2)),
        para("按月报送。每月5日前报送。", (1, 3)),
        para("保障措施", (1, 0)),
        para("另起编号", (2, 0)),
        para("via style"),
    ])
    r = parse_bytes(build_docx(body, WORD_LIST))
    heads = [(b.level, b.text) for b in r.document.body if isinstance(b, Heading)]
    assert heads == [
        (1, "一、总体要求"), (1, "二、工作任务"), (2, "（一）强化约束。"), (2, "（二）完善机制。"),
        (3, "1. 建立台账。"), (4, "（1）按月报送。"), (1, "三、保障措施"), (1, "五、另起编号"),
    ]


def test_numbering_from_paragraph_style():
    styles = ('<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="H1b"><w:basedOn w:val="H1"/></w:style>')
    body = para("包头市人民政府关于示范的通知") + para("甲项", style="H1") + para("乙项", style="H1b")
    r = parse_bytes(build_docx(body, WORD_LIST, styles))
    assert [b.text for b in r.document.body if isinstance(b, Heading)] == ["一、甲项", "二、乙项"]


def test_vmerge_and_gridspan_by_hand():
    def tc(text, span=1, vmerge=None):
        pr = ""
        if span > 1:
            pr += f'<w:gridSpan w:val="{span}"/>'
        if vmerge:
            pr += '<w:vMerge w:val="restart"/>' if vmerge == "restart" else "<w:vMerge/>"
        return f"<w:tc><w:tcPr>{pr}</w:tcPr>{para(text)}</w:tc>"

    tbl = ("<w:tbl><w:tblGrid><w:gridCol w:w='1000'/><w:gridCol w:w='2000'/><w:gridCol w:w='2000'/></w:tblGrid>"
           f"<w:tr>{tc('A', vmerge='restart')}{tc('B', span=2)}</w:tr>"
           f"<w:tr>{tc('', vmerge='continue')}{tc('C')}{tc('D')}</w:tr>"
           f"<w:tr>{tc('E')}{tc('F')}</w:tr></w:tbl>")  # a short row is padded
    r = parse_bytes(build_docx(para("标题的通知") + tbl))
    t = next(b for b in r.document.body if isinstance(b, Table))
    assert [(c.text, c.rowspan, c.colspan) for c in t.rows[0]] == [("A", 2, 1), ("B", 1, 2)]
    assert [c.text for c in t.rows[1]] == ["C", "D"]
    assert [c.text for c in t.rows[2]] == ["E", "F", ""]
    assert t.widths == [1000.0, 2000.0, 2000.0]
    t.grid()


def test_tracked_changes_by_hand():
    body = ('<w:p><w:r><w:t>保留</w:t></w:r><w:ins><w:r><w:t>新增</w:t></w:r></w:ins>'
            '<w:del><w:r><w:delText>删除</w:delText></w:r></w:del>'
            '<w:moveFrom><w:r><w:t>移走</w:t></w:r></w:moveFrom><w:moveTo><w:r><w:t>移入</w:t></w:r></w:moveTo>'
            '<w:r><w:commentReference w:id="1"/></w:r></w:p>')
    r = parse_bytes(build_docx(body))
    texts = [b.text for b in r.document.body if isinstance(b, Paragraph)] + [r.document.title]
    assert "保留新增移入" in texts


def test_number_formats():
    assert [format_number(n, "chineseCounting") for n in (1, 10, 11, 105)] == ["一", "十", "十一", "一百零五"]
    assert format_number(3, "chineseLegalSimplified") == "叁"
    assert format_number(2, "ideographTraditional") == "乙"
    assert format_number(3, "decimalEnclosedCircle") == "③"
    assert format_number(4, "upperRoman") == "IV"
    assert format_number(28, "lowerLetter") == "bb"
    assert format_number(7, "decimalZero") == "07"


def test_heading_styles_and_alignment():
    styles = ('<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="My"><w:name w:val="我的标题"/><w:basedOn w:val="Heading2"/></w:style>')
    body = (para("包头市人民政府关于示范的通知") + para("各区人民政府：") + para("总体安排", style="Heading2")
            + para("分项安排", style="My") + '<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>图1 示意图</w:t></w:r></w:p>'
            + '<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:r><w:t>大纲一级</w:t></w:r></w:p>' + para("正文。"))
    r = parse_bytes(build_docx(body, styles=styles))
    blocks = r.document.body
    assert [(b.level, b.text) for b in blocks if isinstance(b, Heading)] == [(2, "总体安排"), (2, "分项安排"), (1, "大纲一级")]
    caption = next(b for b in blocks if isinstance(b, Paragraph) and b.text == "图1 示意图")
    assert caption.align == "center" and not caption.indent


def test_letterhead_table_and_emblem_above_the_title():
    cell = lambda text: f"<w:tc>{para(text)}</w:tc>"  # noqa: E731
    letterhead = f"<w:tbl><w:tr>{cell('包府发〔2025〕7号')}{cell('签发人：孟庆维')}</w:tr></w:tbl>"
    body = para("包头市人民政府文件") + letterhead + para("包头市人民政府关于示范的请示") + para("自治区人民政府：") + para("恳请支持。")
    r = parse_bytes(build_docx(body))
    d = r.document
    assert (d.title, d.doc_number, d.addressees, d.kind) == ("包头市人民政府关于示范的请示", "包府发〔2025〕7号", "自治区人民政府：", "请示")
    assert "header-table-flattened" in {f.code for f in r.findings}


def test_pdf_lines_pasted_into_word_are_joined():
    lines = ["包头市人民政府关于示范的通知", "各区人民政府：", "为深入贯彻落实有关工作部署，进一步提升城市",
             "管理水平，现就有关事项通知如下。", "一、总体要求", "坚持以人民为中心的发展思想，统筹推进城市规划",
             "建设和管理工作，不断提升城市品质和居民生活", "质量，让人民群众有更多获得感。",
             "二、重点任务", "加强城市基础设施建设，推进老旧小区改造和城市", "更新行动，完善公共服务设施配套。"]
    r = parse_bytes(build_docx("".join(para(x) for x in lines)))
    paragraphs = [b.text for b in r.document.body if isinstance(b, Paragraph)]
    assert paragraphs[0] == "为深入贯彻落实有关工作部署，进一步提升城市管理水平，现就有关事项通知如下。"
    assert len(paragraphs) == 3
    assert "docx-lines-joined" in {f.code for f in r.findings}


def test_web_page_converted_to_docx():
    """An HTML page converted by LibreOffice: heading styles, an HTML list, rowspan and
    colspan, a JPEG with its caption."""
    r = parse_file(DOCX / "webpage.docx")
    d = r.document
    assert d.title == "包头市人民政府办公室关于印发包头市数字乡村建设方案的通知"
    assert d.doc_number == "包府办发〔2025〕41号"
    assert [(a.label, a.title) for a in d.attachments] == [("", "包头市数字乡村建设方案")]
    plan = d.attachments[0].body
    assert [(b.level, b.text) for b in plan if isinstance(b, Heading)] == [
        (1, "总体目标"), (1, "重点任务"), (3, "1. 完善乡村信息基础设施。"), (3, "2. 发展智慧农业。")]
    table = next(b for b in plan if isinstance(b, Table))
    assert [(c.text, c.rowspan, c.colspan) for c in table.rows[0]] == [("旗县区", 2, 1), ("建设任务", 1, 2)]
    image = next(b for b in plan if isinstance(b, Image))
    assert image.caption == "图1 数字乡村示意图"
    assert image.width_mm > 0
    with PILImage.open(io.BytesIO(r.images[image.ref])) as im:
        assert (im.format, im.size) == ("JPEG", (90, 90))


def test_colophon_table_left_out():
    cell = lambda text: f"<w:tc>{para(text)}</w:tc>"  # noqa: E731
    colophon = (f"<w:tbl><w:tr>{cell('抄送：市委各部门，市人大常委会办公室。')}</w:tr>"
                f"<w:tr>{cell('包头市人民政府办公室 2025年3月21日印发')}</w:tr></w:tbl>")
    body = para("包头市人民政府关于示范的通知") + para("各区人民政府：") + para("做好工作。") + para("2025年3月21日") + colophon
    r = parse_bytes(build_docx(body))
    assert not r.document.attachments
    assert "colophon-removed" in {f.code for f in r.findings}
