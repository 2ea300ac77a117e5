"""The pieces of the text structurer: dates, clean-up, line joining, blocks, the CLI."""

from __future__ import annotations

import json
from datetime import date

import pytest

from editor.cli import main
from editor.core.dates import parse_date_line
from editor.importers import parse_text, structure_blocks
from editor.importers.head import kind_of, split_title
from editor.importers.normalize import Report, clean_line, clean_text_lines, ends_sentence, fix_punctuation
from editor.model import ChronicleEntry, Heading, NameList, Note, Paragraph, Table


@pytest.mark.parametrize(
    ("line", "value", "notes"),
    [
        ("2025年3月21日", date(2025, 3, 21), []),
        ("2025 年 3 月 21 日", date(2025, 3, 21), []),
        ("2025年03月01日", date(2025, 3, 1), ["date-leading-zero"]),
        ("二〇二五年三月二十一日", date(2025, 3, 21), ["date-chinese-numerals"]),
        ("二○二五年十二月十日", date(2025, 12, 10), ["date-chinese-numerals"]),
        ("二OO三年十二月五日", date(2003, 12, 5), ["date-chinese-numerals", "date-letter-o"]),
        ("二零零八年一月三十一日", date(2008, 1, 31), ["date-chinese-numerals"]),
    ],
)
def test_dates(line, value, notes):
    parsed = parse_date_line(line)
    assert parsed is not None and parsed.value == value and parsed.notes == notes


@pytest.mark.parametrize("line", ["2025年2月30日", "2025年3月21日印发", "于2025年3月21日", "三月二十一日", "2025年13月1日"])
def test_not_dates(line):
    assert parse_date_line(line) is None


def test_half_width_punctuation_in_chinese_context_only():
    assert fix_punctuation("各区人民政府,市直部门:")[0] == "各区人民政府，市直部门："
    assert fix_punctuation("(三)完善体系;加强管理.")[0] == "（三）完善体系；加强管理。"
    assert fix_punctuation("率(%)")[0] == "率（%）"
    # numbers, times and Latin text stay as they are
    assert fix_punctuation("1,000 at 10:30 (GMT)")[0] == "1,000 at 10:30 (GMT)"
    assert fix_punctuation("增长9.82亿")[0] == "增长9.82亿"
    assert fix_punctuation('他说"好"')[0] == "他说“好”"


def test_clean_line_spaces_and_numbers():
    report = Report()
    assert clean_line("\u3000\u3000第一条\u3000为了规范", report) == "第一条 为了规范"
    assert clean_line("包府发［2025］012号", report) == "包府发〔2025〕12号"
    assert clean_line("内政发(2024)35号", report) == "内政发〔2024〕35号"
    assert clean_line("年内新增 1.3 万人", report) == "年内新增1.3万人"
    assert clean_line("\u200b正文\ufeff", report) == "正文"
    codes = set(report.counts)
    assert {"doc-number-brackets", "stray-space"} <= codes


def test_page_debris_removed():
    report = Report()
    lines = ["包头市人民政府关于示范的通知", "正文第一段，", "— 3 —", "市政府文件", "继续正文。", "-4-", "第5页 共9页",
             "市政府文件", "下一段。"]
    assert clean_text_lines(lines, report) == ["包头市人民政府关于示范的通知", "正文第一段，", "继续正文。", "下一段。"]
    assert report.counts["page-number-removed"] == 3
    assert report.counts["running-head-removed"] == 2


def test_repeated_title_after_page_break_removed():
    text = "包头市示范管理办法\n\n第一条 为了规范管理，制定本办法。\n\n包头市示范管理办法\n\n第二条 本办法自发布之日起施行。"
    doc = parse_text(text).document
    assert doc.title == "包头市示范管理办法"
    assert [b.text for b in doc.body if isinstance(b, Heading)] == ["第一条", "第二条"]


def test_ends_sentence():
    assert ends_sentence("落实。") and ends_sentence("（此件公开发布）") and ends_sentence("“好。”")
    assert ends_sentence("落实。（责任单位：市水务局）")
    assert not ends_sentence("包头市节水行动实施方案（试行") and not ends_sentence("依托高标")


