"""Character classes for Chinese line breaking (clreq / GB/T 15834), one small int per char.

The classes decide where a line may break, which marks may be compressed and where
Han–Latin spacing goes. ``klass(ch)`` is memoised: a paragraph costs one dict lookup per
character.
"""

from __future__ import annotations

HAN = 0        # ideographs, kana, full-width symbols: break allowed on both sides
LATIN = 1      # letters and digits of an unbreakable Latin/digit run (Han–Latin spacing applies)
WIDE_ALNUM = 2  # full-width letters/digits: runs stay together, no Han–Latin spacing
OPEN = 3       # opening quotes/brackets: never at line end
CLOSE = 4      # closing quotes/brackets: never at line start
STOP = 5       # ，。、；：  never at line start; full-width ones compressible (ink on the left)
STOP_FIXED = 6  # ？！ and half-width , . ; : ? !  never at line start, never compressed
MIDDLE = 7     # ·  never at line start
DASH = 8       # — (two of them form one unbreakable ——; a single one is a connector)
ELLIPSIS = 9   # … (…… never splits)
CONNECTOR = 10  # ～ ~ – - outside a Latin run, single —: never at line start
UNIT_SIGN = 11  # % ％ ‰ ℃ °: stays with its number, never at line start
SPACE = 12     # breakable space (dropped at line ends)
NBSP = 13      # no-break space
JOINER = 14    # . , : / - + & ' _ @ # inside a Latin run (only between letters/digits)

OPENERS = "“‘（〔［【《〈「『｛〖〘〚〝([{"
CLOSERS = "”’）〕］】》〉」』｝〗〙〛〞〟)]}"
STOPS = "，。、；：｡､"
FIXED_STOPS = "？！?!‼⁇⁈⁉"
HALF_STOPS = ",.;:"
MIDDLES = "·・‧•"
UNIT_SIGNS = "%％‰‱℃℉°′″"
CONNECTORS = "～~–-〜"
LATIN_JOINERS = ".,:/-+&'_@#"

#: classes that may not begin a line
NO_START = frozenset((CLOSE, STOP, STOP_FIXED, MIDDLE, CONNECTOR, UNIT_SIGN))
#: classes that may not end a line
NO_END = frozenset((OPEN,))
#: Han characters that act as a measure word and stay with a number before them
UNIT_HAN = frozenset("年月日时分秒万亿元角个人次项条家户所名吨米亩倍岁度期届批处座辆台件篇章节号层栋套份周天")

_CACHE: dict[str, int] = {}


def _classify(ch: str) -> int:
    if ch in OPENERS:
        return OPEN
    if ch in CLOSERS:
        return CLOSE
    if ch in STOPS:
        return STOP
    if ch in FIXED_STOPS:
        return STOP_FIXED
    if ch in HALF_STOPS:
        return STOP_FIXED
    if ch in MIDDLES:
        return MIDDLE
    if ch in UNIT_SIGNS:
        return UNIT_SIGN
    if ch in "—―":
        return DASH
    if ch in "…⋯":
        return ELLIPSIS
    if ch in CONNECTORS:
        return CONNECTOR
    if ch == " " or ch == "\t" or ch == "\u2009" or ch == "\u2002" or ch == "\u2003":
        return SPACE
    if ch in "\u00a0\u202f\u2007\u2060":
        return NBSP
    if ch in "/+&'_@#":
        return JOINER
    o = ord(ch)
    if o < 0x80:
        return LATIN if ch.isalnum() else HAN
    if 0xFF10 <= o <= 0xFF19 or 0xFF21 <= o <= 0xFF3A or 0xFF41 <= o <= 0xFF5A:
        return WIDE_ALNUM
    if o < 0x2000 and ch.isalnum():  # Latin-1/Extended, Greek, Cyrillic letters
        return LATIN
    return HAN


def klass(ch: str) -> int:
    """The line-breaking class of one character."""
    c = _CACHE.get(ch)
    if c is None:
        c = _CACHE[ch] = _classify(ch)
    return c


def is_run_char(cls: int) -> bool:
    """True for classes that form unbreakable Latin/digit runs."""
    return cls == LATIN or cls == WIDE_ALNUM
