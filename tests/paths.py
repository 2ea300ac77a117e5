"""Paths the tests share, importable as ``tests.paths`` (the repository root is on sys.path)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
# A copy of ../shared/seed/ kept with the tests, so the suite runs from any clone;
# test_seed_copy checks that it still equals the shared original where that is present.
SEED = ROOT / "tests" / "fixtures" / "seed" / "baotou-gazette-2025-03.txt"
SHARED_SEED = SHARED / "seed" / "baotou-gazette-2025-03.txt"
FRAGMENTS = SHARED / "tools" / "fragments.txt"
PDFCHECK = SHARED / "tools" / "pdfcheck.py"
SAMPLE_XML = ROOT / "resources" / "sample" / "baotou-2025-03.xml"
