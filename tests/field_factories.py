"""Test material for the field declaration (``editor.model.fields``): a document that sets every
declared field to a value of its own, and a declaration extended at test time by one document
field and one attachment field that the model does not have."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from editor.model import Attachment, Document, Paragraph
from editor.model.fields import ATTACHMENT_FIELDS, DATE, DOCUMENT_FIELDS, TEXT_LIST, FieldSet, FieldSpec


def sample_value(spec: FieldSpec, index: int) -> object:
    """A value for ``spec`` that no other field gets (so a mixed-up mapping shows)."""
    if spec.codec is TEXT_LIST:
        return [f"{spec.name}甲", f"{spec.name}乙"]
    if spec.codec is DATE:
        return date(2025, 3, 1 + index)
    return f"{spec.name}之值"


def full_values(fields: FieldSet) -> dict[str, object]:
    """A value for every declared field of ``fields``."""
    return {spec.name: sample_value(spec, i) for i, spec in enumerate(fields)}


def full_document(uid: str = "full") -> Document:
    """A document (of the declaration's model) that sets every declared field, with an
    attachment that sets every declared attachment field."""
    attachment = ATTACHMENT_FIELDS.build(full_values(ATTACHMENT_FIELDS), body=[Paragraph("附件正文。")])
    return DOCUMENT_FIELDS.build(full_values(DOCUMENT_FIELDS), uid=uid, body=[Paragraph("正文。")],
                                 attachments=[attachment])


@dataclass
class FiledDocument(Document):
    """A document with a field the model lacks: its file reference (档号)."""

    file_ref: str = ""


@dataclass
class ReceivedAttachment(Attachment):
    """An attachment with a field the model lacks: the date it was received."""

    received: date | None = None


FILE_REF = FieldSpec("file_ref", "File reference", placeholder="e.g. 2025-永久-0012")
RECEIVED = FieldSpec("received", "Received", DATE)


def declare_extra_fields(monkeypatch: pytest.MonkeyPatch) -> None:
    """Declare ``file_ref`` on documents and ``received`` on attachments until the test ends:
    only the declaration changes (its model and its specs), no serialiser."""
    monkeypatch.setattr(DOCUMENT_FIELDS, "model", FiledDocument)
    monkeypatch.setattr(DOCUMENT_FIELDS, "specs", (*DOCUMENT_FIELDS.specs, FILE_REF))
    monkeypatch.setattr(ATTACHMENT_FIELDS, "model", ReceivedAttachment)
    monkeypatch.setattr(ATTACHMENT_FIELDS, "specs", (*ATTACHMENT_FIELDS.specs, RECEIVED))


@pytest.fixture
def extended_fields(monkeypatch: pytest.MonkeyPatch) -> None:
    """The declaration with ``file_ref`` and ``received`` for the whole test."""
    declare_extra_fields(monkeypatch)
