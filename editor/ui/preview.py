"""The preview: the typeset pages in a QtPdf view beside the editor, rebuilt on a worker
thread shortly (debounced) after each edit, with a progress indicator. It can show the whole
issue or only the document being edited; clicking a document jumps to its first page.
"""

from __future__ import annotations

import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPointF, QThreadPool, QTimer, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from editor.ui.worker import BuildJob

DEBOUNCE_MS = 150  # builds never overlap: one runs, the latest edit waits for it

_CODEPOINT = re.compile(r"U\+([0-9A-F]{4,6})")


def missing_characters(findings) -> list[str]:
    """The characters no installed font has (from a build's "missing-glyph" findings), each as
    "𠀀 (U+20000)", in order and without repeats."""
    seen: list[str] = []
    for f in findings or ():
        if getattr(f, "code", "") != "missing-glyph":
            continue
        for code in _CODEPOINT.findall(f.message):
            text = f"{chr(int(code, 16))} (U+{code})"
            if text not in seen:
                seen.append(text)
    return seen


class PreviewPane(QWidget):
    """A PDF view with its own background build loop.

    ``snapshot`` (set by the window) returns ``(publication, issue, uid)`` — private copies of
    what to typeset, with unsaved edits applied — or None when there is nothing to show.
    """

    built = Signal(object, str)  # BuildResult, scope ("issue" | "document")
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.snapshot: Callable[[str], tuple | None] | None = None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._dir = tempfile.TemporaryDirectory(prefix="gazette-preview-")
        self._serial = 0
        self._running = False
        self._pending = False
        self._started = 0.0
        self.last_result = None
        self.last_scope = ""
        self.last_duration = 0.0
        self.focus_uid: str | None = None
        self._jump_after_build: str | None = None

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.rebuild_now)

        self.scope = QComboBox()
        self.scope.addItem(self.tr("Whole issue"), "issue")
        self.scope.addItem(self.tr("Current document"), "document")
        self.scope.currentIndexChanged.connect(lambda _i: self.rebuild_now())
        self.zoom = QComboBox()
        self.zoom.addItem(self.tr("Fit width"), "width")
        self.zoom.addItem(self.tr("Whole page"), "page")
        self.zoom.addItem("100%", 1.0)
        self.zoom.addItem("150%", 1.5)
        self.zoom.currentIndexChanged.connect(self._zoom_changed)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(120)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        self.progress.hide()
        self.status = QLabel()
        self.status.setStyleSheet("color: #555;")
        self.page_label = QLabel()

        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setStyleSheet("QPdfView { background: #8a8f96; }")
        self.view.pageNavigator().currentPageChanged.connect(self._page_changed)

        bar = QHBoxLayout()
        bar.setContentsMargins(4, 2, 4, 2)
        bar.setSpacing(6)
        bar.addWidget(QLabel(self.tr("Preview")))
        bar.addWidget(self.scope)
        bar.addWidget(self.zoom)
        bar.addStretch(1)
        bar.addWidget(self.page_label)
        bar.addSpacing(12)
        bar.addWidget(self.progress)
        bar.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    # requests -----------------------------------------------------------------------------
    def current_scope(self) -> str:
        """"issue" or "document"."""
        return self.scope.currentData()

    def set_scope(self, scope: str) -> None:
        """Show the whole issue ("issue") or the current document ("document"), without a build."""
        self.scope.blockSignals(True)
        self.scope.setCurrentIndex(max(0, self.scope.findData(scope)))
        self.scope.blockSignals(False)

    def request_rebuild(self) -> None:
        """Rebuild shortly (restarts the debounce timer)."""
        self.timer.start()

    def rebuild_now(self) -> None:
        """Start a build now, or as soon as the running one ends."""
        self.timer.stop()
        if self._running:
            self._pending = True
            return
        if self.snapshot is None:
            return
        scope = self.current_scope()
        snap = self.snapshot(scope)
        if snap is None:
            self.document.close()
            self.page_label.setText("")  # no stale "page 5 of 12" over an empty view
            self.status.setText("")
            self.status.setToolTip("")
            return
        publication, issue, _uid = snap
        self._serial += 1
        out = Path(self._dir.name) / f"preview-{self._serial % 2}.pdf"
        job = BuildJob(publication, issue, out, mode="web")
        job.signals.progress.connect(self._progress)
        job.signals.scope = scope
        # bound methods (not lambdas): a result arriving after the pane is gone is dropped by Qt
        job.signals.finished.connect(self._job_finished)
        job.signals.failed.connect(self._failed)
        self._running = True
        self._pending = False
        self._started = time.perf_counter()
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(self.tr("Typesetting…"))
        self._job = job  # the wrapper must outlive the call or run() is never reached
        self.pool.start(job)

    def is_busy(self) -> bool:
        """True while a build runs or waits."""
        return self._running or self._pending or self.timer.isActive()

    # results ------------------------------------------------------------------------------
    def _progress(self, fraction: float, _message: str) -> None:
        self.progress.setValue(int(max(0.0, min(fraction, 1.0)) * 100))

    def _job_finished(self, result) -> None:
        self._finished(result, getattr(self.sender(), "scope", self.current_scope()))

    def _finished(self, result, scope: str) -> None:
        self._running = False
        self.last_duration = time.perf_counter() - self._started
        self.progress.hide()
        page = self.view.pageNavigator().currentPage()
        same_scope = scope == self.last_scope
        self.document.load(str(result.path))
        self.last_result, self.last_scope = result, scope
        missing = missing_characters(getattr(result, "findings", []))
        if missing:
            # reported, not silently printed as a box: the editor sees which characters lack a font
            shown = "、".join(missing[:3]) + ("…" if len(missing) > 3 else "")
            self.status.setText(self.tr("No font has %1 (printed as 〓)").replace("%1", shown))
            self.status.setStyleSheet("color: #b3261e; font-weight: bold;")
            self.status.setToolTip("\n".join(missing))
        else:
            self.status.setText(self.tr("Updated in %1 s").replace("%1", f"{self.last_duration:.2f}"))
            self.status.setStyleSheet("color: #555;")
            self.status.setToolTip("")
        target = self._jump_after_build
        self._jump_after_build = None
        if target is not None:
            self.show_document(target)
        elif same_scope and 0 <= page < self.document.pageCount():
            self.jump(page)
        self._page_changed(self.view.pageNavigator().currentPage())  # also when the page stays
        self.built.emit(result, scope)
        if self._pending:
            self.rebuild_now()

    def _failed(self, message: str) -> None:
        self._running = False
        self.progress.hide()
        self.status.setText(self.tr("Preview failed"))
        self.status.setToolTip(message)
        self.failed.emit(message)
        if self._pending:
            self.rebuild_now()

    # navigation ---------------------------------------------------------------------------
    def jump(self, page: int) -> None:
        """Show a 0-based PDF page."""
        self.view.pageNavigator().jump(page, QPointF(0, 0), self.view.pageNavigator().currentZoom())

    def show_document(self, uid: str) -> None:
        """Show the first page of a document (rebuilding first when it is not in the preview)."""
        self.focus_uid = uid
        result = self.last_result
        if self._running or self.timer.isActive():
            self._jump_after_build = uid
            return
        if result is not None and uid in result.document_pdf_index:
            self.jump(int(result.document_pdf_index[uid]))
        elif self.current_scope() == "document":
            self._jump_after_build = uid
            self.rebuild_now()
        else:
            self._jump_after_build = uid  # not built yet (e.g. at start): the next build shows it

    def _page_changed(self, page: int) -> None:
        count = self.document.pageCount()
        self.page_label.setText(self.tr("Page %1 of %2").replace("%1", str(page + 1)).replace("%2", str(count))
                                if count else "")

    def _zoom_changed(self, _index: int) -> None:
        value = self.zoom.currentData()
        if value == "width":
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        elif value == "page":
            self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        else:
            self.view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.view.setZoomFactor(float(value))

    def shutdown(self) -> None:
        """Wait for a running build before the window goes away."""
        self.timer.stop()
        self._pending = False
        self.pool.waitForDone(30000)
        self.document.close()


