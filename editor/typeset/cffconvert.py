"""CFF-outline OpenType (e.g. Noto CJK) -> TrueType-outline font files, cached on disk.

reportlab embeds only TrueType outlines. fontTools can redraw every CFF glyph as quadratic
curves (cu2qu); for a whole CJK face that takes around 100 s, so the result is written once
to a per-user cache directory and reused by every later build. The cache key is the source
file's path, size and modification time plus the subfont index and the character subset, so
an updated font package is converted again and nothing else ever is.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterable
from pathlib import Path

from editor.errors import FontError

#: Named character subsets a manifest entry can ask for (``subset = "gb2312"``).
SUBSETS = ("gb2312", "gbk", "full", "none")


def cache_dir() -> Path:
    """The per-user font cache: $GAZETTE_FONT_CACHE, else $XDG_CACHE_HOME/gazette-editor/fonts."""
    env = os.environ.get("GAZETTE_FONT_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "gazette-editor" / "fonts"


def _codec_range(codec: str, lead: range, trail: range) -> set[int]:
    out: set[int] = set()
    for a in lead:
        for b in trail:
            try:
                s = bytes((a, b)).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(s) == 1:
                out.add(ord(s))
    return out


def subset_codepoints(spec: str, extra: Iterable[str] = ()) -> set[int] | None:
    """Code points of a named subset (None = the whole font), plus every character of extra.

    "none" keeps only the characters of extra (and the space): for tests and tiny faces.

    Every subset keeps ASCII, Latin-1, general punctuation and the CJK symbol blocks, so
    mixed text and full-width punctuation always come along.
    """
    if spec == "full":
        return None
    if spec in ("", "none"):
        return {ord(c) for c in extra} | {0x20}
    base: set[int] = set(range(0x20, 0x250)) | set(range(0x2000, 0x2070)) | set(range(0x2100, 0x2200))
    base |= set(range(0x2460, 0x2500)) | set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0))
    if spec == "gb2312":
        base |= _codec_range("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF))
    elif spec == "gbk":
        base |= _codec_range("gbk", range(0x81, 0xFF), range(0x40, 0xFF))
    else:
        raise FontError(f'Unknown font subset "{spec}"; use one of: {", ".join(SUBSETS)}.')
    base.update(ord(c) for c in extra)
    return base


def cache_key(src: Path, index: int, spec: str, extra: str = "") -> str:
    """Stable cache file stem for one conversion of one subfont."""
    st = src.stat()
    raw = f"{src.resolve()}|{st.st_size}|{int(st.st_mtime)}|{index}|{spec}|{extra}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]


def is_cff(path: Path, index: int = 0) -> bool:
    """True when the (sub)font at path has CFF/CFF2 outlines rather than glyf."""
    from fontTools.ttLib import TTFont

    try:
        f = TTFont(str(path), fontNumber=index, lazy=True)
    except Exception as exc:  # fontTools raises many types for broken files
        raise FontError(f"Cannot read the font file {path}: {exc}") from exc
    try:
        return "CFF " in f or "CFF2" in f
    finally:
        f.close()


def convert_to_truetype(src: Path, index: int, dest: Path, codepoints: set[int] | None,
                        max_err: float = 1.0) -> None:
    """Write dest: the subfont index of src, cut to codepoints, with quadratic glyf outlines."""
    from fontTools import subset as ftsubset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    font = TTFont(str(src), fontNumber=index, lazy=False)
    if codepoints is not None:
        opts = ftsubset.Options()
        opts.layout_features = ["*"]
        opts.name_IDs = ["*"]
        opts.name_languages = ["*"]
        opts.notdef_outline = True
        opts.glyph_names = False
        opts.hinting = False
        opts.desubroutinize = True
        sub = ftsubset.Subsetter(opts)
        sub.populate(unicodes=sorted(codepoints))
        sub.subset(font)
    order = font.getGlyphOrder()
    gset = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(gset)
        gset[name].draw(Cu2QuPen(pen, max_err, reverse_direction=True))
        glyphs[name] = pen.glyph()
    for tag in ("CFF ", "CFF2", "VORG"):
        if tag in font:
            del font[tag]
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                 "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                 "maxComponentElements", "maxPoints", "maxContours", "maxCompositePoints",
                 "maxCompositeContours", "maxComponentDepth"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType = 3.0  # no glyph names: smaller and faster
    post.extraNames = []
    post.mapping = {}
    font.sfntVersion = "\x00\x01\x00\x00"
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(f".tmp{os.getpid()}")
    font.save(str(tmp))
    font.close()
    os.replace(tmp, dest)


def cached_truetype(src: Path, index: int, spec: str = "gb2312", extra: str = "",
                    timings: dict[str, float] | None = None) -> tuple[Path, int]:
    """Path and subfont index of a TrueType-outline equivalent of src/index (converted once).

    timings, when given, receives "convert" (seconds, only when a conversion ran) or "cached".
    """
    key = cache_key(src, index, spec, extra)
    dest = cache_dir() / f"{src.stem}-{index}-{spec}-{key}.ttf"
    if dest.exists():
        if timings is not None:
            timings["cached"] = 0.0
        return dest, 0
    t0 = time.perf_counter()
    try:
        convert_to_truetype(src, index, dest, subset_codepoints(spec, extra))
    except FontError:
        raise
    except Exception as exc:
        raise FontError(f"Cannot convert the CFF font {src} (subfont {index}) to TrueType: {exc}") from exc
    if timings is not None:
        timings["convert"] = time.perf_counter() - t0
    return dest, 0
