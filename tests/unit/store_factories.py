"""Small, complete test material for the store tests: an issue using every block kind,
an archive of it, a tiny image, and a dump of a store file to prove it unchanged."""

from __future__ import annotations

import io
import sqlite3
from datetime import date
from pathlib import Path

from PIL import Image as PILImage

from editor.content.archive import issue_to_xml
from editor.model import (
    Attachment,
    ChronicleEntry,
    Document,
    Heading,
    Image,
    Issue,
    IssueStatus,
    NameEntry,
    NameList,
    Note,
    Paragraph,
    Publication,
    Section,
    Table,
    TableCell,
)

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_XML = ROOT / "resources" / "sample" / "baotou-2025-03.xml"


def png_bytes(color: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    """A tiny PNG image."""
    buf = io.BytesIO()
    PILImage.new("RGB", (4, 3), color).save(buf, format="PNG")
    return buf.getvalue()


def make_publication() -> Publication:
    """A publication with every field filled in."""
    return Publication(
        title="包头市人民政府公报",
        title_mongolian="ᠪᠣᠭᠣᠲᠣ",
        sponsor="包头市人民政府办公室",
        address="包头市昆都仑区阿尔丁大街",
        postcode="014010",
        serial_numbers="CN 15-0000/D",
        price="5.00元",
        frequency="月刊",
        default_layout="gazette",
        telephone="0472-0000000",
    )


def water_table() -> Table:
    """A table with a two-level header and merged cells."""
    return Table(
        rows=[
            [TableCell("地区", rowspan=2), TableCell("用水总量（亿立方米）", colspan=2)],
            [TableCell("2024年"), TableCell("2025年")],
            [TableCell("昆都仑区", align="left"), TableCell("1.2"), TableCell("1.1")],
            [TableCell("青山区", align="left"), TableCell("0.9"), TableCell("0.8")],
        ],
        header_rows=2,
        widths=[2, 1, 1.5],
        caption="2025年节水目标",
    )


def make_document(title: str = "包头市人民政府关于加强节水工作的通知", uid: str | None = None, **kw) -> Document:
    """A notice with headings, a run-in heading, a table, a note and two attachments."""
    fields = dict(
        title=title,
        kind="通知",
        issuers=["包头市人民政府"],
        doc_number="包府发〔2025〕12号",
        addressees="各旗县区人民政府，市直各部门：",
        signing_date=date(2025, 3, 18),
        public_note="（此件公开发布）",
        body=[
            Paragraph("为做好节水工作，现通知如下："),
            Heading(1, "一、总体要求"),
            Heading(2, "（一）节约用水。", run_in=True, body="各地区要把节水放在优先位置。"),
            Paragraph("落实就业优先政策，稳定就业。"),
            water_table(),
            Note("备注：数据为预计数。"),
            Paragraph("包头市人民政府", align="right", indent=False, role="closing"),
        ],
        attachments=[
            Attachment("", "包头市节水行动方案", [Heading(1, "一、目标"), Paragraph("到2025年……")]),
            Attachment("附件1", "节水目标分解表", [water_table()]),
        ],
    )
    fields.update(kw)
    doc = Document(**fields)
    if uid:
        doc.uid = uid
    return doc


def make_issue(year: int = 2025, number: int = 3, image: bytes | None = None) -> Issue:
    """An issue of three documents in two sections, with every kind of body block."""
    img = image if image is not None else png_bytes()
    import hashlib

    ref = hashlib.sha1(img).hexdigest()
    appoint = Document(
        title="包头市人民政府关于张三等同志职务任免的通知",
        kind="任免",
        issuers=["包头市人民政府"],
        doc_number="包府任〔2025〕3号",
        signing_date=date(2025, 3, 20),
        body=[
            Paragraph("经研究，决定："),
            NameList([NameEntry("张三", "任包头市水务局局长；"), NameEntry("李四五", "免去其职务。")]),
            Image(ref=ref, caption="图1 示意图", width_mm=40),
        ],
    )
    chronicle = Document(
        title="2025年3月包头市政府大事记",
        kind="大事记",
        body=[
            ChronicleEntry("3月1日", "，市政府召开常务会议。"),
            Paragraph("会议研究了节水工作。"),
            ChronicleEntry("3月18日", "，市长调研就业工作。"),
        ],
    )
    return Issue(
        year=year,
        number=number,
        cumulative=154,
        pub_date=date(2025, 4, 6),
        status=IssueStatus.DRAFT,
        sections=[
            Section("政府文件", [make_document(), appoint]),
            Section("政务信息", [chronicle]),
        ],
        images={ref: img},
    )


def archive_of(issue: Issue | None = None, publication: Publication | None = None) -> bytes:
    """Archive bytes of ``issue`` (default: ``make_issue()``)."""
    return issue_to_xml(publication or make_publication(), issue or make_issue())


def dump(db_file: Path) -> list[str]:
    """Every row of an SQLite store as SQL text, to prove a store unchanged."""
    conn = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()
