"""Benchmark: building the sample issue, cold, and twelve copies of it as one document.

Run on demand (not collected by pytest):

    .venv/bin/python tests/benchmarks/bench_build.py [--runs 5] [--mode web|print|proof]

1. Cold ``build``: ``python main.py build --issue 2025-3`` from a store holding the sample,
   each run in a fresh interpreter; reports the median wall time and the peak RSS of the
   child processes (resource.getrusage). Targets: ≤ 1.0 s median, ≤ 250 MB.
2. Twelve copies of the issue as one document (about 500 pages), built in one fresh
   interpreter through ``build_pdf``; reports wall time and peak RSS.
   Targets: ≤ 10 s, ≤ 400 MB.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "baotou-2025-03.xml"

_BIG = r"""
import copy, json, resource, sys, time
t0 = time.perf_counter()
sys.path.insert(0, {root!r})
from editor.content.archive import issue_from_xml
from editor.model import Section
from editor.render.build import build_pdf
pub, issue = issue_from_xml(open({sample!r}, "rb").read())
sections = []
for n in range(12):
    for s in issue.sections:
        docs = []
        for d in s.documents:
            d2 = copy.deepcopy(d)
            d2.uid = f"{{d.uid}}-{{n}}"
            docs.append(d2)
        sections.append(Section(s.name, docs))
issue.sections = sections
res = build_pdf(pub, issue, {out!r}, mode={mode!r}, deterministic=True)
print(json.dumps({{"pages": res.page_count, "seconds": time.perf_counter() - t0,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def _child_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def cold_builds(runs: int, mode: str, tmp: Path) -> dict:
    """Median wall time of ``main.py build`` in fresh interpreters, and the peak child RSS."""
    db = tmp / "bench.db"
    subprocess.run([sys.executable, str(ROOT / "main.py"), "sample", "--db", str(db)],
                   check=True, capture_output=True, cwd=ROOT)
    out = tmp / "sample.pdf"
    times = []
    pages = 0
    for _ in range(runs):
        t0 = time.perf_counter()
        res = subprocess.run([sys.executable, str(ROOT / "main.py"), "build", "--issue", "2025-3",
                              "-o", str(out), "--db", str(db), "--mode", mode, "--deterministic", "-q"],
                             capture_output=True, text=True, cwd=ROOT)
        times.append(time.perf_counter() - t0)
        if res.returncode != 0:
            raise SystemExit(res.stderr)
        pages = int(res.stdout.split(": ", 1)[1].split(" ", 1)[0])
    return {"runs": runs, "median_s": statistics.median(times), "min_s": min(times),
            "max_s": max(times), "pages": pages, "peak_rss_mb": _child_peak_mb()}


def twelve_copies(mode: str, tmp: Path) -> dict:
    """Twelve copies of the sample issue as one document, in a fresh interpreter."""
    code = _BIG.format(root=str(ROOT), sample=str(SAMPLE), out=str(tmp / "twelve.pdf"), mode=mode)
    t0 = time.perf_counter()
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    wall = time.perf_counter() - t0
    if res.returncode != 0:
        raise SystemExit(res.stderr)
    data = json.loads(res.stdout.strip().splitlines()[-1])
    data["wall_s"] = wall
    return data


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--mode", default="web", choices=("web", "print", "proof"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        cold = cold_builds(args.runs, args.mode, tmp)
        print(f"cold build of the sample ({cold['pages']} pages, {args.mode}): median "
              f"{cold['median_s']:.2f} s (min {cold['min_s']:.2f}, max {cold['max_s']:.2f}, "
              f"{cold['runs']} runs), peak RSS {cold['peak_rss_mb']:.0f} MB "
              f"[target ≤ 1.0 s, ≤ 250 MB]")
        big = twelve_copies(args.mode, tmp)
        print(f"twelve copies as one document ({big['pages']} pages): {big['wall_s']:.2f} s wall "
              f"({big['seconds']:.2f} s in the interpreter), peak RSS {big['rss_mb']:.0f} MB "
              f"[target ≤ 10 s, ≤ 400 MB]")
    ok = cold["median_s"] <= 1.0 and cold["peak_rss_mb"] <= 250 and big["wall_s"] <= 10 and big["rss_mb"] <= 400
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
