"""Shared fixtures: a fresh SQLite store per test and the paths tests need."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.paths import ROOT, SAMPLE_XML, SEED, SHARED  # noqa: F401  (re-exported)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Path of a fresh SQLite database file for one test."""
    return tmp_path / "gazette.db"
