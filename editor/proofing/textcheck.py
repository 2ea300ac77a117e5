"""Checks on one run of Chinese text: punctuation (GB/T 15834-2011) and written dates.

Each function takes a string and returns ``Hit`` records (a code, a character offset and a
short detail); the document-level checks in ``editor.proofing.checks`` group the hits of
one block into findings with a place and a message. Nothing here knows about documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from editor.core.numerals import NUMERAL_CHARS

# Chinese characters and the full-width punctuation/forms that make a context "Chinese".
_HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FA1F))
_CJK_PUNCT = "，。、；：？！（）《》〈〉“”‘’〔〕【】［］「」『』…—·％"
HALF_MARKS = ",;:?!()"
FULL_FORM = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
# Pairs checked for balance; half-width round brackets pair with full-width ones (a
# half-width one is reported by the width check, not twice).
_OPENERS = {"（": "paren", "(": "paren", "《": "book", "“": "dquote", "‘": "squote",
            "〔": "hex", "【": "lent", "〈": "angle", "「": "corner", "『": "wcorner"}
_CLOSERS = {"）": "paren", ")": "paren", "》": "book", "”": "dquote", "’": "squote",
            "〕": "hex", "】": "lent", "〉": "angle", "」": "corner", "』": "wcorner"}
PAIR_SHOW = {"paren": "（ ）", "book": "《 》", "dquote": "“ ”", "squote": "‘ ’", "hex": "〔 〕",
             "lent": "【 】", "angle": "〈 〉", "corner": "「 」", "wcorner": "『 』"}

# A numbering token at the start of a heading or numbered paragraph: 一、 （一） 1. （1）.
NUMBER_TOKEN = re.compile(
    rf"^(?:[{NUMERAL_CHARS}]+[、，,．.]|[（(][{NUMERAL_CHARS}]+[）)]|[0-9０-９]+[.．、](?![0-9０-９])|[（(][0-9０-９]+[）)]"
    r"|[0-9０-９]+[）)])"
)
_ARTICLE_END = re.compile(rf"(?:^|[\s。；])第[{NUMERAL_CHARS}0-9]+[编章节条款]$")
_SPACED_PAIR = re.compile(rf"^(?:第[{NUMERAL_CHARS}0-9]+[编章节][ \u3000]+)?[\u4e00-\u9fff][ \u3000]+[\u4e00-\u9fff]$")
_DOUBLED = re.compile(r"[，。、；：,;:]{2,}")
_DATE = re.compile(r"(?<![0-9０-９])([0-9]{2,4})年([0-9]{1,2})月(?:([0-9]{1,2})日)?")
_CN_DATE_LINE = re.compile(rf"^[{NUMERAL_CHARS}○ＯO]{{2,4}}年[{NUMERAL_CHARS}]{{1,3}}月[{NUMERAL_CHARS}]{{1,3}}日$")


@dataclass(frozen=True)
class Hit:
    """One problem in a text: a finding code, the 0-based character offset and a detail."""

    code: str
    pos: int
    detail: str


def is_han(ch: str) -> bool:
    """True for a Chinese (Han) character."""
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in _HAN_RANGES)


def is_chinese(ch: str) -> bool:
    """True for a Han character or a full-width Chinese punctuation mark."""
    return is_han(ch) or ch in _CJK_PUNCT


def excerpt(text: str, pos: int, radius: int = 6) -> str:
    """A few characters either side of ``pos``, with ellipses where the text goes on."""
    start, end = max(0, pos - radius), min(len(text), pos + radius + 1)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def numbering_prefix(text: str) -> int:
    """Length of a leading numbering token (一、 （一） 1. （1）), 0 when there is none."""
    m = NUMBER_TOKEN.match(text)
    return m.end() if m else 0


def _neighbour(text: str, i: int, step: int) -> str:
    j = i + step
    while 0 <= j < len(text) and text[j] == " ":
        j += step
    return text[j] if 0 <= j < len(text) else ""


def halfwidth_marks(text: str, skip: int = 0) -> list[Hit]:
    """Half-width , ; : ? ! ( ) standing in Chinese text (not inside a Latin or number run)."""
    hits = []
    for i in range(skip, len(text)):
        ch = text[i]
        if ch not in HALF_MARKS:
            continue
        before, after = _neighbour(text, i, -1), _neighbour(text, i, 1)
        if before.isascii() and before.isalnum() and after.isascii() and after.isalnum():
            continue  # 1,000  8:30  a;b
        if ch == "(" and after and not is_chinese(after) and _closing_run_latin(text, i):
            if not (before and is_chinese(before)):
                continue  # (GDP) inside Latin text
        if (before and is_chinese(before)) or (after and is_chinese(after)):
            hits.append(Hit("punct-halfwidth", i, f"'{ch}' → '{FULL_FORM[ch]}'"))
    return hits


def _closing_run_latin(text: str, i: int) -> bool:
    close = text.find(")", i)
    return close > 0 and all(not is_chinese(c) for c in text[i + 1:close])


def unbalanced(text: str, skip: int = 0) -> tuple[list[Hit], list[tuple[str, int]]]:
    """Closing marks with no opener, and openers left open at the end of ``text``.

    Returns the hits for stray closers and crossed pairs, and the still-open marks as
    ``(kind, offset)`` so a caller can allow a quotation that runs on into the next
    paragraph (GB/T 15834: each paragraph of a long quotation opens with “ and only the
    last one closes).
    """
    hits: list[Hit] = []
    stack: list[tuple[str, int, str]] = []
    for i in range(skip, len(text)):
        ch = text[i]
        if ch in _OPENERS:
            stack.append((_OPENERS[ch], i, ch))
        elif ch in _CLOSERS:
            kind = _CLOSERS[ch]
            if stack and stack[-1][0] == kind:
                stack.pop()
            elif any(k == kind for k, _, _ in stack):
                while stack[-1][0] != kind:
                    k, p, o = stack.pop()
                    hits.append(Hit("punct-unpaired", p, f"'{o}' is not closed before '{ch}' (pair {PAIR_SHOW[k]})"))
                stack.pop()
            else:
                hits.append(Hit("punct-unpaired", i, f"'{ch}' closes nothing (pair {PAIR_SHOW[kind]})"))
    return hits, [(k, p) for k, p, _ in stack]


def doubled(text: str) -> list[Hit]:
    """Two or more sentence marks in a row (。。 ，， ，。 ；;)."""
    hits = []
    for m in _DOUBLED.finditer(text):
        run = m.group()
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if run.isascii() and not ((before and is_chinese(before)) or (after and is_chinese(after))):
            continue
        hits.append(Hit("punct-doubled", m.start(), f"'{run}'"))
    return hits


def spaces(text: str, organ_suffixes: str, skip: int = 0) -> list[Hit]:
    """Spaces between Chinese characters, except one that separates two organs' names.

    A space between two organs' names (中共中央 国务院, 市委组织部 市委编办: the text before
    ends in an organ suffix and an organ suffix follows within a few characters) is how
    joint issuers are written and is left alone.
    """
    hits = []
    for m in re.finditer(r"[ \u3000\u00a0]+", text):
        if m.start() < skip or m.start() == 0 or m.end() >= len(text):
            continue
        before, after = text[m.start() - 1], text[m.end()]
        if not (is_chinese(before) and is_chinese(after)):
            continue
        if _ARTICLE_END.search(text[: m.start()]) or _SPACED_PAIR.match(text):
            continue  # 第一章 总则, 第三条 …, 附 则: the spacing of legal texts
        if is_han(before) and is_han(after) and before in organ_suffixes and len(m.group()) == 1:
            following = re.match(r"[\u3400-\u9fff]{1,12}", text[m.end():])
            if following and any(ch in organ_suffixes for ch in following.group()[1:]):
                continue  # 中共中央 国务院, 市委组织部 市委编办: two organs side by side
        hits.append(Hit("punct-space", m.start(), f"{len(m.group())} space(s)"))
    return hits


def han_latin_spaces(text: str, skip: int = 0) -> list[Hit]:
    """Typed spaces between a Han character and a digit or Latin letter (2025年 3月, 第 5 条).

    The typesetter adds the Han–Latin spacing itself (¼ em, see typeset.linebreak), so a typed
    space doubles it; within a Latin run (GB/T 9704) a space is left alone.
    """
    hits = []
    for m in re.finditer(r"[ \u00a0]+", text):
        if m.start() < skip or m.start() == 0 or m.end() >= len(text):
            continue
        before, after = text[m.start() - 1], text[m.end()]
        latin = (before.isascii() and before.isalnum(), after.isascii() and after.isalnum())
        if (is_han(before) and latin[1]) or (latin[0] and is_han(after)):
            hits.append(Hit("space-han-latin", m.start(), f"'{before}{m.group()}{after}'"))
    return hits


def enumeration_commas(text: str) -> list[Hit]:
    """A 顿号 between quoted or titled items (“科技体检”、“科技特派员”; 《…》、《…》).

    GB/T 15834-2011 §5.1.5: items each in quotes or book-title marks are usually not
    separated by 、 unless something such as a bracketed note stands between them.
    """
    return [Hit("punct-enum-comma", m.start() + 1, f"'{m.group()}'")
            for m in re.finditer(r"”、“|》、《", text)]


def ascii_quotes(text: str) -> list[Hit]:
    """Straight quotes " and ' in Chinese text (GB/T 15834 uses “ ” and ‘ ’)."""
    hits = []
    for i, ch in enumerate(text):
        if ch == '"':
            hits.append(Hit("punct-ascii-quote", i, "'\"' → '“' or '”'"))
        elif ch == "'":
            before = text[i - 1] if i else ""
            after = text[i + 1] if i + 1 < len(text) else ""
            if before.isascii() and before.isalpha() and after.isascii() and after.isalpha():
                continue  # an apostrophe inside a Latin word
            if (before and is_chinese(before)) or (after and is_chinese(after)):
                hits.append(Hit("punct-ascii-quote", i, "\"'\" → '‘' or '’'"))
    return hits