def test_titles_kinds_and_issuers():
    assert kind_of("包头市人民政府关于同意设立街道的批复") == "批复"
    assert kind_of("包头市人民政府令") == "命令"
    assert kind_of("关于加快发展的实施意见") == "意见"
    assert kind_of("包头市人民政府关于任免刘荣等同志职务的通知") == "任免"
    assert kind_of("包头市人民政府办公室关于商请支持的复函") == "函"
    assert kind_of("包头市城市绿化管理办法（试行）") == "办法"
    assert kind_of("某某会议纪要") == "纪要"
    assert split_title(["中共包头市委 包头市人民政府", "关于加快建设教育高地的意见"]) == (
        ["中共包头市委", "包头市人民政府"], "关于加快建设教育高地的意见")
    assert split_title(["包头市人民政府通告"]) == (["包头市人民政府"], "通告")


def test_structure_blocks_for_paste():
    text = ("一、总体要求\n（一）强化约束。严格控制新增项\n目。\n1. 建立台账。逐户登记。\n（1）按月报送\n"
            "第三条　本办法自发布之日起施行。\n● 3月18日，市长主持召开会议。\n地区\t数量\n昆区\t3\n备注：单位为个。\n普通段落。")
    blocks = structure_blocks(text)
    kinds = [type(b).__name__ for b in blocks]
    assert kinds == ["Heading", "Heading", "Heading", "Heading", "Heading", "ChronicleEntry", "Table", "Note", "Paragraph"]
    h = blocks[1]
    assert (h.level, h.text, h.run_in, h.body) == (2, "（一）强化约束。", True, "严格控制新增项目。")
    assert (blocks[3].level, blocks[3].text, blocks[3].run_in) == (4, "（1）按月报送", False)
    assert (blocks[4].text, blocks[4].body, blocks[4].level) == ("第三条", "\u3000本办法自发布之日起施行。", 3)
    c = blocks[5]
    assert isinstance(c, ChronicleEntry) and (c.date, c.text) == ("3月18日", "，市长主持召开会议。")
    t = blocks[6]
    assert isinstance(t, Table) and [[x.text for x in r] for r in t.rows] == [["地区", "数量"], ["昆区", "3"]]
    assert isinstance(blocks[7], Note) and isinstance(blocks[8], Paragraph)


def test_long_numbered_item_is_a_paragraph_not_a_heading():
    blocks = structure_blocks("1. 涉及固定资产投资的中试项目实行备案制，项目单位通过在线平台提交备案信息表。其它材料取消。")
    assert isinstance(blocks[0], Paragraph)


def test_name_list_lines_broken_mid_entry():
    text = "张 强 任内蒙古西部新能源开发集团\n有限公司董事长\n（比照正县级管理）；\n王子超 免去市中心医院副院长职务。"
    blocks = structure_blocks(text)
    assert isinstance(blocks[0], NameList)
    assert [(e.name, e.duty) for e in blocks[0].entries] == [
        ("张强", "任内蒙古西部新能源开发集团有限公司董事长（比照正县级管理）；"),
        ("王子超", "免去市中心医院副院长职务。"),
    ]


def test_attachment_note_items_are_not_headings():
    text = ("包头市人民政府关于示范的通知\n各区人民政府：\n现将有关事项通知如下。\n附件：1.甲表\n2.乙表\n2025年3月1日\n"
            "附件1\n甲表\n内容一。\n附件2\n乙表\n内容二。")
    doc = parse_text(text).document
    notes = [b.text for b in doc.body if isinstance(b, Paragraph) and b.role == "attachment-note"]
    assert notes == ["附件：1.甲表", "2.乙表"]
    assert [(a.label, a.title) for a in doc.attachments] == [("附件1", "甲表"), ("附件2", "乙表")]


def test_empty_and_odd_input():
    assert parse_text("").document.body == []
    assert parse_text("\n\n\t\n").document.title == ""
    assert parse_text("只有一行正文，没有标题。").document.body


