"""Chinese numerals: counted numbers (十二, 一百零五) both ways, and digit-by-digit years (二〇二五)."""

from __future__ import annotations

DIGITS = "零一二三四五六七八九"
# the characters of a heading or article number (一、 （十二） 第一百零五条), for pattern character classes
NUMERAL_CHARS = "一二三四五六七八九十百零〇两"
# digit forms of a year written digit by digit, with the sloppy zeros of copied text (二OO三)
YEAR_DIGIT_CHARS = "〇○零OoＯ０Ο一二三四五六七八九"

_YEAR_DIGIT = {ch: 0 for ch in "〇○零OoＯ０Ο"} | {ch: DIGITS.index(ch) for ch in DIGITS[1:]}
_UNIT = {"十": 10, "百": 100, "千": 1000}


def chinese_number(n: int, digits: str = DIGITS, units: str = "十百千") -> str:
    """Counted Chinese numeral: 1 -> 一, 10 -> 十, 21 -> 二十一, 105 -> 一百零五.

    ``digits`` and ``units`` give other digit sets (the financial 壹贰叁 with 拾佰仟); zero and
    negative numbers give the zero digit, 10000 and more stay in Arabic numerals.
    """
    if n <= 0:
        return digits[0]
    if n >= 10000:
        return str(n)
    parts = []
    rest = n
    zero = False
    for value, unit in ((1000, units[2]), (100, units[1]), (10, units[0])):
        q, rest = divmod(rest, value)
        if q:
            if zero:
                parts.append(digits[0])
                zero = False
            if not (value == 10 and q == 1 and not parts):
                parts.append(digits[q])
            parts.append(unit)
        elif parts:
            zero = True
    if rest:
        if zero:
            parts.append(digits[0])
        parts.append(digits[rest])
    return "".join(parts)


def parse_chinese_number(text: str) -> int | None:
    """Value of a counted Chinese numeral below 10000 (十二, 二十, 一百零五, 两千), or None.

    Accepted are the standard forms :func:`chinese_number` writes, with the usual variants
    〇 for 零, 两 for 二 and 一十 for a leading 十; anything else (十二五, 〇十五) is not a number.
    """
    canon = text.replace("〇", "零").replace("两", "二")
    if canon.startswith("一十"):
        canon = canon[1:]
    if not canon or len(canon) > 8:
        return None
    total, digit = 0, None
    for ch in canon:
        if ch in _UNIT:
            total += (1 if digit is None else digit) * _UNIT[ch]
            digit = None
        elif ch in DIGITS:
            digit = DIGITS.index(ch)
        else:
            return None
    value = total + (digit or 0)
    return value if chinese_number(value) == canon else None


def parse_digit_string(text: str) -> int | None:
    """Value of a number written digit by digit (二〇二五 -> 2025, also 二OO三), or None."""
    if not text:
        return None
    try:
        return int("".join(str(_YEAR_DIGIT[ch]) for ch in text))
    except KeyError:
        return None
