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

from editor.importers.bodytext import (
    ATTACHMENT_NOTE_RE,
    CN_NUM,
    LABEL_RE,
    classify,
    heading_level,
    join_lines,
    noted_titles,
)
from editor.importers.dates import ParsedDate, parse_date_line
from editor.importers.normalize import HAN, Report
from editor.model import Attachment, Block, Document, Paragraph
from editor.proofing.findings import Finding

# kind words, longest first so that 实施意见 wins over 意见 and 复函 over 函
KIND_WORDS: tuple[tuple[str, str], ...] = (
    ("大事记", "大事记"), ("实施细则", "细则"), ("实施方案", "方案"), ("实施意见", "意见"),
    ("通知", "通知"), ("决定", "决定"), ("意见", "意见"), ("批复", "批复"), ("通告", "通告"),
    ("公告", "公告"), ("办法", "办法"), ("规定", "规定"), ("规则", "规则"), ("细则", "细则"),
    ("命令", "命令"), ("报告", "报告"), ("请示", "请示"), ("复函", "函"), ("函", "函"),
    ("纪要", "纪要"), ("方案", "方案"), ("通报", "其他"), ("决议", "其他"), ("议案", "其他"),
    ("条例", "其他"), ("规划", "其他"), ("计划", "其他"), ("措施", "其他"), ("令", "命令"),
)
_KIND_END = re.compile("(?:" + "|".join(w for w, _ in KIND_WORDS) + r")(?:（[^（）]{1,8}）)?$")
ORGAN_SUFFIX = (
    "人民政府", "政府", "办公室", "办公厅", "委员会", "管委会", "管理委员会", "党委", "市委", "县委", "区委",
    "委", "局", "厅", "部", "院", "署", "会", "中心", "公司", "集团", "小组", "办", "处", "所", "站", "队",
)
DOC_NUMBER_LINE = re.compile(rf"^[{HAN}A-Za-z]{{1,16}}〔\d{{4}}〕\d{{1,5}}号$")
ORDER_NUMBER_LINE = re.compile(r"^(?:\d{4}\s*年\s*)?第\s*\d{1,5}\s*号$")
PUBLIC_NOTE = re.compile(r"^[（(]\s*(?:此件[^（）()]{1,12}|公开方式[：:][^（）()]{1,8})\s*[）)]$")
_RED_HEADER = re.compile(rf"^[{HAN} ]{{2,40}}文件$")
_SIGNER_LINE = re.compile(r"^签\s*发\s*人[：:]")
_METADATA = re.compile(
    r"^(索引号|主题分类|主题词|发文机关|发布机构|成文日期|发布日期|文号|发文字号|标题|有效性|生效日期|"
    r"失效日期|信息来源|来源|浏览次数|字号|分类|发布时间|责任编辑|访问量|当前位置)\s*[：:](?P<value>.*)$"
)
# the furniture of a government web page copied along with the text
_WEB_CHROME = re.compile(
    r"^(?:【?\s*字体[：:].{0,12}|【?打印本页】?|【?打印】?|【?关闭窗口】?|【?关闭】?|返回顶部|分享到[：:]?.{0,20}|"
    r"扫一扫在手机打开当前页|【?收藏】?|首页\s*[>＞].{0,60}|上一篇[：:].{0,60}|下一篇[：:].{0,60})$"
)
_COLOPHON = re.compile(r"^(抄送[：:]|抄报[：:]|.{0,30}\d{4}年\d{1,2}月\d{1,2}日\s*印发$)")
_DATE_RANGE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日\s*[—\-–~～至]+\s*(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日$")
_CLOSING = re.compile(rf"^(?:市长|县长|区长|旗长|主任|局长|书记|省长|主席)\s*[{HAN}]{{2,4}}$")
_CONTACT = re.compile(r"^（(?:联系人|联系电话|经办人|联系方式)[^（）]*）$")
_PUNCT = re.compile(r"[，。、；：！？,.;:!?“”《》]")


@dataclass
class _Cursor:
    items: list[str | Block]
    pos: int = 0

    def peek(self, k: int = 0) -> str | Block | None:
        j = self.pos + k
        return self.items[j] if j < len(self.items) else None

    def text(self, k: int = 0) -> str:
        item = self.peek(k)
        return item if isinstance(item, str) else ""


@dataclass
class _Head:
    title: str = ""
    issuers: list[str] = field(default_factory=list)
    kind: str = "其他"
    doc_number: str = ""
    subtitle: str = ""
    addressees: str = ""


def kind_of(title: str) -> str:
    """The document kind (one of ``DOCUMENT_KINDS``) its title's last word gives."""
    core = re.sub(r"（[^（）]{1,8}）$", "", title)
    if "任免" in core or re.search(r"关于(?:任|免|聘任|任命|免去)[^关]*职务", core):
        return "任免"
    for word, kind in KIND_WORDS:
        if core.endswith(word):
            return kind
    return "其他"


def is_title_end(text: str) -> bool:
    """True when ``text`` ends with a document kind word (…的通知, …办法（试行）)."""
    return bool(_KIND_END.search(text.replace(" ", "")))


def _looks_like_title_line(line: str) -> bool:
    return (
        0 < len(line) <= 60
        and "\t" not in line
        and not re.search(r"[。；！？]", line)
        and not line.endswith(("，", "：", ":"))
        and not DOC_NUMBER_LINE.match(line)
        and not parse_date_line(line)
        and not PUBLIC_NOTE.match(line)
        and not heading_level(line)
    )


def _collect_title(cur: _Cursor) -> list[str]:
    lines: list[str] = []
    while len(lines) < 4:
        line = cur.text()
        if not line or not _looks_like_title_line(line):
            break
        joined = "".join(lines)
        if lines:
            if is_title_end(joined):
                if not (line.startswith(("的", "（")) and len(line) <= 20 and is_title_end(line)):
                    break
            elif len(joined) + len(line) > 100:
                break
        lines.append(line)
        cur.pos += 1
        if is_title_end("".join(lines)) and not cur.text().startswith(("的", "（")):
            nxt = cur.text()
            if not (nxt.startswith(("的通知", "的决定", "的意见", "的批复", "的函")) and len(nxt) <= 20):
                break
    return lines


def split_title(lines: list[str]) -> tuple[list[str], str]:
    """Issuing organs and the title text after them, from the title lines."""
    raw = " ".join(lines)
    idx = raw.find("关于")
    # 包头市人民政府办公室转发市发展改革委关于…: the organ ends before 转发/印发
    for verb in ("转发", "印发", "批转"):
        v = raw.find(verb)
        if 0 < v < (idx if idx > 0 else len(raw)) and any(raw[:v].rstrip().endswith(s) for s in ORGAN_SUFFIX):
            idx = v
    if idx > 0:
        organs = [o for o in re.split(r"[ 、，]+", raw[:idx]) if o]
        rest = raw[idx:]
    else:
        organs, rest = [], raw
        # 包头市人民政府令 / 包头市人民政府通告: the organ is what precedes the kind word
        suffixes = "|".join(ORGAN_SUFFIX)
        m = re.match(rf"^([{HAN} ]+?(?:{suffixes}))(令|通告|公告|命令|决定)$", raw.replace(" ", "")) or re.match(
            rf"^([{HAN}]+?(?:{suffixes}))(第[\d{CN_NUM}]+次.+)$", raw.replace(" ", ""))
        if m:
            organs, rest = [m.group(1)], m.group(2)
    rest = re.sub(r"(?<=[^A-Za-z0-9]) +| +(?=[^A-Za-z0-9])", "", rest)
    organs = [o for o in organs if any(o.endswith(s) for s in ORGAN_SUFFIX) or len(o) >= 4]
    return organs, rest


def _organ_line(line: str) -> bool:
    return (
        0 < len(line) <= 40
        and not _PUNCT.search(line.replace(" ", ""))
        and any(line.endswith(s) for s in ORGAN_SUFFIX)
        and not heading_level(line)
    )


def _addressee_ok(text: str) -> bool:
    if "如下" in text or "。" in text or len(text) > 200:
        return False
    body = text.rstrip("：:")
    # 各旗、县、区人民政府: one-character items share the suffix of the last one
    parts = [p for p in re.split(r"[，、,]", body) if len(p) > 2]
    if not parts:
        return False
    good = sum(1 for p in parts if any(p.endswith(s) for s in ORGAN_SUFFIX + ("单位", "部门", "企事业单位", "企业", "机构", "同志", "学校", "各位")))
    return good >= max(1, (len(parts) + 1) // 2) and any(body.endswith(s) for s in ORGAN_SUFFIX + ("单位", "部门", "企业", "机构", "同志", "学校"))


def _parse_head(cur: _Cursor, report: Report, meta: dict[str, str]) -> _Head:
    head = _Head()
    # red header (包头市人民政府文件) and a number above the title
    while True:
        line = cur.text()
        if _RED_HEADER.match(line) and len(line) <= 40:
            report.add(Finding("red-header-removed", "info", f"the document header line “{line}” was left out"))
            cur.pos += 1
        elif _number_with_signer(line) and not head.doc_number:
            head.doc_number = _number_with_signer(line)
            cur.pos += 1
        elif _SIGNER_LINE.match(line):
            cur.pos += 1
        else:
            break
    lines = _collect_title(cur)
    if lines:
        organs, rest = split_title(lines)
        head.issuers = organs
        head.title = "".join(organs) + rest if len(organs) <= 1 else " ".join(organs) + rest
        head.kind = kind_of(rest or head.title)
        if len(lines) > 1:
            report.add(Finding("title-joined", "info", f"the title was read from {len(lines)} lines", head.title[:40]))
    else:
        report.add(Finding("no-title", "warning", "no title was recognised; the first lines are kept in the body"))
    if not head.issuers and meta.get("issuer"):
        head.issuers = [o for o in re.split(r"[ 、，]+", meta["issuer"]) if o]
    # subtitle, number, addressees (in the order they come)
    for _ in range(6):
        line = cur.text()
        if not line:
            break
        if not head.doc_number and (_number_with_signer(line) or (head.kind in ("命令", "公告", "通告") and ORDER_NUMBER_LINE.match(line))):
            head.doc_number = _number_with_signer(line) or line.replace(" ", "")
            cur.pos += 1
            continue
        if _SIGNER_LINE.match(line):
            cur.pos += 1
            continue
        if not head.subtitle and not head.addressees and (
            _DATE_RANGE.match(line)
            or (line.startswith("（") and line.endswith("）") and not PUBLIC_NOTE.match(line) and len(line) <= 80)
        ):
            head.subtitle = line
            cur.pos += 1
            continue
        if not head.addressees:
            taken = _take_addressees(cur)
            if taken:
                head.addressees = taken
                continue
        break
    if not head.doc_number and meta.get("doc_number"):
        head.doc_number = meta["doc_number"]
    return head


_NUMBER_SIGNER = re.compile(rf"^([{HAN}A-Za-z]{{1,16}}〔\d{{4}}〕\d{{1,5}}号)\s*(?:签\s*发\s*人[：:].{{0,30}})?$")


def _number_with_signer(line: str) -> str:
    """The document number of a number line, also when 签发人：… stands beside it."""
    m = _NUMBER_SIGNER.match(line)
    return m.group(1) if m else ""


def _take_addressees(cur: _Cursor) -> str:
    acc = ""
    for k in range(4):
        line = cur.text(k)
        if not line or "\t" in line or heading_level(line):
            return ""
        acc += line
        if line.endswith(("：", ":")):
            if _addressee_ok(acc):
                cur.pos += k + 1
                return acc.rstrip(":：") + "："
            return ""
        if not line.endswith(("，", "、", ",")) and len(line) > 12:
            return ""
    return ""


def _norm_key(text: str) -> str:
    return re.sub(r"[\s《》〈〉“”\"]", "", text)


def _match_title(cur: _Cursor, candidates: Sequence[str]) -> list[str] | None:
    keys = [_norm_key(c) for c in candidates if c]
    acc = ""
    best = None
    for k in range(4):
        line = cur.text(k)
        if not line:
            break
        acc += _norm_key(line)
        if acc in keys:
            best = k + 1  # keep looking: a longer candidate may continue on the next line
        if not any(key.startswith(acc) and key != acc for key in keys):
            break
    return [cur.text(j) for j in range(best)] if best else None


def _guess_title(cur: _Cursor) -> list[str]:
    first = cur.text()
    if not first or not _looks_like_title_line(first) or len(first) > 50 or _PUNCT.search(first.replace("《", "").replace("》", "")):
        return []
    lines = [first]
    second = cur.text(1)
    if (
        second
        and len(first) <= 30
        and len(second) <= 24
        and _looks_like_title_line(second)
        and not _PUNCT.search(second)
        and not is_title_end(first)
        and not LABEL_RE.match(second)
        and isinstance(cur.peek(2), str)
        and "\t" not in cur.text(2)
    ):
        lines.append(second)
    return lines


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
    cur = _Cursor(items)
    head = _parse_head(cur, report, meta)
    doc = Document(title=head.title, kind=head.kind, issuers=head.issuers, doc_number=head.doc_number,
                   addressees=head.addressees, subtitle=head.subtitle)
    rest = items[cur.pos:]
    rest = _drop_colophon(rest, report)

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

    notes = noted_titles(main)
    body_items = join_lines(main, report, doc.kind, check) if join else main
    doc.body = classify(body_items, doc.kind) + closing
    doc.attachments = _attachments(tail, doc, notes, report, join, check)
    if not doc.body and not doc.attachments:
        report.add(Finding("empty-body", "warning", "no body text was found"))
    return doc


def _text_follows(items: Sequence[str | Block]) -> bool:
    """True when body text follows (not a publication note, a label or nothing)."""
    for item in items[:3]:
        if not isinstance(item, str):
            return True
        if PUBLIC_NOTE.match(item) or LABEL_RE.match(item) or _CONTACT.match(item):
            return False
        if len(item) > 15:
            return True
    return False


def _strip_metadata(items: list[str | Block], report: Report) -> tuple[list[str | Block], dict[str, str]]:
    meta: dict[str, str] = {}
    out: list[str | Block] = []
    for j, item in enumerate(items):
        if isinstance(item, str) and len(item) <= 80 and _WEB_CHROME.match(item):
            report.note("website-metadata-removed", item)
            continue
        if j < 30 and isinstance(item, str):
            m = _METADATA.match(item)
            if m:
                key = m.group(1)
                value = m.group("value").strip()
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
        if _organ_line(line) and len(signers) < 4:
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
    key = _norm_key(m.group(1))
    for j, item in enumerate(main[1:], start=1):
        if isinstance(item, str) and len(item) <= 60:
            if _norm_key(item) == key:
                return j
            nxt = main[j + 1] if j + 1 < len(main) else None
            if isinstance(nxt, str) and len(nxt) <= 30 and _norm_key(item + nxt) == key:
                return j
    return 0


def _split_at_label(main: list[str | Block]) -> tuple[list[str | Block], list[str | Block]]:
    seen_note = False
    for j, item in enumerate(main):
        if isinstance(item, str):
            if ATTACHMENT_NOTE_RE.match(item):
                seen_note = True
            elif seen_note and LABEL_RE.match(item):
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
    cur = _Cursor(tail)
    main_texts = [b.text for b in doc.body if isinstance(b, Paragraph)]
    candidates = _enclosed_candidates(doc, main_texts)

    def start_region(label: str | None, inline_title: str = "") -> None:
        if inline_title:
            title = inline_title
        else:
            titles = [t for _, t in pending] + candidates
            lines = _match_title(cur, titles) or _guess_title(cur)
            title = _join_title(lines)
            cur.pos += len(lines)
        if title:
            for k, (_, t) in enumerate(pending):
                if _norm_key(t) == _norm_key(title):
                    del pending[k]
                    break
        regions.append(_Region(label, title))

    if _label_at(cur) is None:
        start_region("")
    while cur.pos < len(tail):
        if check and cur.pos % 512 == 0:
            check()
        found = _label_at(cur)
        if found is not None:
            cur.pos += 1
            start_region(*found)
            continue
        if pending and isinstance(cur.peek(), str):
            matched = _match_title(cur, [t for _, t in pending])
            if matched:
                title = _join_title(matched)
                idx = next(k for k, (_, t) in enumerate(pending) if _norm_key(t) == _norm_key(title))
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
        if isinstance(item, str) and ATTACHMENT_NOTE_RE.match(item):
            # notes inside the enclosed text announce attachments that follow it
            more = noted_titles(tail[cur.pos:cur.pos + 40])
            for pair in more:
                if pair not in pending:
                    pending.append(pair)
        cur.pos += 1
    out = []
    for region in regions:
        notes_here = noted_titles(region.items)
        del notes_here
        items = join_lines(region.items, report, doc.kind, check) if join else region.items
        out.append(Attachment(region.label or "", region.title, classify(items, doc.kind)))
    return out


_INLINE_LABEL = re.compile(
    r"^附\s*件\s*(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})\s*[：:]\s*(?P<title>[^。；！？]{2,60})$")


def _label_at(cur: _Cursor) -> tuple[str, str] | None:
    """(label, title on the same line or "") when the current line is an attachment label
    (附件, 附件1, or 附件1：标题), else None."""
    line = cur.text()
    if not line:
        return None
    m = LABEL_RE.match(line)
    if m:
        return "附件" + (m.group("n") or ""), ""
    m = _INLINE_LABEL.match(line)
    if m:
        return "附件" + m.group("n"), m.group("title").strip()
    return None


def _join_title(lines: list[str]) -> str:
    text = "".join(lines)
    return re.sub(r"(?<=[^A-Za-z0-9]) +| +(?=[^A-Za-z0-9])", "", text)
