"""Clean-up of pasted or extracted text before it is structured.

Works line by line, in linear time: odd spaces (full-width, no-break, zero-width) become
ordinary spaces or go, half-width punctuation in Chinese context becomes full-width
(``,`` ``:`` ``;`` ``(`` ``)`` ``?`` ``!`` and a final ``.``), document numbers in any
bracket variant get 六角括号 〔〕, and page-break debris (page numbers, running heads,
repeated title lines) is removed. Every change is counted in a :class:`Report`, which
turns into findings at the end.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from editor.core.findings import Finding
from editor.core.patterns import ATTACHMENT_LABEL

HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN_RE = re.compile(f"[{HAN}]")
# characters that make a neighbouring half-width mark "Chinese context"
_CJK_CONTEXT = re.compile(f"[{HAN}\u3000-\u303f\uff01-\uff5e“”‘’《》]")

_ODD_SPACES = dict.fromkeys(map(ord, "\u3000\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f"), " ")
_FULLWIDTH_ALNUM = {
    code: code - 0xFEE0
    for code in list(range(0xFF10, 0xFF1A)) + list(range(0xFF21, 0xFF3B)) + list(range(0xFF41, 0xFF5B))
}
# characters an XML document (and so the store) cannot hold: C0 controls but tab and line
# feed, the non-characters U+FFFE/U+FFFF and unpaired surrogates
XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)

DOC_NUMBER_ANY = re.compile(
    r"(?P<pre>[" + HAN + r"A-Za-z]{1,16})\s*[〔\[［(（﹝【]\s*(?P<year>\d{4})\s*[〕\]］)）﹞】]\s*"
    r"(?P<di>第)?\s*(?P<num>\d{1,5})\s*号"
)

PAGE_NUMBER_RE = re.compile(
    r"^(?:[-—–－─~～•·\s]*\d{1,4}[-—–－─~～•·\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4})$"
)
_ISSUE_HEAD_RE = re.compile(r"(公报.{0,12}第\s*\d{1,3}\s*期|^\d{4}\s*年\s*第\s*\d{1,3}\s*期$)")
_HEAD_WORD_RE = re.compile(r"(文件|公报|大事记|专栏)$")
# typical gazette column (栏目) names, printed as running heads on every page
_COLUMN_HEAD = re.compile(
    r"^(?:(?:市|县|区|旗|盟|州|省|自治区)?(?:人民)?政府(?:办公室|办公厅)?文件|部门文件|(?:政府)?大事记|人事任免|"
    r"政策解读|政府令|规范性文件)$"
)
_SENTENCE_PUNCT = re.compile(r"[，。、；：！？,.;:!?]")
TERMINAL = "。！？；：…!?;:"
_HEADING_START = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[.．、](?!\d)|[（(]\d{1,2}[）)]"
    r"|第[一二三四五六七八九十百零〇]+[编章节条])"
)


@dataclass
class Report:
    """Counts of what the clean-up changed, with one example place each."""

    counts: Counter = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)
    extra: list[Finding] = field(default_factory=list)

    def note(self, code: str, example: str = "", n: int = 1) -> None:
        """Count ``n`` changes of kind ``code``; remember the first example."""
        self.counts[code] += n
        if example and code not in self.examples:
            self.examples[code] = example[:40]

    def add(self, finding: Finding) -> None:
        """Add a finding as it is (for one-off facts such as a normalised number)."""
        self.extra.append(finding)

    def findings(self) -> list[Finding]:
        """All findings: the one-off ones first, then one per counted kind."""
        out = list(self.extra)
        for code in sorted(self.counts):
            n = self.counts[code]
            severity, text = _MESSAGES.get(code, ("info", code))
            ex = self.examples.get(code, "")
            out.append(Finding(code, severity, text.format(n=n), where=ex))
        return out


_MESSAGES = {
    "half-width-punctuation": ("warning", "{n} half-width punctuation mark(s) in Chinese text were made full-width"),
    "stray-space": ("info", "{n} stray or full-width space(s) were removed"),
    "page-number-removed": ("info", "{n} page number line(s) from page breaks were removed"),
    "running-head-removed": ("info", "{n} running head or repeated title line(s) from page breaks were removed"),
    "doc-number-brackets": ("warning", "{n} document number(s) had other brackets, 第 or a leading zero and were normalised (〔2025〕12号)"),
    "full-width-alphanumerics": ("warning", "{n} line(s) had full-width digits or letters; they were made half-width"),
    "lines-joined": ("info", "{n} line break(s) inside paragraphs were joined"),
    "colophon-removed": ("info", "{n} colophon line(s) (抄送/印发) were left out"),
    "website-metadata-removed": ("info", "{n} website metadata line(s) (索引号, 发布日期 …) were left out"),
    "control-characters-removed": ("warning", "{n} control or non-text character(s) that a document cannot hold were removed"),
}


def split_lines(text: str) -> list[str]:
    """Split text into lines on any line or page separator."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    for sep in ("\f", "\v", "\u2028", "\u2029", "\x85"):
        text = text.replace(sep, "\n")
    return text.split("\n")


