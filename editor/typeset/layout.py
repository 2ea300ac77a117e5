"""Layouts as data: load a TOML layout file (with ``inherits``) into a checked ``Layout``.

A layout says everything about the look of an issue that an office may want to change
without touching code: page size and margins, the body grid, font roles, the size and
spacing of every element, running heads, page numbers, cover, contents, tables and the
imprint. Layout files live in ``layouts/`` (``NAME.toml``); a file may name another with
``inherits = "gazette"`` and override only what differs. Every key is checked; a broken
file raises ``LayoutError`` naming the file and the key.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editor.errors import LayoutError

LAYOUT_DIR = Path(__file__).resolve().parents[2] / "layouts"
MM = 72.0 / 25.4  # points per millimetre

ALIGNS = ("justify", "left", "center", "right")

# Schema: key -> type (or a tuple of allowed strings for an enumeration, or a nested dict).
_STYLE_SCHEMA: dict[str, Any] = {
    "role": str, "size": float, "pitch": float, "tracking": float, "align": ALIGNS,
    "indent": float, "hanging": float, "right_indent": float, "space_before": float,
    "space_after": float, "name_chars": int, "gap": float, "measure_chars": float,
}
STYLE_NAMES = (
    "title", "subtitle", "doc_number", "addressees", "body", "heading1", "heading2", "heading3",
    "heading4", "signing_date", "public_note", "attachment_note", "closing", "note", "label",
    "attachment_title", "enclosed_title", "name_list", "chronicle", "chronicle_date", "table",
    "table_header", "table_caption", "running_head", "page_number", "contents_title",
    "contents_section", "contents_entry", "imprint",
)
_SCHEMA: dict[str, Any] = {
    "inherits": str, "name": str, "description": str,
    "page": {
        "width_mm": float, "height_mm": float, "margin_top_mm": float, "margin_bottom_mm": float,
        "margin_inside_mm": float, "margin_outside_mm": float, "facing": bool, "bleed_mm": float,
        "documents_start": ("new-page", "recto", "continue"), "first_body_page": int,
        "min_lines_at_top": int, "min_lines_at_bottom": int,
    },
    "grid": {"body_size": float, "chars_per_line": int, "lines_per_page": int,
             "fit": ("tracking", "size")},
    "fonts": "roles",
    "styles": "styles",
    "running_head": {"enabled": bool, "text": str, "position": ("center", "outer"),
                     "offset_mm": float, "rule": bool, "rule_gap_mm": float},
    "page_number": {"format": str, "position": ("outer", "center"), "offset_mm": float,
                    "inset_chars": float},
    "cover": {"enabled": bool, "title_size": float, "title_y_mm": float, "mongolian_size": float,
              "mongolian_top_mm": float, "mongolian_column_gap_mm": float, "year_size": float,
              "issue_size": float, "date_size": float, "lines_y_mm": float, "line_gap_mm": float,
              "rule_color": ("red", "black", "none"), "title_page": bool},
    "contents": {"title": str, "leader": ("dots", "none"), "number_width_chars": float},
    "document": {"enclosed_new_page": bool, "title_issuer_line": bool},
    "table": {"size": float, "min_size": float, "too_wide": ("shrink", "landscape"),
              "cell_padding_pt": float, "rule_width_pt": float, "min_column_chars": float},
    "imprint": {"enabled": bool, "fields": list, "labels": "strings"},
    "print": {"pad_to_multiple": int, "crop_mark_length_mm": float, "crop_mark_offset_mm": float},
    "proof": {"mark": str},
}
_OPTIONAL = {"inherits", "description", "fonts"}


@dataclass(frozen=True)
class Style:
    """How one element is set: font role, size, line pitch, alignment, indents and spacing."""

    role: str
    size: float  # pt; a style without a size in the file takes the grid's body size
    pitch: float
    tracking: float = 0.0
    align: str = "justify"
    indent: float = 0.0  # characters
    hanging: float = 0.0  # characters (continuation lines)
    right_indent: float = 0.0  # characters
    space_before: float = 0.0  # grid lines
    space_after: float = 0.0  # grid lines
    name_chars: int = 3
    gap: float = 1.0
    measure_chars: float = 0.0  # a narrower measure in characters (0: the full measure)


@dataclass
class Layout:
    """A checked layout; geometry is in points, derived values are computed once."""

    name: str
    description: str
    source: Path
    data: dict[str, Any]
    styles: dict[str, Style] = field(default_factory=dict)
    font_roles: dict[str, list[str]] = field(default_factory=dict)

    # -- geometry -------------------------------------------------------------------------
    def section(self, name: str) -> dict[str, Any]:
        """A top-level table of the layout (``page``, ``cover`` …) as a dict."""
        return self.data[name]

    @property
    def page_width(self) -> float:
        return self.data["page"]["width_mm"] * MM

    @property
    def page_height(self) -> float:
        return self.data["page"]["height_mm"] * MM

    @property
    def bleed(self) -> float:
        return self.data["page"]["bleed_mm"] * MM

    @property
    def margin_top(self) -> float:
        return self.data["page"]["margin_top_mm"] * MM

    @property
    def margin_bottom(self) -> float:
        return self.data["page"]["margin_bottom_mm"] * MM

    @property
    def measure(self) -> float:
        """Width of the type area (the body measure) in pt."""
        p = self.data["page"]
        return (p["width_mm"] - p["margin_inside_mm"] - p["margin_outside_mm"]) * MM

    @property
    def area_height(self) -> float:
        """Height of the type area in pt."""
        return self.page_height - self.margin_top - self.margin_bottom

    @property
    def line_pitch(self) -> float:
        """Distance between body baselines: the type area height over the grid's lines."""
        return self.area_height / self.data["grid"]["lines_per_page"]

    def left_margin(self, physical_index: int) -> float:
        """Left margin of a page; ``physical_index`` 0 is the cover (a recto)."""
        p = self.data["page"]
        recto = physical_index % 2 == 0
        if not p["facing"] or recto:
            return p["margin_inside_mm"] * MM
        return p["margin_outside_mm"] * MM

    def style(self, name: str) -> Style:
        """The style of an element (one of ``STYLE_NAMES``)."""
        return self.styles[name]


