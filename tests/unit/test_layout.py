"""Layouts as data: loading, inheritance, derived grid values and errors naming file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor.errors import LayoutError
from editor.typeset.layout import LAYOUT_DIR, MM, STYLE_NAMES, available_layouts, load_layout


def test_shipped_layouts_load():
    assert {"gazette", "gbt9704"} <= set(available_layouts())
    for name in available_layouts():
        lay = load_layout(name)
        assert lay.name == name
        assert set(lay.styles) == set(STYLE_NAMES)


def test_gbt9704_grid_fills_the_type_area():
    lay = load_layout("gbt9704")
    assert abs(lay.measure - 156 * MM) < 1e-6
    assert abs(lay.area_height - 225 * MM) < 1e-6
    assert abs(lay.margin_top - 37 * MM) < 1e-6
    assert lay.section("page")["margin_inside_mm"] == 28
    body = lay.style("body")
    assert body.size == 16.0
    assert abs(28 * (body.size + body.tracking) - lay.measure) < 1e-6  # 28 characters fill 156 mm
    assert abs(lay.line_pitch * 22 - lay.area_height) < 1e-6
    assert 28.9 < lay.line_pitch < 29.1


def test_inheritance_overrides_only_what_differs():
    gaz, gbt = load_layout("gazette"), load_layout("gbt9704")
    assert gbt.section("cover") == gaz.section("cover")
    assert gbt.style("title").size == 22.0 and gaz.style("title").size != 22.0
    assert gbt.style("title").role == gaz.style("title").role  # inherited key of an overridden table


def _write(tmp: Path, name: str, text: str) -> Path:
    p = tmp / f"{name}.toml"
    p.write_text(text, "utf-8")
    return p


def _child(tmp: Path, body: str) -> Path:
    """A layout in tmp inheriting from the shipped gazette layout."""
    base = (LAYOUT_DIR / "gazette.toml").read_text("utf-8")
    _write(tmp, "gazette", base)
    return _write(tmp, "child", 'inherits = "gazette"\nname = "child"\n' + body)


def test_layout_by_path_with_inheritance(tmp_path):
    path = _child(tmp_path, "[grid]\nbody_size = 10.5\nchars_per_line = 42\n")
    lay = load_layout(path)
    assert lay.name == "child" and lay.data["grid"]["chars_per_line"] == 42
    assert lay.style("body").size == 10.5 and lay.style("heading1").size == 10.5  # follow the grid
    assert lay.style("title").size == load_layout("gazette").style("title").size


@pytest.mark.parametrize("body, key", [
    ("[page]\nwidht_mm = 200\n", "page.widht_mm"),
    ("[page]\nwidth_mm = \"wide\"\n", "page.width_mm"),
    ("[grid]\nfit = \"squeeze\"\n", "grid.fit"),
    ("[styles.body]\nsize = -3\n", "styles.body.size"),
    ("[styles.body]\nalign = \"middle\"\n", "styles.body.align"),
    ("[styles.sidebar]\nrole = \"body\"\nsize = 9\n", "styles.sidebar"),
    ("[grid]\nchars_per_line = 80\n", "grid.chars_per_line"),
    ("[table]\nmin_size = 20.0\n", "table.min_size"),
    ("colour = \"red\"\n", "colour"),
])
def test_bad_value_names_file_and_key(tmp_path, body, key):
    path = _child(tmp_path, body)
    with pytest.raises(LayoutError) as err:
        load_layout(path)
    msg = str(err.value)
    assert str(path.resolve()) in msg and f"'{key}'" in msg


def test_missing_key_in_a_base_layout(tmp_path):
    text = (LAYOUT_DIR / "gazette.toml").read_text("utf-8").replace("bleed_mm = 3", "")
    path = _write(tmp_path, "broken", text)
    with pytest.raises(LayoutError, match=r"broken\.toml: key 'page\.bleed_mm' is missing"):
        load_layout(path)


def test_not_toml(tmp_path):
    path = _write(tmp_path, "bad", "[page\nwidth_mm = 1")
    with pytest.raises(LayoutError, match="bad.toml: not valid TOML"):
        load_layout(path)


def test_unknown_parent_and_cycles(tmp_path):
    path = _write(tmp_path, "orphan", 'inherits = "nowhere"\n')
    with pytest.raises(LayoutError, match="'inherits' names 'nowhere'"):
        load_layout(path)
    _write(tmp_path, "a", 'inherits = "b"\n')
    b = _write(tmp_path, "b", 'inherits = "a"\n')
    with pytest.raises(LayoutError, match="inherits from itself"):
        load_layout(b)


def test_unknown_layout_name_lists_the_known_ones():
    with pytest.raises(LayoutError, match="gazette"):
        load_layout("no-such-layout")


def test_facing_margins_alternate():
    lay = load_layout("gazette")
    p = lay.section("page")
    assert lay.left_margin(0) == p["margin_inside_mm"] * MM  # a recto: binding on the left
    assert lay.left_margin(1) == p["margin_outside_mm"] * MM
