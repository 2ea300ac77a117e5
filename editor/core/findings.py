"""Findings: what checks, importers and the typesetter report to editors and proofreaders."""

from __future__ import annotations

from dataclasses import asdict, dataclass

SEVERITIES = ("info", "warning", "error")


@dataclass(frozen=True)
class Finding:
    """One reported problem: a stable ``code``, its ``severity``, where it is, and a plain message."""

    code: str
    severity: str
    message: str
    where: str = ""

    def as_dict(self) -> dict[str, str]:
        """The finding as a JSON-ready dict (``code``, ``severity``, ``message``, ``where``)."""
        return asdict(self)
