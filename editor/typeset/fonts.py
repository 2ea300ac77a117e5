"""Font roles, discovery and per-character fallback for the typesetter.

fonts/manifest.toml names fonts (file candidates, family names, subfont index or PostScript
name) and maps roles (title, body, heading1 …) to ordered candidate lists plus a global
fallback chain. A per-machine file ($XDG_CONFIG_HOME/gazette-editor/fonts.toml) and a
layout's [fonts] table add to it. Files are searched in the system font directories, the
user's, $GAZETTE_FONT_DIRS and paths given by the caller. TrueType faces are registered with
reportlab once per process; CFF faces (Noto CJK) go through a cached conversion
(editor.typeset.cffconvert). pick(role, ch) walks a role's chain, then the fallbacks, and
records characters set in a fallback face (.substituted) or in no face at all (.missing).
"""

from __future__ import annotations

import bisect
import hashlib
import json
import os
import re
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from editor.errors import FontError
from editor.typeset import cffconvert

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_MANIFEST = ROOT / "fonts" / "manifest.toml"
ROLES = ("title", "subtitle", "body", "heading1", "heading2", "heading3", "heading4", "doc_number",
         "running_head", "page_number", "table", "table_header", "contents", "cover_title",
         "mongolian", "note", "label")
FONT_EXTS = (".ttf", ".ttc", ".otf", ".otc")


def machine_config_path() -> Path:
    """The per-machine override file: $GAZETTE_FONTS_CONFIG or $XDG_CONFIG_HOME/gazette-editor/fonts.toml."""
    env = os.environ.get("GAZETTE_FONTS_CONFIG")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "gazette-editor" / "fonts.toml"


def font_dirs(extra: list[Path] | None = None) -> list[Path]:
    """Directories searched for font files, most specific first."""
    dirs: list[Path] = [Path(p) for p in (extra or [])]
    env = os.environ.get("GAZETTE_FONT_DIRS", "")
    dirs += [Path(p) for p in env.split(os.pathsep) if p]
    home = Path(os.path.expanduser("~"))
    dirs += [home / ".local" / "share" / "fonts", home / ".fonts", Path("/usr/local/share/fonts"),
             Path("/usr/share/fonts")]
    seen: list[Path] = []
    for d in dirs:
        if d not in seen:
            seen.append(d)
    return seen


def _norm(name: str) -> str:
    return re.sub(r"[\s_\-]+", "", name).lower()


class FontIndex:
    """The font files under the search directories, by file name and (lazily) by family name.

    The family/PostScript names of every file are read once and kept in a JSON cache beside
    the converted fonts, keyed by path, size and mtime, so later runs only stat the files.
    """

    def __init__(self, dirs: list[Path]):
        self.dirs = dirs
        self.files: list[Path] = []
        self.by_basename: dict[str, list[Path]] = {}
        for d in dirs:
            if not d.is_dir():
                continue
            for root, _subdirs, names in os.walk(d):
                for n in sorted(names):
                    if n.lower().endswith(FONT_EXTS):
                        p = Path(root) / n
                        self.files.append(p)
                        self.by_basename.setdefault(n.lower(), []).append(p)
        self._names: dict[str, list[tuple[Path, int]]] | None = None

    def find_file(self, name: str) -> Path | None:
        """A file given by absolute path or by its base name (case-insensitive)."""
        p = Path(os.path.expanduser(name))
        if p.is_absolute() or os.sep in name:
            return p if p.is_file() else None
        hits = self.by_basename.get(name.lower())
        return hits[0] if hits else None

    def find_name(self, name: str) -> tuple[Path, int] | None:
        """(file, subfont index) of a face whose family, full or PostScript name is name."""
        if self._names is None:
            self._names = self._build_names()
        hits = self._names.get(_norm(name))
        return hits[0] if hits else None

    def _build_names(self) -> dict[str, list[tuple[Path, int]]]:
        cache_file = cffconvert.cache_dir() / "font-names.json"
        try:
            cached = json.loads(cache_file.read_text("utf-8"))
        except (OSError, ValueError):
            cached = {}
        fresh: dict[str, list] = {}
        changed = False
        for p in self.files:
            try:
                st = p.stat()
            except OSError:
                continue
            key = str(p)
            entry = cached.get(key)
            if entry and entry[0] == st.st_size and entry[1] == int(st.st_mtime):
                fresh[key] = entry
                continue
            fresh[key] = [st.st_size, int(st.st_mtime), _read_names(p)]
            changed = True
        if changed or len(fresh) != len(cached):
            try:
                cache_file.parent.mkdir(parents=True, exist_ok=True)
                tmp = cache_file.with_suffix(f".tmp{os.getpid()}")
                tmp.write_text(json.dumps(fresh, ensure_ascii=False), "utf-8")
                os.replace(tmp, cache_file)
            except OSError:
                pass  # a read-only cache only costs time
        out: dict[str, list[tuple[Path, int]]] = {}
        for key, (_size, _mtime, faces) in fresh.items():
            for index, names in faces:
                for n in names:
                    out.setdefault(n, []).append((Path(key), index))
        return out


