"""The build dialog: typeset the print, web or proof PDF of an issue on a worker thread with a
progress bar, then offer to open the folder it was written to."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from editor.ui.preview import missing_characters
from editor.ui.worker import BuildJob

MODES = ("print", "web", "proof")


class BuildDialog(QDialog):
    """Choose an edition and a folder, build, watch the progress, open the folder."""

    built = Signal(object)  # BuildResult

    def __init__(self, snapshot: Callable[[], tuple], issue_key: str, folder: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Build PDF"))
        self.setMinimumWidth(520)
        self.snapshot = snapshot
        self.issue_key = issue_key
        self.result = None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)

        self.mode_group = QButtonGroup(self)
        labels = {"print": self.tr("Print edition (for the printer)"),
                  "web": self.tr("Web edition (bookmarks, links)"),
                  "proof": self.tr("Proof (line numbers, proof marks)")}
        mode_box = QVBoxLayout()
        for i, mode in enumerate(MODES):
            button = QRadioButton(labels[mode])
            button.setProperty("mode", mode)
            self.mode_group.addButton(button, i)
            mode_box.addWidget(button)
        self.mode_group.button(0).setChecked(True)
        self.folder = QLineEdit(str(folder))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Edition"), mode_box)
        form.addRow(self.tr("Folder"), folder_row)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.build_button = self.buttons.addButton(self.tr("Build"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button = self.buttons.addButton(self.tr("Open folder"), QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.open_button.setEnabled(False)
        self.build_button.clicked.connect(self.start)
        self.open_button.clicked.connect(self.open_folder)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def mode(self) -> str:
        """The chosen edition."""
        return self.mode_group.checkedButton().property("mode")

    def output_path(self) -> Path:
        """Where the PDF goes."""
        return Path(self.folder.text()).expanduser() / f"gazette-{self.issue_key}-{self.mode()}.pdf"

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder"), self.folder.text())
        if path:
            self.folder.setText(path)

    def start(self) -> None:
        """Build on a worker thread."""
        out = self.output_path()
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.message.setText(self.tr("Cannot create the folder: %1").replace("%1", str(exc)))
            return
        publication, issue = self.snapshot()
        job = BuildJob(publication, issue, out, mode=self.mode())
        job.signals.progress.connect(self._progress)
        job.signals.finished.connect(self._finished)
        job.signals.failed.connect(self._failed)
        self.build_button.setEnabled(False)
        self.close_button.setEnabled(False)
        self.open_button.setEnabled(False)
        self.progress.setValue(0)
        self.message.setText(self.tr("Typesetting…"))
        self._job = job  # the wrapper must outlive the call or run() is never reached
        self.pool.start(job)

    def _progress(self, fraction: float, _message: str) -> None:
        # the core's progress words are English: show the phase in the interface language
        fraction = max(0.0, min(fraction, 1.0))
        self.progress.setValue(int(fraction * 100))
        if fraction < 0.7:
            self.message.setText(self.tr("Typesetting…"))
        elif fraction < 0.9:
            self.message.setText(self.tr("Writing the PDF…"))
        else:
            self.message.setText(self.tr("Checking the result…"))

    def _finished(self, result) -> None:
        self.result = result
        self.progress.setValue(100)
        findings = list(getattr(result, "findings", []) or [])
        text = self.tr("Wrote %1 (%2 pages).").replace("%1", str(result.path)).replace("%2", str(result.page_count))
        missing = missing_characters(findings)
        if missing:
            text += "\n" + self.tr("No font has %1 (printed as 〓)").replace("%1", "、".join(missing))
        if findings:
            # notes (e.g. a substituted font) are not problems: count them apart
            count = {sev: sum(1 for f in findings if getattr(f, "severity", "") == sev)
                     for sev in ("error", "warning")}
            notes = len(findings) - count["error"] - count["warning"]
            text += " " + self.tr("%1 error(s), %2 warning(s), %3 note(s); see the proof report.").replace(
                "%1", str(count["error"])).replace("%2", str(count["warning"])).replace("%3", str(notes))
            report = getattr(result, "report_path", None)
            if report:
                text += f"\n{report}"
        self.message.setText(text)
        self.build_button.setEnabled(True)
        self.close_button.setEnabled(True)
        self.open_button.setEnabled(True)
        self.built.emit(result)

    def _failed(self, message: str) -> None:
        self.progress.setValue(0)
        self.message.setText(self.tr("The build failed: %1").replace("%1", message))
        self.build_button.setEnabled(True)
        self.close_button.setEnabled(True)

    def open_folder(self) -> None:
        """Open the output folder in the desktop's file manager."""
        folder = self.output_path().parent
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            # no file manager to hand it to: at least say where the files are
            self.message.setText(self.tr("No file manager could be started; the files are in %1")
                                 .replace("%1", str(folder)))

    def reject(self) -> None:
        if self.close_button.isEnabled():
            super().reject()
