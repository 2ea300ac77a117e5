"""Checks on the parts of a document: tables, personnel name lists and attachments.

Tables: a grid that does not add up, empty cells (someone may have lost data), column
widths that do not match, long tables without repeating header rows. Name lists (任免):
empty or implausibly long names, duties that do not end in ；/。. Attachments: the
attachment note (附件：…) must name the attachments that follow, with matching titles and
numbering (GB/T 9704-2012 §7.3.5 and §7.4.3).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from editor.core.patterns import ATTACHMENT_NOTE
from editor.model import Attachment, Document, NameList, Paragraph, Table

# report(code, severity, message, place)
Report = Callable[[str, str, str, str], None]

_NO_DATA = {"/", "／", "—", "——", "-", "－", "无", "×"}
_NOTE_ITEM = re.compile(r"^(?P<num>[0-9０-９]+)\s*[.．、]\s*(?P<title>.*)$")
_LABEL = re.compile(r"^附\s*件\s*(?P<num>[0-9０-９]*)$")
_TRAILING = "，。、；：,.;:！？!?"


def cell_columns(table: Table) -> dict[tuple[int, int], int]:
    """Grid column (0-based) of each cell ``(row, index in row)``; empty if the grid is broken."""
    try:
        grid = table.grid()
    except ValueError:
        return {}
    cols: dict[tuple[int, int], int] = {}
    for line in grid:
        for c, owner in enumerate(line):
            cols.setdefault(owner, c)
    return cols


def check_table(table: Table, place: str, long_rows: int, report: Report) -> None:
    """Report structural problems, empty cells and missing repeating headers of one table."""
    if not table.rows:
        report("table-empty", "error", "the table has no rows; delete it or fill it in", place)
        return
    try:
        grid = table.grid()
    except ValueError as exc:
        report("table-structure", "error",
               f"the table's cells do not add up to a grid: {exc}; fix the spans or add the missing cells", place)
        return
    ncols = table.column_count()
    if table.widths and len(table.widths) != ncols:
        report("table-widths", "warning",
               f"{len(table.widths)} column widths are given for {ncols} columns; set one width per column", place)
    if table.header_rows > len(table.rows):
        report("table-header", "error",
               f"{table.header_rows} header rows are declared but the table has only {len(table.rows)} rows", place)
    elif table.header_rows == 0 and len(table.rows) >= long_rows:
        report("table-no-header", "info",
               f"a table of {len(table.rows)} rows probably runs over a page but has no header row to "
               "repeat; mark its heading row(s) as header rows", place)
    col_of = cell_columns(table)
    empty = [(r, col_of[(r, i)]) for r, row in enumerate(table.rows)
             for i, cell in enumerate(row) if not cell.text.strip()]
    if not empty:
        return
    body_rows = set(range(table.header_rows, len(table.rows)))
    whole_cols = []
    for c in range(ncols):
        owners = {grid[r][c] for r in body_rows}
        if owners and all(not table.rows[o[0]][o[1]].text.strip() for o in owners):
            whole_cols.append(c)
    parts = []
    if whole_cols:
        names = ", ".join(f"column {c + 1}{_column_title(table, grid, c)}" for c in whole_cols)
        parts.append(f"{names} {'is' if len(whole_cols) == 1 else 'are'} empty in every row")
    rest = [(r, c) for r, c in empty if c not in whole_cols or r not in body_rows]
    if rest:
        shown = ", ".join(f"row {r + 1} column {c + 1}" for r, c in rest[:6])
        parts.append(f"empty: {shown}{' …' if len(rest) > 6 else ''}")
    report("table-empty-cells", "info",
           f"{len(empty)} empty cell(s) — {'; '.join(parts)}. Check that no data was lost; write / or — "
           "where a cell is meant to be empty", place)


def _column_title(table: Table, grid: list[list[tuple[int, int]]], c: int) -> str:
    for r in reversed(range(table.header_rows)):
        rr, i = grid[r][c]
        text = table.rows[rr][i].text.strip()
        if text:
            return f" ({text})"
    return ""


def check_names(names: NameList, place: str, max_len: int, report: Report) -> None:
    """Report empty names and duties, implausibly long names and duties without ；/。."""
    count = len(names.entries)
    if not count:
        report("namelist-empty", "error", "the name list has no entries; delete it or fill it in", place)
    for k, entry in enumerate(names.entries):
        where = f"{place}, entry {k + 1}"
        name = re.sub(r"[\s\u3000]", "", entry.name)
        duty = entry.duty.strip()
        if not name:
            report("namelist-empty-name", "error",
                   f"an entry has no name (duty '{duty[:20]}'); enter the person's name", where)
        elif len(name.replace("·", "").replace("•", "")) > max_len and "·" not in name:
            report("namelist-long-name", "warning",
                   f"the name '{entry.name}' is longer than {max_len} characters; probably part of the duty "
                   "was read as the name — split name and duty correctly", where)
        who = f"'{entry.name}'" if name else f"entry {k + 1}"
        if not duty:
            report("namelist-empty-duty", "error", f"{who} has no duty; enter what is decided", where)
        elif duty[-1] not in "；。":
            report("namelist-duty-end", "warning",
                   f"the duty of {who} ends in '{duty[-1]}'; end it with ； (or 。 for the last entry)", where)
        elif count > 1 and k == count - 1 and duty[-1] != "。":
            report("namelist-duty-end", "info",
                   f"the last entry ({who}) ends with ；; the list usually closes with 。", where)


@dataclass
class _NoteItem:
    number: int | None
    title: str
    omitted: bool
    place: str


def _clean_title(text: str) -> str:
    text = re.sub(r"[\s\u3000]", "", text)
    return text.strip("《》").rstrip(_TRAILING).strip("《》")


def note_items(paragraphs: list[tuple[Paragraph, str]]) -> list[_NoteItem]:
    """The titles the attachment note names, from ``(paragraph, place)`` pairs in order."""
    items: list[_NoteItem] = []
    started = False
    for para, place in paragraphs:
        text = para.text.strip()
        m = ATTACHMENT_NOTE.match(text)
        if m:
            started = True
            text = text[m.end():]
        elif not (started and (para.role == "attachment-note" or _NOTE_ITEM.match(text))):
            started = False
            continue
        for line in filter(None, (s.strip() for s in text.split("\n"))):
            nm = _NOTE_ITEM.match(line)
            number = int(nm.group("num").translate({c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)})) if nm else None
            title = nm.group("title") if nm else line
            omitted = bool(re.search(r"[（(]略[）)]$", title))
            title = re.sub(r"[（(]略[）)]$", "", title)
            items.append(_NoteItem(number, title, omitted, place))
    return items


def check_attachments(doc: Document, notes: list[tuple[Paragraph, str]], doc_place: str, report: Report) -> None:
    """Compare the attachment note with the labelled attachments (附件, 附件1 …)."""
    labelled = [a for a in doc.attachments if a.label.strip()]
    items = note_items(notes)
    _check_labels(labelled, doc_place, report)
    for it in items:
        raw = it.title.strip()
        if raw and raw[-1] in _TRAILING:
            report("attachment-note-punct", "info",
                   f"the attachment note ends '{raw[-8:]}' with a punctuation mark; GB/T 9704 puts none after "
                   "attachment titles", it.place)
    if not items:
        if labelled:
            names = "、".join(f"{a.label} {a.title}" for a in labelled)
            report("attachment-note-missing", "warning",
                   f"the document has {len(labelled)} attachment(s) ({names}) but no attachment note "
                   "(附件：…) naming them after the body; add it", doc_place)
        return
    printed = [it for it in items if not it.omitted]
    if len(items) > 1:
        for k, it in enumerate(items):
            if it.number != k + 1:
                report("attachment-note-numbering", "warning",
                       f"item {k + 1} of the attachment note is numbered {it.number if it.number else 'not at all'}; "
                       f"number the titles 1. 2. … in order", it.place)
                break
    elif items[0].number is not None:
        report("attachment-note-numbering", "info",
               "the attachment note numbers its only title; a single attachment takes no number", items[0].place)
    if len(printed) != len(labelled):
        report("attachment-count", "warning",
               f"the attachment note names {len(printed)} attachment(s) but {len(labelled)} follow(s); "
               "add the missing attachment(s) or correct the note", items[0].place)
    for k, (it, att) in enumerate(zip(printed, labelled, strict=False)):
        if att.title.strip() and _clean_title(it.title) != _clean_title(att.title):
            report("attachment-title-mismatch", "warning",
                   f"the attachment note names '{it.title.strip()}' but {att.label or f'attachment {k + 1}'} "
                   f"is titled '{att.title}'; make them the same", it.place)
        if len(items) > 1 and it.number is not None:
            lm = _LABEL.match(re.sub(r"\s", "", att.label))
            if lm and lm.group("num") and int(lm.group("num")) != it.number:
                report("attachment-label", "warning",
                       f"note item {it.number} ('{it.title.strip()[:20]}') is printed as {att.label}; "
                       "make the label match the note's number", it.place)


def _check_labels(labelled: list[Attachment], doc_place: str, report: Report) -> None:
    if len(labelled) > 1:
        for k, att in enumerate(labelled):
            lm = _LABEL.match(re.sub(r"\s", "", att.label))
            if not lm or not lm.group("num") or int(lm.group("num")) != k + 1:
                report("attachment-label", "warning",
                       f"attachment {k + 1} ('{att.title[:20]}') is labelled '{att.label}'; with several "
                       f"attachments label them 附件1, 附件2 … in order (this one 附件{k + 1})",
                       f"{doc_place} · {att.label or att.title}")
    elif len(labelled) == 1:
        att = labelled[0]
        lm = _LABEL.match(re.sub(r"\s", "", att.label))
        if not lm:
            report("attachment-label", "warning",
                   f"the attachment label '{att.label}' is not 附件 or 附件N", f"{doc_place} · {att.label}")
        elif lm.group("num"):
            report("attachment-label", "info",
                   f"the only attachment is labelled '{att.label}'; a single attachment is labelled 附件",
                   f"{doc_place} · {att.label}")