def _read_names(path: Path) -> list[list]:
    """[[subfont index, [normalised names]] …] of one font file; [] when unreadable."""
    from fontTools.ttLib import TTFont

    faces = []
    try:
        with open(path, "rb") as fh:
            head = fh.read(12)
        count = int.from_bytes(head[8:12], "big") if head[:4] == b"ttcf" else 1
        for i in range(min(count, 64)):
            f = TTFont(str(path), fontNumber=i, lazy=True)
            names = set()
            for rec in f["name"].names:
                if rec.nameID in (1, 4, 6, 16):
                    try:
                        names.add(_norm(rec.toUnicode()))
                    except UnicodeDecodeError:
                        continue
            f.close()
            faces.append([i, sorted(n for n in names if n)])
    except Exception:  # a broken file in a font directory must not stop a build
        return faces
    return faces


class Face:
    """One registered TrueType face: metrics and coverage, keyed by reportlab font name."""

    __slots__ = ("name", "path", "index", "ascent", "descent", "widths", "family", "source")

    def __init__(self, name: str, path: Path, index: int, source: Path | None = None):
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        try:
            tt = TTFont(name, str(path), subfontIndex=index)
        except Exception as exc:  # reportlab raises TTFError and others
            raise FontError(f"Cannot use the font file {path} (subfont {index}): {exc}") from exc
        pdfmetrics.registerFont(tt)
        self.name = name
        self.path = path
        self.index = index
        self.source = source or path
        face = tt.face
        self.ascent = face.ascent / 1000.0
        self.descent = face.descent / 1000.0
        cw = face.charWidths
        #: code point -> advance in em (only characters the face maps to a glyph)
        self.widths: dict[int, float] = {c: cw.get(c, face.defaultWidth) / 1000.0 for c in face.charToGlyph}
        self.family = getattr(face, "familyName", b"")
        if isinstance(self.family, bytes):
            self.family = self.family.decode("utf-8", "replace")

    def has(self, ch: str) -> bool:
        """True when the face has a glyph for the character."""
        return ord(ch) in self.widths

    def advance(self, ch: str, size: float) -> float:
        """Advance width of ch at size, in pt (an em for a character the face lacks)."""
        total = 0.0
        w = self.widths
        for c in ch:
            total += w.get(ord(c), 1.0)
        return total * size

    def __repr__(self) -> str:
        return f"Face({self.name!r}, {str(self.path)!r}, {self.index})"


#: every face registered in this process, by (file, subfont index): parsed once
_FACES: dict[tuple[str, int], Face] = {}
#: conversion timings of CFF fonts in this process, by reportlab name (for reports)
CONVERSIONS: dict[str, dict[str, float]] = {}


_NAMES: dict[str, str] = {}  # reportlab font name -> the file it was registered from


def _face_name(path: Path, index: int, converted: bool) -> str:
    """A reportlab font name for a file's subfont, unique in the process."""
    stem = re.sub(r"[^A-Za-z0-9]+", "", path.stem) or "Font"
    name = f"G{stem}{index}{'cff' if converted else ''}"
    owner = _NAMES.setdefault(name, str(path))
    if owner != str(path):  # another file of the same name (e.g. an office copy elsewhere)
        name = f"{name}-{hashlib.sha1(str(path).encode('utf-8')).hexdigest()[:8]}"
        _NAMES.setdefault(name, str(path))
    return name


