"""Signing dates in the forms found in 公文: Arabic (2025年3月21日) and Chinese numerals.

Chinese-numeral years are written digit by digit (二〇二五年, and in sloppy copies with a
letter O or a circle: 二OO三年, 二○○三年); months and days as counted numbers
(三月二十一日). ``parse_date_line`` recognises a line that is a date and nothing else and
says what it had to correct (a leading zero, Chinese numerals).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from editor.core.numerals import YEAR_DIGIT_CHARS, parse_chinese_number, parse_digit_string

_CN_SMALL = "〇零一二三四五六七八九十"

DATE_RE = re.compile(
    rf"^(?P<y>\d{{4}}|[{YEAR_DIGIT_CHARS}]{{4}})\s*年\s*"
    rf"(?P<m>\d{{1,2}}|[{_CN_SMALL}]{{1,3}})\s*月\s*"
    rf"(?P<d>\d{{1,2}}|[{_CN_SMALL}]{{1,3}})\s*日$"
)


@dataclass
class ParsedDate:
    """A recognised date and the corrections made to read it (``notes`` are finding codes)."""

    value: date
    notes: list[str] = field(default_factory=list)


def parse_date_line(line: str) -> ParsedDate | None:
    """The date if ``line`` (already stripped) is a date and nothing else, else None.

    ``notes`` may hold ``date-chinese-numerals``, ``date-letter-o`` (a letter O written for
    〇) and ``date-leading-zero``.
    """
    if len(line) > 24:
        return None
    m = DATE_RE.match(line)
    if not m:
        return None
    notes: list[str] = []
    ys, ms, ds = m.group("y"), m.group("m"), m.group("d")
    year = int(ys) if ys.isdigit() else parse_digit_string(ys)
    if not ys.isdigit():
        notes.append("date-chinese-numerals")
        if any(ch in "OoＯΟ" for ch in ys):
            notes.append("date-letter-o")
    month = int(ms) if ms.isdigit() else parse_chinese_number(ms)
    day = int(ds) if ds.isdigit() else parse_chinese_number(ds)
    if not ms.isdigit() or not ds.isdigit():
        if "date-chinese-numerals" not in notes:
            notes.append("date-chinese-numerals")
    if (ms.isdigit() and ms.startswith("0")) or (ds.isdigit() and ds.startswith("0")):
        notes.append("date-leading-zero")
    if year is None or month is None or day is None:
        return None
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    return ParsedDate(value, notes)


def format_date(value: date) -> str:
    """The standard printed form: ``2025年3月21日`` (no leading zeros)."""
    return f"{value.year}年{value.month}月{value.day}日"
