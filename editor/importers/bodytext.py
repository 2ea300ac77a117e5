"""Body text to blocks: joining broken lines, then recognising headings, run-in headings,
tables, chronicle entries, personnel lists, notes and attachment notes.

Everything is one pass over the lines (linear in the length of the text). The input is a
list of items: cleaned text lines (``str``) or blocks already built by a reader (a table
or an image from a Word file), which pass through unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from editor.core.dates import parse_date_line
from editor.core.numerals import NUMERAL_CHARS
from editor.core.patterns import ATTACHMENT_LABEL, ATTACHMENT_NOTE
from editor.importers.normalize import HAN, Report, ends_sentence
from editor.model.blocks import (
    Block,
    ChronicleEntry,
    Heading,
    Image,
    NameEntry,
    NameList,
    Note,
    Paragraph,
    Table,
    TableCell,
)

HEADING_PATTERNS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(rf"^第[{NUMERAL_CHARS}\d]+[编章](?=\s|$|[{HAN}])"), 1),
    (re.compile(rf"^第[{NUMERAL_CHARS}\d]+节(?=\s|$|[{HAN}])"), 2),
    (re.compile(rf"^[{NUMERAL_CHARS}]+[、．.](?!\d)"), 1),
    (re.compile(rf"^（[{NUMERAL_CHARS}]+）"), 2),
    (re.compile(r"^\d{1,2}(?:[.．](?!\d)|、)"), 3),
    (re.compile(r"^（\d{1,2}）"), 4),
)
ARTICLE_RE = re.compile(rf"^(第[{NUMERAL_CHARS}\d]+条)\s*(.*)$", re.S)
CHRONICLE_RE = re.compile(
    r"^(?P<mark>[●•◆■▲★◎])\s*(?P<date>\d{1,2}月\d{1,2}日(?:\s*[至—\-–~－]\s*(?:\d{1,2}月)?\d{1,2}日)?)(?P<text>.*)$",
    re.S,
)
CHRONICLE_BARE_RE = re.compile(
    r"^(?P<date>\d{1,2}月\d{1,2}日(?:\s*[至—\-–~－]\s*(?:\d{1,2}月)?\d{1,2}日)?)(?P<text>[，,].*)$", re.S
)
_DUTY = r"(?:任|免去|兼任|不再担任|提名|聘任|聘为|解聘|挂职|试用|为|担任|退休)"
NAME_RE = re.compile(rf"^(?P<name>[{HAN}](?: ?[{HAN}]){{1,3}}?) (?P<duty>{_DUTY}.+)$", re.S)
_TAB_NAME_RE = re.compile(rf"^[{HAN}](?: ?[{HAN}]){{1,3}}\t+{_DUTY}[^\t]+$")
NAME_TIGHT_RE = re.compile(rf"^(?P<name>[{HAN}]{{2,3}}?)(?P<duty>(?:任|免去|兼任|不再担任).+)$", re.S)
_TRAILING_NOTE = re.compile(r"^（[^（）：:]{2,8}[：:][^（）]*(?:（[^（）]*）[^（）]*)*）$")
NOTE_RE = re.compile(r"^(备注|注)\s*[：:]")
NOTE_ITEM_START = re.compile(r"^\d{1,2}\s*[.．、]\s*\S")
ATTACHMENT_ITEM_RE = re.compile(r"^(?P<n>\d{1,2})\s*[.．、]\s*(?P<title>.+)$")
_SENTENCE_END = re.compile(r"[。！？]")
CAPTION_RE = re.compile(r"^(?:图|附图)\s*\d{1,3}(?:[-－.]\d{1,3})?\s*\S.{0,40}$")
_NUMBERING = re.compile(rf"^(?:[{NUMERAL_CHARS}]+[、．.]|（[{NUMERAL_CHARS}]+）|\d{{1,2}}[.．、]|（\d{{1,2}}）)\s*")
# a run-in heading sentence is a short phrase (（一）强化刚性约束。); a numbered item whose
# first sentence is longer than this is a numbered paragraph
RUN_IN_MAX = 24


def heading_level(text: str) -> int:
    """The heading level its numbering gives ``text`` (1–4), or 0 when it has none."""
    for pattern, level in HEADING_PATTERNS:
        if pattern.match(text):
            return level
    return 0


def is_chronicle_start(text: str) -> bool:
    """True for a line that opens a dated chronicle entry (● 3月18日，…)."""
    return bool(CHRONICLE_RE.match(text))


def _structural_start(line: str, kind: str, date_is_structural: bool = True) -> bool:
    """Lines that always start a new paragraph."""
    if heading_level(line) or ARTICLE_RE.match(line) or CHRONICLE_RE.match(line):
        return True
    if ATTACHMENT_NOTE.match(line) or ATTACHMENT_LABEL.match(line) or NOTE_RE.match(line):
        return True
    if kind == "大事记" and CHRONICLE_BARE_RE.match(line):
        return True
    if NAME_RE.match(line) and (kind == "任免" or len(line) < 60):
        return True
    if date_is_structural and parse_date_line(line):
        return True
    return False


def _standalone_heading(text: str) -> bool:
    """A short heading line with no sentence in it (一、主要目标): never continued.

    A level-3/4 item that holds a comma or a pause mark is a list item broken mid-line.
    """
    level = heading_level(text)
    if not level or _SENTENCE_END.search(text) or len(text) > 30:
        return False
    if level >= 3:
        content = re.sub(r"^(?:\d{1,2}[.．、]|（\d{1,2}）)", "", text)
        if re.search(r"[，、；,]", content):
            return False
    return True


class _Buffer:
    """A paragraph being joined: parts are kept in a list so that joining stays linear."""

    __slots__ = ("parts", "size", "has_tab", "first")

    def __init__(self, line: str) -> None:
        self.parts = [line]
        self.size = len(line)
        self.has_tab = "\t" in line
        self.first = line

    def add(self, line: str) -> None:
        last = self.parts[-1]
        if last and line and last[-1].isascii() and last[-1].isalnum() and line[0].isascii() and line[0].isalnum():
            self.parts.append(" ")
            self.size += 1
        self.parts.append(line)
        self.size += len(line)
        self.has_tab = self.has_tab or "\t" in line

    def tail(self, n: int = 400) -> str:
        """The last ``n`` characters (enough to tell whether a sentence ends)."""
        out = ""
        for part in reversed(self.parts):
            out = part + out
            if len(out) >= n:
                return out[-n:]
        return out

    def text(self) -> str:
        return "".join(self.parts)


def join_lines(
    items: Sequence[str | Block], report: Report, kind: str = "", check: Callable[[], None] | None = None
) -> list[str | Block]:
    """Join lines broken inside a paragraph (by a PDF or a web page) into paragraphs.

    A line is continued by the next one unless it ends a sentence (。！？；：, or a closing
    bracket/quote after one), is a short heading with no sentence in it, is a table row,
    or the next line starts something of its own (a heading, an article, a chronicle
    entry, a personnel entry, an attachment note or label, a date). Linear in the length
    of the text, however long the paragraphs.
    """
    out: list[str | Block] = []
    buf: _Buffer | None = None
    in_note = False  # inside an attachment note (附件：1.… 2.…), one title per line
    runs = _list_runs(items)
    for n, item in enumerate(items):
        if check and n % 512 == 0:
            check()
        if isinstance(item, str) and "\t" in item and _TAB_NAME_RE.match(item) and (
            kind == "任免" or not _beside_table_rows(items, n)
        ):
            item = re.sub(r"\t+", " ", item, count=1)  # 刘荣<tab>任… is a personnel entry, not a table row
        if not isinstance(item, str):
            if buf is not None:
                out.append(buf.text())
                buf = None
            out.append(item)
            continue
        if buf is None:
            buf = _Buffer(item)
            in_note = bool(ATTACHMENT_NOTE.match(item))
            continue
        if in_note and NOTE_ITEM_START.match(item):
            # 2.2025年度…: the next title of the note (a year may follow the item number)
            out.append(buf.text())
            buf = _Buffer(item)
            continue
        tail = buf.tail()
        short = buf.text() if buf.size <= 40 else ""
        if item[0] in _CLOSING_MARKS and not buf.has_tab and "\t" not in item:
            # 。围绕… : a line cannot open with a closing mark; a PDF broke the line before it
            buf.add(item)
            report.note("lines-joined", item[:20])
            continue
        if (_TRAILING_NOTE.match(item) and tail.endswith("。") and heading_level(buf.first) != 1
                and not _CONTACT_NOTE.match(item)):
            # （责任单位：…） split from its item by a page break belongs to it
            buf.add(item)
            report.note("lines-joined", item[:20])
            continue
        if (
            buf.has_tab
            or "\t" in item
            or ends_sentence(tail)
            or (short and (_standalone_heading(short) or parse_date_line(short) or ATTACHMENT_LABEL.match(short)))
            or _structural_start(item, kind)
        ):
            out.append(buf.text())
            buf = _Buffer(item)
            in_note = bool(ATTACHMENT_NOTE.match(item))
            continue
        if n in runs or (n - 1 in runs and len(buf.parts) == 1) or _list_lines(
            buf, item, items[n + 1] if n + 1 < len(items) else None
        ):
            out.append(buf.text())
            buf = _Buffer(item)
            in_note = False
            continue
        buf.add(item)
        report.note("lines-joined", item[:20])
    if buf is not None:
        out.append(buf.text())
    return out


def _beside_table_rows(items: Sequence[str | Block], n: int) -> bool:
    """True when a line next to ``items[n]`` is a table row that is no personnel entry
    (单位<tab>任务数（人） heads a table; it is not 单位 appointed to 务数)."""
    for j in (n - 1, n + 1):
        if 0 <= j < len(items):
            other = items[j]
            if isinstance(other, str) and "\t" in other and not _TAB_NAME_RE.match(other):
                return True
    return False


# （联系人：张明，联系电话：…） closes the document; it is no part of the paragraph above
_CONTACT_NOTE = re.compile(r"^（(?:联系人|联系电话|联系方式|经办人|咨询电话)")
# 特此通知。 特此公告。 此复。: the closing formula of a 公文, no text of the item above it
_CLOSING_FORMULA = re.compile(r"^(?:特此[\u4e00-\u9fff]{2,4}|此复|专此[\u4e00-\u9fff]{2})[。！]?$")
_CLOSING_MARKS = frozenset("。，、；：！？）》〕］”’」』…")
_ANY_PUNCT = re.compile(r"[，。、；：！？,.;:!?]")
LIST_LINE_MAX = 24


_LIST_PUNCT = re.compile(r"[，。、；！？,.;!?]")


def _list_runs(items: Sequence[str | Block]) -> set[int]:
    """Indexes of lines in runs of three or more short lines with no sentence punctuation
    (a colon label allowed): 主任：张强 市长 / 副主任：李明 常务副市长 / 王芳 副市长 are
    list lines, each its own paragraph, whatever follows them."""
    out: set[int] = set()
    run: list[int] = []
    for n, item in enumerate([*items, None]):
        if (isinstance(item, str) and 0 < len(item) <= LIST_LINE_MAX and "\t" not in item
                and not _LIST_PUNCT.search(item) and not _structural_start(item, "")):
            run.append(n)
            continue
        if len(run) >= 3:
            out.update(run)
        run = []
    return out


def _list_lines(buf: _Buffer, item: str, following: object) -> bool:
    """True when ``buf`` and ``item`` are lines of a list (names, units: one per line, no
    punctuation at all), not a paragraph broken mid-sentence.

    Both are short and hold no punctuation, and the line after ``item`` does not carry
    the sentence on (a paragraph broken twice has its punctuation further on).
    """
    if buf.size > LIST_LINE_MAX or len(item) > LIST_LINE_MAX:
        return False
    if _ANY_PUNCT.search(buf.text()) or _ANY_PUNCT.search(item):
        return False
    if isinstance(following, str) and _ANY_PUNCT.search(following) and not _structural_start(following, ""):
        return False
    return True


def _heading_block(text: str, level: int) -> Block:
    m = _SENTENCE_END.search(text)
    if m is None:
        if len(text) <= 40 and not text.endswith(("，", "、", "；")):
            return Heading(level, text)
        return Paragraph(text)
    end = m.end()
    while end < len(text) and text[end] in "”’）":
        end += 1
    head, rest = text[:end], text[end:]
    content = _NUMBERING.sub("", head, count=1)
    if len(content) > RUN_IN_MAX:
        # a long first sentence: a numbered paragraph, not a heading
        return Paragraph(text)
    if not rest:
        return Heading(level, head)
    return Heading(level, head, run_in=True, body=rest)


def _table(rows: list[str]) -> Table:
    cells = [r.split("\t") for r in rows]
    ncols = max(len(r) for r in cells)
    table_rows = [[TableCell(c.strip()) for c in r] + [TableCell("") for _ in range(ncols - len(r))] for r in cells]
    return Table(rows=table_rows, header_rows=guess_header_rows(table_rows))


_DATA_CELL = re.compile(r"^[-+]?[\d.,，]+\s*[%％‰]?$")


def _reads_as_header(row: list[TableCell]) -> bool:
    """A row of labels: something written and no cell that is a bare number (12.5, 30%)."""
    texts = [c.text.strip() for c in row]
    return any(texts) and not any(_DATA_CELL.match(t) for t in texts if t)


def guess_header_rows(rows: list[list[TableCell]]) -> int:
    """How many rows at the top of a table are its header, for a table that does not say.

    The first row is a header when it holds labels and no bare numbers (序号 赛事名称 …);
    a header cell that spans rows down (a two-level header: 旗县区 over 玉米 and 大豆)
    takes the rows it spans into the header when they hold labels too. A table of one row,
    or with every row reading like labels and no spans, keeps the first row only.
    """
    if len(rows) < 2 or not _reads_as_header(rows[0]):
        return 0
    depth = max((c.rowspan for c in rows[0]), default=1)
    depth = min(depth, len(rows) - 1)
    header = 1
    while header < depth and _reads_as_header(rows[header]):
        header += 1
    return header


def name_entry(text: str, kind: str) -> NameEntry | None:
    """A personnel-list entry (name, duty) if ``text`` is one, else None."""
    m = NAME_RE.match(text)
    if m is None and kind == "任免":
        m = NAME_TIGHT_RE.match(text)
    if m is None:
        return None
    name = m.group("name").replace(" ", "")
    if not 2 <= len(name) <= 4:
        return None
    return NameEntry(name, m.group("duty").strip())


def classify(paragraphs: Sequence[str | Block], kind: str = "") -> list[Block]:
    """Turn joined paragraphs into blocks."""
    blocks: list[Block] = []
    i = 0
    n = len(paragraphs)
    in_note_list = False
    while i < n:
        item = paragraphs[i]
        if not isinstance(item, str):
            blocks.append(item)
            in_note_list = False
            i += 1
            continue
        text = item
        if "\t" in text:
            rows = []
            while i < n and isinstance(paragraphs[i], str) and "\t" in paragraphs[i]:
                rows.append(paragraphs[i])  # type: ignore[arg-type]
                i += 1
            blocks.append(_table(rows))
            in_note_list = False
            continue
        m = ATTACHMENT_NOTE.match(text)
        if m:
            blocks.append(Paragraph("附件：" + text[m.end():], indent=True, role="attachment-note"))
            in_note_list = True
            i += 1
            continue
        if in_note_list and ATTACHMENT_ITEM_RE.match(text) and len(text) <= 80:
            blocks.append(Paragraph(text, indent=True, role="attachment-note"))
            i += 1
            continue
        in_note_list = False
        entry = name_entry(text, kind)
        if entry is not None and (kind == "任免" or _next_is_name(paragraphs, i + 1, kind)
                                  or (blocks and isinstance(blocks[-1], NameList))):
            if blocks and isinstance(blocks[-1], NameList):
                blocks[-1].entries.append(entry)
            else:
                blocks.append(NameList([entry]))
            i += 1
            continue
        m = CHRONICLE_RE.match(text)
        if m:
            blocks.append(ChronicleEntry(m.group("date").replace(" ", ""), m.group("text"), m.group("mark")))
            i += 1
            continue
        if kind == "大事记":
            m = CHRONICLE_BARE_RE.match(text)
            if m:
                blocks.append(ChronicleEntry(m.group("date").replace(" ", ""), m.group("text")))
                i += 1
                continue
        m = ARTICLE_RE.match(text)
        if m:
            # 第一条　为了…: the article number is the run-in heading, a full-width space
            # separates it from the text as in print
            blocks.append(Heading(3, m.group(1), run_in=True, body="\u3000" + m.group(2) if m.group(2) else ""))
            i += 1
            continue
        level = heading_level(text)
        if level:
            blocks.append(_heading_block(text, level))
            i += 1
            continue
        if NOTE_RE.match(text):
            blocks.append(Note(text))
            i += 1
            continue
        if blocks and isinstance(blocks[-1], Image) and not blocks[-1].caption and CAPTION_RE.match(text):
            blocks[-1].caption = text  # 图1 … under an image is its caption
            i += 1
            continue
        blocks.append(Paragraph(text))
        i += 1
    _settle_item_lists(blocks)
    return blocks


def _item_level(block: Block) -> int:
    """The numbering level of a numbered heading or numbered paragraph (0: not numbered)."""
    if isinstance(block, Heading) or (isinstance(block, Paragraph) and block.role == "body"):
        return heading_level(block.text) if not block.text.startswith("第") else 0
    return 0


def _settle_item_lists(blocks: list[Block]) -> None:
    """Make the items of one numbered list agree: where most items of a list are numbered
    paragraphs (一、同意撤销…，以…为…。), a short whole-sentence item among them
    (二、驻地设在原镇政府驻地。, （三）公共汽车、出租汽车。) is an item too, not a heading.

    A list is the run of items at one level under the same parent item; an article or a
    chapter (第…条, 第…章) starts new lists. An item followed by deeper items keeps its
    heading, as does a run-in heading (a heading sentence followed by its paragraph).
    """
    open_lists: dict[int, list[int]] = {}
    lists: list[list[int]] = []

    def close(deeper_than: int) -> None:
        for level in [lv for lv in open_lists if lv > deeper_than]:
            lists.append(open_lists.pop(level))

    for i, block in enumerate(blocks):
        if isinstance(block, Heading) and block.text.startswith("第"):
            close(0)
            continue
        level = _item_level(block)
        if level:
            close(level)
            open_lists.setdefault(level, []).append(i)
    close(0)
    for items in lists:
        paragraphs = sum(isinstance(blocks[i], Paragraph) for i in items)
        headings = [i for i in items if isinstance(blocks[i], Heading)]
        if not paragraphs or paragraphs < len(headings):
            continue
        # items ending in a semicolon (一、…；二、…。) are an enumeration, never headings
        enumeration = any(isinstance(blocks[i], Paragraph) and blocks[i].text.endswith(("；", ";")) for i in items)
        for i in headings:
            head = blocks[i]
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            level = _item_level(head)
            has_child = nxt is not None and _item_level(nxt) > level
            # as many headings as paragraphs: only an item with no text of its own under it
            owns_text = (isinstance(nxt, Paragraph) and not _item_level(nxt)
                         and not _CLOSING_FORMULA.match(nxt.text))
            if paragraphs == len(headings) and owns_text and not enumeration:
                continue
            if not head.run_in and head.text[-1:] in "。！？；" and not has_child:
                blocks[i] = Paragraph(head.text)


def _next_is_name(paragraphs: Sequence[str | Block], j: int, kind: str) -> bool:
    return j < len(paragraphs) and isinstance(paragraphs[j], str) and name_entry(paragraphs[j], kind) is not None  # type: ignore[arg-type]


def noted_titles(lines: Sequence[str | Block]) -> list[tuple[str, str]]:
    """Attachments announced by attachment notes: (number or "", title) pairs, in order."""
    out: list[tuple[str, str]] = []
    in_list = False
    for item in lines:
        if not isinstance(item, str):
            in_list = False
            continue
        m = ATTACHMENT_NOTE.match(item)
        if m:
            rest = item[m.end():].strip()
            in_list = True
            if rest:
                im = ATTACHMENT_ITEM_RE.match(rest)
                out.append((im.group("n"), _strip_title(im.group("title"))) if im else ("", _strip_title(rest)))
            continue
        if in_list:
            im = ATTACHMENT_ITEM_RE.match(item)
            if im and len(item) <= 80:
                out.append((im.group("n"), _strip_title(im.group("title"))))
                continue
            in_list = False
    return out


def _strip_title(text: str) -> str:
    return text.strip().rstrip("；;。.，,")
