"""What an import gives back (:class:`ParseResult`) and the time bound it runs under (:class:`Deadline`).

A module of its own so that the readers (text, .docx) and the JSON form use them without
importing the package that dispatches to them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from editor.core.findings import Finding
from editor.errors import ImportRefused
from editor.model import Document

PARSE_SECONDS = 60.0


@dataclass
class ParseResult:
    """A structured document, what the importer was unsure of, and the images it holds.

    ``images`` maps an image ref (the SHA-1 hex of the bytes, as the store names images)
    to the encoded image; the document's ``Image`` blocks refer to these refs.
    """

    document: Document
    findings: list[Finding] = field(default_factory=list)
    images: dict[str, bytes] = field(default_factory=dict)


class Deadline:
    """A time bound on parsing: :meth:`check` raises ImportRefused once it has passed."""

    def __init__(self, seconds: float = PARSE_SECONDS) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def check(self) -> None:
        """Refuse the import if the time bound has passed."""
        if time.monotonic() > self.end:
            raise ImportRefused(f"parsing took longer than {self.seconds:g} seconds and was stopped")
