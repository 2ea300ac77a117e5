"""The head of a 公文: red header, title (over several lines), issuing organs, kind,
document number, subtitle and addressees; and the title helpers the attachments use.

A :class:`Cursor` walks the cleaned lines; :func:`parse_head` consumes the head lines and
returns a :class:`Head`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from editor.core.dates import parse_date_line
from editor.core.findings import Finding
from editor.core.numerals import NUMERAL_CHARS
from editor.core.patterns import ATTACHMENT_LABEL
from editor.importers.bodytext import heading_level
from editor.importers.normalize import HAN, Report
from editor.model import Block

# kind words, longest first so that 实施意见 wins over 意见 and 复函 over 函
KIND_WORDS: tuple[tuple[str, str], ...] = (
    ("大事记", "大事记"), ("实施细则", "细则"), ("实施方案", "方案"), ("实施意见", "意见"),
    ("通知", "通知"), ("决定", "决定"), ("意见", "意见"), ("批复", "批复"), ("通告", "通告"),
    ("公告", "公告"), ("办法", "办法"), ("规定", "规定"), ("规则", "规则"), ("细则", "细则"),
    ("命令", "命令"), ("报告", "报告"), ("请示", "请示"), ("复函", "函"), ("函", "函"),
    ("纪要", "纪要"), ("方案", "方案"), ("通报", "通报"), ("决议", "决议"), ("议案", "议案"),
    ("条例", "其他"), ("规划", "其他"), ("计划", "其他"), ("措施", "其他"), ("公报", "其他"), ("要点", "其他"),
    ("清单", "其他"), ("名单", "其他"), ("目录", "其他"), ("指南", "其他"), ("章程", "其他"), ("细则", "细则"),
    ("令", "命令"),
)
_KIND_END = re.compile("(?:" + "|".join(w for w, _ in KIND_WORDS) + r")(?:（[^（）]{1,8}）)?$")
ORGAN_SUFFIX = (
    "人民政府", "政府", "办公室", "办公厅", "委员会", "管委会", "管理委员会", "党委", "市委", "县委", "区委",
    "委", "局", "厅", "部", "院", "署", "会", "中心", "公司", "集团", "小组", "办", "处", "所", "站", "队",
    "军分区", "警备区", "银行", "分行", "支行", "海关", "大学", "学校",
)
DOC_NUMBER_LINE = re.compile(rf"^[{HAN}A-Za-z]{{1,16}}〔\d{{4}}〕\d{{1,5}}号$")
ORDER_NUMBER_LINE = re.compile(r"^(?:\d{4}\s*年\s*)?第\s*\d{1,5}\s*号$")
PUBLIC_NOTE = re.compile(r"^[（(]\s*(?:(?:此件|本件)[^（）()]{1,12}|公开方式[：:][^（）()]{1,8})\s*[）)]$")
_RED_HEADER = re.compile(rf"^[{HAN} ]{{2,40}}文件$")
_GAZETTE_NAME = re.compile(rf"^[{HAN}]{{2,16}}政府公报$")  # a running head copied from a gazette page
_SIGNER_LINE = re.compile(r"^签\s*发\s*人[：:]")
DATE_RANGE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日\s*[—\-–~～至]+\s*(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日$")
PUNCT = re.compile(r"[，。、；：！？,.;:!?“”《》]")


@dataclass
class Cursor:
    items: list[str | Block]
    pos: int = 0

    def peek(self, k: int = 0) -> str | Block | None:
        j = self.pos + k
        return self.items[j] if j < len(self.items) else None

    def text(self, k: int = 0) -> str:
        item = self.peek(k)
        return item if isinstance(item, str) else ""


@dataclass
class Head:
    title: str = ""
    issuers: list[str] = field(default_factory=list)
    kind: str = "其他"
    doc_number: str = ""
    subtitle: str = ""
    addressees: str = ""


def kind_of(title: str) -> str:
    """The document kind (one of ``DOCUMENT_KINDS``) its title's last word gives."""
    core = re.sub(r"（[^（）]{1,8}）$", "", title)
    if re.search(r"任免|任职|免职|任命|聘任|免去|解聘", core) or re.search(r"关于(?:任|免)[^关]*职务", core):
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
        0 < len(line) <= (100 if "关于" in line and is_title_end(line) else 60)
        and "\t" not in line
        and not re.search(r"[。；！？]", line)
        and not line.endswith(("，", "：", ":"))
        and not DOC_NUMBER_LINE.match(line)
        and not parse_date_line(line)
        and not PUBLIC_NOTE.match(line)
        and not heading_level(line)
    )


