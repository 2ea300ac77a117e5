"""Benchmark: characters per second of the line breaker on the seed issue (run on demand).

    .venv/bin/python tests/benchmarks/bench_linebreak.py [--repeat N] [--size PT] [--measure PT]

Sets every non-empty line of the seed text as a justified body paragraph (2 em first-line
indent), reports font loading time, the best of N runs and characters per second, and checks
the result the way the PDF check does (forbidden marks, flush non-final lines).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
SEED = ROOT / "tests" / "fixtures" / "seed" / "baotou-gazette-2025-03.txt"

from editor.typeset import cjkclass as cc  # noqa: E402
from editor.typeset.fonts import FontRegistry  # noqa: E402
from editor.typeset.linebreak import Span, TextStyle, set_paragraph  # noqa: E402


def main() -> int:
    """Run the benchmark and print its figures."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--size", type=float, default=16.0)
    ap.add_argument("--measure", type=float, default=156 / 25.4 * 72)
    ap.add_argument("--seed", type=Path, default=SEED)
    args = ap.parse_args()
    paras = [ln.strip() for ln in args.seed.read_text("utf-8").splitlines() if ln.strip()]
    nchars = sum(len(p) for p in paras)
    t0 = time.perf_counter()
    fonts = FontRegistry.load()
    fonts.face("body")
    t_load = time.perf_counter() - t0
    style = TextStyle("body", args.size, tracking=0.0)
    times = []
    lines = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        lines = []
        for p in paras:
            lines.append(set_paragraph([Span(p, style)], args.measure, fonts, first_indent=2 * args.size))
        times.append(time.perf_counter() - t0)
    best = min(times)
    # a paragraph's own first character is not a break: count continuation lines only
    bad_start = sum(1 for para in lines for ln in para[1:] if cc.klass(ln.text[0]) in cc.NO_START)
    lines = [ln for para in lines for ln in para]
    bad_end = sum(1 for ln in lines if ln.text and cc.klass(ln.text[-1]) in cc.NO_END)
    nonfinal = [ln for ln in lines if not ln.last]
    flush = sum(1 for ln in nonfinal if abs(ln.right - (ln.x0 + ln.measure)) <= 0.01)
    print(f"fonts: load {t_load * 1000:.0f} ms (incl. parsing the body face)")
    print(f"{len(paras)} paragraphs, {nchars} characters, {len(lines)} lines")
    print(f"first run {times[0] * 1000:.0f} ms, best of {args.repeat} {best * 1000:.0f} ms: "
          f"{nchars / best:,.0f} characters/s")
    print(f"{bad_start} lines start with a forbidden mark, {bad_end} end with an opening mark; "
          f"{flush}/{len(nonfinal)} non-final lines flush within 0.01 pt")
    missing = {r: "".join(sorted(s)) for r, s in fonts.missing.items()}
    subst = {r: "".join(sorted(s)) for r, s in fonts.substituted.items()}
    print(f"missing: {missing or 'none'}; set in a fallback face: {subst or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
