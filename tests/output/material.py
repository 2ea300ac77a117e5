"""Constructed gazette material for output tests: issues the sample does not contain.

Each ``*_issue()`` function returns ``(Publication, Issue)`` built from model objects only
(no store, no importer), so a test can typeset material other offices will send: every
block type, images of every colour mode and size, awkward tables, long titles, unbreakable
Latin text, characters no font has, empty bodies and sections, and very long issues.
Images are made with Pillow here, deterministically.
"""

from __future__ import annotations

import io
from datetime import date

from editor.model import (
    Attachment,
    ChronicleEntry,
    Document,
    Heading,
    Image,
    Issue,
    NameEntry,
    NameList,
    Note,
    Paragraph,
    Publication,
    Section,
    Table,
    TableCell,
)

# Plain running text (our own words, in the register of a municipal notice).
HAN = (
    "为进一步优化营商环境，提升政务服务效能，市人民政府决定在全市范围内开展政务服务标准化建设工作。"
    "各旗县区人民政府、市直各部门要高度重视，加强组织领导，明确责任分工，细化工作措施，"
    "确保各项任务按期完成。对工作中遇到的新情况、新问题，要及时研究解决；重大事项要及时向市人民政府报告。"
    "市政务服务管理局要会同有关部门加强督促检查，定期通报工作进展情况，推动形成上下联动、协同推进的工作格局。"
)
MIXED = (
    "2025年全市地区生产总值达到4,312.5亿元，同比增长6.8%，其中第三产业增加值占比45.2%；"
    "按照GB/T 9704-2012《党政机关公文格式》的要求，文件版心为156mm×225mm，"
    "正文一般用3号仿宋体字，每面排22行、每行排28个字。"
)
PUNCT_RUNS = (
    "他说：“这件事……我们还要再研究研究。”随后又补充道——“下周一前报送。”"
    "（一）、（二）、（三）各项内容详见附表（附表1）、（附表2）。"
    "请于3月31日前完成。”“此项工作由市发展改革委（市粮食局）牵头。"
    "《包头市人民政府关于印发〈工作方案〉的通知》（包府发〔2025〕12号）已印发。"
    "“……”“——”以上情况，特此说明！？"
)
LONG_LATIN = (
    "详见https://www.baotou.gov.cn/zwgk/zfxxgk/fdzdgknr/zfwj/202503/t20250321_abcdefghijklmnopqrstuvwxyz0123456789.html"
    "和ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij"
    "以及12345678901234567890123456789012345678901234567890123456789012345678901234567890号文件。"
)
# a character no installed font has: an emoji and a CJK Extension B ideograph
MISSING_CHARS = "\U0001F600\U00020001"


def publication() -> Publication:
    """A publication with every imprint field filled."""
    return Publication(
        title="测试市人民政府公报", sponsor="测试市人民政府办公室", address="测试市示范路1号",
        postcode="014000", serial_numbers="CN 15-0000/D", price="免费", telephone="0472-0000000",
    )


def issue(sections: list[Section], images: dict[str, bytes] | None = None) -> Issue:
    """An issue of 2025 with the given sections."""
    return Issue(2025, 4, 155, date(2025, 5, 6), sections=sections, images=dict(images or {}))


def body_paragraphs(n: int, text: str = HAN) -> list[Paragraph]:
    """``n`` ordinary body paragraphs, each a little different."""
    return [Paragraph(f"（第{k + 1}段）" + text[k % 7:] + text[: k % 7]) for k in range(n)]


