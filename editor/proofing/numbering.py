"""Heading numbering checks (GB/T 9704-2012 §7.3.3): 一、 → （一） → 1. → （1）.

Within one text (a document body or one attachment) each level counts 1, 2, 3 … without
gaps or repeats, restarting under each new parent heading — or, as many measures and plans
do, carrying on from the previous item of the same level (1.–12. under 一、 to 五、, then
13. under 六、). Numbered body paragraphs (1. 涉及固定资产投资…) count as items of their
level. A level's brackets and separators must be the standard full-width forms.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from editor.core.numerals import NUMERAL_CHARS, chinese_number, parse_chinese_number
from editor.core.patterns import ATTACHMENT_NOTE
from editor.model import Block, Heading, Paragraph

_TOKENS = (
    (1, re.compile(rf"^(?P<num>[{NUMERAL_CHARS}]+)(?P<sep>[、，,．.])")),
    (2, re.compile(rf"^(?P<open>[（(])(?P<num>[{NUMERAL_CHARS}]+)(?P<close>[）)])")),
    (3, re.compile(r"^(?P<num>[0-9０-９]+)(?P<sep>[.．、])(?![0-9０-９])")),
    (4, re.compile(r"^(?P<open>[（(])(?P<num>[0-9０-９]+)(?P<close>[）)])")),
)

# report(code, severity, message, block_index)
Report = Callable[[str, str, str, int], None]


@dataclass
class Item:
    """One numbered heading or paragraph: where it is, its level, value and printed token."""

    index: int
    level: int
    value: int
    token: str
    sep: str
    brackets: str
    is_heading: bool
    heading_level: int


def standard_token(level: int, value: int) -> str:
    """The standard printed form of number ``value`` at ``level``: 三、 （三） 3. （3）."""
    if level == 1:
        return f"{chinese_number(value)}、"
    if level == 2:
        return f"（{chinese_number(value)}）"
    if level == 3:
        return f"{value}."
    return f"（{value}）"


def parse_token(text: str) -> tuple[int, int, str, str, str] | None:
    """``(level, value, token, separator, brackets)`` of a leading numbering token, or None."""
    for level, rx in _TOKENS:
        m = rx.match(text)
        if not m:
            continue
        raw = m.group("num")
        if level in (1, 2):
            value = parse_chinese_number(raw)
            if value is None:  # not a well-formed numeral (十二五、…)
                return None
        else:
            value = int("".join(chr(ord(c) - 0xFEE0) if c > "~" else c for c in raw))
        if value < 1:
            return None
        sep = m.groupdict().get("sep") or ""
        brackets = (m.groupdict().get("open") or "") + (m.groupdict().get("close") or "")
        return level, value, m.group(), sep, brackets
    return None


def collect(blocks: list[Block]) -> list[Item]:
    """The numbered headings and numbered body paragraphs of one text, in order."""
    items = []
    in_note = False  # numbered lines after 附件：1. … belong to the attachment note
    for i, block in enumerate(blocks):
        if isinstance(block, Heading):
            in_note = False
            parsed = parse_token(block.text)
            if parsed:
                items.append(Item(i, *parsed, is_heading=True, heading_level=block.level))
        elif isinstance(block, Paragraph):
            parsed = parse_token(block.text)
            if ATTACHMENT_NOTE.match(block.text.lstrip()) or block.role == "attachment-note":
                in_note = True
                continue
            if in_note and parsed:
                continue
            in_note = False
            if parsed and block.role == "body":
                items.append(Item(i, *parsed, is_heading=False, heading_level=0))
        else:
            in_note = False
    return items


def check_numbering(blocks: list[Block], report: Report) -> None:
    """Report sequence, nesting, level and form problems of one text's numbering."""
    items = collect(blocks)
    if not items:
        return
    levels = {it.level for it in items}
    full_width = {lvl: any(it.brackets == "（）" for it in items if it.level == lvl) for lvl in (2, 4)}
    under_parent: dict[int, int | None] = dict.fromkeys(range(1, 5))
    in_text: dict[int, int | None] = dict.fromkeys(range(1, 5))
    chain: dict[int, Item] = {}
    top_reported = False
    last_index: dict[int, int] = {}
    barriers = [i for i, b in enumerate(blocks)
                if isinstance(b, (Heading, Paragraph)) and _ARTICLE.match(b.text.lstrip())]
    previous = -1
    last_token: dict[int, str] = {}
    for it in items:
        _check_form(it, full_width, last_token.get(it.level, ""), report)
        last_token[it.level] = it.token
        if any(previous < i < it.index for i in barriers):
            # a new chapter or article (第五条 …：（一）…) starts its own enumeration
            under_parent = dict.fromkeys(range(1, 5))
            chain.clear()
        previous = it.index
        lvl = it.level
        for deeper in range(lvl + 1, 5):
            under_parent[deeper] = None
            chain.pop(deeper, None)
        prev = under_parent[lvl]
        if not it.is_heading and it.value == 1 and last_index.get(lvl, -2) != it.index - 1:
            prev = None  # a new list of numbered paragraphs after ordinary text
        _check_sequence(it, prev, in_text[lvl], report)
        last_index[lvl] = it.index
        if lvl > 1:
            higher = [k for k in range(1, lvl) if k in chain]
            if not higher:
                if any(k < lvl for k in levels):
                    report("heading-orphan", "warning",
                           f"{_name(it)} comes before any higher-level heading "
                           f"({standard_token(min(levels), 1)} …); move it under its parent heading "
                           "or correct its level", it.index)
                elif not top_reported and lvl == min(levels) and it.is_heading:
                    top_reported = True
                    report("heading-top-level", "info",
                           f"the top headings of this text are numbered like level {lvl} ({it.token}); "
                           "GB/T 9704 numbers the first level 一、 — renumber if the house style requires",
                           it.index)
            elif lvl - 1 not in chain and lvl - 1 in levels:
                report("heading-level-skipped", "info",
                       f"{_name(it)} follows a level-{max(higher)} heading directly, while elsewhere "
                       f"this text has level-{lvl - 1} headings in between; check the structure", it.index)
        under_parent[lvl] = it.value
        in_text[lvl] = it.value
        chain[lvl] = it