def _is_ctx(ch: str) -> bool:
    return bool(ch) and bool(_CJK_CONTEXT.match(ch))


def _fix_parens(line: str) -> tuple[str, int]:
    """Make half-width parentheses full-width where they enclose or touch Chinese text."""
    chars = list(line)
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    lone: list[int] = []
    for i, ch in enumerate(chars):
        if ch == "(":
            stack.append(i)
        elif ch == ")":
            if stack:
                pairs.append((stack.pop(), i))
            else:
                lone.append(i)
    lone.extend(stack)
    changed = 0
    for a, b in pairs:
        inner = line[a + 1 : b]
        before = line[a - 1] if a > 0 else ""
        after = line[b + 1] if b + 1 < len(line) else ""
        # (1)优化… : an item number in front of Chinese text (not after a Latin word or a digit)
        following = after if a else line[b + 1 :].lstrip(" ")[:1]  # "(1) 优化" opening a line
        numbering = (inner.isdigit() and len(inner) <= 2 and _is_ctx(following)
                     and not (before.isascii() and before.isalnum()))
        if _HAN_RE.search(inner) or _is_ctx(before) or (_is_ctx(after) and not inner.isascii()) or numbering:
            chars[a], chars[b] = "（", "）"
            changed += 1
        elif _is_ctx(before) and _is_ctx(after):
            chars[a], chars[b] = "（", "）"
            changed += 1
    for i in lone:
        before = line[i - 1] if i > 0 else ""
        after = line[i + 1] if i + 1 < len(line) else ""
        if _is_ctx(before) or _is_ctx(after) or i == 0 or i == len(line) - 1:
            chars[i] = "（" if chars[i] == "(" else "）"
            changed += 1
    return "".join(chars), changed


_SIMPLE = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！"}


def fix_punctuation(line: str) -> tuple[str, int]:
    """Full-width punctuation in Chinese context; returns the line and the number of changes."""
    if line.isascii():
        return line, 0
    out: list[str] = []
    changed = 0
    n = len(line)
    for i, ch in enumerate(line):
        if ch in _SIMPLE:
            before = line[i - 1] if i else ""
            after = line[i + 1] if i + 1 < n else ""
            if before.isdigit() and after.isdigit():
                out.append(ch)
                continue
            if ch in "?!" and not _is_ctx(before):
                out.append(ch)
                continue
            if _is_ctx(before) or (_is_ctx(after) and not before.isascii()) or (_is_ctx(after) and not before):
                out.append(_SIMPLE[ch])
                changed += 1
                continue
            if _is_ctx(after) and before and not before.isalnum():
                out.append(_SIMPLE[ch])
                changed += 1
                continue
        elif ch == "." and i and _HAN_RE.match(line[i - 1]) and (i + 1 == n or _is_ctx(line[i + 1])):
            out.append("。")
            changed += 1
            continue
        out.append(ch)
    line = "".join(out)
    if "(" in line or ")" in line:
        line, k = _fix_parens(line)
        changed += k
    if '"' in line and line.count('"') % 2 == 0 and _HAN_RE.search(line):
        parts = line.split('"')
        rebuilt = parts[0]
        for k, part in enumerate(parts[1:]):
            rebuilt += ("“" if k % 2 == 0 else "”") + part
        changed += line.count('"')
        line = rebuilt
    return line, changed