def test_cli_parse_json_keys(tmp_path, capsys):
    f = tmp_path / "doc.txt"
    f.write_text("包头市人民政府关于示范的通知\n包府发(2025)3号\n各区人民政府：\n一、总体要求\n做好工作。\n"
                 "2025年3月1日\n（此件公开发布）\n", encoding="utf-8")
    assert main(["parse", str(f), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"kind", "issuer", "title", "doc_number", "addressees", "date", "public_note", "blocks", "attachments",
            "findings"} <= set(data)
    assert data["date"] == "2025-03-01" and data["doc_number"] == "包府发〔2025〕3号"
    assert data["blocks"][0] == {"type": "heading", "level": 1, "text": "一、总体要求", "run_in": False}
    assert {"code", "severity", "message"} <= set(data["findings"][0])
    assert main(["parse", str(f)]) == 0
    out = capsys.readouterr().out
    assert "title:" in out and "包府发〔2025〕3号" in out and "doc-number-brackets" in out


def test_cli_parse_missing_file(tmp_path, capsys):
    assert main(["parse", str(tmp_path / "nope.txt")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_cli_import_stores_documents(tmp_path, db_path, capsys):
    from editor.services import GazetteService
    from editor.store import open_store

    assert main(["sample", "--db", str(db_path)]) == 0
    f = tmp_path / "doc.txt"
    f.write_text("包头市人民政府关于示范的通知\n各区人民政府：\n做好工作。\n2025年3月1日\n", encoding="utf-8")
    assert main(["import", str(f), "--issue", "2025-3", "--section", "政府大事记", "--db", str(db_path)]) == 0
    assert "imported" in capsys.readouterr().out
    with open_store(db_path) as store:
        issue = GazetteService(store).load_issue("2025-3")
    section = next(s for s in issue.sections if s.name == "政府大事记")
    assert section.documents[-1].title == "包头市人民政府关于示范的通知"
    assert section.documents[-1].signing_date == date(2025, 3, 1)
    assert main(["import", str(f), "--issue", "2025-3", "--section", "没有", "--db", str(db_path)]) == 1
    assert "has no section" in capsys.readouterr().err
    assert main(["import", str(f), "--issue", "2031-1", "--section", "政府大事记", "--db", str(db_path)]) == 1


def test_docx_image_stored_by_import(db_path, capsys):
    from pathlib import Path

    from editor.model import Image
    from editor.services import GazetteService
    from editor.store import open_store

    docx = Path(__file__).resolve().parent.parent / "fixtures" / "docx" / "notice.docx"
    assert main(["sample", "--db", str(db_path)]) == 0
    assert main(["import", str(docx), "--issue", "2025-3", "--section", "市政府文件", "--db", str(db_path)]) == 0
    with open_store(db_path) as store:
        issue = GazetteService(store).load_issue("2025-3")
    doc = issue.sections[0].documents[-1]
    refs = [b.ref for a in doc.attachments for b in a.body if isinstance(b, Image)]
    assert refs and all(ref in issue.images for ref in refs)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_text_file_encodings(tmp_path, encoding):
    from editor.importers import parse_file

    f = tmp_path / "doc.txt"
    f.write_text("包头市人民政府关于示范的通知\n各区人民政府：\n做好工作。\n2025年3月1日\n", encoding=encoding)
    doc = parse_file(f).document
    assert doc.title == "包头市人民政府关于示范的通知" and doc.signing_date == date(2025, 3, 1)


def test_date_under_the_title_is_a_subtitle():
    text = ("包头市人民政府第45次常务会议纪要\n2025年3月10日\n会议听取了有关工作情况汇报，研究部署了下一步工作。\n"
            "一、关于春耕工作\n会议要求抓好春耕备耕。")
    doc = parse_text(text).document
    assert doc.subtitle == "2025年3月10日" and doc.signing_date is None and not doc.attachments
    assert [b.text for b in doc.body if isinstance(b, Heading)] == ["一、关于春耕工作"]


def test_single_running_head_at_a_paragraph_boundary():
    text = "包头市人民政府关于示范的通知\n各区人民政府：\n一、总体要求\n做好工作。\n市政府文件\n二、重点任务\n抓好落实。"
    result = parse_text(text)
    texts = [getattr(b, "text", "") for b in result.document.body]
    assert "市政府文件" not in texts
    assert result.document.body[-1].text == "抓好落实。"


def test_long_title_on_one_line():
    title = "内蒙古自治区人民政府办公厅转发自治区发展改革委 自治区财政厅关于进一步做好城乡居民基本养老保险待遇调整工作意见的通知"
    doc = parse_text(title + "\n内政办发〔2025〕3号\n各盟行政公署、市人民政府：\n现转发给你们。\n2025年3月1日").document
    assert doc.title == title.replace(" ", "") and doc.kind == "通知"
    assert doc.issuers == ["内蒙古自治区人民政府办公厅"] and doc.doc_number == "内政办发〔2025〕3号"


def test_organ_broken_by_a_stray_space():
    assert split_title(["包头市 人民政府 关于示范的通知"]) == (["包头市人民政府"], "关于示范的通知")
    assert split_title(["包头市财政局、包头市发展和改革委员会关于示范的通知"]) == (
        ["包头市财政局", "包头市发展和改革委员会"], "关于示范的通知")


def test_joint_organs_keep_their_separator_in_the_title():
    doc = parse_text("包头市财政局、包头市发展和改革委员会关于示范的通知\n各区财政局：\n做好工作。\n2025年3月1日").document
    assert doc.title == "包头市财政局、包头市发展和改革委员会关于示范的通知"
    assert doc.issuers == ["包头市财政局", "包头市发展和改革委员会"]


@pytest.mark.parametrize("note", ["（此件公开发布）", "（此件主动公开）", "（此件不公开）", "（此件依申请公开）",
                                  "(此件公开发布)", "（本件公开发布）", "（公开方式：主动公开）"])
def test_publication_note_variants(note):
    doc = parse_text(f"包头市人民政府关于示范的通知\n各区人民政府：\n做好工作。\n2025年3月1日\n{note}").document
    assert doc.public_note == note.replace("(", "（").replace(")", "）")
    assert not doc.attachments


def test_gazette_running_head_above_the_title():
    doc = parse_text("包头市人民政府公报\n市政府文件\n包头市人民政府\n关于示范的通知\n各区人民政府：\n做好工作。\n2025年3月1日").document
    assert doc.title == "包头市人民政府关于示范的通知"


def test_web_dateline_and_more_metadata():
    text = ("包头市人民政府关于示范的通知\n2025-03-21 10:00 来源：包头市人民政府办公室\n阅读次数：1024\n"
            "各区人民政府：\n做好工作。\n2025年3月21日")
    result = parse_text(text)
    assert result.document.addressees == "各区人民政府："
    assert [b.text for b in result.document.body] == ["做好工作。"]
    assert "website-metadata-removed" in {f.code for f in result.findings}


def test_cli_import_refuses_a_file_without_title(tmp_path, db_path, capsys):
    assert main(["sample", "--db", str(db_path)]) == 0
    f = tmp_path / "body.txt"
    f.write_text("为深入贯彻落实有关部署，现就有关事项通知如下。\n一、总体要求\n", encoding="utf-8")
    assert main(["import", str(f), "--issue", "2025-3", "--section", "市政府文件", "--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert "body.txt" in err and "no title" in err


def test_title_ending_in_other_words_stops_the_title():
    doc = parse_text("2024年包头市国民经济和社会发展统计公报\n包头市统计局\n2025年3月20日\n2024年，全市经济稳中有进。").document
    assert doc.title == "2024年包头市国民经济和社会发展统计公报" and doc.kind == "其他"
    doc = parse_text("包头市人民政府办公室关于印发2025年政务公开工作要点\n的通知\n各区人民政府：\n现印发给你们。").document
    assert doc.title == "包头市人民政府办公室关于印发2025年政务公开工作要点的通知" and doc.kind == "通知"
    doc = parse_text("2024年包头市国民经济和社会发展统计公报\n包头市统计局\n2025年3月20日\n2024年，全市经济稳中有进。").document
    assert doc.issuers == ["包头市统计局"] and doc.signing_date == date(2025, 3, 20) and not doc.attachments
    assert [b.text for b in doc.body] == ["2024年，全市经济稳中有进。"]
