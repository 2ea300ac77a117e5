"""Paths the tests share, importable as ``tests.paths`` (the repository root is on sys.path)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "baotou-gazette-2025-03.txt"
FRAGMENTS = SHARED / "tools" / "fragments.txt"
PDFCHECK = SHARED / "tools" / "pdfcheck.py"
SAMPLE_XML = ROOT / "resources" / "sample" / "baotou-2025-03.xml"
