"""The core is headless: importing the CLI and every core package loads no PySide6."""

from __future__ import annotations

import json
import subprocess
import sys

from store_factories import ROOT

PROBE = r"""
import importlib, json, pkgutil, sys
import editor, editor.cli
imported, failed = [], {}

def walk(path, prefix):
    # by hand rather than pkgutil.walk_packages, which would import editor.ui to recurse
    for info in pkgutil.iter_modules(path, prefix):
        if info.name == "editor.ui":
            continue
        try:
            module = importlib.import_module(info.name)
            imported.append(info.name)
        except Exception as exc:
            failed[info.name] = f"{type(exc).__name__}: {exc}"
            continue
        if info.ispkg:
            walk(module.__path__, info.name + ".")

walk(editor.__path__, "editor.")
editor.cli.build_parser()
qt = sorted(m for m in sys.modules if m == "PySide6" or m.startswith("PySide6."))
print(json.dumps({"imported": imported, "failed": failed, "qt": qt}))
"""


def test_core_imports_without_pyside6() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, timeout=120,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": ""},
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert report["failed"] == {}, report["failed"]
    for core in ("editor.cli", "editor.model", "editor.content", "editor.store", "editor.services",
                 "editor.commands.store_cmds"):
        assert core in report["imported"]
    assert report["qt"] == [], f"PySide6 was imported by the core: {report['qt']}"
