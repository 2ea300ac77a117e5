"""The tests' copy of the seed issue text is the shared original."""

from __future__ import annotations

import pytest

from tests.paths import SEED, SHARED_SEED


def test_seed_copy_matches_the_shared_seed() -> None:
    if not SHARED_SEED.exists():
        pytest.skip("../shared/seed is not beside this clone")
    assert SEED.read_bytes() == SHARED_SEED.read_bytes()
