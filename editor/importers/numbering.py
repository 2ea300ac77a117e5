"""Word's automatic numbering (numbering.xml) turned into the numbering text.

A paragraph that Word numbers (``w:numPr`` on the paragraph or its style) gets the text
Word would show: ``lvlText`` such as ``%1、`` or ``（%1）`` with each ``%N`` replaced by
the counter of level N in that level's format (decimal, chineseCounting, …). Counters
are kept per abstract list, as Word does, unless the list instance restarts them.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from editor.core.numerals import chinese_number

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_HEAVENLY = "甲乙丙丁戊己庚辛壬癸"
_ZODIAC = "子丑寅卯辰巳午未申酉戌亥"
_PUA_BULLETS = {"\uf0b7", "\uf06c", "\uf0a7", "\uf0d8", "\uf0fc", "\uf076", "\uf0a8", "\uf06e", "\uf075"}


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out


def _letter(n: int) -> str:
    if n <= 0:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """``n`` in Word number format ``fmt``."""
    if fmt in ("decimal", "", None):
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand", "japaneseLegal", "koreanDigital", "chineseCountingTenThousand",
               "ideographDigital", "taiwaneseDigital", "koreanCounting"):
        return chinese_number(n)
    if fmt == "chineseLegalSimplified":
        return chinese_number(n, _LEGAL, "拾佰仟")
    if fmt == "ideographTraditional":
        return _HEAVENLY[(n - 1) % 10]
    if fmt == "ideographZodiac":
        return _ZODIAC[(n - 1) % 12]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    if fmt == "decimalFullWidth" or fmt == "decimalFullWidth2":
        return "".join(chr(ord(c) + 0xFEE0) for c in str(n))
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letter(n).upper()
    if fmt == "lowerLetter":
        return _letter(n)
    if fmt == "none":
        return ""
    return str(n)


@dataclass
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"
    legal: bool = False


def _val(el: etree._Element | None, default: str = "") -> str:
    if el is None:
        return default
    return el.get(f"{W}val", default)


def _int(text: str, default: int) -> int:
    try:
        return int(text)
    except (TypeError, ValueError):
        return default


class Numbering:
    """The lists of a Word document and their running counters."""

    def __init__(self, root: etree._Element | None) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[object, dict[int, int]] = {}
        if root is None:
            return
        for absn in root.findall(f"{W}abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in absn.findall(f"{W}lvl"):
                ilvl = _int(lvl.get(f"{W}ilvl", "0"), 0)
                levels[ilvl] = _Level(
                    start=_int(_val(lvl.find(f"{W}start"), "1"), 1),
                    fmt=_val(lvl.find(f"{W}numFmt"), "decimal"),
                    text=_val(lvl.find(f"{W}lvlText"), ""),
                    suffix=_val(lvl.find(f"{W}suff"), "tab"),
                    legal=lvl.find(f"{W}isLgl") is not None,
                )
            self.abstract[absn.get(f"{W}abstractNumId", "")] = levels
        for num in root.findall(f"{W}num"):
            overrides: dict[int, int] = {}
            for ov in num.findall(f"{W}lvlOverride"):
                so = ov.find(f"{W}startOverride")
                if so is not None:
                    overrides[_int(ov.get(f"{W}ilvl", "0"), 0)] = _int(_val(so, "1"), 1)
            self.nums[num.get(f"{W}numId", "")] = (_val(num.find(f"{W}abstractNumId")), overrides)

    def label(self, num_id: str, ilvl: int) -> tuple[str, str]:
        """Advance the list ``num_id`` at level ``ilvl``; return (numbering text, separator)."""
        if num_id in ("", "0") or num_id not in self.nums:
            return "", ""
        abs_id, overrides = self.nums[num_id]
        levels = self.abstract.get(abs_id)
        if not levels or ilvl not in levels:
            return "", ""
        key: object = ("num", num_id) if overrides else abs_id
        counters = self.counters.setdefault(key, {})
        level = levels[ilvl]
        start = overrides.get(ilvl, level.start)
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if level.fmt == "bullet":
            text = level.text
            if not text or text in _PUA_BULLETS or "\ue000" <= text[0] <= "\uf8ff":
                text = "●"
            return text, " "

        def sub(idx: int) -> str:
            lv = levels.get(idx)
            if lv is None:
                return ""
            value = counters.get(idx, overrides.get(idx, lv.start))
            return format_number(value, "decimal" if level.legal else lv.fmt)

        out = []
        text = level.text
        i = 0
        while i < len(text):
            ch = text[i]
            if ch == "%" and i + 1 < len(text) and text[i + 1].isdigit():
                out.append(sub(int(text[i + 1]) - 1))
                i += 2
                continue
            out.append(ch)
            i += 1
        label = "".join(out)
        if not label:
            return "", ""
        last = label[-1]
        if level.suffix == "nothing" or not last.isascii():
            sep = ""
        else:
            sep = " "
        return label, sep