def png(size: tuple[int, int], mode: str = "RGB") -> bytes:
    """A PNG with a simple deterministic pattern."""
    from PIL import Image as PILImage
    from PIL import ImageDraw

    im = PILImage.new(mode, size, "white" if mode != "L" else 255)
    d = ImageDraw.Draw(im)
    w, h = size
    for k in range(0, max(w, h), max(w, h) // 8 or 1):
        d.line([(k, 0), (0, k)], fill="black" if mode != "L" else 0, width=max(1, w // 100))
    d.rectangle([0, 0, w - 1, h - 1], outline="black" if mode != "L" else 0)
    buf = io.BytesIO()
    im.save(buf, "PNG")
    return buf.getvalue()


def jpeg(size: tuple[int, int], mode: str = "RGB") -> bytes:
    """A JPEG (RGB, L or CMYK) with a deterministic pattern."""
    from PIL import Image as PILImage
    from PIL import ImageDraw

    base = PILImage.new("RGB", size, (240, 230, 210))
    d = ImageDraw.Draw(base)
    w, h = size
    d.ellipse([w // 8, h // 8, w - w // 8, h - h // 8], outline=(200, 20, 20), width=max(1, w // 60))
    im = base.convert(mode)
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=80)
    return buf.getvalue()


def every_block_issue() -> tuple[Publication, Issue]:
    """Every block type, headings of four levels (standalone and run-in), awkward text."""
    body = [
        Heading(1, "一、总体要求"),
        *body_paragraphs(3),
        Heading(2, "（一）工作目标"),
        Paragraph(MIXED),
        Heading(3, "1.基本原则"),
        Paragraph(PUNCT_RUNS),
        Heading(4, "（1）具体措施"),
        Heading(2, "（二）加强组织领导。", run_in=True, body=HAN),
        Heading(3, "1.明确责任分工。", run_in=True, body=MIXED),
        Heading(4, "（1）强化督促检查。", run_in=True, body=HAN[:60]),
        Paragraph("好"),
        Paragraph("。"),
        Paragraph(LONG_LATIN),
        Paragraph("左对齐的一行文字", align="left"),
        Paragraph("居中的一行文字", align="center"),
        Paragraph("右对齐的一行文字", align="right", indent=False),
        Note("备注：本表数据截至2025年3月31日，" + HAN[:80]),
        Paragraph("附件：1.测试市政务服务事项清单（2025年版）与相关说明材料汇编\n2.测试市政务服务标准化建设任务分工表",
                  role="attachment-note"),
        Paragraph("附件：1.测试市政务服务标准化建设重点任务清单及责任分工和完成时限一览表（2025年修订版）",
                  role="attachment-note"),
        Paragraph("2.测试市政务服务事项目录", role="attachment-note"),
        Paragraph("测试市人民政府办公室", role="closing"),
    ]
    names = NameList([
        NameEntry("王伟", "任测试市发展和改革委员会主任；"),
        NameEntry("李建国", "任测试市财政局局长，免去其测试市审计局局长职务；" + HAN[:40]),
        NameEntry("欧阳明远", "任测试市人民政府副秘书长（试用期一年）；"),
        NameEntry("司马光", "免去测试市交通运输局副局长职务。"),
    ])
    chronicle = [
        ChronicleEntry("3月1日", "，市人民政府召开常务会议，研究部署" + HAN[:50]),
        Paragraph("会议强调，" + HAN[20:90]),
        ChronicleEntry("3月12日", "，市长主持召开专题会议。"),
        ChronicleEntry("3月31日", "，" + MIXED[:40], mark=""),
    ]
    small_table = Table(
        rows=[[TableCell("序号"), TableCell("事项名称"), TableCell("责任单位")],
              [TableCell("1"), TableCell("优化营商环境"), TableCell("市发展改革委")],
              [TableCell("2"), TableCell(""), TableCell("")]],
        header_rows=1, caption="重点任务分工表",
    )
    long_title = ("测试市人民政府关于印发" + "测试市推进政务服务标准化规范化便利化建设"
                  "进一步优化营商环境激发市场主体活力促进经济社会高质量发展" * 2
                  + "若干措施的实施方案的通知")
    long_title = long_title[:117] + "的通知"
    assert len(long_title) == 120
    docs = [
        Document(
            title=long_title, issuers=["测试市人民政府"], doc_number="测府发〔2025〕1号",
            addressees="各旗县区人民政府，稀土高新区管委会，市直各委、办、局，各大企事业单位：",
            subtitle="（2025年3月21日测试市人民政府第5次常务会议审议通过）",
            signing_date=date(2025, 3, 21), public_note="（此件公开发布）",
            body=[Paragraph("现将《方案》印发给你们，请认真贯彻执行。")],
            attachments=[
                Attachment("", "测试市政务服务标准化建设实施方案", body=body + [small_table]),
                Attachment("附件1", "测试市政务服务事项清单", body=body_paragraphs(2)),
                Attachment("附件2", "任免名单", body=[names]),
                Attachment("附件3", "大事记", body=chronicle),
            ],
        ),
        Document(title="测试市人民政府关于某某的通知", issuers=["测试市人民政府"], body=[],
                 signing_date=date(2025, 4, 1)),
        Document(title="无正文的文件", body=[]),
    ]
    sections = [Section("市政府文件", docs), Section("空栏目", []),
                Section("政府大事记", [Document(title="2025年3月政府大事记", kind="大事记", body=chronicle)])]
    return publication(), issue(sections)


IMAGE_REFS = {
    "rgb": lambda: png((1200, 800), "RGB"),
    "grey": lambda: png((900, 600), "L"),
    "cmyk": lambda: jpeg((1000, 700), "CMYK"),
    "lowres": lambda: jpeg((120, 90), "RGB"),
    "wide": lambda: png((6000, 500), "L"),
    "tall": lambda: jpeg((600, 6000), "L"),
}


def image_issue() -> tuple[Publication, Issue]:
    """Images of every colour mode and awkward sizes, between paragraphs."""
    images = {ref: make() for ref, make in IMAGE_REFS.items()}
    body: list = []
    for ref in IMAGE_REFS:
        width = 200.0 if ref == "wide" else (60.0 if ref == "lowres" else 0.0)
        body += [Paragraph(f"下图为{ref}图像。" + HAN[:40]), Image(ref, caption=f"图：{ref}图像示例", width_mm=width)]
    body.append(Paragraph("图像之后的段落。" + HAN))
    doc = Document(title="测试市人民政府关于图像的通知", issuers=["测试市人民政府"], body=body)
    return publication(), issue([Section("市政府文件", [doc])], images)


def tall_row_table() -> Table:
    """A table with a row taller than a page."""
    return Table(rows=[[TableCell("项目"), TableCell("内容")],
                       [TableCell("一"), TableCell(HAN * 16)],
                       [TableCell("二"), TableCell("短")]],
                 header_rows=1, widths=[1, 6], caption="超高行表")


def wide_table(cols: int = 16) -> Table:
    """A table of ``cols`` columns of long numbers: too wide for the measure."""
    head = [TableCell(f"指标{k + 1}") for k in range(cols)]
    rows = [head] + [[TableCell(f"{(r + 1) * 1234567.891 + k:,.2f}") for k in range(cols)] for r in range(6)]
    return Table(rows=rows, header_rows=1, caption="宽表")


def long_table(rows: int = 150) -> Table:
    """A two-header-row table running over three or more pages."""
    head1 = [TableCell("序号", rowspan=2), TableCell("单位", rowspan=2), TableCell("完成情况", colspan=2)]
    head2 = [TableCell("计划"), TableCell("实际")]
    body = [[TableCell(str(r + 1)), TableCell(f"测试市第{r + 1}单位"), TableCell(f"{r * 3}"),
             TableCell(f"{r * 3 + 1}")] for r in range(rows)]
    return Table(rows=[head1, head2] + body, header_rows=2, caption="长表")


def nested_span_table() -> Table:
    """Row and column spans nested inside one another, with empty cells."""
    rows = [
        [TableCell("地区", rowspan=3), TableCell("2024年", colspan=4), TableCell("备注", rowspan=3)],
        [TableCell("上半年", colspan=2), TableCell("下半年", colspan=2)],
        [TableCell("一季度"), TableCell("二季度"), TableCell("三季度"), TableCell("四季度")],
        [TableCell("东河区", rowspan=2), TableCell("12.5"), TableCell(""), TableCell("13.1", rowspan=2),
         TableCell("", rowspan=2), TableCell("")],
        [TableCell("11.0", colspan=2), TableCell("合并")],
        [TableCell(""), TableCell(""), TableCell(""), TableCell(""), TableCell(""), TableCell("")],
        [TableCell("合计", colspan=2), TableCell("23.5"), TableCell(""), TableCell("13.1"), TableCell("")],
    ]
    return Table(rows=rows, header_rows=3, caption="嵌套合并单元格表")


def table_issue() -> tuple[Publication, Issue]:
    """Awkward tables: a row taller than a page, too wide, long with repeated heads, spans."""
    body = [Paragraph("下列各表：" + HAN[:50]), tall_row_table(), Paragraph("宽表之前。"), wide_table(),
            Paragraph("长表之前。"), long_table(), nested_span_table(), Paragraph("表后段落。" + HAN[:60])]
    doc = Document(title="测试市人民政府关于表格的通知", issuers=["测试市人民政府"], body=body,
                   signing_date=date(2025, 3, 1))
    att = Attachment("附件", "宽表附件", body=[wide_table(12), Paragraph("附件说明。")])
    doc.attachments.append(att)
    return publication(), issue([Section("市政府文件", [doc])])


def missing_glyph_issue() -> tuple[Publication, Issue]:
    """Text with characters no installed font has (emoji, CJK Extension B)."""
    doc = Document(title="关于" + MISSING_CHARS[1] + "字的通知",
                   body=[Paragraph("笑脸" + MISSING_CHARS[0] + "与生僻字" + MISSING_CHARS[1] + "。" + HAN[:30]),
                         Table(rows=[[TableCell("字"), TableCell(MISSING_CHARS)]])])
    return publication(), issue([Section("市政府文件", [doc])])


def empty_issue() -> tuple[Publication, Issue]:
    """An issue with no documents (one empty section)."""
    return publication(), issue([Section("市政府文件", [])])


def long_issue(documents: int = 60) -> tuple[Publication, Issue]:
    """A long issue: many documents of several pages each."""
    docs = [Document(title=f"测试市人民政府关于第{k + 1}项工作的通知", issuers=["测试市人民政府"],
                     doc_number=f"测府发〔2025〕{k + 1}号", addressees="各旗县区人民政府：",
                     body=[Heading(1, "一、总体要求"), *body_paragraphs(12), Paragraph(MIXED),
                           Paragraph(PUNCT_RUNS)],
                     signing_date=date(2025, 3, 1 + k % 28))
            for k in range(documents)]
    return publication(), issue([Section("市政府文件", docs[: documents // 2]),
                                 Section("市政府办公室文件", docs[documents // 2:])])


def untitled_issue() -> tuple[Publication, Issue]:
    """Documents as the editor holds them while being written: untitled, empty, unnamed column."""
    sections = [
        Section("市政府文件", [Document(title="", body=[]),
                           Document(title="测试市人民政府关于某事项的通知", body=body_paragraphs(1))]),
        Section("", [Document(title="  ", body=[Paragraph("无标题文件的正文。" + HAN[:40])])]),
        Section("市政府办公室文件", [Document(title="")]),
    ]
    return publication(), issue(sections)


def edge_issue() -> tuple[Publication, Issue]:
    """Degenerate blocks: empty or header-only tables, header rows taller than a page, a row
    span taller than a page, odd name lists and chronicle entries, runs of marks, spaces."""
    body = [
        Table(rows=[[TableCell(""), TableCell("")], [TableCell(""), TableCell("")]], header_rows=1),
        Table(rows=[[TableCell("甲"), TableCell("乙")]], header_rows=1),
        Table(rows=[[TableCell("甲"), TableCell("乙")]], widths=[0, 0]),
        Table(rows=[[TableCell(HAN * 12), TableCell("表头")], [TableCell("1"), TableCell("2")],
                    [TableCell("3"), TableCell("4")]], header_rows=1),
        Table(rows=[[TableCell(HAN * 14, rowspan=3), TableCell("乙")], [TableCell("丙")],
                    [TableCell("丁")]]),
        NameList([NameEntry("", "无名"), NameEntry("王", ""), NameEntry("A B", "x")]),
        ChronicleEntry("", ""), ChronicleEntry("3月1日", ""),
        Heading(0, "零级标题"), Heading(9, "九级标题。", run_in=True, body=""),
        Paragraph("）" * 120 + "。" * 50), Paragraph("“" * 100), Paragraph("——" * 60),
        Paragraph("……" * 70), Paragraph("   "), Paragraph("\n\n"), Paragraph("a\u00a0" * 200),
    ]
    doc = Document(title="https://www.example.com/" + "abcdefghij" * 20, body=body)
    return publication(), issue([Section("市政府文件", [doc])])
