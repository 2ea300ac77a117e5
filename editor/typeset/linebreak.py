"""The Chinese line breaker: spans of styled text -> justified lines of positioned glyphs.

Implements the rules of Chinese line breaking (W3C *Requirements for Chinese Text Layout*,
GB/T 15834-2011 for punctuation) on top of the font metrics of editor.typeset.fonts:
unbreakable Latin/digit runs and ——/……, no forbidden marks at line start or end, punctuation
compression (adjacent marks 1.5 em, line-end marks half width, optionally an opening mark at
line start), push in before push out, justification of every non-final line (compress first,
stretch second, never inside a Latin/digit run), Han–Latin spacing and no single-character
last line. A paragraph is cut into *units* (a character, or an unbreakable cluster), kept in
parallel lists of floats rather than per-character objects; line fitting is greedy with
prefix sums, so a paragraph costs a few passes over its characters.

Decisions where the rules leave room:
- Latin/digit runs join across inner ``. , : / - + & ' _ @ #`` (9.82, 1,000, GB/T, 3+5+N,
  12:30, 9704-2012) and take a trailing ``% ％ ‰ ℃ °``; a run followed by a measure word
  (年 月 日 个 万 亿 元 …) is not broken before it (2025年, 12个). A single ``—`` between
  numbers (2023—2025) is a connector: it never starts a line but a line may end after it, so
  a long range is not one rigid block. ``——`` and ``……`` are one unit each and may start or
  end a line.
- Full-width marks are compressible only when the font draws them at least 0.9 em wide
  (some fonts have proportional curly quotes: those are left alone). ？！· are never
  compressed. A line-end closing mark or ，。、；： is always set half width; an opening
  mark at line start loses its leading half only when a line needs it to fit (last tier).
- 孤字不成行: a last line with one character, closing punctuation not counted (「好。」 is one
  character), first takes the previous line's last unit(s) down, if the previous line keeps
  two units or more; otherwise the lone character is pushed in by compressing that line.
- Negative tracking is a grid (see TextStyle).
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass

from editor.typeset import cjkclass as cc
from editor.typeset.fonts import FontRegistry

EPS = 1e-6
HL_SPACE = 0.25     # natural Han–Latin spacing, em
HL_MAX = 0.5        # Han–Latin spacing may stretch to this, em
FULL_WIDTH = 0.9    # a punctuation mark at least this wide (em) is "full width" and compressible


@dataclass(frozen=True)
class TextStyle:
    """Font role, size in pt and tracking (extra pt after each character).

    A justified line's last glyph ends on the measure, so the tracking after a line's last
    character is not set. A negative tracking is read as a grid: a line holds as many
    characters as n × (size + tracking) ≤ measure allows, and the spacing is evened out so
    the last glyph still ends exactly on the edge (28 × 16 pt in 156 mm: 28 characters with
    tracking measure/28 − 16 or (measure − 28 × 16)/27 alike).
    """

    role: str
    size: float
    tracking: float = 0.0


@dataclass
class Span:
    """A run of text in one style (a run-in heading and the body text are two spans)."""

    text: str
    style: TextStyle


@dataclass(slots=True)
class Glyph:
    """One character (or a Latin/digit cluster drawn as one string) placed on a line.

    x is where the string is drawn, from the paragraph's left edge; x + width is where its
    slot ends (for an opening mark that lost its leading blank, x lies left of the slot).
    missing: no font has the character; the page must print a visible substitute.
    """

    x: float
    text: str
    face: str
    size: float
    width: float
    missing: bool = False


@dataclass
class Line:
    """A set line: glyphs plus where it starts, its measure and how it was justified."""

    glyphs: list[Glyph]
    x0: float
    measure: float
    natural: float
    justified: bool
    last: bool
    size: float

    @property
    def text(self) -> str:
        """The characters of the line (spaces at the ends dropped)."""
        return "".join(g.text for g in self.glyphs)

    @property
    def right(self) -> float:
        """Where the last glyph's slot ends, from the paragraph's left edge."""
        return self.glyphs[-1].x + self.glyphs[-1].width if self.glyphs else self.x0


# -- invisible characters ----------------------------------------------------------------------
# Format and control characters that text pasted from Word or the web carries (soft hyphen,
# zero-width space and joiners, direction marks, the byte-order mark, stray control codes):
# they have no glyph and no width, so they are dropped before setting instead of printing
# as a substitute mark or an empty fallback glyph. Variation selectors go too: our fonts
# have no variants to select, the base character prints. (Tabs and line breaks are spaces.)
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
                        "\ufe00-\ufe0f\U000e0100-\U000e01ef"  # variation selectors
                        "\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def strip_invisible(text: str) -> str:
    """``text`` without zero-width format and control characters (Word's manual line and
    page breaks, vertical tab and form feed, become spaces)."""
    if not _INVISIBLE.search(text):
        return text
    return _INVISIBLE.sub(lambda m: " " if m.group() in "\x0b\x0c" else "", text)


# -- font metrics cache ---------------------------------------------------------------------
_METRICS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _role_metrics(fonts: FontRegistry, role: str) -> dict[str, tuple[str, float, bool]]:
    """ch -> (face name, advance in em, missing) for one role, filled as characters appear."""
    per = _METRICS.get(fonts)
    if per is None:
        per = {}
        _METRICS[fonts] = per
    m = per.get(role)
    if m is None:
        m = per[role] = {}
    return m


def _metric(fonts: FontRegistry, m: dict, role: str, ch: str) -> tuple[str, float, bool]:
    face = fonts.pick(role, ch)
    missing = ch in fonts.missing.get(role, ())
    w = face.widths.get(ord(ch))
    if w is None:
        w = 1.0  # a character no font has still takes an em
    if cc.klass(ch) == cc.SPACE and not missing:
        w = face.widths.get(32, 0.25)
    r = m[ch] = (face.name, w, missing)
    return r


# -- preparation: characters -> units ---------------------------------------------------------
class Prepared:
    """A paragraph cut into units with widths, blanks, gaps and break opportunities.

    Public for the other breakers of the engine (titles, table column widths): ``n`` units,
    unit ``k`` covering characters ``us[k]:ue[k]`` of ``chars`` with width ``uw[k]``.
    """

    __slots__ = ("chars", "cface", "cadv", "csize", "ctrack", "cmiss",
                 "us", "ue", "ucls", "uw", "usize", "ul", "ur", "uol", "uor", "gap", "hl", "brk",
                 "n", "span_lens", "glue")

    def __init__(self, spans: list[Span], fonts: FontRegistry):
        chars: list[str] = []
        cface: list[str] = []
        cadv: list[float] = []
        csize: list[float] = []
        ctrack: list[float] = []
        cmiss: list[bool] = []
        ccls: list[int] = []
        kcache = cc._CACHE
        klass = cc.klass
        span_lens: list[int] = []
        for sp in spans:
            st = sp.style
            size, role = st.size, st.role
            m = _role_metrics(fonts, role)
            text = strip_invisible(sp.text)
            if "\n" in text or "\r" in text:
                text = text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
            span_lens.append(len(text))
            rs = [m.get(ch) or _metric(fonts, m, role, ch) for ch in text]
            chars.extend(text)
            cface.extend([r[0] for r in rs])
            cadv.extend([r[1] * size for r in rs])
            cmiss.extend([r[2] for r in rs])
            csize.extend([size] * len(text))
            ctrack.extend([st.tracking] * len(text))
            ccls.extend([kcache.get(ch) if ch in kcache else klass(ch) for ch in text])
        self.chars, self.cface, self.cadv, self.csize = chars, cface, cadv, csize
        self.ctrack, self.cmiss = ctrack, cmiss
        self.span_lens = span_lens
        self._units(ccls, self.span_lens)

    def _units(self, ccls: list[int], span_lens: list[int]) -> None:
        chars, cadv, csize, ctrack = self.chars, self.cadv, self.csize, self.ctrack
        n = len(chars)
        bounds = set()
        pos = 0
        for ln in span_lens:
            pos += ln
            bounds.add(pos)
        us: list[int] = []
        ue: list[int] = []
        ucls: list[int] = []
        LATIN, WIDE, JOINERS = cc.LATIN, cc.WIDE_ALNUM, cc.LATIN_JOINERS
        i = 0
        while i < n:
            c = ccls[i]
            j = i + 1
            if c == LATIN or c == WIDE:
                # a Latin/digit run with inner joiners and a trailing unit sign (45%, 9.82, GB/T)
                while j < n and j not in bounds:
                    cj = ccls[j]
                    if cj == LATIN or cj == WIDE:
                        j += 1
                    elif chars[j] in JOINERS and ccls[j] != cc.MIDDLE and j + 1 < n and \
                            (j + 1) not in bounds and \
                            ccls[j + 1] in (LATIN, WIDE) and ccls[j - 1] in (LATIN, WIDE):
                        j += 2
                    elif cj == cc.UNIT_SIGN and chars[j - 1].isdigit():
                        j += 1
                        break
                    else:
                        break
                uc = LATIN if c == LATIN else WIDE
            elif c == cc.DASH or c == cc.ELLIPSIS:
                while j < n and ccls[j] == c and j not in bounds:
                    j += 1
                uc = c if (j - i >= 2 or c == cc.ELLIPSIS) else cc.CONNECTOR
            elif c == cc.JOINER:
                uc = cc.HAN
            else:
                uc = c
            us.append(i)
            ue.append(j)
            ucls.append(uc)
            i = j
        nu = len(us)
        uw = [0.0] * nu
        usize = [0.0] * nu
        uol = [0.0] * nu   # optional left blank (opening marks)
        uor = [0.0] * nu   # optional right blank (closing marks, full-width stops)
        ul = [0.0] * nu    # mandatory left cut
        ur = [0.0] * nu    # mandatory right cut
        for k in range(nu):
            a, b = us[k], ue[k]
            size = csize[a]
            usize[k] = size
            if b - a == 1:
                w = cadv[a]
                uc = ucls[k]
                if w >= FULL_WIDTH * size:
                    if uc == cc.OPEN:
                        uol[k] = w - 0.5 * size
                    elif uc == cc.CLOSE or uc == cc.STOP:
                        uor[k] = w - 0.5 * size
            else:
                w = sum(cadv[a:b]) + sum(ctrack[a:b - 1])
            uw[k] = w
        # adjacent marks take 1.5 em: closing+closing/opening -> first loses its right blank;
        # opening+opening -> second loses its left blank
        for k in range(nu - 1):
            if uor[k] > 0 and (uor[k + 1] > 0 or uol[k + 1] > 0):
                ur[k] = uor[k]
                uor[k] = 0.0
            elif uol[k] > 0 and uol[k + 1] > 0:
                ul[k + 1] = uol[k + 1]
                uol[k + 1] = 0.0
        gap = [0.0] * nu
        hl = [0.0] * nu
        brk = [True] * nu
        NO_START, NO_END = cc.NO_START, cc.NO_END
        HAN = cc.HAN
        SPACE, NBSP = cc.SPACE, cc.NBSP
        unit_han = cc.UNIT_HAN
        for k in range(nu - 1):
            c1, c2 = ucls[k], ucls[k + 1]
            gap[k] = ctrack[ue[k] - 1]
            if (c1 == HAN and c2 == LATIN) or (c1 == LATIN and c2 == HAN):
                hl[k] = HL_SPACE * (usize[k] if c1 == HAN else usize[k + 1])
                gap[k] += hl[k]
            if c2 in NO_START or c1 in NO_END or c2 == SPACE or c2 == NBSP or c1 == NBSP:
                brk[k] = False
            elif (c1 == LATIN or c1 == WIDE) and (c2 == LATIN or c2 == WIDE):
                brk[k] = False
            elif (c1 == LATIN or c1 == WIDE) and chars[ue[k] - 1].isdigit() and chars[us[k + 1]] in unit_han:
                brk[k] = False
        if nu:
            brk[nu - 1] = True
        self.us, self.ue, self.ucls, self.uw, self.usize = us, ue, ucls, uw, usize
        self.ul, self.ur, self.uol, self.uor = ul, ur, uol, uor
        self.gap, self.hl, self.brk, self.n = gap, hl, brk, nu
        # gap after unit k lies inside Latin text (https://, an opened run): not stretched
        glue = [False] * nu
        for k in range(nu - 1):
            c1, c2 = chars[ue[k] - 1], chars[us[k + 1]]
            glue[k] = " " < c1 < "\x7f" and " " < c2 < "\x7f"
        self.glue = glue

    def split_wide_units(self, measure: float) -> None:
        """Cut any multi-character unit wider than measure (emergency), in two stages.

        First a long run (and any long web address or path) is opened after its inner joiners
        (a URL breaks after ``/`` or ``.``, a file name after ``_``): each joiner becomes a
        mark that may end a line but not start one. A piece still wider than the measure is then cut between any two of
        its characters; stops, connectors and unit signs keep their class, so "1,234.5" is
        never cut before its comma or point.
        """
        def wide() -> list[int]:
            return [k for k, w in enumerate(self.uw) if w > measure and self.ue[k] - self.us[k] > 1]

        def address(k: int) -> bool:
            """A web address, path or code at least a third of the measure long: opened at
            its joiners even when it would fit a line, so it does not leave a gap behind."""
            run = self.chars[self.us[k]:self.ue[k]]
            return self.uw[k] > measure / 3 and any(ch in "/@_" for ch in run) and \
                any(ch.isalpha() for ch in run)

        over = sorted(set(wide()) | {k for k in range(self.n) if self.ucls[k] == cc.LATIN and address(k)})
        if not over:
            return
        runs = [(self.us[k], self.ue[k]) for k in over]
        ccls = [cc.klass(ch) for ch in self.chars]
        joiners = cc.LATIN_JOINERS
        for k in over:
            a, b = self.us[k], self.ue[k]
            for i in range(a + 1, b - 1):
                if self.chars[i] in joiners:
                    ccls[i] = cc.MIDDLE
        self._units(ccls, self.span_lens)
        over = wide()
        runs += [(self.us[k], self.ue[k]) for k in over]
        runs.sort()
        if over:
            plain = (cc.LATIN, cc.WIDE_ALNUM, cc.JOINER, cc.DASH, cc.ELLIPSIS)
            for k in over:
                for i in range(self.us[k], self.ue[k]):
                    if ccls[i] in plain:
                        ccls[i] = cc.HAN
            self._units(ccls, self.span_lens)
        # the pieces of an opened run stay together when a line is stretched
        glue = self.glue
        r = 0
        for k in range(self.n - 1):
            while r < len(runs) and runs[r][1] <= self.us[k]:
                r += 1
            if r < len(runs) and runs[r][0] <= self.us[k] and self.ue[k + 1] <= runs[r][1]:
                glue[k] = True


# -- line fitting -------------------------------------------------------------------------------
class Fitter:
    """Prefix sums over a prepared paragraph for O(1) width and shrink of any unit range.

    Public with :class:`Prepared` and :func:`set_line`: a breaker that chooses its own line
    ranges (titles) measures them here and sets them with :func:`set_line`.
    """

    def __init__(self, p: Prepared):
        n = p.n
        pn = [0.0] * (n + 1)
        pg = [0.0] * (n + 1)
        po = [0.0] * (n + 1)
        ph = [0.0] * (n + 1)
        endcut = [0.0] * n
        acc_n = acc_g = acc_o = acc_h = 0.0
        uw, ul, ur, uol, uor, gap, hl, ucls = p.uw, p.ul, p.ur, p.uol, p.uor, p.gap, p.hl, p.ucls
        ctrack = p.ctrack
        SPACE = cc.SPACE
        for k in range(n):
            w = uw[k] - ul[k] - ur[k]
            acc_n += w
            acc_g += gap[k]
            acc_o += uol[k] + uor[k]
            acc_h += hl[k]
            pn[k + 1] = acc_n
            pg[k + 1] = acc_g
            po[k + 1] = acc_o
            ph[k + 1] = acc_h
            endcut[k] = w if ucls[k] == SPACE else uor[k]
            # negative tracking is the layout's grid cell: a line holds n cells of size+tracking
            t_end = ctrack[p.ue[k] - 1]
            if t_end < 0:
                endcut[k] -= t_end
        self.pn, self.pg, self.po, self.ph, self.endcut = pn, pg, po, ph, endcut

    def width(self, s: int, e: int) -> float:
        """Natural width of units s..e set as one line (line-end mark at half width)."""
        return self.pn[e + 1] - self.pn[s] + self.pg[e] - self.pg[s] - self.endcut[e]

    def shrink(self, s: int, e: int) -> float:
        """Most the line s..e can be compressed (punctuation blanks, Han–Latin spacing)."""
        return self.po[e] - self.po[s] + self.ph[e] - self.ph[s]


def _break_lines(p: Prepared, fit: Fitter, m_first: float, m_rest: float) -> list[tuple[int, int]]:
    """Greedy breaking with push-in before push-out; returns (first unit, last unit) per line."""
    n = p.n
    brk, ucls = p.brk, p.ucls
    SPACE = cc.SPACE
    lines: list[tuple[int, int]] = []
    s = 0
    pn, pg, endcut = fit.pn, fit.pg, fit.endcut
    while s < n:
        while s < n - 1 and ucls[s] == SPACE:
            s += 1
        m = (m_first if not lines else m_rest) + EPS
        # the natural break: the last unit that still fits at natural width
        base = pn[s] + pg[s]
        k = s
        while k < n and pn[k + 1] + pg[k] - endcut[k] - base <= m:
            k += 1
        last_fit = k - 1
        if last_fit >= n - 1:
            lines.append((s, n - 1))
            break
        if last_fit < s:
            e = s  # a single unit wider than the measure: it gets a line of its own
        elif brk[last_fit]:
            e = last_fit
        else:
            g = last_fit + 1
            while g < n - 1 and not brk[g]:
                g += 1
            if fit.width(s, g) - fit.shrink(s, g) <= m:
                e = g  # push in: compress punctuation to keep the mark on this line
            else:
                g = last_fit - 1
                while g >= s and not brk[g]:
                    g -= 1
                e = g if g >= s else last_fit  # push out; no legal break at all: break anyway
        lines.append((s, e))
        s = e + 1
    _fix_widow(p, fit, lines, m_first, m_rest)
    return lines


def _content_chars(p: Prepared, s: int, e: int) -> int:
    """Characters of units s..e that are not punctuation or spaces."""
    skip = (cc.CLOSE, cc.STOP, cc.STOP_FIXED, cc.MIDDLE, cc.SPACE)
    total = 0
    for k in range(s, e + 1):
        if p.ucls[k] not in skip:
            total += p.ue[k] - p.us[k]
    return total


def _fix_widow(p: Prepared, fit: Fitter, lines: list[tuple[int, int]], m_first: float, m_rest: float) -> None:
    """孤字不成行: a last line of one character (closing punctuation not counted) takes one more."""
    if len(lines) < 2:
        return
    ls, le = lines[-1]
    if _content_chars(p, ls, le) > 1:
        return
    ps, pe = lines[-2]
    m = (m_first if len(lines) == 2 else m_rest) + EPS
    g = pe - 1
    while g >= ps and not p.brk[g]:
        g -= 1
    # pull the previous line's last unit(s) down, keeping two or more units on that line
    if g > ps and fit.width(g + 1, le) - fit.shrink(g + 1, le) <= m_rest + EPS \
            and fit.width(ps, g) - fit.shrink(ps, g) <= m:
        lines[-2] = (ps, g)
        lines[-1] = (g + 1, le)
    elif fit.width(ps, le) - fit.shrink(ps, le) <= m:
        # otherwise push the lone character in by compressing the previous line
        lines[-2:] = [(ps, le)]


# -- setting one line ---------------------------------------------------------------------------
def set_line(p: Prepared, s: int, e: int, x0: float, measure: float, last: bool, align: str) -> Line:
    """Position the glyphs of units s..e of ``p``: compress or stretch per the rules, then place them.

    ``x0`` is the line's left offset, ``last`` marks a paragraph's last line (not justified),
    ``align`` is one of the alignments of :func:`set_paragraph`.
    """
    ucls = p.ucls
    SPACE = cc.SPACE
    while e > s and ucls[e] == SPACE:
        e -= 1
    while s < e and ucls[s] == SPACE:
        s += 1
    nu = e - s + 1
    lc = p.ul[s:e + 1]
    rc = p.ur[s:e + 1]
    ol = p.uol[s:e + 1]
    orr = p.uor[s:e + 1]
    gaps = p.gap[s:e]
    hl = p.hl[s:e]
    uw = p.uw[s:e + 1]
    # a full-width mark at the end of a line is set half width
    if orr[-1] > 0:
        rc[-1] += orr[-1]
        orr[-1] = 0.0
    natural = sum(uw) - sum(lc) - sum(rc) + sum(gaps)
    diff = measure - natural
    justified = False
    if diff < -EPS:
        # compress: the grid's negative tracking (n cells of size + tracking fill the measure,
        # so a line may be one trailing tracking too wide: even it out over the gaps), then
        # Han–Latin spacing, then commas/pause marks, then other marks, then line start
        need = -diff
        slack = -p.ctrack[p.ue[e] - 1]
        if slack > 0 and nu > 1:
            take = min(need, slack)
            for i in range(nu - 1):
                gaps[i] -= take / (nu - 1)
            need -= take
        total = sum(hl)
        if total > EPS:
            f = min(1.0, need / total)
            for i in range(nu - 1):
                if hl[i]:
                    gaps[i] -= hl[i] * f
            need -= total * f
        for tier in (1, 2, 3):
            if need <= EPS:
                break
            idx = []
            for i in range(nu):
                if tier == 1 and orr[i] > 0 and p.chars[p.us[s + i]] in "，、":
                    idx.append((i, 1))
                elif tier == 2:
                    if orr[i] > 0 and p.chars[p.us[s + i]] not in "，、":
                        idx.append((i, 1))
                    if ol[i] > 0 and i > 0:
                        idx.append((i, 0))
                elif tier == 3 and i == 0 and ol[i] > 0:
                    idx.append((i, 0))
            total = sum(orr[i] if side else ol[i] for i, side in idx)
            if total <= EPS:
                continue
            f = min(1.0, need / total)
            for i, side in idx:
                if side:
                    rc[i] += orr[i] * f
                else:
                    lc[i] += ol[i] * f
            need -= total * f
        justified = need <= 1e-4 and not last
        diff = -need if need > 1e-4 else 0.0
    elif diff > EPS and align == "justify" and not last and nu > 1:
        # stretch: Han–Latin spacing up to half an em, then every gap equally
        total = sum(hl)
        if total > EPS:
            room = total * (HL_MAX - HL_SPACE) / HL_SPACE
            f = min(1.0, diff / room)
            for i in range(nu - 1):
                if hl[i]:
                    gaps[i] += hl[i] * (HL_MAX - HL_SPACE) / HL_SPACE * f
            diff -= room * f
        if diff > EPS:
            # not inside Latin text (https://www.example.cn) while the other gaps can take it
            # without opening more than an em each
            glue = p.glue[s:e]
            idx = [i for i in range(nu - 1) if not glue[i]]
            if not idx or diff / len(idx) > p.usize[s]:
                idx = list(range(nu - 1))
            add = diff / len(idx)
            for i in idx:
                gaps[i] += add
        diff = 0.0
        justified = True
    elif abs(diff) <= EPS and not last:
        justified = True
    if align == "center" and diff > 0:
        x = x0 + diff / 2
    elif align == "right" and diff > 0:
        x = x0 + diff
    else:
        x = x0
    glyphs: list[Glyph] = []
    chars, cface, cadv, csize, ctrack, cmiss = p.chars, p.cface, p.cadv, p.csize, p.ctrack, p.cmiss
    us, ue = p.us, p.ue
    LATIN = cc.LATIN
    size_max = 0.0
    for i in range(nu):
        k = s + i
        a, b = us[k], ue[k]
        if b - a == 1:
            adv = cadv[a]
            if ucls[k] == SPACE and (i == 0 or i == nu - 1):
                pass
            else:
                glyphs.append(Glyph(x - lc[i], chars[a], cface[a], csize[a], adv - rc[i], cmiss[a]))
            x += adv - lc[i] - rc[i]
        elif ucls[k] == LATIN and ctrack[a] == 0.0 and len(set(cface[a:b])) == 1 and not any(cmiss[a:b]):
            w = uw[i]
            glyphs.append(Glyph(x, "".join(chars[a:b]), cface[a], csize[a], w))
            x += w
        else:
            for j in range(a, b):
                glyphs.append(Glyph(x, chars[j], cface[j], csize[j], cadv[j], cmiss[j]))
                x += cadv[j] + (ctrack[j] if j < b - 1 else 0.0)
        if csize[a] > size_max:
            size_max = csize[a]
        if i < nu - 1:
            x += gaps[i]
    return Line(glyphs, x0, measure, natural, justified, last, size_max)


def set_paragraph(spans: list[Span], measure: float, fonts: FontRegistry, *,
                  first_indent: float = 0.0, rest_indent: float = 0.0,
                  align: str = "justify") -> list[Line]:
    """Break and justify a paragraph of spans into lines (the rules in the module docstring).

    align: "justify" (every line but the last flush both sides; the last line left), "left",
    "center" or "right". first_indent / rest_indent: left offsets of the first and of the
    following lines (a hanging indent is first_indent=0, rest_indent=2 em).
    """
    if align not in ("justify", "left", "center", "right"):
        raise ValueError(f"unknown alignment {align!r}")
    spans = [sp for sp in spans if sp.text]
    if not spans:
        return []
    p = Prepared(spans, fonts)
    m_first = measure - first_indent
    m_rest = measure - rest_indent
    p.split_wide_units(min(m_first, m_rest))
    if p.n == 0:
        return []
    fit = Fitter(p)
    ranges = _break_lines(p, fit, m_first, m_rest)
    out = []
    last_i = len(ranges) - 1
    for li, (s, e) in enumerate(ranges):
        x0 = first_indent if li == 0 else rest_indent
        m = m_first if li == 0 else m_rest
        line = set_line(p, s, e, x0, m, li == last_i, align)
        if line.glyphs:
            out.append(line)
    if out:
        out[-1].last = True
    return out

