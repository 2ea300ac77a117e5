"""Publication, issue, section (栏目), document and attachment."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from editor.model.blocks import Block

DOCUMENT_KINDS = (
    "通知", "决定", "意见", "批复", "任免", "大事记", "通告", "公告", "办法", "规定",
    "规则", "细则", "命令", "报告", "请示", "函", "纪要", "方案", "通报", "决议", "议案", "其他",
)


def new_uid() -> str:
    """A fresh, stable identifier for a document, kept across revisions and archives."""
    return uuid.uuid4().hex


class IssueStatus(StrEnum):
    """Where an issue stands: a final issue is read-only until it is reopened."""

    DRAFT = "draft"
    PROOF = "proof"
    FINAL = "final"


@dataclass
class Publication:
    """The gazette itself: what stays the same from issue to issue."""

    title: str
    title_mongolian: str = ""
    sponsor: str = ""  # 主办
    address: str = ""
    postcode: str = ""
    serial_numbers: str = ""  # 刊号, e.g. CN 15-1234/D
    price: str = ""  # 定价
    frequency: str = "月刊"
    default_layout: str = "gazette"
    telephone: str = ""


@dataclass
class Attachment:
    """Something printed after a document's signing date.

    ``label`` is what is printed flush left above the title (附件, 附件1 …). An empty label
    marks the enclosed text of a 印发/转发 notice (the plan or measures it issues), which
    follows the notice on the same page instead of starting a new one.
    """

    label: str = ""
    title: str = ""
    body: list[Block] = field(default_factory=list)


@dataclass
class Document:
    """One official document (公文) as printed in the gazette."""

    title: str
    kind: str = "通知"
    issuers: list[str] = field(default_factory=list)
    doc_number: str = ""  # 包府发〔2025〕12号
    addressees: str = ""  # 主送机关, ending in a full-width colon
    signing_date: date | None = None
    public_note: str = ""  # （此件公开发布）
    subtitle: str = ""  # a line under the title, e.g. a period or an adoption note
    toc_title: str = ""  # the contents entry and bookmark when it differs from the title; empty means the title
    body: list[Block] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    uid: str = field(default_factory=new_uid)

    def contents_title(self) -> str:
        """The line the contents (目录) and the PDF bookmark show: ``toc_title`` when set,
        else the title, either on one line."""
        text = self.toc_title if self.toc_title.strip() else self.title
        return text.replace("\n", "").strip()


@dataclass
class Section:
    """A column (栏目) of an issue; documents are printed in list order."""

    name: str
    documents: list[Document] = field(default_factory=list)


@dataclass
class Issue:
    """One issue of the gazette; ``images`` maps an image ref to its encoded bytes."""

    year: int
    number: int
    cumulative: int
    pub_date: date
    status: IssueStatus = IssueStatus.DRAFT
    sections: list[Section] = field(default_factory=list)
    images: dict[str, bytes] = field(default_factory=dict)
    proof_round: int = 0

    @property
    def key(self) -> str:
        """The issue's name on the command line and in file names: ``2025-3``."""
        return f"{self.year}-{self.number}"

    def documents(self) -> list[Document]:
        """All documents in print order."""
        return [d for s in self.sections for d in s.documents]
