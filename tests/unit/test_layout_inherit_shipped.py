"""An office's own layout file, kept outside layouts/, may inherit from a shipped layout."""

from __future__ import annotations

import pytest

from editor.errors import LayoutError
from editor.typeset.layout import load_layout


def test_layout_elsewhere_inherits_a_shipped_one(tmp_path):
    own = tmp_path / "office.toml"
    own.write_text('inherits = "gbt9704"\nname = "office"\n[grid]\nlines_per_page = 22\n', "utf-8")
    lay = load_layout(own)
    assert lay.name == "office"
    assert lay.section("grid")["body_size"] == 16.0  # from gbt9704
    assert lay.section("page")["bleed_mm"] == 3  # from gazette, two levels up


def test_a_layout_beside_the_file_wins_over_a_shipped_one(tmp_path):
    (tmp_path / "gazette.toml").write_text('name = "gazette"\n', "utf-8")
    own = tmp_path / "office.toml"
    own.write_text('inherits = "gazette"\nname = "office"\n', "utf-8")
    with pytest.raises(LayoutError):  # the local, incomplete "gazette" is the one used
        load_layout(own)


def test_unknown_parent_is_named(tmp_path):
    own = tmp_path / "office.toml"
    own.write_text('inherits = "nosuch"\nname = "office"\n', "utf-8")
    with pytest.raises(LayoutError, match="nosuch"):
        load_layout(own)
