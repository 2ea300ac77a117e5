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
from itertools import combinations
from math import comb

from editor.typeset.fonts import FontRegistry
from editor.typeset.linebreak import (
    EPS,
    Fitter,
    Line,
    Prepared,
    Span,
    TextStyle,
    set_line,
    set_paragraph,
    strip_invisible,
)

#: words after which a line may break well (the object of the verb follows)
BREAK_AFTER_WORDS = ("印发", "转发", "批转", "公布", "颁布", "发布", "同意", "下达", "废止", "修改")
#: words a title line may start with (the break goes before them)
BREAK_BEFORE = ("关于", "做好", "开展", "进一步", "加强", "实施", "有关", "贯彻", "落实", "推进",
                "调整", "设立", "深化", "加快", "建立", "健全", "完善", "促进", "支持", "印发")
#: characters a title line may end with (the break goes after them)
BREAK_AFTER = "和与及暨、，：；"
#: endings of issuing organ names: a break right after them is good, inside them bad
ORGAN_ENDS = ("人民代表大会常务委员会", "人民政府办公室", "人民政府办公厅", "人民政府", "办公室", "办公厅",
              "委员会", "管理委员会", "管委会", "领导小组", "指挥部", "管理局", "总局", "中心", "局", "厅",
              "委", "院", "部", "署", "市委", "党委")
#: document genres at a title's end: "的通知" stays together
GENRES = ("通知", "通报", "意见", "决定", "批复", "报告", "请示", "函", "办法", "方案", "规定", "规划",
          "公告", "通告", "决议", "命令", "纪要", "议案", "细则", "措施", "计划", "要点", "清单")
#: common words of government titles: a break inside one costs a lot (no segmenter needed)
LEXICON = frozenset("""
人民 政府 办公室 办公厅 委员会 管委会 关于 印发 转发 批转 公布 颁布 发布 同意 下达 废止 修改 修订
通知 通报 意见 决定 批复 报告 请示 办法 方案 规定 规划 公告 通告 决议 纪要 细则 措施 计划 要点 清单
实施 行动 工作 管理 服务 建设 发展 经济 社会 国民 年度 市级 县级 旗县 区级 若干 试点 改革 推进 加强
做好 开展 进一步 有关 事项 事宜 行政 许可 审批 优化 促进 就业 节水 同志 职务 任免 安全 生产 环境
保护 生态 农业 农村 春季 秋季 冬季 夏季 重点 任务 分工 责任 单位 中试 项目 高质量 创新 驱动 战略
产业 企业 营商 市场 监管 质量 标准 资源 水资源 能源 交通 城市 更新 住房 教育 卫生 健康 医疗 养老
文化 旅游 体育 科技 人才 财政 资金 预算 税收 金融 投资 招商 开发区 高新区 稀土 扶持 政策 规范 制度
机制 体系 能力 水平 现代化 治理 应急 预案 防汛 抗旱 森林 草原 防火 消防 疫情 防控 统计 公报 目录
领导小组 指挥部 组成 人员 成员 调整 设立 成立 撤销 命名 表彰 先进 集体 个人 评选 考核 评价 督查 检查
专项 整治 行业 领域 国有 资产 土地 规划 用地 自然 城乡 乡村 振兴 基础 设施 公共 数字 信息化 智慧
深化 加快 建立 健全 完善 支持 贯彻 落实 全面 持续 推动 实现 提升 保障 巩固 拓展 稳定 增长
创业 形势 新形势 国务院 国家 自治区 省级 地区 部门 机关 事业 改进 作风 条例 实施意见 工作方案
""".split())

GOOD, FAIR, PLAIN, BAD, FORBIDDEN = 0.0, 2.0, 6.0, 25.0, 1e9
BALANCE = 30.0
MAX_COMBINATIONS = 6000  # per line count: keeps a long caption's title setting fast  # weight of a line's squared relative deviation from the mean length


def _word_interiors(text: str) -> set[int]:
    """Character positions that fall inside a known word (a break there splits the word)."""
    inside: set[int] = set()
    n = len(text)
    for i in range(n):
        for ln in (4, 3, 2):
            if i + ln <= n and text[i:i + ln] in LEXICON:
                inside.update(range(i + 1, i + ln))
                break
    return inside


def organ_prefix(text: str) -> int:
    """Length of the issuing organ's name at the start of a title (before 关于), or 0."""
    about = text.find("关于")
    if about <= 0:
        return 0
    head = text[:about]
    if head.endswith(ORGAN_ENDS):
        return about
    return 0