def _name(it: Item) -> str:
    what = "heading" if it.is_heading else "numbered paragraph"
    return f"level-{it.level} {what} '{it.token}'"


def _check_sequence(it: Item, prev: int | None, last_in_text: int | None, report: Report) -> None:
    n, lvl = it.value, it.level
    if prev is None:
        if n == 1 or (last_in_text is not None and n == last_in_text + 1):
            return
        expected = standard_token(lvl, 1)
        if last_in_text is not None:
            expected += f" (or {standard_token(lvl, last_in_text + 1)} to continue the numbering)"
        report("heading-sequence", "warning",
               f"{_name(it)} is the first of its level under its parent but is numbered {n}; "
               f"expected {expected}", it.index)
        return
    if n == prev + 1:
        return
    if n == prev:
        msg = f"{_name(it)} repeats the number of the item before it; renumber it {standard_token(lvl, n + 1)}"
    elif n > prev + 1:
        missing = ", ".join(standard_token(lvl, k) for k in range(prev + 1, min(n, prev + 4)))
        msg = f"{_name(it)} follows {standard_token(lvl, prev)}: {missing}{' …' if n - prev > 4 else ''} missing"
    else:
        msg = f"{_name(it)} follows {standard_token(lvl, prev)}: numbers go backwards; expected {standard_token(lvl, prev + 1)}"
    report("heading-sequence", "warning", msg, it.index)


def _check_form(it: Item, full_width: dict[int, bool], before: str, report: Report) -> None:
    std = standard_token(it.level, it.value)
    if it.is_heading and it.heading_level != it.level:
        report("heading-level-mismatch", "warning",
               f"heading '{it.token}' is marked level {it.heading_level}, but its numbering is level {it.level}; "
               "set the level that matches the numbering (or renumber it)", it.index)
    if it.level in (2, 4) and it.brackets != "（）":
        mixed = " while the other headings of this level use full-width （ ）" if full_width[it.level] else ""
        after = f" (after '{before}')" if before.startswith("（") and before.endswith("）") else ""
        report("heading-bracket-width", "warning",
               f"'{it.token}'{after} is written with half-width brackets{mixed}; write '{std}'", it.index)
    elif it.level == 1 and it.sep != "、":
        report("heading-number-form", "warning", f"'{it.token}' → '{std}': level 1 is followed by 、", it.index)
    elif it.level == 3 and it.sep == "、":
        report("heading-number-form", "warning",
               f"'{it.token}' → '{std}': an Arabic numeral takes a full stop, not 、 (GB/T 15834)", it.index)


# 第一章总则 / 第一章 总则; an article needs its space (第四条所称… at a paragraph start is a reference)
_ARTICLE = re.compile(rf"^第(?P<num>[{NUMERAL_CHARS}]+|[0-9]+)(?:(?P<unit>[编章节])|(?P<art>条)(?=[\s\u3000]|$))")


def check_articles(blocks: list[Block], report: Report) -> None:
    """Chapters (第一章 …) count on through a text, sections (第一节) restart in each chapter,
    articles (第一条 …) count on through the whole text without restarting."""
    last: dict[str, int | None] = {"编": None, "章": None, "节": None, "条": None}
    for i, block in enumerate(blocks):
        if not isinstance(block, (Heading, Paragraph)):
            continue
        m = _ARTICLE.match(block.text.lstrip())
        if not m:
            continue
        raw, unit = m.group("num"), m.group("unit") or m.group("art")
        value = int(raw) if raw.isdigit() else parse_chinese_number(raw)
        if value is None:
            continue
        if unit == "章":
            last["节"] = None
        prev = last[unit]
        expected = 1 if prev is None else prev + 1
        if value != expected:
            shown = f"第{chinese_number(expected)}{unit}"
            what = "repeats the number before it" if prev is not None and value == prev else f"should be {shown}"
            report("article-sequence", "warning",
                   f"'第{raw}{unit}' {what}" + (f" (after 第{chinese_number(prev)}{unit})" if prev else "")
                   + "; renumber it or restore the missing one", i)
        last[unit] = value
