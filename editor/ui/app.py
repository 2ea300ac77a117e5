"""Application start: ``python main.py [--db PATH]`` parses its options, sets up translations
(Simplified Chinese by default), settings, logging and the error hook, and opens the main
window on the store.

Test hook: when ``GAZETTE_UI_TEST_SCRIPT`` names a Python file, it is run once the window is
shown, with ``window`` and ``app`` in its namespace (used by the kill-and-recover test).
"""

from __future__ import annotations

import argparse
import os
import runpy
import sys
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from editor.errors import GazetteError

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Options of the desktop app."""
    parser = argparse.ArgumentParser(prog="main.py", description="Gazette editor desktop app")
    parser.add_argument("--db", help="SQLite file or server URL of the store (default: the per-user store)")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="interface language (default: zh_CN)")
    args, _qt_args = parser.parse_known_args(argv)
    return args


def compiled_translation(language: str) -> Path | None:
    """The .qm of ``language``: the committed one when it is at least as new as its .ts, else a
    fresh compile (pyside6-lrelease) into the user's cache; None when neither is possible."""
    ts = TRANSLATIONS / f"gazette_{language}.ts"
    qm = ts.with_suffix(".qm")
    # (a few seconds of slack: a fresh checkout writes both files at about the same time)
    if qm.exists() and (not ts.exists() or qm.stat().st_mtime + 5 >= ts.stat().st_mtime):
        return qm
    if not ts.exists():
        return qm if qm.exists() else None
    import shutil
    import subprocess

    from PySide6.QtCore import QStandardPaths

    tool = shutil.which("pyside6-lrelease", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-lrelease")
    if tool is None:
        return qm if qm.exists() else None
    cache = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation) or ".")
    cache.mkdir(parents=True, exist_ok=True)
    out = cache / qm.name
    if out.exists() and out.stat().st_mtime >= ts.stat().st_mtime:
        return out  # compiled by an earlier start
    # compiled beside and renamed into place: a running instance keeps the file it has mapped
    # (rewriting that file in place would take its translations away, or crash it)
    tmp = cache / f".{qm.stem}-{os.getpid()}.qm"
    try:
        subprocess.run([tool, str(ts), "-qm", str(tmp)], check=True, capture_output=True, timeout=60)
        os.replace(tmp, out)
    except (OSError, subprocess.SubprocessError):
        tmp.unlink(missing_ok=True)
        return qm if qm.exists() else None
    return out


def install_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Load the app's and Qt's own translations for ``language`` (nothing for English)."""
    translators: list[QTranslator] = []
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English))
        return translators
    QLocale.setDefault(QLocale(language))
    ours = QTranslator(app)
    qm = compiled_translation(language)
    if qm is not None and ours.load(str(qm)):
        app.installTranslator(ours)
        translators.append(ours)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in ("qtbase", "qt"):
        qt = QTranslator(app)
        if qt.load(f"{name}_{language}", qt_dir):
            app.installTranslator(qt)
            translators.append(qt)
            break
    return translators


def app_icon():
    """The application icon, drawn at start (a red seal with 公报) so no image file is needed."""
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

    icon = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256):
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(QColor("#b7221b"))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawRoundedRect(QRectF(0, 0, size, size), size * 0.18, size * 0.18)
        font = QFont(["Noto Serif CJK SC", "AR PL UMing CN"])
        font.setPixelSize(max(int(size * 0.36), 6))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(QRectF(0, size * 0.06, size, size * 0.44), Qt.AlignmentFlag.AlignCenter, "公")
        painter.drawText(QRectF(0, size * 0.5, size, size * 0.44), Qt.AlignmentFlag.AlignCenter, "报")
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def create_application(argv: list[str]) -> QApplication:
    """The QApplication (created once), with names and settings location configured."""
    from editor.ui import settings

    settings.configure()
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "gazette-editor", *argv])
    app.setApplicationDisplayName("政府公报编辑排版系统")
    app.setStyle("Fusion")
    app.setWindowIcon(app_icon())
    return app


def display_problem(env: Mapping[str, str], platform: str) -> str | None:
    """Why the window cannot open here, in plain words; ``None`` when a screen is there.

    Without this check Qt aborts the process (a core dump) on a machine with no display.
    """
    if not platform.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return (
        "there is no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set); "
        "run the app in a desktop session, or use the command line (python main.py --help)"
    )


def run_app(argv: list[str]) -> int:
    """Open the main window on the store named by ``--db`` (or the default store); returns the
    exit status."""
    args = parse_args(argv)
    problem = display_problem(os.environ, sys.platform)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    app = create_application([])
    from editor.ui.errors import install_excepthook, setup_logging, show_error
    from editor.ui.main_window import MainWindow
    from editor.ui.settings import Settings

    setup_logging()
    install_excepthook()
    language = args.lang or os.environ.get("GAZETTE_UI_LANG") or Settings().language()
    app._gazette_translators = install_translations(app, language)  # keep them alive
    try:
        window = MainWindow.open(args.db)
    except GazetteError as exc:
        show_error(None, exc)
        return 1
    window.show()
    window.after_show()
    script = os.environ.get("GAZETTE_UI_TEST_SCRIPT")
    if script:
        QTimer.singleShot(0, lambda: runpy.run_path(script, init_globals={"window": window, "app": app}))
    return app.exec()
