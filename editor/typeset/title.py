"""Document titles: broken between words into balanced, centred lines (GB/T 9704 梯形/菱形).

There is no word segmenter among the dependencies, so break points are scored by rule:
after punctuation, before 关于/印发/转发…, after the issuing organ, before 《 and after 》,
after 的/和/与/及; a break inside 《…》 or inside an organ name costs a lot, any other break
between two Han characters costs a little. A small dynamic programme picks the breaks that
minimise the penalties plus the imbalance of line lengths, preferring short lines first
(正梯形, 上短下长) or a diamond for three lines and more.
"""

from __future__ import annotations

import re

from editor.typeset import cjkclass as cc
from editor.typeset.fonts import FontRegistry
from editor.typeset.linebreak import EPS, Line, Span, TextStyle, _Fitter, _Prep, _set_line

#: words a title line may start with (the break goes before them)
BREAK_BEFORE = ("关于", "印发", "转发", "批转", "公布", "做好", "开展", "进一步", "加强", "实施",
                "有关", "贯彻", "落实", "推进", "调整", "设立", "废止", "修改", "公布")
#: characters a title line may end with (the break goes after them)
BREAK_AFTER = "的和与及暨、，：；"
#: endings of issuing organ names: a break right after them is good, inside them bad
ORGAN_ENDS = ("人民政府办公室", "人民政府办公厅", "人民政府", "办公室", "办公厅", "委员会", "管理局",
              "领导小组", "指挥部", "人民代表大会常务委员会", "局", "厅", "委", "院")

GOOD, FAIR, PLAIN, BAD, FORBIDDEN = 0.0, 2.0, 6.0, 40.0, 1e9


def _penalties(text: str, p: _Prep) -> list[float]:
    """Penalty of a break after each unit of the prepared title."""
    n = p.n
    pen = [PLAIN] * n
    inside_book = [False] * (len(text) + 1)
    depth = 0
    for i, ch in enumerate(text):
        if ch == "《":
            depth += 1
        elif ch == "》":
            depth = max(0, depth - 1)
        inside_book[i + 1] = depth > 0 and ch != "《" or (depth > 0 and ch == "《" and depth > 1)
    # organ-name span: from the start up to the first 关于 (if any)
    about = text.find("关于")
    organ_end_positions = set()
    if about > 0:
        head = text[:about]
        for m in re.finditer("|".join(ORGAN_ENDS), head):
            organ_end_positions.add(m.end())
    for k in range(n):
        if not p.brk[k]:
            pen[k] = FORBIDDEN
            continue
        pos = p.ue[k]  # break position in characters
        if k == n - 1:
            pen[k] = 0.0
            continue
        before, after = text[:pos], text[pos:]
        if depth_at(text, pos) > 0:
            pen[k] = BAD
        elif about > 0 and pos < about:
            pen[k] = GOOD if pos in organ_end_positions else BAD
        elif before[-1] in "，、：；》" or after[0] in "《“":
            pen[k] = GOOD
        elif any(after.startswith(w) for w in BREAK_BEFORE):
            pen[k] = GOOD
        elif before[-1] in BREAK_AFTER:
            pen[k] = FAIR
        if p.ucls[k] == cc.LATIN and k + 1 < n and p.ucls[k + 1] == cc.LATIN:
            pen[k] = FORBIDDEN
    return pen


def depth_at(text: str, pos: int) -> int:
    """How many 《 are open just before character position pos."""
    d = 0
    for ch in text[:pos]:
        if ch == "《":
            d += 1
        elif ch == "》" and d:
            d -= 1
    return d


def _choose(p: _Prep, fit: _Fitter, pen: list[float], measure: float) -> list[tuple[int, int]]:
    """Break points minimising penalties plus imbalance, with short lines first."""
    n = p.n
    total = fit.width(0, n - 1)
    if total <= measure + EPS:
        return [(0, n - 1)]
    best: list[tuple[int, int]] | None = None
    best_cost = float("inf")
    min_lines = max(2, int(total // measure) + 1)
    for k_lines in range(min_lines, min(min_lines + 2, n) + 1):
        target = total / k_lines
        # dp[j][e] = (cost, prev) for j lines ending after unit e
        dp: list[dict[int, tuple[float, int]]] = [{-1: (0.0, -2)}]
        for j in range(1, k_lines + 1):
            cur: dict[int, tuple[float, int]] = {}
            for prev_e, (c0, _pp) in dp[j - 1].items():
                s = prev_e + 1
                if s >= n:
                    continue
                for e in range(s, n):
                    w = fit.width(s, e)
                    if w > measure + EPS:
                        break
                    if j == k_lines and e != n - 1:
                        continue
                    if j < k_lines and e == n - 1:
                        continue
                    if pen[e] >= FORBIDDEN:
                        continue
                    c = c0 + pen[e] + ((w - target) / max(target, 1.0)) ** 2 * 40
                    if c < cur.get(e, (float("inf"), 0))[0]:
                        cur[e] = (c, prev_e)
            dp.append(cur)
        if n - 1 not in dp[k_lines]:
            continue
        # walk back
        ranges = []
        e = n - 1
        for j in range(k_lines, 0, -1):
            _c, prev_e = dp[j][e]
            ranges.append((prev_e + 1, e))
            e = prev_e
        ranges.reverse()
        cost = dp[k_lines][n - 1][0] + _shape_cost(fit, ranges) + (k_lines - min_lines) * 15
        if cost < best_cost:
            best, best_cost = ranges, cost
    if best is None:
        return []
    return best


def _shape_cost(fit: _Fitter, ranges: list[tuple[int, int]]) -> float:
    """Prefer short lines first (trapezoid) or a diamond: penalise a line longer than the next."""
    widths = [fit.width(s, e) for s, e in ranges]
    cost = 0.0
    k = len(widths)
    for i in range(k - 1):
        if widths[i] > widths[i + 1] + 1.0:
            # allowed only as the last step of a diamond of three lines or more
            if not (k >= 3 and i == k - 2):
                cost += 3.0
    return cost


def set_title(text: str, style: TextStyle, measure: float, fonts: FontRegistry) -> list[Line]:
    """A centred title broken between words into balanced lines (trapezoid / diamond shape)."""
    text = re.sub(r"\s*\n\s*", "", text).strip()
    if not text:
        return []
    from editor.typeset.linebreak import set_paragraph

    p = _Prep([Span(text, style)], fonts)
    p.split_wide_units(measure)
    fit = _Fitter(p)
    ranges = _choose(p, fit, _penalties(text, p), measure)
    if not ranges:
        return set_paragraph([Span(text, style)], measure, fonts, align="center")
    last = len(ranges) - 1
    return [_set_line(p, s, e, 0.0, measure, i == last, "center") for i, (s, e) in enumerate(ranges)]
