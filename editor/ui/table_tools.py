"""Table and special-block operations on the body editor's QTextCursor: insert a table or a
name list, add/remove rows and columns, merge and split cells, set header rows, insert images.
Each operation is one edit block of the text document, so it is one undo step.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextTable

from editor.model import Image, NameEntry, NameList, Table, TableCell
from editor.ui.textdoc import insert_block


def _insert_blocks_at(cursor: QTextCursor, blocks: list, images: dict | None = None) -> None:
    cursor.beginEditBlock()
    if cursor.block().text().strip() or cursor.currentTable() is not None:
        if cursor.currentTable() is not None:
            cursor.setPosition(cursor.currentTable().lastPosition() + 1)
        else:
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        state = {"fresh": False}
    else:
        state = {"fresh": True}
    for block in blocks:
        insert_block(cursor, block, state, images)
    cursor.endEditBlock()


def insert_table(cursor: QTextCursor, rows: int, cols: int, header_rows: int = 1) -> None:
    """Insert an empty table after the current paragraph."""
    table = Table(rows=[[TableCell() for _ in range(cols)] for _ in range(rows)],
                  header_rows=min(header_rows, rows))
    _insert_blocks_at(cursor, [table])


def insert_name_list(cursor: QTextCursor) -> None:
    """Insert a personnel list (name | duty) after the current paragraph."""
    _insert_blocks_at(cursor, [NameList([NameEntry("", "")])])


def insert_image(cursor: QTextCursor, ref: str, images: dict[str, bytes], caption: str = "",
                 width_mm: float = 0.0) -> None:
    """Insert an issue image (already stored under ``ref``) after the current paragraph."""
    _insert_blocks_at(cursor, [Image(ref, caption, width_mm)], images)


def current_table(cursor: QTextCursor) -> QTextTable | None:
    """The table the cursor is in, if any."""
    return cursor.currentTable()


def insert_row(cursor: QTextCursor, below: bool = True) -> bool:
    """Insert a row below (or above) the current cell."""
    table = cursor.currentTable()
    if table is None:
        return False
    cell = table.cellAt(cursor)
    row = cell.row() + (cell.rowSpan() if below else 0)
    table.insertRows(row, 1)
    return True


def insert_column(cursor: QTextCursor, right: bool = True) -> bool:
    """Insert a column right (or left) of the current cell."""
    table = cursor.currentTable()
    if table is None:
        return False
    cell = table.cellAt(cursor)
    col = cell.column() + (cell.columnSpan() if right else 0)
    fmt = table.format()
    fmt.setColumnWidthConstraints([])
    table.setFormat(fmt)
    table.insertColumns(col, 1)
    return True


def remove_row(cursor: QTextCursor) -> bool:
    """Remove the current row (the whole table when it is the last row)."""
    table = cursor.currentTable()
    if table is None:
        return False
    if table.rows() <= 1:
        return remove_table(cursor)
    table.removeRows(table.cellAt(cursor).row(), 1)
    return True


def remove_column(cursor: QTextCursor) -> bool:
    """Remove the current column (the whole table when it is the last column)."""
    table = cursor.currentTable()
    if table is None:
        return False
    if table.columns() <= 1:
        return remove_table(cursor)
    fmt = table.format()
    fmt.setColumnWidthConstraints([])
    table.setFormat(fmt)
    table.removeColumns(table.cellAt(cursor).column(), 1)
    return True


def remove_table(cursor: QTextCursor) -> bool:
    """Remove the table the cursor is in."""
    table = cursor.currentTable()
    if table is None:
        return False
    cur = QTextCursor(cursor.document())
    cur.setPosition(table.firstPosition() - 1)
    cur.setPosition(table.lastPosition() + 1, QTextCursor.MoveMode.KeepAnchor)
    cur.removeSelectedText()
    return True


def merge_cells(cursor: QTextCursor) -> bool:
    """Merge the selected cells into one (their texts are joined)."""
    table = cursor.currentTable()
    if table is None or not cursor.hasComplexSelection():
        return False
    table.mergeCells(cursor)
    return True


def split_cell(cursor: QTextCursor) -> bool:
    """Split the merged cell under the cursor back into single cells."""
    table = cursor.currentTable()
    if table is None:
        return False
    cell = table.cellAt(cursor)
    if cell.rowSpan() == 1 and cell.columnSpan() == 1:
        return False
    table.splitCell(cell.row(), cell.column(), 1, 1)
    return True


def set_header_rows(cursor: QTextCursor, count: int) -> bool:
    """Make the first ``count`` rows the header repeated on every page."""
    table = cursor.currentTable()
    if table is None:
        return False
    fmt = table.format()
    fmt.setHeaderRowCount(max(0, min(count, table.rows())))
    table.setFormat(fmt)
    return True
