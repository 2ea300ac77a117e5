"""Shared fixtures: a fresh SQLite store per test and the paths tests need."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "baotou-gazette-2025-03.txt"
SAMPLE_XML = ROOT / "resources" / "sample" / "baotou-2025-03.xml"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Path of a fresh SQLite database file for one test."""
    return tmp_path / "gazette.db"
