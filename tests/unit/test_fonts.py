"""Font registry: roles, overrides, per-character fallback, errors and the CFF conversion cache."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from editor.errors import FontError
from editor.typeset import cffconvert
from editor.typeset.fonts import ROLES, FontRegistry

SONG = Path("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf")
UMING = Path("/usr/share/fonts/truetype/arphic/uming.ttc")
NOTO_SANS_CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
URW_CFF = Path("/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf")

needs_debian_fonts = pytest.mark.skipif(not (SONG.exists() and UMING.exists()),
                                        reason="Debian CJK fonts (README set-up) not installed")


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    """No machine override file of the developer leaks into a test; caches go to tmp."""
    monkeypatch.setenv("GAZETTE_FONTS_CONFIG", str(tmp_path / "no-such-fonts.toml"))
    monkeypatch.setenv("GAZETTE_FONT_CACHE", str(tmp_path / "cache"))


def _manifest(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "manifest.toml"
    p.write_text(text, "utf-8")
    return p


@needs_debian_fonts
def test_default_manifest_resolves_every_role():
    reg = FontRegistry.load()
    for role in ROLES:
        face = reg.face(role)
        assert face.name and face.path.exists()
    body = reg.face("body")
    assert body.has("中")
    assert body.advance("中", 16) == pytest.approx(16.0)
    assert 0 < body.ascent < 1.2 and -0.5 < body.descent < 0


@needs_debian_fonts
def test_pick_falls_back_per_character_and_records_it():
    reg = FontRegistry.load()
    body = reg.face("body")
    assert reg.pick("body", "中") is body
    assert not body.has("〇")  # the GB2312 Song lacks it
    other = reg.pick("body", "〇")
    assert other is not body and other.has("〇")
    assert "〇" in reg.substituted["body"]
    assert "中" not in reg.substituted.get("body", set())


@needs_debian_fonts
def test_character_no_font_has_is_missing_and_gets_the_primary_face():
    reg = FontRegistry.load()
    pua = "\U000F1234"
    assert reg.pick("body", pua) is reg.face("body")
    assert pua in reg.missing["body"]
    assert pua not in reg.substituted.get("body", set())


def test_role_without_usable_font_names_role_and_candidates(tmp_path):
    m = _manifest(tmp_path, """
[roles]
body = ["nowhere-font", "NoSuchFamily Xyz"]
[fonts.nowhere-font]
files = ["does-not-exist-anywhere.ttf"]
""")
    with pytest.raises(FontError) as exc:
        FontRegistry.load(m)
    msg = str(exc.value)
    assert "body" in msg and "nowhere-font" in msg and "NoSuchFamily Xyz" in msg


@needs_debian_fonts
def test_unknown_role_is_a_font_error():
    reg = FontRegistry.load()
    with pytest.raises(FontError, match="no_such_role"):
        reg.face("no_such_role")


def test_broken_manifest_is_a_font_error(tmp_path):
    m = _manifest(tmp_path, "[roles\nbody = ")
    with pytest.raises(FontError, match="not valid TOML"):
        FontRegistry.load(m)


@needs_debian_fonts
def test_layout_roles_come_first_by_manifest_name_path_or_family():
    reg = FontRegistry.load(roles={"body": ["wqy-zenhei"], "title": [str(UMING)],
                                   "heading1": ["AR PL UMing CN"]})
    assert reg.face("body").path.name == "wqy-zenhei.ttc"
    assert reg.face("title").path == UMING
    assert reg.face("heading1").path == UMING and reg.face("heading1").index == 0


@needs_debian_fonts
def test_file_candidate_may_name_its_subfont_by_index_or_postscript_name():
    reg = FontRegistry.load(roles={"body": ["uming.ttc#1"], "title": [f"{UMING}#UMingTW"]})
    assert reg.face("body").path == UMING and reg.face("body").index == 1
    assert reg.face("title").index == 2


@needs_debian_fonts
def test_layout_role_that_is_not_installed_falls_through_and_is_reported():
    reg = FontRegistry.load(roles={"body": ["仿宋_GB2312-not-installed"]})
    assert reg.face("body").path == SONG
    assert "仿宋_GB2312-not-installed" in reg.unavailable["body"]


@needs_debian_fonts
def test_machine_override_points_an_office_font_at_a_file(tmp_path, monkeypatch):
    office = tmp_path / "office"
    office.mkdir()
    shutil.copy(UMING, office / "my-fangsong.ttc")
    cfg = tmp_path / "fonts.toml"
    cfg.write_text(f"""
