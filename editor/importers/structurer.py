"""The 公文 structurer: cleaned lines in, a :class:`Document` out.

Reads, in order: an optional red header (…文件) and document number, the title (one or
several lines: organ, 关于…, …的通知), a subtitle, the document number, the addressees
(lines ending in a colon before the body), the body, the signature, the signing date,
the publication note (（此件公开发布） …), and what follows: the enclosed text of a 印发
notice (an attachment with an empty label) and the attachments (附件 / 附件1 lines or a
title announced by an attachment note). What it had to guess or correct is reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from editor.core.dates import ParsedDate, parse_date_line
from editor.core.findings import Finding
from editor.core.patterns import ATTACHMENT_LABEL, ATTACHMENT_LABEL_TITLE, ATTACHMENT_NOTE
from editor.importers.bodytext import (
    classify,
    join_lines,
    noted_titles,
)
from editor.importers.head import (
    PUBLIC_NOTE,
    Cursor,
    guess_title,
    join_title,
    match_title,
    norm_key,
    organ_line,
    parse_head,
)
from editor.importers.normalize import HAN, Report
from editor.model import Attachment, Block, Document, Paragraph, Table

_META_KEYS = (
    r"索引号|主题分类|主题词|发文机关|发布机构|成文日期|发布日期|文号|发文字号|标题|有效性|生效日期|"
    r"失效日期|信息来源|来源|浏览次数|阅读次数|点击数|点击量|字号|分类|发布时间|责任编辑|编辑|作者|访问量|当前位置"
)
_METADATA = re.compile(rf"^({_META_KEYS})\s*[：:](?P<value>.*)$")
# a key where a value begins: at the start or after a space or tab (several on one line)
_METADATA_KEY = re.compile(rf"(?:^|(?<=\s))({_META_KEYS})\s*[：:]")
# 2025-03-21 10:00 来源：… under the title of a web page
_WEB_DATELINE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+.{0,60})?$")
# the furniture of a government web page copied along with the text
_CHROME_ITEM = (
    r"(?:【?\s*字体[：:]\s*[大中小\s]{0,8}】?|【\s*字体[：:].{0,12}?】|【?打印本页】?|【?打印】?|【?关闭窗口】?|【?关闭】?|"
    r"返回顶部|【?我要纠错】?|【?收藏】?|分享到[：:]?.{0,20}|扫一扫在手机打开当前页|首页\s*[>＞].{0,60}|"
    r"上一篇[：:].{0,60}|下一篇[：:].{0,60}|相关(?:文件|链接|阅读|新闻|解读)[：:]?|"
    r"主办[：:].{0,40}承办[：:].{0,40}|.{0,40}(?:ICP备|公网安备|网站标识码|版权所有).{0,40})"
)
# one or more of them on a line (【字体：大 中 小】 打印本页 关闭窗口)
_WEB_CHROME = re.compile(rf"^(?:{_CHROME_ITEM}\s*)+$")
_COLOPHON = re.compile(r"^(抄送[：:]|抄报[：:]|.{0,30}\d{4}年\d{1,2}月\d{1,2}日\s*印发$)")
_CLOSING = re.compile(rf"^(?:市长|县长|区长|旗长|主任|局长|书记|省长|主席)\s*[{HAN}]{{2,4}}$")
_CONTACT = re.compile(r"^（(?:联系人|联系电话|经办人|联系方式)[^（）]*）$")


@dataclass
class _Region:
    label: str | None  # None = the main body
    title: str = ""
    items: list[str | Block] = field(default_factory=list)


def structure(
    items: Sequence[str | Block],
    report: Report,
    *,
    join: bool = True,
    check: Callable[[], None] | None = None,
) -> Document:
    """Build a document from cleaned lines (``join``: lines may be broken mid-paragraph)."""
    items = list(items)
    items, meta = _strip_metadata(items, report)
    cur = Cursor(items)
    head = parse_head(cur, report, meta)
    doc = Document(title=head.title, kind=head.kind, issuers=head.issuers, doc_number=head.doc_number,
                   addressees=head.addressees, subtitle=head.subtitle)
    rest = items[cur.pos:]
    rest = _drop_colophon(rest, report)
    rest = _byline(rest, doc, report)

    # the signing date ends the main document; a date right under the title with text
    # after it (a meeting's date above its minutes) is a subtitle instead
    date_at = None
    for j, item in enumerate(rest):
        if isinstance(item, str) and "\t" not in item and len(item) <= 24:
            parsed = parse_date_line(item)
            if parsed:
                if j == 0 and not doc.subtitle and _text_follows(rest[1:]):
                    doc.subtitle = item
                    continue
                date_at = j
                break
    if doc.subtitle and rest and rest[0] == doc.subtitle:
        rest = rest[1:]
        date_at = date_at - 1 if date_at is not None else None
    if date_at is not None:
        main = rest[:date_at]
        parsed = parse_date_line(rest[date_at])  # type: ignore[arg-type]
        assert parsed is not None
        _date_findings(parsed, rest[date_at], report)  # type: ignore[arg-type]
        doc.signing_date = parsed.value
        main, closing = _signature(main, doc, report)
        tail = rest[date_at + 1:]
        if tail and isinstance(tail[0], str) and PUBLIC_NOTE.match(tail[0]):
            note = tail[0]
            fixed = "（" + note.strip("（）() ").replace(" ", "") + "）"
            if fixed != note:
                report.add(Finding("public-note-brackets", "info", "the publication note was given full-width brackets", note))
            doc.public_note = fixed
            tail = tail[1:]
        # a contact note under the date (（联系人：…）) closes the main document
        while tail and isinstance(tail[0], str) and _CONTACT.match(tail[0]):
            closing.append(Paragraph(tail[0], indent=False))
            tail = tail[1:]
    else:
        main, tail, closing = rest, [], []
        if meta.get("date"):
            parsed = parse_date_line(meta["date"])
            if parsed:
                doc.signing_date = parsed.value

    # attachments announced without a date before them (no date, a label after a note)
    if date_at is None:
        main, tail = _split_at_label(main)
    # the enclosed text of a 印发 notice copied before the date (a web page that puts the
    # date at the very end): it starts at a line that is the title of what is issued
    j = _enclosed_start(main, doc)
    if j:
        main, tail = main[:j], main[j:] + tail

    _complete_title(doc, report)
    notes = noted_titles(main)
    body_items = join_lines(main, report, doc.kind, check) if join else main
    doc.body = classify(body_items, doc.kind) + closing
    doc.attachments = _attachments(tail, doc, notes, report, join, check)
    if not doc.body and not doc.attachments:
        report.add(Finding("empty-body", "warning", "no body text was found"))
    return doc


def _complete_title(doc: Document, report: Report) -> None:
    """A title copied without its organ (关于印发…的通知, as web pages list it) gets the organ
    that signed the document in front: the stored title is the full title."""
    if not doc.title.startswith("关于") or not doc.issuers:
        return
    organs = " ".join(doc.issuers)
    doc.title = organs + doc.title
    report.add(Finding("title-issuer-added", "warning",
                       "the title began with 关于; the issuing organ from the signature was put in front", doc.title))


def _byline(rest: list[str | Block], doc: Document, report: Report) -> list[str | Block]:
    """Organ line(s) and a date right under the title, with the text after them (a
    statistical bulletin, a report, a speech): the organ issues it, the date is its date."""
    organs: list[str] = []
    for j, item in enumerate(rest[:4]):
        if not isinstance(item, str):
            return rest
        parsed = parse_date_line(item)
        if parsed:
            if organs and _text_follows(rest[j + 1:]) and not doc.addressees:
                if not doc.issuers:
                    doc.issuers = organs
                doc.signing_date = parsed.value
                _date_findings(parsed, item, report)
                report.add(Finding("byline", "info", "the organ and date under the title were read as its byline",
                                   " ".join(organs) + " " + item))
                return rest[j + 1:]
            return rest
        if not organ_line(item):
            return rest
        organs.extend(o for o in item.split(" ") if o)
    return rest


def _text_follows(items: Sequence[str | Block]) -> bool:
    """True when body text follows (not a publication note, a label or nothing)."""
    for item in items[:3]:
        if not isinstance(item, str):
            return True
        if PUBLIC_NOTE.match(item) or ATTACHMENT_LABEL.match(item) or _CONTACT.match(item):
            return False
        if len(item) > 15 or re.search(r"[，。；]", item):
            return True
    return False


def _metadata_pairs(line: str) -> list[tuple[str, str]]:
    """(key, value) pairs of a metadata line, several on one line included
    (文号：<tab>包府发〔2025〕28号<tab>发布日期：<tab>2025年04月10日)."""
    marks = list(_METADATA_KEY.finditer(line))
    pairs = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(line)
        pairs.append((m.group(1), line[m.end():end].strip(" \t")))
    return pairs


def _strip_metadata(items: list[str | Block], report: Report) -> tuple[list[str | Block], dict[str, str]]:
    meta: dict[str, str] = {}
    out: list[str | Block] = []
    for j, item in enumerate(items):
        if isinstance(item, str) and len(item) <= 80 and _WEB_CHROME.match(item):
            report.note("website-metadata-removed", item)
            continue
        if j < 30 and isinstance(item, str) and "\t" not in item and _WEB_DATELINE.match(item):
            report.note("website-metadata-removed", item)
            continue
        if j < 30 and isinstance(item, str):
            m = _METADATA.match(item)
            if m:
                for key, value in _metadata_pairs(item):
                    if key in ("文号", "发文字号") and value:
                        meta["doc_number"] = value
                    elif key in ("发文机关", "发布机构") and value:
                        meta["issuer"] = value
                    elif key == "成文日期" and value:
                        meta["date"] = value
                report.note("website-metadata-removed", item)
                continue
        out.append(item)
    return out, meta


def _drop_colophon(items: list[str | Block], report: Report) -> list[str | Block]:
    out = []
    for item in items:
        if isinstance(item, str) and _COLOPHON.match(item) and "\t" not in item:
            report.note("colophon-removed", item)
            continue
        if isinstance(item, Table) and len(item.rows) <= 4 and any(
            _COLOPHON.match(line.strip()) for row in item.rows for cell in row for line in cell.text.split("\n")
        ):
            report.note("colophon-removed", "(a table)")  # the 版记 of a Word file, laid out as a table
            continue
        out.append(item)
    return out


def _date_findings(parsed: ParsedDate, line: str, report: Report) -> None:
    if "date-leading-zero" in parsed.notes:
        report.add(Finding("date-leading-zero", "warning", "the signing date had a leading zero; it is printed without", line))
    if "date-chinese-numerals" in parsed.notes:
        report.add(Finding("date-chinese-numerals", "info", "the signing date was written in Chinese numerals; it is printed in Arabic numerals", line))
    if "date-letter-o" in parsed.notes:
        report.add(Finding("date-letter-o", "warning", "the signing date used a letter O for 〇", line))


def _signature(main: list[str | Block], doc: Document, report: Report) -> tuple[list[str | Block], list[Block]]:
    """Organ lines right above the date are the signature; a 市长 XXX line is a closing line."""
    closing: list[Block] = []
    signers: list[str] = []
    while main and isinstance(main[-1], str):
        line = main[-1]
        if _CLOSING.match(line.replace(" ", "")) or re.match(r"^(?:市长|县长|区长|旗长|主任|局长|省长)\s+\S{2,4}$", line):
            closing.insert(0, Paragraph(line, align="right", indent=False, role="closing"))
            main = main[:-1]
            continue
        if organ_line(line) and len(signers) < 4:
            signers.insert(0, line)
            main = main[:-1]
            continue
        break
    if signers:
        organs = [o for s in signers for o in s.split(" ") if o]
        if not doc.issuers:
            doc.issuers = organs
        report.add(Finding("signature-removed", "info", "the signature above the date was taken as the issuing organ(s)", " ".join(organs)))
    return main, closing


def _enclosed_start(main: list[str | Block], doc: Document) -> int:
    m = re.search(r"(?:印发|转发|公布|发布)(.+?)的(?:通知|决定|令)$", doc.title)
    if not m:
        return 0
    key = norm_key(m.group(1))
    for j, item in enumerate(main[1:], start=1):
        if isinstance(item, str) and len(item) <= 60:
            if norm_key(item) == key:
                return j
            nxt = main[j + 1] if j + 1 < len(main) else None
            if isinstance(nxt, str) and len(nxt) <= 30 and norm_key(item + nxt) == key:
                return j
    return 0


def _split_at_label(main: list[str | Block]) -> tuple[list[str | Block], list[str | Block]]:
    seen_note = False
    for j, item in enumerate(main):
        if isinstance(item, str):
            if ATTACHMENT_NOTE.match(item):
                seen_note = True
            elif seen_note and ATTACHMENT_LABEL.match(item):
                return main[:j], main[j:]
    return main, []


def _enclosed_candidates(doc: Document, main: Sequence[str | Block]) -> list[str]:
    cands = []
    m = re.search(r"(?:印发|转发|公布|发布)(.+?)的(?:通知|决定|令)$", doc.title)
    if m:
        cands.append(m.group(1).strip("《》"))
    for item in main:
        if isinstance(item, Paragraph) or isinstance(item, str):
            text = item if isinstance(item, str) else item.text
            cands.extend(re.findall(r"《([^《》]{2,60})》", text))
    return cands


def _attachments(
    tail: list[str | Block],
    doc: Document,
    notes: list[tuple[str, str]],
    report: Report,
    join: bool,
    check: Callable[[], None] | None,
) -> list[Attachment]:
    if not tail:
        return []
    regions: list[_Region] = []
    pending = list(notes)
    cur = Cursor(tail)
    main_texts = [b.text for b in doc.body if isinstance(b, Paragraph)]
    candidates = _enclosed_candidates(doc, main_texts)

    def start_region(label: str | None, inline_title: str = "") -> None:
        if inline_title:
            title = inline_title
        else:
            titles = [t for _, t in pending] + candidates
            lines = match_title(cur, titles) or guess_title(cur)
            title = join_title(lines)
            cur.pos += len(lines)
        if title:
            for k, (_, t) in enumerate(pending):
                if norm_key(t) == norm_key(title):
                    del pending[k]
                    break
        regions.append(_Region(label, title))

    if _label_at(cur) is None and not (pending and match_title(cur, [t for _, t in pending])):
        start_region("")  # the enclosed text of a 印发 notice
    while cur.pos < len(tail):
        if check and cur.pos % 512 == 0:
            check()
        found = _label_at(cur)
        if found is not None:
            cur.pos += 1
            start_region(*found)
            continue
        if pending and isinstance(cur.peek(), str):
            matched = match_title(cur, [t for _, t in pending])
            if matched:
                title = join_title(matched)
                idx = next(k for k, (_, t) in enumerate(pending) if norm_key(t) == norm_key(title))
                number, _ = pending.pop(idx)
                many = len(notes) > 1 or bool(number and number != "1")
                regions.append(_Region(f"附件{number}" if many and number else "附件", title))
                cur.pos += len(matched)
                continue
        item = cur.peek()
        assert item is not None
        if not regions:
            regions.append(_Region("", ""))
        regions[-1].items.append(item)
        if isinstance(item, str) and ATTACHMENT_NOTE.match(item):
            # notes inside the enclosed text announce attachments that follow it
            more = noted_titles(tail[cur.pos:cur.pos + 40])
            for pair in more:
                if pair not in pending:
                    pending.append(pair)
        cur.pos += 1
    out = []
    for region in regions:
        items = join_lines(region.items, report, doc.kind, check) if join else region.items
        out.append(Attachment(region.label or "", region.title, classify(items, doc.kind)))
    return out


def _label_at(cur: Cursor) -> tuple[str, str] | None:
    """(label, title on the same line or "") when the current line is an attachment label
    (附件, 附件1, or 附件1：标题), else None."""
    line = cur.text()
    if not line:
        return None
    m = ATTACHMENT_LABEL.match(line)
    if m:
        return "附件" + (m.group("n") or ""), ""
    m = ATTACHMENT_LABEL_TITLE.match(line)
    if m:
        return "附件" + m.group("n"), m.group("title").strip()
    return None