@dataclass
class _Candidate:
    """A resolved font candidate: a file and subfont, not yet parsed."""

    label: str
    path: Path
    index: int = 0
    psname: str = ""
    subset: str = "gb2312"
    face: Face | None = None
    failed: str = ""
    #: flat [start, end, start, end …] code point ranges from the coverage cache; None = not
    #: read yet, [] = no cache entry
    coverage: list[int] | None = None

    def coverage_key(self) -> str:
        """Cache key of this candidate's character coverage (file, size, mtime, subfont, subset)."""
        try:
            st = self.path.stat()
        except OSError:
            return ""
        raw = f"{self.path}|{st.st_size}|{int(st.st_mtime)}|{self.index}|{self.psname}|{self.subset}"
        return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:20]

    def surely_lacks(self, code: int) -> bool:
        """True when the font is known (loaded, or from the coverage cache) to lack code.

        Lets the per-character fallback skip fonts without parsing them (5–180 ms each).
        """
        if self.face is not None:
            return code not in self.face.widths
        if self.coverage is None:
            self.coverage = _read_coverage(self.coverage_key())
        cov = self.coverage
        if not cov:
            return False
        i = bisect.bisect_right(cov, code)
        return i % 2 == 0 and not (i and cov[i - 1] == code)


def _coverage_path(key: str) -> Path:
    return cffconvert.cache_dir() / "coverage" / f"{key}.json"


def _read_coverage(key: str) -> list[int]:
    if not key:
        return []
    try:
        data = json.loads(_coverage_path(key).read_text("utf-8"))
    except (OSError, ValueError):
        return []
    return data if isinstance(data, list) else []


def _write_coverage(key: str, codes: list[int]) -> None:
    """Store a face's code points as inclusive ranges [start, end, …] (best effort)."""
    if not key:
        return
    flat: list[int] = []
    for c in sorted(codes):
        if flat and c == flat[-1] + 1:
            flat[-1] = c
        else:
            flat += [c, c]
    path = _coverage_path(key)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        tmp.write_text(json.dumps(flat), "utf-8")
        os.replace(tmp, path)
    except OSError:
        pass


def load_face(cand: _Candidate) -> Face:
    """Parse and register a candidate's face (converting CFF outlines once, cached on disk)."""
    if cand.face is not None:
        return cand.face
    if cand.failed:
        raise FontError(cand.failed)
    cov_key = cand.coverage_key()
    if cand.psname and cand.path.suffix.lower() in (".ttc", ".otc"):
        try:
            cand.index = _index_of_psname(cand.path, cand.psname)
        except FontError as exc:
            cand.failed = str(exc)
            raise
        cand.psname = ""
    index = cand.index
    key = (str(cand.path), index)
    face = _FACES.get(key)
    if face is None:
        src_path, src_index, converted = cand.path, index, False
        if cffconvert.is_cff(cand.path, index):
            timings: dict[str, float] = {}
            t0 = time.perf_counter()
            src_path, src_index = cffconvert.cached_truetype(cand.path, index, cand.subset, timings=timings)
            timings["load"] = time.perf_counter() - t0
            converted = True
        try:
            face = Face(_face_name(cand.path, index, converted), src_path, src_index, source=cand.path)
        except FontError as exc:
            cand.failed = str(exc)
            raise
        if converted:
            CONVERSIONS[face.name] = timings
        _FACES[key] = face
    if cand.coverage is None:
        cand.coverage = _read_coverage(cov_key)
    if not cand.coverage:
        _write_coverage(cov_key, list(face.widths))
        cand.coverage = [0, -1]  # written: do not write again for this candidate
    cand.face = face
    return face


def _index_of_psname(path: Path, psname: str) -> int:
    from fontTools.ttLib import TTCollection

    coll = TTCollection(str(path), lazy=True)
    for i, f in enumerate(coll.fonts):
        if _norm(str(f["name"].getDebugName(6) or "")) == _norm(psname):
            return i
    raise FontError(f'The font collection {path} has no face named "{psname}".')


@dataclass
class _Spec:
    """A named font of the manifest."""

    name: str
    files: list[str] = field(default_factory=list)
    families: list[str] = field(default_factory=list)
    index: int = 0
    psname: str = ""
    subset: str = "gb2312"


