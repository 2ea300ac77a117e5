"""Checks on a document's head and foot: number, title, addressees, signing date, public note.

Grounded in GB/T 9704-2012: the document number is 机关代字〔YYYY〕N号 (full year in 六角括号,
no leading zeros, no 第); the title names the issuing organ first and ends in the kind of
document; addressees end in a full-width colon; the signing date is a real date not after
publication; the publication note is a bracketed remark such as （此件公开发布）.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from editor.core.dates import format_date
from editor.model import Document

# report(code, severity, message)
Report = Callable[[str, str, str], None]

_DOCNUM = re.compile(
    r"^(?P<prefix>.*?)\s*(?P<open>[〔\[［(（【﹝{｛<〈])\s*(?P<year>[0-9０-９]+)\s*"
    r"(?P<close>[〕\]］)）】﹞}｝>〉])\s*(?P<di>第)?\s*(?P<num>[0-9０-９]+)\s*(?P<hao>号?)\s*$"
)
_ORDER_NUMBER = re.compile(r"^(?P<prefix>.*令)?\s*第\s*(?P<num>[0-9０-９]+)\s*号$")  # 政府令第5号
_YEAR_NUMBER = re.compile(r"^(?P<year>\d{4})年第(?P<num>\d+)号$")  # 公告 2025年第1号
# Document kinds by their word in the title (《党政机关公文处理工作条例》 plus the common
# regulatory texts a gazette prints).
KIND_WORDS = ("决议", "决定", "命令", "令", "公报", "公告", "通告", "意见", "通知", "通报", "报告",
              "请示", "批复", "议案", "函", "纪要", "办法", "规定", "规则", "细则", "条例", "方案",
              "规划", "大事记", "实施意见", "答复")
# 公文 kinds whose title begins with the issuing organ (a plan or measures published on its
# own is titled by its subject: 包头市2025年…实施方案).
ISSUER_TITLED_KINDS = ("通知", "决定", "意见", "批复", "任免", "通告", "公告", "命令", "报告", "请示", "函",
                       "纪要", "决议", "通报", "公报", "议案")
_KIND_IN_TITLE = {"任免": ("任免", "任命", "免去", "聘任", "免职", "任职"), "命令": ("令",), "其他": ()}
_TITLE_END_PUNCT = "，。、；：,.;:！？!?“”\"'"


def _half(s: str) -> str:
    return "".join(chr(ord(c) - 0xFEE0) if "０" <= c <= "９" else c for c in s)


def number_year(doc_number: str) -> int | None:
    """The year a document number carries (〔2025〕 or 2025年第1号), if it can be read."""
    m = _DOCNUM.match(doc_number.strip()) or _YEAR_NUMBER.match(doc_number.strip())
    if not m:
        return None
    year = _half(m.group("year"))
    return int(year) if len(year) == 4 else None


def check_doc_number(doc: Document, numbered: bool, report: Report, pub_date: date | None = None) -> None:
    """Form of the document number, and its year against the signing (or publication) date."""
    text = doc.doc_number
    if not text.strip():
        if numbered:
            report("doc-number-missing", "info",
                   f"the {doc.kind} has no document number; enter it if the original carries one")
        return
    if text != text.strip() or re.search(r"\s", text.strip()):
        report("doc-number-form", "warning", f"'{text}' contains spaces; remove them")
    s = text.strip()
    m = _DOCNUM.match(s)
    if not m:
        if _ORDER_NUMBER.match(s) or _YEAR_NUMBER.match(s):
            return  # 政府令第5号, 2025年第1号: forms of their own
        report("doc-number-form", "warning",
               f"'{s}' is not in the form 机关代字〔年份〕序号号 (e.g. 包府发〔2025〕12号); correct it")
        return
    fix = f"{m.group('prefix')}〔{_fix_year(m.group('year'))}〕{int(_half(m.group('num')))}号"
    if not m.group("prefix"):
        report("doc-number-form", "warning", f"'{s}' has no issuing organ code before the year; correct it")
    if m.group("open") + m.group("close") != "〔〕":
        report("doc-number-brackets", "warning",
               f"'{s}' puts the year in {m.group('open')}{m.group('close')}; use 六角括号: '{fix}'")
    year = _half(m.group("year"))
    if len(year) != 4:
        report("doc-number-year", "warning", f"'{s}' gives the year as '{m.group('year')}'; write the full year")
    if m.group("di"):
        report("doc-number-di", "warning", f"'{s}' has 第 before the serial number; write '{fix}'")
    num = _half(m.group("num"))
    if len(num) > 1 and num.startswith("0"):
        report("doc-number-zero", "warning", f"'{s}' has a leading zero in the serial number; write '{fix}'")
    if not m.group("hao"):
        report("doc-number-form", "warning", f"'{s}' lacks the closing 号; write '{fix}'")
    if re.search(r"[０-９]", s):
        report("doc-number-form", "warning", f"'{s}' uses full-width digits; write '{fix}'")
    if len(year) == 4 and doc.signing_date and int(year) != doc.signing_date.year:
        report("doc-number-year-mismatch", "warning",
               f"the number '{s}' carries the year {year} but the signing date is "
               f"{format_date(doc.signing_date)}; check both")
    elif len(year) == 4 and doc.signing_date is None and pub_date and int(year) > pub_date.year:
        report("doc-number-year-mismatch", "warning",
               f"the number '{s}' carries the year {year}, after the issue's publication date {format_date(pub_date)}; "
               "correct the year")


def _fix_year(year: str) -> str:
    year = _half(year)
    return year if len(year) == 4 else ("20" + year.zfill(2) if len(year) <= 2 else year)


def check_signing_date(doc: Document, dated: bool, pub_date: date | None, max_age_months: int,
                       report: Report) -> None:
    """Signing date present, not after the issue's publication date and not too old."""
    d = doc.signing_date
    if d is None:
        if dated and not re.search(r"\d{4}年\d{1,2}月\d{1,2}日", doc.subtitle):
            report("signing-date-missing", "warning",
                   f"the {doc.kind} has no signing date (成文日期); enter it")
        return
    if pub_date is None:
        return
    if d > pub_date:
        report("signing-date-future", "error",
               f"the signing date {format_date(d)} is after the issue's publication date {format_date(pub_date)}; "
               "correct the date or move the document to a later issue")
    elif _months_between(d, pub_date) > max_age_months:
        report("signing-date-old", "warning",
               f"the signing date {format_date(d)} is more than {max_age_months} months before the publication date "
               f"{format_date(pub_date)}; check the date (or that the document belongs in this issue)")


