"""Defects found in acceptance of the store and import issues, each kept from coming back."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from store_factories import archive_of, make_issue

from editor.cli import main
from editor.errors import ContentError, StoreError
from editor.importers import parse_text
from editor.model import Attachment, Document, Paragraph
from editor.services import GazetteService
from editor.store import open_store


def _store_with_issue(db_path: Path) -> GazetteService:
    store = open_store(db_path)
    service = GazetteService(store)
    service.import_issue(archive_of(make_issue(2025, 3)))
    return service


@pytest.mark.parametrize("char", ["\x0b", "\x0c", "\x00", "\x1b", "\ufffe", "\ud800"])
@pytest.mark.parametrize("where", ["title", "doc_number", "body", "attachment"])
def test_control_characters_are_refused_with_a_message_naming_them(db_path, char, where):
    service = _store_with_issue(db_path)
    try:
        key = "2025-3"
        section = service.load_issue(key).sections[0].name
        doc = Document(title="包头市人民政府关于测试的通知", body=[Paragraph(text="正文。")])
        if where == "body":
            doc.body.append(Paragraph(text=f"字{char}字"))
        elif where == "attachment":
            doc.attachments.append(Attachment(label="附件", title=f"表{char}", body=[]))
        else:
            setattr(doc, where, getattr(doc, where) + char)
        with pytest.raises(ContentError, match=f"U\\+{ord(char):04X}"):
            service.add_document(key, section, doc)
        service.export_issue(key)  # the refused document left nothing behind that breaks export
    finally:
        service.store.close()


@pytest.mark.parametrize("char", ["\U00030edd", "\ue000", "\U000f0001", "\u0378", "😀", "\x7f", "\ufdd0"])
def test_characters_no_font_has_are_stored_and_exported(db_path, char):
    service = _store_with_issue(db_path)
    try:
        section = service.load_issue("2025-3").sections[0].name
        doc = service.add_document("2025-3", section, Document(
            title=f"关于{char}的通知", body=[Paragraph(text=f"字{char}字")]))
        back, _ = service.load_document(doc.uid)
        assert back.title == f"关于{char}的通知" and back.body[0].text == f"字{char}字"
        assert char.encode("utf-8", "surrogatepass") in service.export_issue("2025-3")
    finally:
        service.store.close()


def test_section_name_with_a_control_character_is_refused(db_path):
    service = _store_with_issue(db_path)
    try:
        with pytest.raises(ContentError, match="U\\+000B"):
            service.add_section("2025-3", "栏\x0b目")
    finally:
        service.store.close()


def test_importer_removes_control_characters_and_says_so(db_path):
    text = "包头市人民政府\n关于开展测试工作的通知\n各旗县区人民政府：\n　　现将有关事项\x1b通知如下。\x08\ufffe\n2025年3月1日\n"
    result = parse_text(text)
    assert result.document.body[0].text == "现将有关事项通知如下。"
    assert "control-characters-removed" in {f.code for f in result.findings}
    service = _store_with_issue(db_path)
    try:
        service.add_document("2025-3", service.load_issue("2025-3").sections[0].name, result.document)
    finally:
        service.store.close()


def test_export_file_gets_the_ordinary_file_mode(tmp_path, db_path, capsys):
    _store_with_issue(db_path).store.close()
    out = tmp_path / "issue.xml"
    old = os.umask(0o022)
    try:
        assert main(["export", "--issue", "2025-3", "-o", str(out), "--db", str(db_path)]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644
    out.chmod(0o640)  # replacing a file keeps its mode
    assert main(["export", "--issue", "2025-3", "-o", str(out), "--db", str(db_path)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


def test_read_only_store_is_named_read_only(tmp_path, monkeypatch):
    import sqlite3

    from editor.store import db as db_module

    path = tmp_path / "gazette.db"
    open_store(path).close()

    def refuse(*args, **kwargs):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(db_module, "_prepare", refuse)
    with pytest.raises(StoreError, match="is read-only"):
        open_store(path)


def test_import_refusal_names_the_file_once(tmp_path, db_path, capsys):
    _store_with_issue(db_path).store.close()
    missing = tmp_path / "missing.txt"
    code = main(["import", str(missing), "--issue", "2025-3", "--section", "x", "--db", str(db_path)])
    err = capsys.readouterr().err
    assert code == 1 and err.count("missing.txt") == 1 and "nothing was imported" in err


def _headings(blocks):
    from editor.model import Heading

    return [(b.level, b.text) for b in blocks if isinstance(b, Heading)]


def test_half_width_item_numbers_make_level_four_headings():
    body = parse_text(
        "包头市人民政府关于推进数字政府建设的实施意见\n各部门：\n一、重点任务\n(一)构建服务体系。\n"
        "1.推进一网通办。依托平台办理。\n(1)优化网上办事流程。全面梳理政务服务事项。\n"
        "(2) 拓展移动端服务。推进移动端建设。\n2025年4月3日\n"
    ).document.body
    assert _headings(body)[-2:] == [(4, "（1）优化网上办事流程。"), (4, "（2）拓展移动端服务。")]


@pytest.mark.parametrize(
    "items",
    [
        ["一、同意撤销千里山镇，设立千里山街道，以原千里山镇的行政区域为千里山街道的行政区域。",
         "二、千里山街道办事处驻地设在原镇政府驻地。",
         "三、你区要认真做好撤镇设街道的各项工作，妥善处理好有关问题，确保社会稳定。"],
        ["第三条 下列机动车不受本决定限制：", "（一）新能源汽车；", "（二）执行任务的警车、消防车；", "（三）公共汽车、出租汽车。",
         "第四条 违反本决定的，依法予以处罚。"],
    ],
)
def test_a_short_item_in_a_list_of_numbered_paragraphs_is_no_heading(items):
    text = "乌海市人民政府关于同意设立街道的批复\n海勃湾区人民政府：\n" + "\n".join(items) + "\n2025年3月25日\n"
    body = parse_text(text).document.body
    assert [h for h in _headings(body) if not h[1].startswith("第")] == []


def test_a_whole_sentence_heading_with_sub_items_stays_a_heading():
    text = ("包头市人民政府关于加快发展银发经济的实施意见\n各部门：\n"
            "（一）扩大老年助餐服务。\n1. 建设社区老年食堂。到2025年底，覆盖率达到80%。\n"
            "（二）拓展居家助老服务，支持养老机构为居家老年人提供上门服务，对特殊困难老年人家庭实施适老化改造。\n"
            "（三）加强人才队伍建设，完善养老护理员职业技能等级认定和激励机制，稳定养老服务人才队伍。\n"
            "2025年4月10日\n")
    assert (2, "（一）扩大老年助餐服务。") in _headings(parse_text(text).document.body)


def test_unmarked_two_level_header_of_a_converted_web_page_is_found():
    from editor.importers import parse_file
    from editor.model import Table
    from tests.paths import ROOT

    result = parse_file(ROOT / "tests" / "fixtures" / "docx" / "webpage.docx")
    tables = [b for b in result.document.body if isinstance(b, Table)]
    tables += [b for a in result.document.attachments for b in a.body if isinstance(b, Table)]
    assert [t.header_rows for t in tables] == [2]  # <th rowspan=2> over two rows of labels


@pytest.mark.parametrize(
    ("lines", "header"),
    [
        (["指标\t2024年实际\t2025年目标", "用水总量\t9.8\t9.6"], 1),  # years in labels are still labels
        (["红山区\t12.5\t1.2", "松山区\t168.0\t20.5"], 0),
        (["序号\t赛事名称", "1\t马拉松"], 1),
    ],
)
def test_header_row_of_a_pasted_table(lines, header):
    from editor.importers import structure_blocks
    from editor.model import Table

    table = next(b for b in structure_blocks("\n".join(lines)) if isinstance(b, Table))
    assert table.header_rows == header


def test_web_page_chrome_on_one_line_and_site_footer_are_left_out():
    text = (
        "【字体：大 中 小】 打印本页 关闭窗口\n包头市人民政府关于印发包头市燃气管理办法的通知\n包府发〔2025〕21号\n"
        "各区人民政府：\n现将办法印发给你们，请认真贯彻执行。\n2025年4月15日\n（此件公开发布）\n包头市燃气管理办法\n"
        "第一条 为加强管理，制定本办法。\n相关文件：\n主办：包头市人民政府办公室 承办：包头市大数据中心\n"
        "蒙ICP备05001234号-1 蒙公网安备 15020302000123号\n"
    )
    d = parse_text(text).document
    assert d.title == "包头市人民政府关于印发包头市燃气管理办法的通知" and d.issuers == ["包头市人民政府"]
    rest = [b.text for b in d.attachments[0].body if isinstance(b, Paragraph)]
    assert rest == []


def test_doc_number_with_di_in_six_corner_brackets_is_normalised():
    d = parse_text("包头市人民政府办公室关于加强道路挖掘管理的通知\n包府办字〔2025〕第08号\n各区人民政府，市直有关部门：\n"
                   "一、严格审批程序。凡需挖掘城市道路的，应当提出申请。\n2025年4月18日\n").document
    assert (d.doc_number, d.addressees) == ("包府办字〔2025〕8号", "各区人民政府，市直有关部门：")


def test_joint_signature_with_a_military_organ_and_note_items_starting_with_a_year():
    text = ("包头市人民政府\n包头军分区\n关于做好2025年度征兵工作的通知\n包府发〔2025〕23号\n各旗县区人民政府：\n"
            "现就有关事项通知如下。\n附件：1.2025年度征兵任务分配表\n2.2025年度征兵工作日程安排\n"
            "包头市人民政府　　　　包头军分区\n2025年4月1日\n")
    d = parse_text(text).document
    assert d.issuers == ["包头市人民政府", "包头军分区"]
    notes = [b.text for b in d.body if isinstance(b, Paragraph) and b.role == "attachment-note"]
    assert notes == ["附件：1.2025年度征兵任务分配表", "2.2025年度征兵工作日程安排"]


def test_lines_of_a_list_without_punctuation_are_not_joined():
    from editor.importers import structure_blocks

    blocks = structure_blocks("一、先进集体（10个）\n昆都仑区应急管理局\n青山区消防救援大队\n"
                              "二、先进个人（20名）\n王　伟　东河区应急管理局副局长\n李　娜　九原区安全生产执法大队队员\n")
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert texts == ["昆都仑区应急管理局", "青山区消防救援大队", "王 伟 东河区应急管理局副局长", "李 娜 九原区安全生产执法大队队员"]
    # a sentence broken over short lines is still joined
    broken = structure_blocks("为深入贯彻落实党的二十大精神和\n习近平新时代中国特色社会主义\n思想，制定本方案。\n")
    assert [b.text for b in broken] == ["为深入贯彻落实党的二十大精神和习近平新时代中国特色社会主义思想，制定本方案。"]


def test_a_table_head_starting_with_ren_is_no_personnel_entry():
    from editor.importers import structure_blocks
    from editor.model import Table

    blocks = structure_blocks("单位\t任务数（人）\n昆都仑区\t120\n青山区\t110\n")
    assert len(blocks) == 1 and isinstance(blocks[0], Table)
    assert [c.text for c in blocks[0].rows[0]] == ["单位", "任务数（人）"] and blocks[0].header_rows == 1


def test_a_line_opening_with_a_closing_mark_continues_the_line_before():
    from editor.importers import structure_blocks
    from editor.model import Heading

    blocks = structure_blocks("2.深化“一件事一次办”\n。围绕企业和群众全生命周期，推出一批集成服务。\n")
    assert len(blocks) == 1 and isinstance(blocks[0], Heading)
    assert (blocks[0].text, blocks[0].body) == ("2.深化“一件事一次办”。", "围绕企业和群众全生命周期，推出一批集成服务。")


def test_space_after_a_percent_sign_in_chinese_text_goes():
    from editor.importers.normalize import Report, clean_line

    assert clean_line("全程网办率达到 85% 以上。", Report()) == "全程网办率达到85%以上。"


def test_a_mistyped_command_is_a_usage_error_not_the_desktop_app():
    import subprocess
    import sys

    from tests.paths import ROOT

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "lst"], capture_output=True, text=True,
                          env=env, timeout=60)
    assert proc.returncode == 2 and "invalid choice" in proc.stderr


def test_options_alone_still_open_the_desktop_app():
    import importlib.util

    from tests.paths import ROOT

    spec = importlib.util.spec_from_file_location("gazette_main", ROOT / "main.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module._wants_gui([]) and module._wants_gui(["--db", "x.db"]) and module._wants_gui(["-platform", "offscreen"])
    assert not module._wants_gui(["list"]) and not module._wants_gui(["lst"]) and not module._wants_gui(["--help"])


def test_member_lines_with_colon_labels_stay_apart_from_each_other_and_the_text_after():
    from editor.importers import structure_blocks

    blocks = structure_blocks("主　任：张　强　市长\n副主任：李　明　常务副市长\n　　　　王　芳　副市长\n"
                              "成　员：刘　洋　市应急管理局局长\n办公室设在市应急管理局，办公室主任由刘洋同志兼任。\n")
    assert [b.text for b in blocks] == ["主 任：张 强 市长", "副主任：李 明 常务副市长", "王 芳 副市长",
                                        "成 员：刘 洋 市应急管理局局长", "办公室设在市应急管理局，办公室主任由刘洋同志兼任。"]


def test_contact_note_after_the_closing_sentence_is_its_own_paragraph():
    from editor.importers import structure_blocks

    blocks = structure_blocks("特此通知。\n（联系人：张明，联系电话：0472-1234567）\n")
    assert [b.text for b in blocks] == ["特此通知。", "（联系人：张明，联系电话：0472-1234567）"]


def test_two_numbered_items_one_long_one_short_are_both_items():
    body = parse_text("包头市人民政府办公室关于同意设立组委会的函\n市商务局：\n你局请示收悉。现函复如下：\n"
                      "一、同意设立包头市第二届稀土产业博览会组委会，组委会办公室设在市商务局。\n"
                      "二、所需经费按有关规定列入部门预算。\n2025年4月2日\n").document.body
    assert _headings(body) == []


def test_page_debris_in_a_word_file_is_removed_as_from_text():
    from editor.importers import parse_file
    from editor.model import block_text
    from tests.paths import ROOT

    result = parse_file(ROOT / "tests" / "fixtures" / "docx" / "pdf-paste.docx")
    text = "\n".join(block_text(b) for b in result.document.body)
    assert "— 2 —" not in text and "公报" not in text
    assert {"page-number-removed", "running-head-removed"} <= {f.code for f in result.findings}
    assert _headings(result.document.body) == [(1, "一、加强水源保护"), (1, "二、提升供水能力")]


@pytest.mark.parametrize(("word", "kind"), [("通报", "通报"), ("决议", "决议"), ("议案", "议案")])
def test_statutory_kinds_are_kept(word, kind):
    from editor.model import DOCUMENT_KINDS

    doc = parse_text(f"包头市人民政府关于2024年度工作情况的{word}\n各区人民政府：\n现将有关情况{word}如下。\n2025年1月24日\n").document
    assert doc.kind == kind and kind in DOCUMENT_KINDS


def test_several_metadata_fields_on_one_tab_separated_line():
    text = ("索引号：\t11150200MB1A12345X/2025-00045\t主题分类：\t综合政务\n"
            "发布机构：\t包头市人民政府\t成文日期：\t2025年04月08日\n"
            "文号：\t包府发〔2025〕28号\t发布日期：\t2025年04月10日\n"
            "包头市人民政府关于公布市级权责清单调整事项的决定\n各区人民政府：\n现将调整事项予以公布。\n")
    d = parse_text(text).document
    assert (d.doc_number, d.issuers) == ("包府发〔2025〕28号", ["包头市人民政府"])
    assert d.signing_date.isoformat() == "2025-04-08"


def test_the_last_item_of_an_enumeration_before_the_closing_formula_is_no_heading():
    body = parse_text("包头市人民政府公告\n2025年第1号\n市人民政府决定对以下事项实行告知承诺制：\n"
                      "一、食品经营许可（仅销售预包装食品）；\n二、公共场所卫生许可。\n特此公告。\n"
                      "包头市人民政府\n2025年4月15日\n").document.body
    assert _headings(body) == []


def test_a_title_copied_without_its_organ_gets_the_signing_organ():
    result = parse_text("关于加强城市供水保障的通知\n各区人民政府：\n现就有关事项通知如下。\n"
                        "包头市人民政府　　包头军分区\n2025年4月20日\n")
    assert result.document.title == "包头市人民政府 包头军分区关于加强城市供水保障的通知"
    assert "title-issuer-added" in {f.code for f in result.findings}
    untouched = parse_text("关于加强城市供水保障的通知\n各区人民政府：\n现就有关事项通知如下。\n2025年4月20日\n")
    assert untouched.document.title == "关于加强城市供水保障的通知"