def _type_name(t: Any) -> str:
    if isinstance(t, tuple):
        return "one of " + ", ".join(repr(v) for v in t)
    return {str: "text", float: "a number", int: "a whole number", bool: "true or false",
            list: "a list"}.get(t, str(t))


def _check_value(value: Any, t: Any, where: str) -> Any:
    if isinstance(t, tuple):
        if value not in t:
            raise LayoutError(f"{where} must be {_type_name(t)}, not {value!r}")
        return value
    if t is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise LayoutError(f"{where} must be {_type_name(t)}, not {value!r}")
        return float(value)
    if t is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise LayoutError(f"{where} must be {_type_name(t)}, not {value!r}")
        return value
    if not isinstance(value, t) or (t is not bool and isinstance(value, bool)):
        raise LayoutError(f"{where} must be {_type_name(t)}, not {value!r}")
    return value


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except FileNotFoundError:
        raise LayoutError(f"layout file {path} does not exist") from None
    except tomllib.TOMLDecodeError as exc:
        raise LayoutError(f"layout file {path}: not valid TOML ({exc})") from None
    except OSError as exc:
        raise LayoutError(f"layout file {path} cannot be read: {exc.strerror}") from None


def _merge(base: dict, top: dict, origins: dict[str, Path], src: Path, prefix: str = "") -> dict:
    out = dict(base)
    for key, value in top.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value, origins, src, dotted + ".")
        else:
            out[key] = value
            _mark(origins, dotted, value, src)
    return out


def _mark(origins: dict[str, Path], dotted: str, value: Any, src: Path) -> None:
    origins[dotted] = src
    if isinstance(value, dict):
        for k, v in value.items():
            _mark(origins, f"{dotted}.{k}", v, src)


def resolve_path(name_or_path: str | Path | None) -> Path:
    """The file of a layout given by name (``gazette``) or by path."""
    if name_or_path is None:
        name_or_path = "gazette"
    p = Path(name_or_path)
    if p.suffix == ".toml" or p.parent != Path("."):
        return p
    return LAYOUT_DIR / f"{name_or_path}.toml"