def _months_between(earlier: date, later: date) -> float:
    return (later.year - earlier.year) * 12 + (later.month - earlier.month) + (later.day - earlier.day) / 31


def check_title(doc: Document, report: Report) -> None:
    """Title: no trailing punctuation, ends in a kind word, starts with the issuing organ."""
    title = re.sub(r"\s+", "", doc.title)
    if not title:
        report("title-missing", "error", "the document has no title; enter it")
        return
    if title[-1] in _TITLE_END_PUNCT:
        report("title-punctuation", "warning", f"the title ends with '{title[-1]}'; a title takes no final mark")
    core = re.sub(r"[（(][^（）()]*[）)]$", "", title.rstrip(_TITLE_END_PUNCT))  # …办法（试行）
    if doc.kind != "其他":
        if not core.endswith(KIND_WORDS):
            report("title-kind", "warning",
                   f"the title does not end with a kind of document ({doc.kind}, 通知, 决定 …); "
                   "check that it is complete")
        words = _KIND_IN_TITLE.get(doc.kind, (doc.kind,))
        if words and not any(w in title for w in words):
            report("title-kind", "warning",
                   f"the document is filed as a {doc.kind} but its title does not say so; "
                   "correct the kind or the title")
    if doc.issuers and doc.kind in ISSUER_TITLED_KINDS:
        first = re.sub(r"\s+", "", doc.issuers[0])
        if first and not title.startswith(first):
            report("title-issuer", "warning",
                   f"the title does not begin with the issuing organ '{doc.issuers[0]}'; GB/T 9704 titles "
                   "read 发文机关 + 关于… + 文种")


def check_addressees(doc: Document, report: Report) -> None:
    """Addressees (主送机关) end with a full-width colon."""
    text = doc.addressees.strip()
    if not text:
        return
    if text.endswith(":"):
        report("addressees-colon", "warning", f"the addressees end with a half-width ':'; write '：' ('…{text[-8:-1]}：')")
    elif not text.endswith("："):
        report("addressees-colon", "warning",
               f"the addressees ('…{text[-10:]}') do not end with a full-width colon; add '：'")


def check_public_note(doc: Document, accepted: tuple[str, ...], report: Report) -> None:
    """The publication note: one of the accepted wordings, in full-width brackets."""
    note = doc.public_note.strip()
    if not note or note in accepted:
        return
    inner = note.strip("（）() ")
    if not (note.startswith("（") and note.endswith("）")):
        report("public-note-form", "warning",
               f"the publication note '{note}' is not in full-width brackets; write '（{inner}）'")
    elif note not in accepted:
        report("public-note-variant", "info",
               f"the publication note '{note}' is not one of the usual wordings ({'、'.join(accepted)}); "
               "check it against the original")
