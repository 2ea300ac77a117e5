"""Running the typesetting engine off the GUI thread: a QRunnable that calls build_pdf and
reports progress, the result or a user-facing error through queued signals.
"""

from __future__ import annotations

import logging
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Signal

from editor.errors import GazetteError
from editor.model import Issue, Publication

log = logging.getLogger(__name__)


class BuildSignals(QObject):
    """Signals of one build job (emitted from the worker thread, delivered queued)."""

    progress = Signal(float, str)
    finished = Signal(object)  # BuildResult
    failed = Signal(str)


class BuildJob(QRunnable):
    """Typeset ``issue`` into ``out_path``; the issue must be a private copy for this job."""

    def __init__(self, publication: Publication, issue: Issue, out_path: Path, mode: str = "web",
                 layout: str | None = None) -> None:
        super().__init__()
        self.publication, self.issue, self.out_path = publication, issue, Path(out_path)
        self.mode, self.layout = mode, layout
        self.signals = BuildSignals()
        self.setAutoDelete(True)

    def run(self) -> None:
        from editor.render.build import build_pdf

        try:
            result = build_pdf(self.publication, self.issue, self.out_path, mode=self.mode, layout=self.layout,
                               progress=lambda f, m="": self.signals.progress.emit(float(f), str(m)))
        except GazetteError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - a worker must always report back
            log.error("build failed:\n%s", traceback.format_exc())
            self.signals.failed.emit(QCoreApplication.translate("BuildJob", "Unexpected error (details in the log): %1")
                                    .replace("%1", str(exc)))
        else:
            self.signals.finished.emit(result)
