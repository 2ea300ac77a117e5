"""Output files are readable like any plain write (a printer's shared folder), not private."""

from __future__ import annotations

import os
from pathlib import Path

from editor.fileio import write_atomically


def _plain_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def test_built_pdf_has_the_mode_of_a_plain_write(web_build) -> None:
    assert os.stat(web_build.path).st_mode & 0o777 == _plain_mode()


def test_write_atomically_keeps_a_replaced_files_mode_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.pdf"
    write_atomically(target, b"one")
    assert target.read_bytes() == b"one" and target.stat().st_mode & 0o777 == _plain_mode()
    os.chmod(target, 0o640)
    write_atomically(target, b"two")
    assert target.read_bytes() == b"two" and target.stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]