def _load_chain(path: Path, origins: dict[str, Path], seen: tuple[Path, ...]) -> dict:
    path = path.resolve()
    if path in seen:
        raise LayoutError(f"layout file {path}: inherits from itself (through {seen[-1].name})")
    raw = _read(path)
    parent = raw.get("inherits")
    if parent is not None:
        if not isinstance(parent, str) or not parent:
            raise LayoutError(f"layout file {path}: key 'inherits' must name a layout")
        if "/" in parent or parent.endswith(".toml"):
            ppath = resolve_path(parent)
            if not ppath.is_absolute():
                ppath = path.parent / ppath
        else:
            # a layout beside this file first, then a shipped one: an office's own layout
            # kept elsewhere may inherit from "gazette" or "gbt9704"
            ppath = path.parent / f"{parent}.toml"
            if not ppath.exists():
                ppath = LAYOUT_DIR / f"{parent}.toml"
        if not ppath.exists():
            raise LayoutError(f"layout file {path}: key 'inherits' names {parent!r}, which does not exist")
        base = _load_chain(ppath, origins, seen + (path,))
        return _merge(base, raw, origins, path)
    _mark_all(origins, raw, path)
    return raw


def _mark_all(origins: dict[str, Path], raw: dict, src: Path) -> None:
    for k, v in raw.items():
        _mark(origins, k, v, src)


def _validate(data: dict, origins: dict[str, Path], top: Path) -> None:
    def where(key: str) -> str:
        src = origins.get(key, top)
        return f"layout file {src}: key '{key}'"

    for key, value in data.items():
        if key not in _SCHEMA:
            raise LayoutError(f"{where(key)} is not a layout setting")
        t = _SCHEMA[key]
        if isinstance(t, dict):
            if not isinstance(value, dict):
                raise LayoutError(f"{where(key)} must be a table ([{key}])")
            for sub, sval in value.items():
                dotted = f"{key}.{sub}"
                if sub not in t:
                    raise LayoutError(f"{where(dotted)} is not a layout setting")
                st = t[sub]
                if st == "strings":
                    if not isinstance(sval, dict) or not all(isinstance(v, str) for v in sval.values()):
                        raise LayoutError(f"{where(dotted)} must be a table of texts")
                    continue
                if st is list:
                    if not isinstance(sval, list) or not all(isinstance(v, str) for v in sval):
                        raise LayoutError(f"{where(dotted)} must be a list of texts")
                    continue
                value[sub] = _check_value(sval, st, where(dotted))
            for sub in t:
                if sub not in value:
                    raise LayoutError(f"layout file {top}: key '{key}.{sub}' is missing")
        elif t == "roles":
            if not isinstance(value, dict):
                raise LayoutError(f"{where(key)} must be a table of role = [fonts]")
            for role, cands in value.items():
                if not isinstance(cands, list) or not all(isinstance(c, str) for c in cands):
                    raise LayoutError(f"{where(key + '.' + role)} must be a list of font names")
        elif t == "styles":
            if not isinstance(value, dict):
                raise LayoutError(f"{where(key)} must be a table of styles")
            for sname, style in value.items():
                if sname not in STYLE_NAMES:
                    raise LayoutError(f"{where('styles.' + sname)} is not an element the typesetter knows")
                if not isinstance(style, dict):
                    raise LayoutError(f"{where('styles.' + sname)} must be a table")
                for k, v in style.items():
                    dotted = f"styles.{sname}.{k}"
                    if k not in _STYLE_SCHEMA:
                        raise LayoutError(f"{where(dotted)} is not a style setting")
                    style[k] = _check_value(v, _STYLE_SCHEMA[k], where(dotted))
                if "role" not in style:
                    raise LayoutError(f"layout file {top}: key 'styles.{sname}.role' is missing")
                if style.get("size", 1.0) <= 0:
                    raise LayoutError(f"{where(f'styles.{sname}.size')} must be positive")
            for sname in STYLE_NAMES:
                if sname not in value:
                    raise LayoutError(f"layout file {top}: key 'styles.{sname}' is missing")
        else:
            data[key] = _check_value(value, t, where(key))
    for key in _SCHEMA:
        if key not in data and key not in _OPTIONAL:
            raise LayoutError(f"layout file {top}: key '{key}' is missing")