_SPACE_AROUND_PUNCT = re.compile(r" *([，。、；：！？）〕］》”’】]) *| *([（〔［《“‘【]) *")
_HAN_DIGIT_SPACE = re.compile(rf"(?<=[{HAN}]) +(?=[0-9])|(?<=[0-9%‰]) +(?=[{HAN}])")


def _keep_caption_space(m: re.Match[str]) -> str:
    """Han–digit spaces go, except after a caption number (图1 示意图, 表2 汇总)."""
    before = m.string[max(0, m.start() - 4):m.start()]
    if re.search(r"[图表]\s*\d+$", before):
        return m.group(0)
    return ""


def clean_line(line: str, report: Report) -> str:
    """Normalise one line: spaces, punctuation, document-number brackets."""
    if not line:
        return line
    if XML_UNSAFE.search(line):
        report.note("control-characters-removed", line, len(XML_UNSAFE.findall(line)))
        line = XML_UNSAFE.sub("", line)
    raw = line
    line = line.translate(_ZERO_WIDTH)
    line = line.translate(_ODD_SPACES)
    line = line.strip(" ")
    if "\t" in line:
        line = "\t".join(cell.strip(" ") for cell in line.split("\t")).rstrip("\t")
    if "  " in line:
        line = re.sub(" {2,}", " ", line)
    if any("\uff10" <= ch <= "\uff5a" for ch in line):
        half = line.translate(_FULLWIDTH_ALNUM)
        half = re.sub(r"(?<=[0-9])％", "%", half)
        half = re.sub(r"(?<=[0-9])．(?=[0-9])", ".", half)
        if half != line:
            report.note("full-width-alphanumerics", line)
            line = half
    fixed, k = fix_punctuation(line)
    if k:
        report.note("half-width-punctuation", line, k)
        line = fixed
    if " " in line:
        tight = _SPACE_AROUND_PUNCT.sub(lambda m: m.group(1) or m.group(2), line)
        tight = _HAN_DIGIT_SPACE.sub(_keep_caption_space, tight)
        line = tight
    if any(ch in line for ch in "〔[［(（﹝【") and "号" in line:
        line = _fix_doc_numbers(line, report)
    stripped_raw = raw.translate(_ZERO_WIDTH).strip(" \t\u3000\u00a0")
    if line.replace("\t", "") != stripped_raw.replace("\t", "") and not k:
        if "\u3000" in stripped_raw or "  " in stripped_raw or " " in stripped_raw or any(
            ch in stripped_raw for ch in "\u200b\ufeff\u00a0"
        ):
            report.note("stray-space", stripped_raw)
    return line


def _fix_doc_numbers(line: str, report: Report) -> str:
    def repl(m: re.Match[str]) -> str:
        new = f"{m.group('pre')}〔{m.group('year')}〕{int(m.group('num'))}号"
        if new != m.group(0):
            report.note("doc-number-brackets", m.group(0))
        return new

    return DOC_NUMBER_ANY.sub(repl, line)


def is_page_number(line: str) -> bool:
    """A line that is only a page number such as ``— 3 —``, ``-3-``, ``3`` or ``第3页``."""
    return len(line) <= 24 and bool(PAGE_NUMBER_RE.match(line)) and any(ch.isdigit() for ch in line)