def _collect_title(cur: Cursor) -> list[str]:
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
        organs = _organs(raw[:idx])
        rest = raw[idx:]
    else:
        organs, rest = [], raw
        # 包头市人民政府令 / 包头市人民政府通告: the organ is what precedes the kind word
        suffixes = "|".join(ORGAN_SUFFIX)
        m = re.match(rf"^([{HAN} ]+?(?:{suffixes}))(令|通告|公告|命令|决定)$", raw.replace(" ", "")) or re.match(
            rf"^([{HAN}]+?(?:{suffixes}))(第[\d{NUMERAL_CHARS}]+次.+)$", raw.replace(" ", ""))
        if m:
            organs, rest = [m.group(1)], m.group(2)
    rest = re.sub(r"(?<=[^A-Za-z0-9]) +| +(?=[^A-Za-z0-9])", "", rest)
    organs = [o for o in organs if any(o.endswith(s) for s in ORGAN_SUFFIX) or len(o) >= 4]
    return organs, rest


def _organs(text: str) -> list[str]:
    """The organs named before 关于: separated by spaces or 、; pieces of one organ broken
    by a stray space (包头市 人民政府) are put back together."""
    organs: list[str] = []
    acc = ""
    for piece in re.split(r"([ 、，]+)", text):
        if not piece.strip(" 、，"):
            if acc and any(acc.endswith(s) for s in ORGAN_SUFFIX):
                organs.append(acc)
                acc = ""
            continue
        acc += piece
    if acc:
        organs.append(acc)
    return organs


def organ_line(line: str) -> bool:
    return (
        0 < len(line) <= 40
        and not PUNCT.search(line.replace(" ", ""))
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


def parse_head(cur: Cursor, report: Report, meta: dict[str, str]) -> Head:
    head = Head()
    # red header (包头市人民政府文件) and a number above the title
    while True:
        line = cur.text()
        if (_RED_HEADER.match(line) or _GAZETTE_NAME.match(line)) and len(line) <= 40:
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
        sep = "、" if "、" in "".join(lines).split("关于")[0] else " "
        head.title = (sep.join(organs) if len(organs) > 1 else "".join(organs)) + rest
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
            DATE_RANGE.match(line)
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


def _take_addressees(cur: Cursor) -> str:
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


def norm_key(text: str) -> str:
    return re.sub(r"[\s《》〈〉“”\"]", "", text)


def match_title(cur: Cursor, candidates: Sequence[str]) -> list[str] | None:
    keys = [norm_key(c) for c in candidates if c]
    acc = ""
    best = None
    for k in range(4):
        line = cur.text(k)
        if not line:
            break
        acc += norm_key(line)
        if acc in keys:
            best = k + 1  # keep looking: a longer candidate may continue on the next line
        if not any(key.startswith(acc) and key != acc for key in keys):
            break
    return [cur.text(j) for j in range(best)] if best else None


def guess_title(cur: Cursor) -> list[str]:
    first = cur.text()
    if not first or not _looks_like_title_line(first) or len(first) > 50 or PUNCT.search(first.replace("《", "").replace("》", "")):
        return []
    lines = [first]
    second = cur.text(1)
    if (
        second
        and len(first) <= 30
        and len(second) <= 24
        and _looks_like_title_line(second)
        and not PUNCT.search(second)
        and not is_title_end(first)
        and not ATTACHMENT_LABEL.match(second)
        and isinstance(cur.peek(2), str)
        and "\t" not in cur.text(2)
    ):
        lines.append(second)
    return lines


def join_title(lines: list[str]) -> str:
    text = "".join(lines)
    return re.sub(r"(?<=[^A-Za-z0-9]) +| +(?=[^A-Za-z0-9])", "", text)
