"""Body blocks: the pieces a document's body and its attachments are made of."""

from __future__ import annotations

from dataclasses import dataclass, field

ALIGNMENTS = ("justify", "left", "center", "right")
PARAGRAPH_ROLES = ("body", "attachment-note", "closing")


@dataclass
class Heading:
    """A numbered heading of level 1–4 (一、 （一） 1. （1）).

    ``text`` is the heading itself, numbering included. A run-in heading (``run_in``) is
    the first sentence of a paragraph set in the heading face; ``body`` then holds the
    rest of that paragraph, set in the body face on the same line.
    """

    level: int
    text: str
    run_in: bool = False
    body: str = ""


@dataclass
class Paragraph:
    """A body paragraph.

    ``role`` tells the typesetter what the paragraph is for: ordinary body text, the
    attachment note (附件：…, set with a hanging indent) or a closing line.
    """

    text: str
    align: str = "justify"
    indent: bool = True
    role: str = "body"


@dataclass
class Note:
    """A remark such as 备注：… under a table or at the end of a document."""

    text: str


@dataclass
class TableCell:
    """One cell; cells covered by another cell's span are simply absent from the row."""

    text: str = ""
    rowspan: int = 1
    colspan: int = 1
    align: str = ""  # "" means the table's default alignment


@dataclass
class Table:
    """A table with spanning cells; the first ``header_rows`` rows repeat on every page."""

    rows: list[list[TableCell]] = field(default_factory=list)
    header_rows: int = 0
    widths: list[float] = field(default_factory=list)  # relative; empty = equal columns
    align: str = "center"
    caption: str = ""

    def column_count(self) -> int:
        """Number of grid columns (the first row is never covered by a span from above)."""
        if not self.rows:
            return len(self.widths)
        return sum(c.colspan for c in self.rows[0])

    def grid(self) -> list[list[tuple[int, int]]]:
        """Expand spans into a full matrix of ``(row, index)`` of the owning cell.

        Raises ``ValueError`` with a plain message when spans overlap, run past the
        table, or rows have different widths.
        """
        ncols = self.column_count()
        nrows = len(self.rows)
        matrix: list[list[tuple[int, int] | None]] = [[None] * ncols for _ in range(nrows)]
        for r, row in enumerate(self.rows):
            col = 0
            for i, cell in enumerate(row):
                if cell.rowspan < 1 or cell.colspan < 1:
                    raise ValueError(f"row {r + 1}, cell {i + 1}: spans must be at least 1")
                while col < ncols and matrix[r][col] is not None:
                    col += 1
                if col + cell.colspan > ncols:
                    raise ValueError(
                        f"row {r + 1}, cell {i + 1}: the row is wider than the table ({ncols} columns)"
                    )
                if r + cell.rowspan > nrows:
                    raise ValueError(
                        f"row {r + 1}, cell {i + 1}: the cell spans past the last row"
                    )
                for rr in range(r, r + cell.rowspan):
                    for cc in range(col, col + cell.colspan):
                        if matrix[rr][cc] is not None:
                            raise ValueError(
                                f"row {r + 1}, cell {i + 1}: overlaps another cell's span"
                            )
                        matrix[rr][cc] = (r, i)
                col += cell.colspan
        for r, line in enumerate(matrix):
            if any(slot is None for slot in line):
                raise ValueError(f"row {r + 1}: has fewer cells than the table's {ncols} columns")
        return matrix  # type: ignore[return-value]


@dataclass
class NameEntry:
    """One line of a personnel (任免) list: the name and what is decided for that person."""

    name: str
    duty: str


@dataclass
class NameList:
    """A personnel list; two-character names are padded to align with three-character ones."""

    entries: list[NameEntry] = field(default_factory=list)


@dataclass
class ChronicleEntry:
    """A dated chronicle (大事记) entry: ``● 3月18日，…``.

    ``text`` follows the date and keeps its leading separator (usually ``，``).
    Further paragraphs of the same entry are ordinary paragraphs after it.
    """

    date: str
    text: str
    mark: str = "●"


@dataclass
class Image:
    """An image placed in the body; ``ref`` names the image data held by the issue."""

    ref: str
    caption: str = ""
    width_mm: float = 0.0  # 0 means: as wide as its resolution allows, at most the measure


Block = Heading | Paragraph | Note | Table | NameList | ChronicleEntry | Image


def block_text(block: Block) -> str:
    """The plain text of a block, in reading order (for search, checks and completeness)."""
    if isinstance(block, Heading):
        return block.text + block.body
    if isinstance(block, (Paragraph, Note)):
        return block.text
    if isinstance(block, Table):
        parts = [block.caption] if block.caption else []
        parts += [cell.text for row in block.rows for cell in row]
        return "\n".join(parts)
    if isinstance(block, NameList):
        return "\n".join(e.name + e.duty for e in block.entries)
    if isinstance(block, ChronicleEntry):
        return block.mark + block.date + block.text
    if isinstance(block, Image):
        return block.caption
    raise TypeError(f"not a body block: {block!r}")