def ellipses_and_dashes(text: str) -> list[Hit]:
    """Ellipses and dashes typed with other characters (... 。。。 -- ― ─) or a lone …."""
    hits = []
    for m in re.finditer(r"\.{3,}|。{3,}|…+|-{2,}|－{2,}|[―─]+", text):
        run = m.group()
        if run[0] == "…":
            if len(run) % 2:
                hits.append(Hit("punct-ellipsis", m.start(), f"'{run}' → '……' (two ellipsis marks)"))
        elif run[0] in ".。":
            before = text[m.start() - 1] if m.start() else ""
            after = text[m.end()] if m.end() < len(text) else ""
            if run[0] == "." and not ((before and is_chinese(before)) or (after and is_chinese(after))):
                continue
            hits.append(Hit("punct-ellipsis", m.start(), f"'{run}' → '……'"))
        else:
            hits.append(Hit("punct-dash", m.start(), f"'{run}' → '——' (two em dashes U+2014)"))
    return hits


def fullwidth_digits(text: str) -> list[Hit]:
    """Full-width digits and Latin letters (２０２５, ＡＢ) where half-width forms belong."""
    hits = []
    for m in re.finditer(r"[０-９Ａ-Ｚａ-ｚ]+", text):
        hits.append(Hit("fullwidth-alnum", m.start(), f"'{m.group()}' → '{_to_half(m.group())}'"))
    return hits


def _to_half(s: str) -> str:
    return "".join(chr(ord(c) - 0xFEE0) for c in s)


def dates(text: str) -> list[Hit]:
    """Dates written with a two-digit year or leading zeros (25年3月, 2025年03月05日)."""
    hits = []
    for m in _DATE.finditer(text):
        year, month, day = m.group(1), m.group(2), m.group(3)
        if len(year) == 3:
            continue
        if len(year) == 2 and day:
            hits.append(Hit("date-short-year", m.start(), f"'{m.group()}': write the full year"))
        if (len(month) == 2 and month[0] == "0") or (day and len(day) == 2 and day[0] == "0"):
            hits.append(Hit("date-leading-zero", m.start(), f"'{m.group()}': no leading zeros"))
    return hits


def is_chinese_numeral_date(text: str) -> bool:
    """True for a line that is only a date in Chinese numerals (二〇二五年三月五日)."""
    return bool(_CN_DATE_LINE.match(text.strip()))
