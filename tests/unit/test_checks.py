"""Proofing checks: each check on constructed documents (a case it flags, a case it passes),
the issue-level checks, the sample issue (its real inconsistencies found, no wrong errors)
and the ``check`` command."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest

from editor.cli import main
from editor.content.archive import issue_from_xml
from editor.core.findings import SEVERITIES
from editor.model import (
    Attachment,
    ChronicleEntry,
    Document,
    Heading,
    Image,
    Issue,
    NameEntry,
    NameList,
    Paragraph,
    Publication,
    Section,
    Table,
    TableCell,
)
from editor.proofing.checks import CheckOptions, check_document, check_issue
from tests.paths import SAMPLE_XML

PUB = date(2025, 4, 6)


def make_doc(**kw) -> Document:
    """A clean 通知 that passes every check; keyword arguments replace its fields."""
    base = Document(
        title="包头市人民政府关于加强节约用水工作的通知",
        kind="通知",
        issuers=["包头市人民政府"],
        doc_number="包府发〔2025〕12号",
        addressees="各旗、县、区人民政府，市直有关部门：",
        signing_date=date(2025, 3, 21),
        public_note="（此件公开发布）",
        body=[Paragraph("为全面提升水资源节约集约利用水平，结合我市实际，现就有关事项通知如下。")],
    )
    return replace(base, **kw)


def run(doc: Document, options: CheckOptions | None = None) -> list:
    return check_document(doc, options, pub_date=PUB)


def codes(findings: list) -> set[str]:
    return {f.code for f in findings}


def body_codes(*blocks, **kw) -> set[str]:
    return codes(run(make_doc(body=list(blocks)), **kw))


def test_clean_document_has_no_findings() -> None:
    assert run(make_doc()) == []


def test_findings_have_known_severities_and_places() -> None:
    doc = make_doc(doc_number="包府发[2025]012号", body=[Paragraph("意识,地表水。。")])
    found = run(doc)
    assert found
    for f in found:
        assert f.severity in SEVERITIES
        assert f.where.startswith("包府发[2025]012号")
        assert f.message


# --- document number -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "code"),
    [
        ("包府发[2025]12号", "doc-number-brackets"),
        ("包府发(2025)12号", "doc-number-brackets"),
        ("包府发（2025）12号", "doc-number-brackets"),
        ("包府发〔25〕12号", "doc-number-year"),
        ("包府发〔2025〕第12号", "doc-number-di"),
        ("包府发〔2025〕012号", "doc-number-zero"),
        ("包府发〔2025〕12", "doc-number-form"),
        ("包府发〔２０２５〕１２号", "doc-number-form"),
        ("〔2025〕12号", "doc-number-form"),
        ("包府发 〔2025〕 12号", "doc-number-form"),
        ("第十二号文件", "doc-number-form"),
        ("包府发〔2024〕12号", "doc-number-year-mismatch"),
    ],
)
def test_document_number_form_flagged(number: str, code: str) -> None:
    found = run(make_doc(doc_number=number))
    assert code in codes(found)
    assert all(f.severity != "error" for f in found)


@pytest.mark.parametrize(
    ("number", "kind"),
    [("包府发〔2025〕12号", "通知"), ("包府办发〔2025〕1号", "通知"), ("2025年第1号", "公告"),
     ("包头市人民政府令第5号", "命令")],
)
def test_document_number_good_forms_pass(number: str, kind: str) -> None:
    title = {"公告": "包头市人民政府关于禁止燃放烟花爆竹的公告", "命令": "包头市人民政府令"}.get(
        kind, "包头市人民政府关于加强节约用水工作的通知")
    assert not {c for c in codes(run(make_doc(doc_number=number, kind=kind, title=title)))
                if c.startswith("doc-number")}


def test_number_year_after_publication_without_signing_date() -> None:
    assert "doc-number-year-mismatch" in codes(run(make_doc(doc_number="包府发〔2026〕1号", signing_date=None)))
    assert "doc-number-year-mismatch" not in codes(run(make_doc(doc_number="包府发〔2025〕1号", signing_date=None)))


def test_missing_number_is_info_only_for_numbered_kinds() -> None:
    assert [f.severity for f in run(make_doc(doc_number="")) if f.code == "doc-number-missing"] == ["info"]
    chronicle = make_doc(doc_number="", kind="大事记", title="政府大事记", issuers=[], signing_date=None,
                         addressees="", public_note="")
    assert run(chronicle) == []


# --- signing date ----------------------------------------------------------------------


def test_signing_date_missing_after_and_old() -> None:
    assert "signing-date-missing" in codes(run(make_doc(signing_date=None)))
    late = [f for f in run(make_doc(signing_date=date(2025, 4, 7))) if f.code == "signing-date-future"]
    assert late and late[0].severity == "error"
    assert "signing-date-future" not in codes(run(make_doc(signing_date=PUB)))
    old = make_doc(signing_date=date(2024, 9, 1), doc_number="包府发〔2024〕12号")
    assert "signing-date-old" in codes(run(old))
    assert "signing-date-old" not in codes(run(old, CheckOptions(max_signing_age_months=12)))


def test_signing_date_in_subtitle_counts() -> None:
    doc = make_doc(signing_date=None, kind="决定", title="包头市人民政府关于废止部分规章的决定",
                   subtitle="（2025年3月1日市人民政府第5次常务会议通过）")
    assert "signing-date-missing" not in codes(run(doc))


@pytest.mark.parametrize(
    ("text", "code"),
    [("2025年03月05日起施行。", "date-leading-zero"), ("自2025年3月05日起施行。", "date-leading-zero"),
     ("自25年3月5日起施行。", "date-short-year"), ("二〇二五年三月五日", "date-chinese-numerals"),
     ("2025年3月20日", "signing-date-mismatch")],
)
def test_dates_written_in_body(text: str, code: str) -> None:
    assert code in body_codes(Paragraph("现将有关事项通知如下。"), Paragraph(text))


def test_dates_written_well_pass() -> None:
    assert body_codes(Paragraph("自2025年3月5日起施行，2023年5月提出目标，近25年来持续推进。"),
                      Paragraph("2025年3月21日", align="right", indent=False)) == set()


def test_date_line_without_signing_date_suggests_the_field() -> None:
    doc = make_doc(signing_date=None, body=[Paragraph("现将有关事项通知如下。"), Paragraph("2025年3月21日")])
    assert "signing-date-in-body" in codes(run(doc))


# --- title, addressees, public note --------------------------------------------------


def test_title_checks() -> None:
    assert "title-punctuation" in codes(run(make_doc(title="包头市人民政府关于加强节约用水工作的通知。")))
    assert "title-kind" in codes(run(make_doc(title="包头市人民政府关于加强节约用水工作")))
    assert "title-kind" in codes(run(make_doc(kind="决定")))
    assert "title-issuer" in codes(run(make_doc(title="关于加强节约用水工作的通知")))
    renmian = make_doc(kind="任免", title="包头市人民政府关于任免刘荣等同志职务的通知")
    assert not codes(run(renmian)) & {"title-kind", "title-issuer"}
    plan = make_doc(kind="方案", title="包头市2025年农村牧区人居环境整治实施方案", issuers=["包头市农牧局"])
    assert "title-issuer" not in codes(run(plan))
    trial = make_doc(kind="办法", title="包头市节约用水管理办法（试行）")
    assert "title-kind" not in codes(run(trial))


def test_addressees_colon() -> None:
    assert "addressees-colon" in codes(run(make_doc(addressees="各旗、县、区人民政府")))
    half = [f for f in run(make_doc(addressees="各旗、县、区人民政府:")) if f.code == "addressees-colon"]
    assert half and "half-width" in half[0].message
    assert "addressees-colon" not in codes(run(make_doc(addressees="")))


@pytest.mark.parametrize(("note", "code"), [("(此件公开发布)", "public-note-form"), ("此件公开发布", "public-note-form"),
                                            ("（此件请公开）", "public-note-variant")])
def test_public_note_variants(note: str, code: str) -> None:
    assert code in codes(run(make_doc(public_note=note)))


def test_public_note_accepted_wordings_pass() -> None:
    for note in ("（此件公开发布）", "（此件主动公开）", ""):
        assert not {c for c in codes(run(make_doc(public_note=note))) if c.startswith("public-note")}


# --- headings --------------------------------------------------------------------------


def H(level: int, text: str, body: str = "") -> Heading:  # noqa: N802
    return Heading(level, text, run_in=bool(body), body=body)


def test_heading_sequence_good_restart_and_continuation() -> None:
    restart = [H(1, "一、目标"), H(2, "（一）甲。", "内容。"), H(2, "（二）乙。", "内容。"),
               H(1, "二、任务"), H(2, "（一）丙。", "内容。"), H(3, "1. 丁。", "内容。"), H(3, "2. 戊。", "内容。")]
    assert body_codes(*restart) == set()
    continued = [H(1, "一、目标"), Paragraph("1. 第一项。"), Paragraph("2. 第二项。"), H(1, "二、任务"),
                 Paragraph("3. 第三项。"), H(3, "4. 第四项。", "内容。")]
    assert body_codes(*continued) == set()


@pytest.mark.parametrize(
    ("blocks", "fragment"),
    [
        ([H(1, "一、目标"), H(1, "三、任务")], "二、 missing"),
        ([H(1, "一、目标"), H(1, "一、任务")], "repeats"),
        ([H(1, "一、目标"), H(1, "二、任务"), H(1, "一、保障")], "backwards"),
        ([H(1, "一、目标"), H(2, "（二）甲")], "expected （一）"),
        ([H(1, "一、目标"), H(2, "（一）甲"), H(1, "二、任务"), H(2, "（三）乙")], "expected （一）"),
    ],
)
def test_heading_sequence_flagged(blocks: list, fragment: str) -> None:
    found = [f for f in run(make_doc(body=blocks)) if f.code == "heading-sequence"]
    assert found and fragment in found[0].message
    assert found[0].severity == "warning"


def test_heading_mixed_bracket_width_found_with_position() -> None:
    blocks = [H(1, "一、目标"), H(2, "（一）甲。", "内容。"), H(2, "（二）乙。", "内容。"), H(2, "(三)丙。", "内容。")]
    found = [f for f in run(make_doc(body=blocks)) if f.code == "heading-bracket-width"]
    assert len(found) == 1
    assert found[0].where == "包府发〔2025〕12号 · body · block 4 (heading)"
    assert "（三）" in found[0].message and "full-width" in found[0].message
    assert "'(三)' (after '（二）')" in found[0].message
    assert "heading-bracket-width" not in body_codes(*blocks[:3])


def test_heading_form_and_level() -> None:
    assert "heading-number-form" in body_codes(H(1, "一.目标"))
    assert "heading-number-form" in body_codes(H(1, "一、目标"), H(3, "1、甲。", "内容。"))
    assert "heading-level-mismatch" in body_codes(H(1, "一、目标"), H(3, "（一）甲"))
    assert "heading-orphan" in body_codes(H(2, "（一）甲"), H(1, "一、目标"))
    assert "heading-orphan" not in body_codes(H(1, "一、目标"), H(2, "（一）甲"))
    skipped = body_codes(H(1, "一、目标"), H(2, "（一）甲"), H(3, "1. 乙"), H(1, "二、任务"), H(3, "1. 丙"))
    assert "heading-level-skipped" in skipped
    assert "heading-level-skipped" not in body_codes(H(1, "一、目标"), H(3, "1. 乙"))


def test_chapters_and_articles() -> None:
    good = [H(1, "第一章 总则"), Paragraph("第一条 为了加强管理，制定本办法。"), Paragraph("第二条 本办法适用于本市。"),
            H(1, "第二章 规划"), H(2, "第一节 储备"), Paragraph("第三条 建立项目库。"), H(2, "第二节 审批"),
            Paragraph("第四条 实行审批制。"), Paragraph("第四条所称项目，是指政府投资项目。")]
    assert body_codes(*good) == set()
    gap = [f for f in run(make_doc(body=good[:3] + [Paragraph("第四条 本办法自发布之日起施行。")]))
           if f.code == "article-sequence"]
    assert gap and "第三条" in gap[0].message and gap[0].where.endswith("block 4 (paragraph)")
    assert "article-sequence" in body_codes(H(1, "第一章 总则"), H(1, "第三章 附则"))
    items = [H(3, "第一条", "下列事项适用本办法："), Paragraph("（一）甲；"), Paragraph("（二）乙。"),
             H(3, "第二条", "下列行为予以禁止："), Paragraph("（一）丙；"), Paragraph("（二）丁。")]
    assert body_codes(*items) == set()
    run_in = [H(1, "第一章 总则"), H(3, "第一条", "为了加强管理。"), H(3, "第三条", "本办法自发布之日起施行。")]
    assert "article-sequence" in body_codes(*run_in)


def test_chronicle_order() -> None:
    chronicle = make_doc(kind="大事记", title="政府大事记", issuers=[], doc_number="", addressees="", signing_date=None,
                         public_note="")
    ordered = [ChronicleEntry("3月18日", "，召开会议。"), ChronicleEntry("3月18日", "，召开会议。"),
               ChronicleEntry("3月30日至31日", "，举办读书班。")]
    assert run(replace(chronicle, body=ordered)) == []
    late = [*ordered, ChronicleEntry("3月2日", "，召开会议。")]
    assert "chronicle-order" in codes(run(replace(chronicle, body=late)))
    assert "chronicle-date-form" in codes(run(replace(chronicle, body=[ChronicleEntry("三月二日", "，开会。")])))


def test_numbered_lines_of_attachment_note_are_not_headings() -> None:
    blocks = [Paragraph("现将有关事项通知如下。"), Paragraph("附件：1. 甲表", role="attachment-note"),
              Paragraph("2. 乙表", role="attachment-note")]
    atts = [Attachment("附件1", "甲表", [Paragraph("内容。")]), Attachment("附件2", "乙表", [Paragraph("内容。")])]
    assert run(make_doc(body=blocks, attachments=atts)) == []


# --- punctuation -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("按照要求,地表水实现全覆盖。", "punct-halfwidth"),
        ("完成任务;推进工作。", "punct-halfwidth"),
        ("（责任单位:市水务局）", "punct-halfwidth"),
        ("落实责任。(责任单位：市水务局)", "punct-halfwidth"),
        ("宣传《节约用水条例》《公民节约用水行为规范。", "punct-unpaired"),
        ("这是“应装尽装。", "punct-unpaired"),
        ("这是应装尽装”。", "punct-unpaired"),
        ("确保目标实现。。", "punct-doubled"),
        ("确保目标实现，，加强监管。", "punct-doubled"),
        ("市政府 研究决定。", "punct-space"),
        ("节约 用水。", "punct-space"),
        ('按照"应装尽装"的要求。', "punct-ascii-quote"),
        ("节水、控水...等措施。", "punct-ellipsis"),
        ("节水、控水…等措施。", "punct-ellipsis"),
        ("节水--控水。", "punct-dash"),
        ("节水――控水。", "punct-dash"),
        ("用水总量控制在２０２５年。", "fullwidth-alnum"),
        ("自2025年 3月起。", "space-han-latin"),
        ("开展“科技体检”、“科技特派员”活动。", "punct-enum-comma"),
    ],
)
def test_punctuation_flagged(text: str, code: str) -> None:
    assert code in body_codes(Paragraph(text))


@pytest.mark.parametrize(
    "text",
    [
        "全市用水总量控制在9.82亿立方米以内，下降30%以上。",
        "按照GB/T 9704-2012《党政机关公文格式》执行，共1,000户，8:30开始。",
        "贯彻《中共中央 国务院关于实施就业优先战略的意见》精神。",
        "由市委组织部 市委编办负责。",
        "开展“科技体检”“科技特派员”活动，节水……控水——推进（2023—2025年）。",
        "1. 建立完善工作协调机制。",
        "引用英文don't一词。",
    ],
)
def test_punctuation_passes(text: str) -> None:
    assert body_codes(Paragraph(text)) == set()


def test_spacing_of_legal_texts_signatures_and_captions_passes() -> None:
    assert body_codes(H(1, "第一章 总则"), H(1, "第二章　附　则"), Paragraph("第一条 为了加强管理，制定本办法。"),
                      Paragraph("市长　孟庆维", align="right", indent=False)) == set()
    assert body_codes(Image("img1", caption="图1 数字乡村示意图")) == set()
    assert "punct-space" in body_codes(Paragraph("第一条为了 加强管理。"))


def test_quotation_running_on_into_next_paragraph_is_allowed() -> None:
    assert body_codes(Paragraph("他说：“第一段。"), Paragraph("“第二段。”")) == set()
    assert "punct-unpaired" in body_codes(Paragraph("他说：“第一段。"), Paragraph("第二段。"))


def test_punctuation_finding_names_position_and_groups_by_block() -> None:
    found = [f for f in run(make_doc(body=[Paragraph("要求,地表水,井灌区;实现。")])) if f.code == "punct-halfwidth"]
    assert len(found) == 1
    assert "×3" in found[0].message and "character 3" in found[0].message
    assert found[0].where.endswith("body · block 1 (paragraph)")


def test_halfwidth_in_tables_is_info_by_default() -> None:
    table = Table(rows=[[TableCell("用水总量(亿立方米)"), TableCell("备注")], [TableCell("1.95"), TableCell("无")]],
                  header_rows=1)
    found = [f for f in run(make_doc(body=[table])) if f.code == "punct-halfwidth"]
    assert [f.severity for f in found] == ["info"]
    strict = CheckOptions(table_halfwidth_severity="warning")
    assert [f.severity for f in run(make_doc(body=[table]), strict) if f.code == "punct-halfwidth"] == ["warning"]


# --- attachments -----------------------------------------------------------------------


def _notice(note: list[Paragraph], atts: list[Attachment]) -> set[str]:
    return codes(run(make_doc(body=[Paragraph("现将有关事项通知如下。"), *note], attachments=atts)))


def test_attachment_note_matches() -> None:
    one = [Attachment("附件", "包头市2025年节水行动目标分解表", [Paragraph("内容。")])]
    assert _notice([Paragraph("附件：包头市2025年节水行动目标分解表", role="attachment-note")], one) == set()
    enclosed = [Attachment("", "包头市节水行动实施方案", [Paragraph("内容。"),
                           Paragraph("附件：包头市2025年节水行动目标分解表", role="attachment-note")]), *one]
    assert codes(run(make_doc(attachments=enclosed))) == set()


def test_attachment_note_problems() -> None:
    one = [Attachment("附件", "包头市2025年节水行动目标分解表", [Paragraph("内容。")])]
    assert "attachment-note-missing" in _notice([], one)
    assert "attachment-title-mismatch" in _notice([Paragraph("附件：包头市节水目标表")], one)
    assert "attachment-count" in _notice([Paragraph("附件：1. 包头市2025年节水行动目标分解表"),
                                          Paragraph("2. 用水统计表")], one)
    assert "attachment-note-punct" in _notice([Paragraph("附件：包头市2025年节水行动目标分解表。")], one)
    assert "attachment-count" not in _notice([Paragraph("附件：1. 包头市2025年节水行动目标分解表"),
                                              Paragraph("2. 用水统计表（略）")], one)
    two = [Attachment("附件2", "甲表", [Paragraph("内容。")]), Attachment("附件1", "乙表", [Paragraph("内容。")])]
    assert "attachment-label" in _notice([Paragraph("附件：1. 甲表"), Paragraph("2. 乙表")], two)
    unnumbered = [Paragraph("附件：甲表"), Paragraph("乙表", role="attachment-note")]
    ok = [Attachment("附件1", "甲表", [Paragraph("内容。")]), Attachment("附件2", "乙表", [Paragraph("内容。")])]
    assert "attachment-note-numbering" in _notice(unnumbered, ok)
    assert "attachment-label" in _notice([Paragraph("附件：甲表")], [Attachment("附件1", "甲表", [Paragraph("内容。")])])


# --- tables ----------------------------------------------------------------------------


def _table(rows: list[list[str]], header_rows: int = 1, **kw) -> Table:
    return Table(rows=[[TableCell(t) for t in row] for row in rows], header_rows=header_rows, **kw)


def test_table_empty_cells_are_info_with_positions() -> None:
    table = _table([["行政区", "用水总量", "火电节水量"], ["昆区", "1.95", ""], ["青山区", "0.83", ""]])
    found = [f for f in run(make_doc(body=[table])) if f.code == "table-empty-cells"]
    assert len(found) == 1 and found[0].severity == "info"
    assert "column 3 (火电节水量) is empty in every row" in found[0].message
    full = _table([["行政区", "用水总量"], ["昆区", "1.95"], ["青山区", "/"]])
    assert codes(run(make_doc(body=[full]))) == set()


def test_table_structure_widths_and_header() -> None:
    broken = Table(rows=[[TableCell("甲"), TableCell("乙")], [TableCell("丙")]], header_rows=1)
    assert [f.severity for f in run(make_doc(body=[broken])) if f.code == "table-structure"] == ["error"]
    widths = _table([["甲", "乙"], ["1", "2"]], widths=[1.0, 2.0, 3.0])
    assert "table-widths" in codes(run(make_doc(body=[widths])))
    long_rows = [["序号", "内容"]] + [[str(k), "内容"] for k in range(1, 20)]
    assert "table-no-header" in codes(run(make_doc(body=[_table(long_rows, header_rows=0)])))
    assert "table-no-header" not in codes(run(make_doc(body=[_table(long_rows, header_rows=1)])))
    assert "table-no-header" not in codes(run(make_doc(body=[_table(long_rows, header_rows=1)]),
                                              CheckOptions(long_table_rows=10)))


# --- name lists ------------------------------------------------------------------------


def _names(*pairs: tuple[str, str]) -> NameList:
    return NameList([NameEntry(n, d) for n, d in pairs])


def test_name_list_checks() -> None:
    good = _names(("刘　荣", "任市水务局副局长；"), ("巴特尔·宝音", "任市统计局副局长；"), ("王子超", "免去市中心医院副院长职务。"))
    doc = make_doc(kind="任免", title="包头市人民政府关于任免刘荣等同志职务的通知")
    assert run(replace(doc, body=[good])) == []
    empty = [f for f in run(replace(doc, body=[_names(("", "任市水务局副局长。"))])) if f.code == "namelist-empty-name"]
    assert empty and empty[0].severity == "error" and empty[0].where.endswith("block 1 (name list), entry 1")
    assert "namelist-long-name" in codes(run(replace(doc, body=[_names(("刘荣任市水务局", "副局长。"))])))
    assert "namelist-long-name" not in codes(run(replace(doc, body=[_names(("刘荣任局", "副局长。"))])))
    assert "namelist-duty-end" in codes(run(replace(doc, body=[_names(("刘荣", "任市水务局副局长"))])))


# --- issue level -----------------------------------------------------------------------


def _issue(*sections: Section) -> Issue:
    return Issue(year=2025, number=3, cumulative=154, pub_date=PUB, sections=list(sections))


def test_issue_level_checks() -> None:
    a = make_doc(doc_number="包府发〔2025〕16号")
    b = make_doc(doc_number="包府发〔2025〕12号")
    dup = make_doc(doc_number="包府发〔2025〕16号")
    empty = make_doc(doc_number="包府发〔2025〕17号", body=[])
    chronicle = make_doc(kind="大事记", title="政府大事记", issuers=[], doc_number="", addressees="", signing_date=None,
                         public_note="", body=[ChronicleEntry("3月18日", "，召开会议。")])
    office = make_doc(issuers=["包头市人民政府办公室"], title="包头市人民政府办公室关于加强节约用水工作的通知",
                      doc_number="包府办发〔2025〕14号", public_note="（此件主动公开）")
    issue = _issue(Section("政府大事记", [chronicle]), Section("市政府文件", [a, b, dup, empty, office]),
                   Section("市政府办公室文件", []))
    found = check_issue(Publication(title="包头市人民政府公报"), issue)
    got = codes(found)
    assert {"duplicate-doc-number", "section-empty", "document-empty", "contents-order", "contents-section",
            "public-note-inconsistent"} <= got
    assert [f.severity for f in found if f.code == "duplicate-doc-number"] == ["error"]
    assert [f.severity for f in found if f.code == "document-empty"] == ["error"]
    clean = _issue(Section("市政府文件", [b, a]), Section("政府大事记", [chronicle]))
    assert check_issue(Publication(title="包头市人民政府公报"), clean) == []


# --- the sample issue ------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_findings() -> list:
    pub, issue = issue_from_xml(SAMPLE_XML.read_bytes())
    return check_issue(pub, issue)


def test_check_issue_reports_progress() -> None:
    pub, issue = issue_from_xml(SAMPLE_XML.read_bytes())
    seen: list[tuple[float, str]] = []
    found = check_issue(pub, issue, progress=lambda f, m: seen.append((f, m)))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert len(seen) == len(issue.documents()) + 2 and seen[0][1] == "checking 包府发〔2025〕12号"
    assert found == check_issue(pub, issue)


def test_sample_halfwidth_san_found_with_position(sample_findings: list) -> None:
    hits = [f for f in sample_findings if f.code == "heading-bracket-width" and "'(三)'" in f.message]
    wheres = {f.where for f in hits}
    assert "包府发〔2025〕12号 · 包头市节水行动实施方案 · block 7 (heading)" in wheres
    assert all("（三）" in f.message for f in hits)


def test_sample_real_inconsistencies_found(sample_findings: list) -> None:
    empty_cells = {f.where for f in sample_findings if f.code == "table-empty-cells"}
    assert "包府发〔2025〕12号 · 附件 · block 1 (table)" in empty_cells
    assert "包府发〔2025〕16号 · 附件 · block 1 (table)" in empty_cells
    halfwidth = [f for f in sample_findings if f.code == "punct-halfwidth" and f.severity == "warning"]
    assert any("block 7 (heading)" in f.where and "',' → '，'" in f.message for f in halfwidth)


def test_sample_has_no_error_and_no_false_structure_findings(sample_findings: list) -> None:
    assert [f for f in sample_findings if f.severity == "error"] == []
    wrong_if_present = {"heading-sequence", "heading-orphan", "heading-level-mismatch", "heading-level-skipped",
                        "doc-number-form", "doc-number-brackets", "doc-number-year-mismatch", "title-kind",
                        "title-issuer", "addressees-colon", "public-note-form", "namelist-long-name",
                        "namelist-duty-end", "punct-unpaired", "punct-space", "signing-date-missing",
                        "duplicate-doc-number", "contents-order", "contents-section"}
    assert codes(sample_findings) & wrong_if_present == set()


# --- the command -----------------------------------------------------------------------


def test_check_command_json_and_text(db_path, capsys) -> None:
    assert main(["sample", "--db", str(db_path)]) == 0
    capsys.readouterr()
    assert main(["check", "--issue", "2025-3", "--db", str(db_path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data and all(set(d) == {"code", "severity", "message", "where"} for d in data)
    assert any(d["code"] == "heading-bracket-width" for d in data)
    assert main(["check", "--issue", "2025-3", "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "包府发〔2025〕12号"
    assert "by code:" in out and "heading-bracket-width" in out


def test_check_command_missing_issue_exits_1(db_path, capsys) -> None:
    assert main(["sample", "--db", str(db_path)]) == 0
    assert main(["check", "--issue", "2031-9", "--db", str(db_path)]) == 1
    assert "error:" in capsys.readouterr().err