def _head_candidate(line: str) -> bool:
    """Short lines that could be a running head: no sentence punctuation, no numbering, no tabs."""
    return (
        0 < len(line) <= 24
        and "\t" not in line
        and not _SENTENCE_PUNCT.search(line)
        and not _HEADING_START.match(line)
        and not ATTACHMENT_LABEL.match(line)
        and not line.endswith("日")
        and not line.startswith(("（", "●"))
    )


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends a paragraph: terminal punctuation, or a closing bracket or
    quote right after one, or a parenthetical note that starts after a sentence."""
    if not text:
        return True
    last = text[-1]
    if last in TERMINAL:
        return True
    if last in "”’）)】〕」』》":
        if len(text) > 1 and text[-2] in TERMINAL:
            return True
        if last in "）)":
            text = text[-400:]
            idx = max(text.rfind("（"), text.rfind("("))
            if idx == 0 or (idx > 0 and text[idx - 1] in TERMINAL + "）)"):
                return True
    return False


def clean_text_lines(lines: list[str], report: Report) -> list[str]:
    """Clean every line and remove page-break debris; empty lines are dropped."""
    cleaned = [clean_line(ln, report) for ln in lines]
    return remove_debris([ln for ln in cleaned if ln and ln.strip("\t")], report)


def remove_debris(cleaned: list[str], report: Report) -> list[str]:
    """Drop page numbers, gazette running heads and repeated title lines from cleaned lines."""
    out: list[str] = []
    for ln in cleaned:
        if is_page_number(ln):
            report.note("page-number-removed", ln)
            continue
        if _ISSUE_HEAD_RE.search(ln) and len(ln) <= 40 and not _SENTENCE_PUNCT.search(ln):
            report.note("running-head-removed", ln)
            continue
        out.append(ln)
    return remove_running_heads(out, report)


def remove_running_heads(lines: list[str], report: Report) -> list[str]:
    """Drop short lines that repeat (running heads, repeated titles after a page break)
    and single 书眉-like lines (…文件, …公报) that interrupt a sentence.

    A repeated line counts as debris when it reads like a running head (…文件, …公报,
    …大事记) or repeats one of the opening (title) lines; its first occurrence is kept
    when it opens the text or is followed by a date (a signature line).
    """
    counts = Counter(ln for ln in lines if _head_candidate(ln))
    opening = set(lines[:5])
    repeated = {
        ln for ln, c in counts.items()
        if c >= 2 and (_HEAD_WORD_RE.search(ln) or ln in opening or "公报" in ln)
    }
    # the opening (title) lines: up to the first line that reads like a sentence
    zone = 0
    while zone < min(5, len(lines)) and not _SENTENCE_PUNCT.search(lines[zone]) and len(lines[zone]) <= 40:
        zone += 1
    out: list[str] = []
    n = len(lines)
    for i, ln in enumerate(lines):
        if ln in repeated:
            nxt = lines[i + 1] if i + 1 < n else ""
            first_line = i < zone and lines.index(ln) == i
            before_date = bool(re.match(r"^\S{2,6}年\S{1,3}月\S{1,3}日", nxt)) and not _HEAD_WORD_RE.search(ln)
            if first_line or before_date:
                out.append(ln)
                continue
            report.note("running-head-removed", ln)
            continue
        if i > 0 and _COLUMN_HEAD.match(ln) and not (i < zone and lines.index(ln) == i):
            report.note("running-head-removed", ln)
            continue
        if (
            _head_candidate(ln)
            and _HEAD_WORD_RE.search(ln)
            and out
            and i + 1 < n
            and not ends_sentence(out[-1])
            and "\t" not in out[-1]
            and not _HEADING_START.match(lines[i + 1])
            and i > 0
        ):
            report.note("running-head-removed", ln)
            continue
        out.append(ln)
    return out