def _penalties(text: str, p: Prepared) -> list[float]:
    """Penalty of a break after each unit of the prepared title."""
    n = p.n
    pen = [PLAIN] * n
    inside = _word_interiors(text)
    organ = organ_prefix(text)
    organ_ends: set[int] = set()
    if organ:
        for m in re.finditer("|".join(ORGAN_ENDS), text[:organ]):
            organ_ends.add(m.end())
    for k in range(n):
        if not p.brk[k]:
            pen[k] = FORBIDDEN
            continue
        pos = p.ue[k]  # the break falls before character pos
        if k == n - 1:
            pen[k] = 0.0
            continue
        before, after = text[:pos], text[pos:]
        if organ and pos < organ:
            pen[k] = FAIR if pos in organ_ends else BAD
        elif pos == organ:
            pen[k] = GOOD
        elif before[-1] in "，、：；》 " or after[0] in "《“":
            pen[k] = GOOD
        elif before.endswith(BREAK_AFTER_WORDS):
            pen[k] = GOOD
        elif after.startswith(BREAK_BEFORE) and pos not in inside:
            pen[k] = FAIR
        elif before[-1] == "的" and after.startswith(GENRES):
            pen[k] = BAD
        elif before[-1] in BREAK_AFTER or after[0] == "的":
            pen[k] = FAIR + 1
        elif pos in inside:
            pen[k] = BAD
        elif before[-1].isdigit() or after[0].isdigit():
            pen[k] = PLAIN + 2
        if depth_at(text, pos) > 0:
            pen[k] += 2 * BAD  # inside a 《…》 document name: only when nothing else fits
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


def _choose(p: Prepared, fit: Fitter, pen: list[float], measure: float, start: int = 0) -> list[tuple[int, int]]:
    """Break points of units start.. minimising penalties, imbalance and shape cost.

    Titles are short, so every combination of the most promising break points is tried
    (the cheapest ones, at most MAX_COMBINATIONS combinations per line count, for the fewest
    lines needed and one more). Returns [] when no combination fits.
    """
    n = p.n
    total = fit.width(start, n - 1)
    if total <= measure + EPS:
        return [(start, n - 1)]
    legal = [k for k in range(start, n - 1) if pen[k] < FORBIDDEN]
    by_cost = sorted(legal, key=lambda k: (pen[k], k))
    min_lines = max(2, int(total // measure) + 1)
    best: list[tuple[int, int]] = []
    best_cost = float("inf")
    for k_lines in range(min_lines, min(min_lines + 1, n - start) + 1):
        target = total / k_lines
        # the cheapest break points, as many as keep the combinations within budget
        c = len(by_cost)
        while c > k_lines and comb(c, k_lines - 1) > MAX_COMBINATIONS:
            c -= 1
        cands = sorted(by_cost[:c])
        for combo in combinations(cands, k_lines - 1):
            ranges = []
            s = start
            cost = (k_lines - min_lines) * 15.0
            widths = []
            for e in (*combo, n - 1):
                w = fit.width(s, e)
                if w > measure + EPS:
                    break
                widths.append(w)
                ranges.append((s, e))
                cost += pen[e] + ((w - target) / max(target, 1.0)) ** 2 * BALANCE
                s = e + 1
            else:
                cost += _shape_cost(widths)
                if cost < best_cost:
                    best, best_cost = ranges, cost
    return best


def _shape_cost(widths: list[float]) -> float:
    """Prefer short lines first (trapezoid) or a diamond: penalise a line longer than the next."""
    cost = 0.0
    k = len(widths)
    for i in range(k - 1):
        if widths[i] > widths[i + 1] + 1.0:
            # allowed only as the last step of a diamond of three lines or more
            if not (k >= 3 and i == k - 2):
                cost += 3.0
    return cost


def set_title(text: str, style: TextStyle, measure: float, fonts: FontRegistry, *,
              organ_line: bool = True) -> list[Line]:
    """A centred title broken between words into balanced lines (trapezoid / diamond shape).

    A title longer than the measure that starts with its issuing organ (包头市人民政府关于…)
    gets the organ on a line of its own, as gazettes print it (organ_line=False turns that
    off); the rest is broken into balanced lines, shorter lines first.
    """
    text = strip_invisible(re.sub(r"\s*\n\s*", "", text)).strip()
    if not text:
        return []
    p = Prepared([Span(text, style)], fonts)
    p.split_wide_units(measure)
    fit = Fitter(p)
    pen = _penalties(text, p)
    ranges: list[tuple[int, int]] = []
    organ = organ_prefix(text) if organ_line else 0
    if organ and fit.width(0, p.n - 1) > measure + EPS:
        k_org = next((k for k in range(p.n) if p.ue[k] == organ), -1)
        if 0 <= k_org < p.n - 1 and fit.width(0, k_org) <= measure + EPS:
            rest = _choose(p, fit, pen, measure, start=k_org + 1)
            if rest:
                ranges = [(0, k_org)] + rest
    if not ranges:
        ranges = _choose(p, fit, pen, measure)
    if not ranges:
        return set_paragraph([Span(text, style)], measure, fonts, align="center")
    last = len(ranges) - 1
    return [set_line(p, s, e, 0.0, measure, i == last, "center") for i, (s, e) in enumerate(ranges)]
