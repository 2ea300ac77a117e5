"""Benchmark of the importer (run on demand, never collected by pytest):

    .venv/bin/python tests/benchmarks/bench_import.py

Prints the parse time of the largest sample document (cut from the seed text as plain
text), of a 1 MB pasted text (the seed's documents repeated, with their page debris and
broken lines), of a 4 MB text (to show the time grows linearly), of 1 MB worst cases
(no sentence ever ends, half-width punctuation everywhere, one big table) and of the .docx
fixture.
Each figure is the best of several runs.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "unit"))

from test_import_sample import cut_seed  # noqa: E402

from editor.importers import parse_file, parse_text  # noqa: E402


def best_of(fn, runs: int = 5) -> float:
    """The shortest wall time of ``runs`` calls, in seconds."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    docs = cut_seed()
    largest = max(docs, key=len)
    title = parse_text(largest).document.title
    t = best_of(lambda: parse_text(largest))
    print(f"largest sample document ({title}, {len(largest)} characters, "
          f"{len(largest.encode('utf-8')) / 1024:.0f} KB): {t * 1000:.1f} ms")

    whole = "\n".join(docs[1:3])
    for megabytes in (1, 4):
        target = megabytes * 1024 * 1024
        parts = []
        size = 0
        while size < target:
            parts.append(whole)
            size += len(whole.encode("utf-8"))
        text = "\n".join(parts)
        runs = 3 if megabytes == 1 else 1
        t = best_of(lambda text=text: parse_text(text), runs)
        result = parse_text(text)
        blocks = len(result.document.body) + sum(len(a.body) for a in result.document.attachments)
        print(f"{megabytes} MB pasted text ({len(text.encode('utf-8')) / 1e6:.2f} MB, {blocks} blocks): {t:.2f} s")

    # worst cases for line joining and clean-up: no sentence ever ends
    han = "节水行动实施方案促进城乡节约用水" * 2
    cases = {
        "1 MB, one line, no punctuation": han * (1024 * 1024 // (3 * len(han))),
        "1 MB, 20-character lines, no punctuation": "\n".join([han[:20]] * (1024 * 1024 // 61)),
        "1 MB, half-width punctuation and brackets": "(一)加强,管理:推进;落实[2025]3号.\n" * (1024 * 1024 // 50),
        "1 MB, tab-separated table": "昆区\t1.95\t30\t0.71\n" * (1024 * 1024 // 22),
    }
    for name, text in cases.items():
        t = best_of(lambda text=text: parse_text(text), 1)
        print(f"{name}: {t:.2f} s")

    docx = ROOT / "tests" / "fixtures" / "docx" / "notice.docx"
    t = best_of(lambda: parse_file(docx))
    print(f".docx fixture ({docx.name}, {docx.stat().st_size / 1024:.0f} KB): {t * 1000:.1f} ms")


if __name__ == "__main__":
    main()
