"""The automatic checks proofreaders review: ``check_document`` and ``check_issue``.

They read the model (never the database or the page tree) and return findings with a
stable code, an honest severity (``error`` only for what must be fixed before print), a
plain message saying what to fix, and where: the document (its number, else its title),
the part (``body``, an attachment's label or, for the enclosed text of a 印发 notice, its
title) and the block, e.g. ``包府发〔2025〕12号 · 包头市节水行动实施方案 · block 7 (heading)``.
Blocks are counted from 1 in the order they are printed.

The rules come from GB/T 9704-2012 and GB/T 15834-2011; the
thresholds a house style may set differently live in ``CheckOptions``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from editor.core.findings import Finding
from editor.model import (
    Attachment,
    Block,
    ChronicleEntry,
    Document,
    Heading,
    Image,
    Issue,
    NameList,
    Note,
    Paragraph,
    Publication,
    Table,
)
from editor.proofing import frontmatter, parts, textcheck
from editor.proofing.numbering import check_articles, check_numbering

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class CheckOptions:
    """House-style settings of the checks."""

    max_signing_age_months: int = 6  # older signing dates are flagged against the publication date
    max_name_length: int = 4  # longer names in a 任免 list are probably parsing errors
    long_table_rows: int = 15  # a table this long probably spans pages and needs header rows
    undated_kinds: tuple[str, ...] = ("大事记", "其他", "纪要")  # kinds that carry no signing date
    unnumbered_kinds: tuple[str, ...] = ("大事记", "其他", "纪要", "报告", "方案", "办法", "规定", "规则", "细则")
    public_notes: tuple[str, ...] = ("（此件公开发布）", "（此件主动公开）", "（此件依申请公开）")
    # last characters of an organ's name: a single space after one separates joint issuers
    organ_suffixes: str = "央院府部局委办厅会校署室所处团联行司社队心军委站"
    table_halfwidth_severity: str = "info"  # 用水总量(亿立方米) in table headers is common usage
    examples: int = 3  # occurrences quoted in one finding's message


_TEXT_CODES = {
    # code: (severity, what, what to do)
    "punct-halfwidth": ("warning", "half-width punctuation in Chinese text", "use the full-width marks ，；：？！（）"),
    "punct-unpaired": ("warning", "unpaired brackets or quotes", "add the missing mark or remove the stray one"),
    "punct-doubled": ("warning", "doubled punctuation", "keep one mark"),
    "punct-space": ("warning", "space inside Chinese text", "remove the space"),
    "space-han-latin": ("info", "typed space between Chinese and a number or Latin word",
                        "remove it; the typesetter adds that spacing"),
    "punct-enum-comma": ("info", "、 between quoted or titled items",
                         "GB/T 15834 usually omits it (“甲”“乙”, 《甲》《乙》); remove it unless a note stands between"),
    "punct-ascii-quote": ("warning", "straight ASCII quotes", "use “ ” (and ‘ ’ inside them)"),
    "punct-ellipsis": ("warning", "ellipsis not written as ……", "write two ellipsis marks ……"),
    "punct-dash": ("warning", "dash not written as ——", "write two em dashes ——"),
    "fullwidth-alnum": ("info", "full-width digits or letters", "use half-width digits and letters"),
    "date-short-year": ("warning", "date without the full year", "write the year in full (2025年)"),
    "date-leading-zero": ("warning", "date with leading zeros", "write 2025年3月5日, not 2025年03月05日"),
}


def _doc_label(doc: Document) -> str:
    return doc.doc_number.strip() or doc.title.strip() or f"document {doc.uid[:8]}"


def _block_kind(block: Block) -> str:
    return {Heading: "heading", Paragraph: "paragraph", Note: "note", Table: "table", NameList: "name list",
            ChronicleEntry: "chronicle entry", Image: "image"}.get(type(block), "block")


class _Collector:
    """Gathers findings of one document with places built from its label."""

    def __init__(self, doc: Document, options: CheckOptions) -> None:
        self.doc = doc
        self.label = _doc_label(doc)
        self.options = options
        self.found: list[Finding] = []

    def add(self, code: str, severity: str, message: str, where: str) -> None:
        self.found.append(Finding(code, severity, message, where))

    def text(self, text: str, *, skip: int = 0, in_table: str = "",
             open_ok: bool = False) -> list[tuple[str, int, str, str, str]]:
        """Run every text check on ``text``; returns raw hits tagged with ``in_table`` (a cell)."""
        o = self.options
        hits = textcheck.halfwidth_marks(text, skip)
        stray, still_open = textcheck.unbalanced(text, skip)
        hits += stray
        for kind, pos in still_open:
            if open_ok and kind == "dquote":
                continue  # a quotation running on into the next paragraph
            hits.append(textcheck.Hit("punct-unpaired", pos,
                                      f"'{text[pos]}' is never closed (pair {textcheck.PAIR_SHOW[kind]})"))
        hits += textcheck.doubled(text)
        hits += textcheck.spaces(text, o.organ_suffixes, skip)
        hits += textcheck.han_latin_spaces(text, skip)
        hits += textcheck.enumeration_commas(text)
        hits += textcheck.ascii_quotes(text)
        hits += textcheck.ellipses_and_dashes(text)
        hits += textcheck.fullwidth_digits(text)
        hits += textcheck.dates(text)
        return [(h.code, h.pos, h.detail, in_table, text) for h in hits]

    def emit_text(self, raw: list, where: str, in_table: bool = False) -> None:
        """Group raw text hits of one block by code into one finding each."""
        by_code: dict[str, list] = defaultdict(list)
        for hit in raw:
            by_code[hit[0]].append(hit)
        for code, hits in by_code.items():
            severity, what, fix = _TEXT_CODES[code]
            if in_table and code == "punct-halfwidth":
                severity = self.options.table_halfwidth_severity
            shown = []
            for _, pos, detail, cell, text in hits[: self.options.examples]:
                at = f"{cell}, character {pos + 1}" if cell else f"character {pos + 1}"
                shown.append(f"{detail} at {at} in “{textcheck.excerpt(text, pos)}”")
            more = f" and {len(hits) - len(shown)} more" if len(hits) > len(shown) else ""
            count = f" ×{len(hits)}" if len(hits) > 1 else ""
            self.add(code, severity, f"{what}{count}: {'; '.join(shown)}{more} — {fix}", where)


def check_document(doc: Document, options: CheckOptions | None = None, *,
                   pub_date: date | None = None) -> list[Finding]:
    """All findings for one document; ``pub_date`` (the issue's) enables the date-age checks."""
    o = options or CheckOptions()
    c = _Collector(doc, o)
    head = c.label

    def front(code: str, severity: str, message: str) -> None:
        c.add(code, severity, message, head)

    frontmatter.check_doc_number(doc, doc.kind not in o.unnumbered_kinds, front, pub_date)
    frontmatter.check_signing_date(doc, doc.kind not in o.undated_kinds, pub_date, o.max_signing_age_months, front)
    frontmatter.check_title(doc, front)
    frontmatter.check_addressees(doc, front)
    frontmatter.check_public_note(doc, o.public_notes, front)
    addressees = doc.addressees.rstrip()
    addressees = addressees[:-1] if addressees.endswith(":") else addressees  # reported by addressees-colon
    for name, value in (("title", doc.title), ("addressees", addressees), ("subtitle", doc.subtitle)):
        if value.strip():
            c.emit_text(c.text(value), f"{head} · {name}")

    notes: list[tuple[Paragraph, str]] = []
    _check_text(c, doc.body, f"{head} · body", notes)
    _check_date_lines(c, doc, f"{head} · body")
    for att in doc.attachments:
        _check_text(c, att.body, f"{head} · {_part(att)}", notes)
        if not att.title.strip() and att.label.strip():
            c.add("attachment-title-missing", "warning",
                  f"{att.label} has no title; enter the title printed under the label", f"{head} · {att.label}")
        elif att.title.strip():
            c.emit_text(c.text(att.title), f"{head} · {_part(att)} · title")
    parts.check_attachments(doc, notes, head, c.add)
    return c.found


# 市长　孟庆维: a signature line (title, space, name) as printed under orders and reports
_SIGNATURE = re.compile(r"^[\u4e00-\u9fff]{0,10}(?:长|主任|书记|主席|代表|负责人|总理)[ \u3000]+[\u4e00-\u9fff·]{2,6}$")
_CAPTION_LABEL = re.compile(r"^(?:图|表|附图|附表)\s*[0-9０-９]+(?:[.．-][0-9]+)?[ \u3000]+")


def _caption_label(caption: str) -> int:
    """Length of a leading 图1 / 表2-1 label and its separating space (left unchecked)."""
    m = _CAPTION_LABEL.match(caption)
    return m.end() if m else 0


_DATE_LINE = re.compile(r"^(\d{2,4})年(\d{1,2})月(\d{1,2})日$")


def _check_date_lines(c: _Collector, doc: Document, place: str) -> None:
    """A date typed as a line of the body: it should agree with (or be) the signing date."""
    for i, block in enumerate(doc.body):
        if not isinstance(block, Paragraph):
            continue
        m = _DATE_LINE.match(re.sub(r"\s", "", block.text))
        if not m:
            continue
        where = f"{place} · block {i + 1} (paragraph)"
        year, month, day = (int(g) for g in m.groups())
        if doc.signing_date is None:
            c.add("signing-date-in-body", "info",
                  f"the body has the date line '{block.text.strip()}' but the document has no signing date; "
                  "enter it as the signing date and remove the line", where)
        elif (year, month, day) != (doc.signing_date.year, doc.signing_date.month, doc.signing_date.day):
            d = doc.signing_date
            c.add("signing-date-mismatch", "warning",
                  f"the date line '{block.text.strip()}' in the body differs from the signing date "
                  f"{d.year}年{d.month}月{d.day}日; make them agree", where)


def _part(att: Attachment) -> str:
    return att.label.strip() or att.title.strip() or "enclosed text"


def _check_text(c: _Collector, blocks: list[Block], place: str, notes: list[tuple[Paragraph, str]]) -> None:
    """Per-block checks of one text (a body or one attachment), then its numbering."""
    o = c.options
    for i, block in enumerate(blocks):
        where = f"{place} · block {i + 1} ({_block_kind(block)})"
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        quote_runs_on = isinstance(nxt, (Paragraph, Heading)) and nxt.text.lstrip().startswith("“")
        if isinstance(block, Heading):
            text = block.text + block.body
            c.emit_text(c.text(text, skip=textcheck.numbering_prefix(text), open_ok=quote_runs_on), where)
        elif isinstance(block, Paragraph):
            is_note = block.role == "attachment-note" or block.text.lstrip().startswith(("附件：", "附件:"))
            follows_note = bool(notes) and notes[-1][0] is blocks[i - 1] if i else False
            if is_note or (follows_note and textcheck.numbering_prefix(block.text.lstrip())):
                notes.append((block, where))
            skip = len(block.text) if _SIGNATURE.match(block.text.strip()) else textcheck.numbering_prefix(block.text)
            c.emit_text(c.text(block.text, skip=skip, open_ok=quote_runs_on), where)
            if textcheck.is_chinese_numeral_date(block.text):
                c.add("date-chinese-numerals", "warning",
                      f"the date '{block.text.strip()}' is written in Chinese numerals; GB/T 9704 writes dates "
                      "in Arabic numerals (2025年3月5日)", where)
        elif isinstance(block, Note):
            c.emit_text(c.text(block.text), where)
        elif isinstance(block, Image):
            c.emit_text(c.text(block.caption, skip=_caption_label(block.caption)), where)
        elif isinstance(block, ChronicleEntry):
            c.emit_text(c.text(block.date + block.text, open_ok=quote_runs_on), where)
            if not block.date.strip():
                c.add("chronicle-date-missing", "warning", "a chronicle entry has no date; enter it", where)
        elif isinstance(block, Table):
            raw = c.text(block.caption, skip=_caption_label(block.caption)) if block.caption else []
            cols = parts.cell_columns(block)
            for r, row in enumerate(block.rows):
                for k, cell in enumerate(row):
                    if cell.text.strip():
                        at = f"column {cols[(r, k)] + 1}" if (r, k) in cols else f"cell {k + 1}"
                        raw += c.text(cell.text, in_table=f"row {r + 1} {at}")
            c.emit_text(raw, where, in_table=True)
            parts.check_table(block, where, o.long_table_rows, c.add)
        elif isinstance(block, NameList):
            raw = []
            for k, e in enumerate(block.entries):
                # a name may be padded (刘　荣); its spacing is the typesetter's business
                raw += c.text(e.name + e.duty, skip=len(e.name), in_table=f"entry {k + 1}")
            c.emit_text(raw, where)
            parts.check_names(block, where, o.max_name_length, c.add)

    def numbering(code: str, severity: str, message: str, index: int) -> None:
        c.add(code, severity, message, f"{place} · block {index + 1} ({_block_kind(blocks[index])})")

    check_numbering(blocks, numbering)
    check_articles(blocks, numbering)
    _check_chronicle(blocks, numbering)


_CHRONICLE_DATE = re.compile(r"^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")


def _check_chronicle(blocks: list[Block], report: Callable[[str, str, str, int], None]) -> None:
    """Chronicle (大事记) entries are printed in date order."""
    last: tuple[int, int, int] | None = None
    for i, block in enumerate(blocks):
        if not isinstance(block, ChronicleEntry):
            continue
        m = _CHRONICLE_DATE.match(block.date.strip())
        if not m:
            if block.date.strip():
                report("chronicle-date-form", "warning",
                       f"the chronicle date '{block.date}' is not written like 3月18日; correct it", i)
            continue
        key = (int(m.group(1) or 0), int(m.group(2)), int(m.group(3)))
        if last is not None and key < last and (key[0] == last[0] or not key[0] or not last[0]):
            report("chronicle-order", "warning",
                   f"the entry of {block.date} comes after a later date ({last[1]}月{last[2]}日); "
                   "chronicle entries go in date order", i)
        last = key


def check_issue(publication: Publication, issue: Issue, options: CheckOptions | None = None,
                progress: Callable[[float, str], None] | None = None) -> list[Finding]:
    """All findings for an issue: every document, then the issue-level checks.

    Issue level: duplicate document numbers, empty sections, documents with no text,
    contents order (numbers within a section, the chronicle last, organs in their column)
    and mixed publication-note wordings. ``publication`` names the gazette in places.
    ``progress(fraction, message)`` is called before each document, as the build reports.
    """
    o = options or CheckOptions()
    out: list[Finding] = []
    docs = issue.documents()
    for k, doc in enumerate(docs):
        if progress:
            progress(k / (len(docs) + 1), f"checking {_doc_label(doc)}")
        out += check_document(doc, o, pub_date=issue.pub_date)
        if not doc.body and not any(a.body for a in doc.attachments):
            out.append(Finding("document-empty", "error",
                               "the document has no text at all; fill in its body or remove it", _doc_label(doc)))
        elif not doc.body:
            out.append(Finding("document-no-body", "warning",
                               "the document has attachments but no body of its own; check the body was not lost",
                               _doc_label(doc)))
    if progress:
        progress(len(docs) / (len(docs) + 1), "checking the issue as a whole")
    out += _issue_level(publication, issue, o)
    if progress:
        progress(1.0, f"{len(out)} finding(s)")
    return out


def _issue_level(publication: Publication, issue: Issue, o: CheckOptions) -> list[Finding]:
    out: list[Finding] = []
    place = f"{publication.title} {issue.key}".strip()
    numbers = Counter(d.doc_number.strip() for d in issue.documents() if d.doc_number.strip())
    for number, n in sorted(numbers.items()):
        if n > 1:
            titles = "; ".join(d.title for d in issue.documents() if d.doc_number.strip() == number)
            out.append(Finding("duplicate-doc-number", "error",
                               f"{n} documents carry the number {number} ({titles}); correct the number "
                               "or remove the duplicate", place))
    for k, section in enumerate(issue.sections):
        where = f"{place} · section {section.name}"
        if not section.documents:
            out.append(Finding("section-empty", "warning",
                               f"the section '{section.name}' has no documents; add them or remove the section",
                               where))
        out += _section_order(section.documents, where)
        if any(d.kind == "大事记" for d in section.documents) and k < len(issue.sections) - 1:
            out.append(Finding("contents-order", "info",
                               f"the chronicle section '{section.name}' is not the last section; it usually closes "
                               "the issue", where))
        office_section = "办公" in section.name
        if section.name.endswith("文件"):
            for d in section.documents:
                office_doc = bool(d.issuers) and d.issuers[0].rstrip().endswith(("办公室", "办公厅"))
                if d.issuers and office_doc != office_section:
                    out.append(Finding("contents-section", "info",
                                       f"'{d.title}' is issued by {d.issuers[0]} but placed in '{section.name}'; "
                                       "check its section", where))
    variants = Counter(d.public_note.strip() for d in issue.documents() if d.public_note.strip())
    if len(variants) > 1:
        listed = "、".join(f"{v} ×{n}" for v, n in variants.most_common())
        out.append(Finding("public-note-inconsistent", "info",
                           f"the issue uses different publication notes ({listed}); make them consistent "
                           "unless the originals differ", place))
    return out


def _section_order(docs: list[Document], where: str) -> list[Finding]:
    """Documents of one organ and year should appear in ascending number order."""
    out = []
    last: dict[tuple[str, int], tuple[int, str]] = {}
    for d in docs:
        m = frontmatter._DOCNUM.match(d.doc_number.strip())
        if not m:
            continue
        year = frontmatter.number_year(d.doc_number) or 0
        key = (m.group("prefix"), year)
        num = int(frontmatter._half(m.group("num")))
        if key in last and num < last[key][0]:
            out.append(Finding("contents-order", "info",
                               f"{d.doc_number.strip()} comes after {last[key][1]} in this section; documents of "
                               "one organ are usually printed in number order", where))
        last[key] = (num, d.doc_number.strip())
    return out


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Most serious first, then by place, keeping the order of equals (stable)."""
    return sorted(findings, key=lambda f: SEVERITY_RANK.get(f.severity, 3))


__all__ = ["CheckOptions", "check_document", "check_issue", "sort_findings"]
