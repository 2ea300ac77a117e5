"""Dialogs for an issue's properties (year, number, cumulative number, publication date) and
the publication's cover and imprint fields."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from editor.errors import GazetteError
from editor.model import Issue, Publication


class IssueDialog(QDialog):
    """Year, number, cumulative number and publication date of a new or existing issue."""

    def __init__(self, issue: Issue, title: str, parent: QWidget | None = None, read_only: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.year = QSpinBox()
        self.year.setRange(1949, 2200)
        self.year.setValue(issue.year)
        self.number = QSpinBox()
        self.number.setRange(1, 999)
        self.number.setValue(issue.number)
        self.cumulative = QSpinBox()
        self.cumulative.setRange(1, 99999)
        self.cumulative.setValue(issue.cumulative)
        self.pub_date = QDateEdit()
        self.pub_date.setCalendarPopup(True)
        self.pub_date.setDisplayFormat("yyyy年M月d日")
        self.pub_date.setDate(QDate(issue.pub_date.year, issue.pub_date.month, issue.pub_date.day))
        form = QFormLayout()
        form.addRow(self.tr("Year"), self.year)
        form.addRow(self.tr("Issue number"), self.number)
        form.addRow(self.tr("Cumulative number"), self.cumulative)
        form.addRow(self.tr("Publication date"), self.pub_date)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if read_only:
            note = QLabel(self.tr("This issue is final; reopen it to change its properties."))
            note.setWordWrap(True)
            layout.addWidget(note)
            for w in (self.year, self.number, self.cumulative, self.pub_date):
                w.setEnabled(False)
            buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> tuple[int, int, int, date]:
        """(year, number, cumulative, publication date) as entered."""
        return (self.year.value(), self.number.value(), self.cumulative.value(), self.pub_date.date().toPython())


class PublicationDialog(QDialog):
    """The gazette's cover and imprint fields."""

    FIELDS = ("title", "title_mongolian", "frequency", "sponsor", "address", "postcode", "telephone",
              "serial_numbers", "price", "default_layout")

    def __init__(self, pub: Publication, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Publication properties"))
        self.setMinimumWidth(520)
        self._pub = pub
        labels = {
            "title": self.tr("Gazette title"), "title_mongolian": self.tr("Title in Mongolian script"),
            "frequency": self.tr("Frequency"), "sponsor": self.tr("Sponsor"), "address": self.tr("Address"),
            "postcode": self.tr("Postcode"), "telephone": self.tr("Telephone"),
            "serial_numbers": self.tr("Serial numbers (刊号)"), "price": self.tr("Price"),
            "default_layout": self.tr("Layout"),
        }
        form = QFormLayout()
        self.edits: dict[str, QWidget] = {}
        for name in self.FIELDS:
            if name == "title_mongolian":
                edit = QPlainTextEdit(getattr(pub, name))
                edit.setFixedHeight(54)
            elif name == "default_layout":
                # the shipped layouts to choose from; a path to another layout file may be typed
                edit = QComboBox()
                edit.setEditable(True)
                edit.addItems(_layout_names())
                edit.setCurrentText(str(pub.default_layout or ""))
            else:
                edit = QLineEdit(str(getattr(pub, name)))
            self.edits[name] = edit
            form.addRow(labels[name], edit)
        group_note = QLabel(self.tr("Cover fields: title, Mongolian title, frequency. Imprint: the rest."))
        group_note.setStyleSheet("color: #555;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.layout_message = QLabel()
        self.layout_message.setStyleSheet("color: #b3261e;")
        self.layout_message.setWordWrap(True)
        self.layout_message.hide()
        form.addRow("", self.layout_message)
        layout = QVBoxLayout(self)
        layout.addWidget(group_note)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Close only with a layout that loads (an unknown name would break every build)."""
        name = self.publication().default_layout
        if name and name != self._pub.default_layout:
            problem = _layout_problem(name)
            if problem:
                self.layout_message.setText(self.tr("This layout cannot be used: %1").replace("%1", problem))
                self.layout_message.show()
                return
        super().accept()

    def publication(self) -> Publication:
        """The publication with the values entered."""
        values = {}
        for name, edit in self.edits.items():
            if isinstance(edit, QPlainTextEdit):
                values[name] = edit.toPlainText()
            elif isinstance(edit, QComboBox):
                values[name] = edit.currentText().strip()
            else:
                values[name] = edit.text().strip()
        return dataclasses.replace(self._pub, **values)


def _layout_names() -> list[str]:
    from editor.typeset.layout import available_layouts

    return available_layouts()


def _layout_problem(name: str) -> str:
    """Why the layout ``name`` cannot be loaded ("" when it can)."""
    from editor.typeset.layout import load_layout

    try:
        load_layout(name)
    except GazetteError as exc:
        return str(exc)
    except (OSError, ValueError) as exc:
        return str(exc)
    return ""