dirs = ["{office}"]
[fonts.fangsong-gb2312]
files = ["my-fangsong.ttc"]
index = 1
""", "utf-8")
    monkeypatch.setenv("GAZETTE_FONTS_CONFIG", str(cfg))
    reg = FontRegistry.load()
    face = reg.face("body")
    assert face.path == office / "my-fangsong.ttc" and face.index == 1


@needs_debian_fonts
def test_extra_files_are_searched(tmp_path):
    d = tmp_path / "extra"
    d.mkdir()
    shutil.copy(SONG, d / "仿宋_GB2312.ttf")  # stands in for an office's licensed file
    reg = FontRegistry.load(extra_files=[d])
    assert reg.face("body").path == d / "仿宋_GB2312.ttf"


@needs_debian_fonts
def test_faces_are_registered_with_reportlab_once_per_process():
    from reportlab.pdfbase import pdfmetrics

    a = FontRegistry.load().face("body")
    b = FontRegistry.load().face("body")
    assert a is b
    assert pdfmetrics.getFont(a.name) is not None


@pytest.mark.skipif(not NOTO_SANS_CJK.exists(), reason="fonts-noto-cjk not installed")
def test_cff_conversion_of_a_small_subset_is_cached(tmp_path):
    from reportlab.pdfbase.ttfonts import TTFont

    t1: dict[str, float] = {}
    path, index = cffconvert.cached_truetype(NOTO_SANS_CJK, 2, "none", extra="中文公报", timings=t1)
    assert "convert" in t1 and path.exists() and index == 0
    assert path.parent == tmp_path / "cache"
    assert not cffconvert.is_cff(path)
    tt = TTFont("NotoTestSubset", str(path))
    assert ord("公") in tt.face.charToGlyph and ord("报") in tt.face.charToGlyph
    assert ord("政") not in tt.face.charToGlyph
    t2: dict[str, float] = {}
    again, _ = cffconvert.cached_truetype(NOTO_SANS_CJK, 2, "none", extra="中文公报", timings=t2)
    assert again == path and "cached" in t2 and "convert" not in t2


@pytest.mark.skipif(not URW_CFF.exists(), reason="URW base35 CFF fonts not installed")
def test_registry_uses_a_cff_font_through_the_conversion(tmp_path):
    m = _manifest(tmp_path, f"""
[roles]
body = ["nimbus"]
[fonts.nimbus]
files = ["{URW_CFF}"]
subset = "full"
""")
    for role in ROLES:
        if role != "body":
            m.write_text(m.read_text("utf-8").replace("[roles]\n", f'[roles]\n{role} = ["nimbus"]\n', 1), "utf-8")
    reg = FontRegistry.load(m)
    face = reg.face("body")
    assert face.has("A") and face.advance("A", 10) > 0
    assert face.source == URW_CFF and face.path.suffix == ".ttf"
    assert list((tmp_path / "cache").glob("NimbusSans-Regular-0-full-*.ttf"))


def test_unknown_subset_is_refused():
    with pytest.raises(FontError, match="subset"):
        cffconvert.subset_codepoints("big5-ish")


@needs_debian_fonts
def test_coverage_cache_lets_fallback_skip_fonts_without_parsing_them(tmp_path):
    pua = "\U000F2345"
    first = FontRegistry.load()
    first.pick("body", pua)  # walks every fallback face and records what each covers
    assert list((tmp_path / "cache" / "coverage").glob("*.json"))
    second = FontRegistry.load()
    fallbacks = second._fallback
    assert fallbacks and all(c.face is None for c in fallbacks)
    assert all(c.surely_lacks(ord(pua)) for c in fallbacks)
    uming = next(c for c in fallbacks if c.path == UMING)
    assert not uming.surely_lacks(ord("〇")) and not uming.surely_lacks(ord("中"))
    assert second.pick("body", pua) is second.face("body") and pua in second.missing["body"]


@needs_debian_fonts
def test_two_files_of_the_same_name_get_distinct_reportlab_names(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    shutil.copy(SONG, a / "office.ttf")
    shutil.copy(UMING, b / "office.ttf")
    fa = FontRegistry.load(roles={"body": [str(a / "office.ttf")]}).face("body")
    fb = FontRegistry.load(roles={"body": [str(b / "office.ttf")]}).face("body")
    assert fa.name != fb.name
    assert fa.has("中") and fb.has("〇") and not fa.has("〇")
