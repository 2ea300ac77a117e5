"""Property-based tests: the structurer and the .docx reader never crash.

Whatever they are given (any text, any bytes, any document.xml inside a valid zip), they
return a result or refuse the input with ImportRefused; nothing else escapes.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from editor.errors import ImportRefused
from editor.importers import parse_bytes, parse_text, structure_blocks
from editor.importers.jsonform import result_to_dict

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# IMPORT_FUZZ_EXAMPLES=5000 runs a longer search on demand
SETTINGS = settings(max_examples=int(os.environ.get("IMPORT_FUZZ_EXAMPLES", "150")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

# text made of the pieces 公文 are made of, so that the structurer's branches are reached
PIECES = st.sampled_from([
    "包头市人民政府", "关于", "印发", "的通知", "的决定", "通告", "令", "办法", "附件", "附件1", "附件：", "1.", "2.",
    "一、", "二、", "（一）", "(二)", "（1）", "第一章", "第一条", "●", "3月18日", "，", "。", "：", ":", ",", "；",
    "（此件公开发布）", "(此件主动公开)", "2025年3月21日", "二〇二五年三月二十一日", "二OO三年", "包府发〔2025〕12号",
    "包府发[2025]012号", "〔", "〕", "（", "）", "(", ")", "\t", "\n", "\n\n", " ", "\u3000", "— 3 —", "-3-", "市政府文件",
    "刘 荣 任", "免去", "职务；", "各旗、县、区人民政府，", "市直有关部门：", "《", "》", "“", "”", "抄送：", "印发",
    "索引号：", "文号：", "\x00", "\ufeff", "\r", "\f", "𠀀", "a", "1",
])
STRUCTURED_TEXT = st.lists(PIECES, max_size=80).map("".join)


@SETTINGS
@given(st.one_of(st.text(max_size=2000), STRUCTURED_TEXT))
def test_structurer_never_crashes(text):
    result = parse_text(text)
    result_to_dict(result)  # the JSON form is always producible
    structure_blocks(text)


@SETTINGS
@given(st.binary(max_size=4000))
def test_bytes_never_crash(data):
    try:
        parse_bytes(data)
    except ImportRefused:
        pass


TAGS = ["p", "r", "t", "tbl", "tr", "tc", "tcPr", "gridSpan", "vMerge", "pPr", "numPr", "numId", "ilvl", "ins",
        "del", "delText", "br", "tab", "drawing", "pict", "sdt", "sdtContent", "hyperlink", "sym", "tblGrid",
        "gridCol", "trPr", "tblHeader", "gridBefore", "pStyle", "jc", "moveTo", "moveFrom", "fldSimple", "body"]
ATTR_VALUES = st.sampled_from(["restart", "continue", "0", "1", "2", "-1", "99999999", "x", "", "F0B7", "center"])


def _element(children):
    return st.builds(
        lambda tag, val, text, kids: f"<w:{tag}{'' if val is None else ' w:val=' + quoteattr(val)}>"
        f"{escape(text)}{''.join(kids)}</w:{tag}>",
        st.sampled_from(TAGS),
        st.one_of(st.none(), ATTR_VALUES),
        st.text(max_size=12),
        st.lists(children, max_size=4),
    )


XML_BODIES = st.recursive(st.just(""), _element, max_leaves=30)

NUMBERING = (
    f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2.%9"/></w:lvl>'
    '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="7"/></w:num></w:numbering>'
)


def _package(document: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", document)
        z.writestr("word/numbering.xml", NUMBERING)
    return buf.getvalue()


@SETTINGS
@given(st.lists(XML_BODIES, max_size=6))
def test_docx_reader_never_crashes_on_arbitrary_document_xml(parts):
    xml = f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body>{"".join(parts)}</w:body></w:document>'
    try:
        result = parse_bytes(_package(xml.encode("utf-8")))
    except ImportRefused:
        return
    result_to_dict(result)


@SETTINGS
@given(st.binary(max_size=2000))
def test_docx_reader_never_crashes_on_arbitrary_bytes_as_document_xml(data):
    try:
        parse_bytes(_package(data))
    except ImportRefused:
        pass


NOTICE = (Path(__file__).resolve().parent.parent / "fixtures" / "docx" / "notice.docx").read_bytes()


@SETTINGS
@given(st.lists(st.tuples(st.integers(0, len(NOTICE) - 1), st.integers(0, 255)), min_size=1, max_size=8))
@example(flips=[(8974, 64)])  # once made zipfile raise NotImplementedError ("zip file version 6.4")
def test_docx_reader_never_crashes_on_a_damaged_word_file(flips):
    data = bytearray(NOTICE)
    for pos, value in flips:
        data[pos] = value
    try:
        parse_bytes(bytes(data))
    except ImportRefused:
        pass


@SETTINGS
@given(st.one_of(st.text(max_size=1000), STRUCTURED_TEXT))
def test_whatever_the_structurer_returns_can_be_stored(text):
    """Control characters a paste may carry never reach the store, which would refuse them."""
    from editor.store.repository import content_values

    doc = parse_text(text).document
    doc.title = doc.title or "无题"
    content_values(doc)  # raises ContentError for anything the body format cannot hold