def _check_geometry(layout: Layout, origins: dict[str, Path]) -> None:
    def fail(key: str, msg: str) -> None:
        raise LayoutError(f"layout file {origins.get(key, layout.source)}: key '{key}' {msg}")

    page = layout.data["page"]
    for k in ("width_mm", "height_mm"):
        if page[k] <= 0:
            fail(f"page.{k}", "must be positive")
    for k in ("margin_top_mm", "margin_bottom_mm", "margin_inside_mm", "margin_outside_mm", "bleed_mm"):
        if page[k] < 0:
            fail(f"page.{k}", "must not be negative")
    if layout.measure < 72:
        fail("page.margin_inside_mm", "leaves a type area narrower than one inch")
    if layout.area_height < 144:
        fail("page.margin_top_mm", "leaves a type area lower than two inches")
    grid = layout.data["grid"]
    if grid["chars_per_line"] < 4:
        fail("grid.chars_per_line", "must be at least 4")
    if grid["lines_per_page"] < 4:
        fail("grid.lines_per_page", "must be at least 4")
    if grid["body_size"] <= 0:
        fail("grid.body_size", "must be positive")
    cell = layout.measure / grid["chars_per_line"]
    if grid["fit"] == "tracking" and abs(cell - grid["body_size"]) > 0.25 * grid["body_size"]:
        fail("grid.chars_per_line",
             f"does not fit: {grid['chars_per_line']} characters of {grid['body_size']:g} pt need "
             f"{grid['chars_per_line'] * grid['body_size'] / MM:.1f} mm, the type area is "
             f"{layout.measure / MM:.1f} mm wide")
    if layout.line_pitch < grid["body_size"]:
        fail("grid.lines_per_page", "puts the lines closer than the body size")
    mult = layout.data["print"]["pad_to_multiple"]
    if mult < 1:
        fail("print.pad_to_multiple", "must be at least 1")
    tab = layout.data["table"]
    if not 0 < tab["min_size"] <= tab["size"]:
        fail("table.min_size", "must be positive and not larger than table.size")


def _build_styles(layout: Layout) -> None:
    grid = layout.data["grid"]
    body = grid["body_size"]
    cell = layout.measure / grid["chars_per_line"]
    pitch = layout.line_pitch
    for name in STYLE_NAMES:
        raw = dict(layout.data["styles"][name])
        size = raw.pop("size", body)  # no size: the grid's body size
        # Elements set in the body size share the grid's tracking, so they fill the measure.
        if abs(size - body) < 1e-6 and "tracking" not in raw:
            if grid["fit"] == "size":
                size = cell
            else:
                raw["tracking"] = cell - body
        style_pitch = raw.pop("pitch", None)
        if style_pitch is None:
            style_pitch = pitch * max(1.0, size / body)
        layout.styles[name] = Style(size=size, pitch=style_pitch, **raw)


def load_layout(name_or_path: str | Path | None = None) -> Layout:
    """Load, merge (``inherits``) and check a layout by name (``gazette``) or file path."""
    path = resolve_path(name_or_path)
    if not path.exists():
        known = ", ".join(sorted(p.stem for p in LAYOUT_DIR.glob("*.toml")))
        raise LayoutError(f"there is no layout {str(name_or_path)!r} (known layouts: {known})")
    origins: dict[str, Path] = {}
    data = _load_chain(path, origins, ())
    _validate(data, origins, path.resolve())
    layout = Layout(
        name=data.get("name", path.stem),
        description=data.get("description", ""),
        source=path.resolve(),
        data=data,
        font_roles={k: list(v) for k, v in data.get("fonts", {}).items() if v},
    )
    _check_geometry(layout, origins)
    _build_styles(layout)
    return layout


def available_layouts() -> list[str]:
    """Names of the layouts shipped in ``layouts/``."""
    return sorted(p.stem for p in LAYOUT_DIR.glob("*.toml"))
