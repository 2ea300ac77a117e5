"""Times the store commands on the sample issue (run on demand, never collected by pytest).

    .venv/bin/python tests/benchmarks/bench_store.py [--runs N]

For each of ``sample``, ``export`` and ``import-issue`` it prints the median of N runs,
both as a user runs the command (``python main.py …`` in a fresh process, interpreter
start-up included) and as the service call alone inside one process.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from editor.services import GazetteService  # noqa: E402
from editor.services.gazette import SAMPLE_PATH  # noqa: E402
from editor.store import open_store  # noqa: E402


def _median(samples: list[float]) -> str:
    return f"median {statistics.median(samples) * 1000:7.1f} ms  (min {min(samples) * 1000:.1f}, max {max(samples) * 1000:.1f}, n={len(samples)})"


def _time(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _cli(*argv: str) -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), *argv], capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"main.py {' '.join(argv)} failed ({proc.returncode}): {proc.stderr.strip()}")


def main() -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not SAMPLE_PATH.exists():
        print(f"the sample issue is missing: {SAMPLE_PATH}", file=sys.stderr)
        return 1
    size = SAMPLE_PATH.stat().st_size
    print(f"sample issue: {SAMPLE_PATH.relative_to(ROOT)} ({size:,} bytes), {args.runs} runs each")
    with tempfile.TemporaryDirectory(prefix="bench-store-") as tmp:
        work = Path(tmp)
        cli = {"sample": [], "export": [], "import-issue": []}
        svc_t = {"sample": [], "export": [], "import-issue": []}
        base = work / "base.db"
        _cli("sample", "--db", str(base))
        archive = work / "2025-3.xml"
        for i in range(args.runs):
            cli["sample"].append(_time(lambda i=i: _cli("sample", "--db", str(work / f"s{i}.db"))))
            cli["export"].append(_time(lambda: _cli("export", "--issue", "2025-3", "-o", str(archive), "--db", str(base))))
            cli["import-issue"].append(_time(lambda i=i: _cli("import-issue", str(archive), "--db", str(work / f"i{i}.db"))))
        data = archive.read_bytes()
        for i in range(args.runs):
            with open_store(work / f"ss{i}.db") as store:
                svc = GazetteService(store)
                svc_t["sample"].append(_time(svc.install_sample))
            with open_store(base) as store:
                svc_t["export"].append(_time(lambda store=store: GazetteService(store).export_issue("2025-3")))
            with open_store(work / f"ii{i}.db") as store:
                svc_t["import-issue"].append(_time(lambda store=store: GazetteService(store).import_issue(data)))
    print("\ncommand line (python main.py …, fresh process each run):")
    for name, samples in cli.items():
        print(f"  {name:<13} {_median(samples)}")
    print("\nservice call alone (store already open):")
    for name, samples in svc_t.items():
        print(f"  {name:<13} {_median(samples)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