def _read_toml(path: Path) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise FontError(f"Cannot read the font file list {path}: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise FontError(f"The font file list {path} is not valid TOML: {exc}") from exc


def _as_list(value: object, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise FontError(f"{where} must be a name or a list of names.")


def _specs(data: dict, where: Path) -> dict[str, _Spec]:
    out: dict[str, _Spec] = {}
    for name, entry in (data.get("fonts") or {}).items():
        if not isinstance(entry, dict):
            raise FontError(f"{where}: [fonts.{name}] must be a table.")
        index = entry.get("index", 0)
        if not isinstance(index, int) or index < 0:
            raise FontError(f"{where}: fonts.{name}.index must be a whole number ≥ 0.")
        out[name] = _Spec(
            name=name,
            files=_as_list(entry.get("files", []), f"{where}: fonts.{name}.files"),
            families=_as_list(entry.get("family", []), f"{where}: fonts.{name}.family"),
            index=index,
            psname=str(entry.get("psname", "")),
            subset=str(entry.get("subset", "gb2312")),
        )
    return out


class FontRegistry:
    """Role -> ordered faces, with per-character fallback and a record of what fell back."""

    def __init__(self) -> None:
        self.missing: dict[str, set[str]] = {}
        self.substituted: dict[str, set[str]] = {}
        #: role -> candidate names that were asked for but are not installed (for reports)
        self.unavailable: dict[str, list[str]] = {}
        self._chains: dict[str, list[_Candidate]] = {}
        self._tried: dict[str, list[str]] = {}
        self._fallback: list[_Candidate] = []
        self._optional: set[str] = set()
        self._pick: dict[str, dict[str, Face]] = {}

    # -- construction -------------------------------------------------------------------
    @classmethod
    def load(cls, manifest: Path | None = None, roles: dict[str, list[str]] | None = None,
             extra_files: list[Path] | None = None) -> FontRegistry:
        """Resolve every role of the manifest (plus machine and layout overrides) to font files.

        roles: a layout's overrides, role -> candidates (manifest names, family names or
        file paths), tried before the machine's and the manifest's own candidates.
        extra_files: font files or directories to search first. Raises FontError naming the
        role and the candidates tried when a (non-optional) role has no usable font.
        """
        manifest = Path(manifest) if manifest else DEFAULT_MANIFEST
        data = _read_toml(manifest)
        specs = _specs(data, manifest)
        role_lists: dict[str, list[str]] = {}
        for r, v in (data.get("roles") or {}).items():
            role_lists[r] = _as_list(v, f"{manifest}: roles.{r}")
        fallback = _as_list(data.get("fallback", []), f"{manifest}: fallback")
        optional = set(_as_list(data.get("optional_roles", []), f"{manifest}: optional_roles"))
        dirs = [Path(p) for p in (extra_files or [])]
        extra_dirs = [p for p in dirs if p.is_dir()]
        extra_paths = [p for p in dirs if not p.is_dir()]
        machine = machine_config_path()
        if machine.is_file():
            mdata = _read_toml(machine)
            specs.update(_specs(mdata, machine))
            extra_dirs += [Path(os.path.expanduser(p)) for p in _as_list(mdata.get("dirs", []), f"{machine}: dirs")]
            for r, v in (mdata.get("roles") or {}).items():
                role_lists[r] = _as_list(v, f"{machine}: roles.{r}") + role_lists.get(r, [])
            if "fallback" in mdata:
                fallback = _as_list(mdata["fallback"], f"{machine}: fallback") + fallback
        for r, v in (roles or {}).items():
            role_lists[r] = _as_list(v, f"layout font role {r}") + role_lists.get(r, [])
        index = FontIndex(font_dirs(extra_dirs))
        for p in extra_paths:
            index.by_basename.setdefault(p.name.lower(), []).insert(0, p)
            index.files.append(p)

        reg = cls()
        reg._optional = optional
        for r, names in role_lists.items():
            chain: list[_Candidate] = []
            for n in dict.fromkeys(names):
                cand = _resolve(n, specs, index)
                if cand is None:
                    reg.unavailable.setdefault(r, []).append(n)
                elif all((c.path, c.index, c.psname) != (cand.path, cand.index, cand.psname) for c in chain):
                    chain.append(cand)
            reg._chains[r] = chain
            reg._tried[r] = list(dict.fromkeys(names))
        for n in dict.fromkeys(fallback):
            cand = _resolve(n, specs, index)
            if cand is not None:
                reg._fallback.append(cand)
        for r in ROLES:
            if r not in reg._chains:
                reg._chains[r] = []
                reg._tried[r] = []
        for r in reg._chains:  # roles the files name first, in their order
            if r not in optional and not reg._chains[r]:
                reg._fail(r)
        return reg

    def _fail(self, role: str) -> None:
        tried = ", ".join(self._tried.get(role, [])) or "none listed"
        raise FontError(f'No usable font for the role "{role}" (tried: {tried}). Install one of them '
                        f"or point the role at a font file (see fonts/README.md).")

    # -- queries ------------------------------------------------------------------------
    def roles(self) -> list[str]:
        """Every role this registry knows."""
        return list(self._chains)

    def chain(self, role: str) -> list[Face]:
        """The loadable faces of a role, in order (parsing them if needed)."""
        out = []
        for cand in self._chain_of(role):
            try:
                out.append(load_face(cand))
            except FontError:
                continue
        return out

    def _chain_of(self, role: str) -> list[_Candidate]:
        try:
            return self._chains[role]
        except KeyError:
            raise FontError(f'Unknown font role "{role}"; known roles: {", ".join(self._chains)}.') from None

    def face(self, role: str) -> Face:
        """The primary (first usable) face of a role."""
        for cand in self._chain_of(role):
            try:
                return load_face(cand)
            except FontError:
                continue
        self._fail(role)
        raise AssertionError("unreachable")

    def pick(self, role: str, ch: str) -> Face:
        """The face that sets ch in role: the role's chain, then the global fallbacks.

        A character no face has is recorded in .missing[role] and the primary face returned
        (the caller must print a visible substitute); one set in any face but the primary is
        recorded in .substituted[role].
        """
        cache = self._pick.get(role)
        if cache is None:
            cache = self._pick[role] = {}
        else:
            hit = cache.get(ch)
            if hit is not None:
                return hit
        primary = self.face(role)
        code = ord(ch[0]) if ch else 0
        found = None
        if code in primary.widths:
            found = primary
        else:
            for cand in self._chain_of(role) + self._fallback:
                if cand.face is primary or cand.surely_lacks(code):
                    continue
                try:
                    f = load_face(cand)
                except FontError:
                    continue
                if code in f.widths:
                    found = f
                    break
            if found is None:
                self.missing.setdefault(role, set()).add(ch)
                found = primary
            else:
                self.substituted.setdefault(role, set()).add(ch)
        cache[ch] = found
        return found

    def describe(self) -> dict[str, str]:
        """role -> 'face name (file)' of the primary face, for reports and the CLI."""
        out = {}
        for r in self._chains:
            try:
                f = self.face(r)
                out[r] = f"{f.family or f.name} ({f.source})"
            except FontError:
                out[r] = "(none)"
        return out


def _resolve(name: str, specs: dict[str, _Spec], index: FontIndex) -> _Candidate | None:
    """A candidate for a manifest name, a family/PostScript name or a file; None if absent.

    A file may name its subfont: ``uming.ttc#1`` (index) or ``NotoSerifCJK-Bold.ttc#NotoSerifCJKsc-Bold``.
    """
    spec = specs.get(name)
    if spec is not None:
        for f in spec.files:
            p = index.find_file(f)
            if p is not None:
                return _Candidate(name, p, spec.index, spec.psname, spec.subset)
        for fam in spec.families:
            hit = index.find_name(fam)
            if hit is not None:
                return _Candidate(name, hit[0], hit[1], "", spec.subset)
        return None
    file_part, _sep, sub = name.partition("#")
    if file_part.lower().endswith(FONT_EXTS) or os.sep in file_part:
        p = index.find_file(file_part)
        if p is None:
            return None
        if sub.isdigit():
            return _Candidate(name, p, int(sub))
        return _Candidate(name, p, 0, sub)  # "file.ttc#PostScriptName" or plain file
    hit = index.find_name(name)
    if hit is not None:
        return _Candidate(name, hit[0], hit[1])
    return None
