"""The store commands: sample, list, export, import-issue — exit status and messages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from store_factories import ROOT, archive_of, dump, make_issue

from editor.cli import main
from editor.services import gazette as gazette_module


@pytest.fixture
def fixture_sample(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point ``sample`` at a small archive of our own (the real one is tested separately)."""
    path = tmp_path / "sample.xml"
    path.write_bytes(archive_of(make_issue(2025, 3)))
    monkeypatch.setattr(gazette_module, "SAMPLE_PATH", path)
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_sample_twice_changes_nothing(capsys, db_path: Path, fixture_sample: Path) -> None:
    code, out, _ = run(capsys, "sample", "--db", str(db_path))
    assert code == 0 and "installed" in out
    before = dump(db_path)
    code, out, _ = run(capsys, "sample", "--db", str(db_path))
    assert code == 0 and "already" in out and "nothing changed" in out
    assert dump(db_path) == before


def test_list_prints_one_line_per_issue(capsys, db_path: Path, fixture_sample: Path, tmp_path: Path) -> None:
    code, out, err = run(capsys, "list", "--db", str(db_path))
    assert (code, out) == (0, "") and "no issues" in err
    run(capsys, "sample", "--db", str(db_path))
    other = tmp_path / "2024-12.xml"
    issue = make_issue(2024, 12)
    issue.cumulative = 151
    other.write_bytes(archive_of(issue))
    assert run(capsys, "import-issue", str(other), "--db", str(db_path))[0] == 0
    code, out, _ = run(capsys, "list", "--db", str(db_path))
    assert code == 0
    lines = [line.split() for line in out.splitlines()]
    assert lines == [
        ["2024-12", "151", "2025-04-06", "draft", "3"],
        ["2025-3", "154", "2025-04-06", "draft", "3"],
    ]


def test_export_and_import_between_stores(capsys, tmp_path: Path, fixture_sample: Path) -> None:
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    run(capsys, "sample", "--db", str(a))
    out_file = tmp_path / "out" / "2025-3.xml"
    out_file.parent.mkdir()
    code, out, _ = run(capsys, "export", "--issue", "2025-3", "-o", str(out_file), "--db", f"sqlite:///{a}")
    assert code == 0 and "exported issue 2025-3" in out
    assert out_file.read_bytes() == fixture_sample.read_bytes()
    code, out, _ = run(capsys, "import-issue", str(out_file), "--db", str(b))
    assert code == 0 and "imported issue 2025-3 (3 documents)" in out
    again = tmp_path / "again.xml"
    assert run(capsys, "export", "--issue", "2025-03", "-o", str(again), "--db", str(b))[0] == 0
    assert again.read_bytes() == out_file.read_bytes()
    assert [p.name for p in out_file.parent.iterdir()] == ["2025-3.xml"]  # no temporary left


def test_export_to_stdout(capsysbinary, db_path: Path, fixture_sample: Path) -> None:
    assert main(["sample", "--db", str(db_path)]) == 0
    capsysbinary.readouterr()
    assert main(["export", "--issue", "2025-3", "-o", "-", "--db", str(db_path)]) == 0
    assert capsysbinary.readouterr().out == fixture_sample.read_bytes()


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["export", "--issue", "2025-9", "-o", "{tmp}/x.xml"], "no issue 2025-9"),
        (["export", "--issue", "2025-3", "-o", "{tmp}/no/such/dir/x.xml"], "cannot write"),
        (["export", "--issue", "2025-3", "-o", "{tmp}"], "is a folder"),
        (["import-issue", "{tmp}/missing.xml"], "cannot read"),
        (["import-issue", "{tmp}"], "cannot read"),
        (["import-issue", "{tmp}/broken.xml"], "not well-formed XML"),
        (["import-issue", "{tmp}/bomb.xml"], "document type or entities"),
        (["import-issue", "{tmp}/v9.xml"], "schema version 9"),
        (["import-issue", "{sample}"], "already in the store"),
    ],
)
def test_refusals_exit_1_with_a_message(capsys, tmp_path: Path, db_path: Path, fixture_sample: Path,
                                        argv: list[str], words: str) -> None:
    run(capsys, "sample", "--db", str(db_path))
    good = fixture_sample.read_bytes()
    (tmp_path / "broken.xml").write_bytes(good[:500])
    (tmp_path / "bomb.xml").write_bytes(
        b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><gazette-archive>&b;</gazette-archive>'
    )
    (tmp_path / "v9.xml").write_bytes(good.replace(b'version="1"', b'version="9"', 1))
    before = dump(db_path)
    args = [a.format(tmp=tmp_path, sample=fixture_sample) for a in argv]
    code, out, err = run(capsys, *args, "--db", str(db_path))
    assert code == 1
    assert words in err and err.startswith("error: ")
    assert "Traceback" not in err + out
    assert dump(db_path) == before


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "--issue", "2025x3", "-o", "x.xml"],
        ["export", "--issue", "2025-0", "-o", "x.xml"],
        ["export", "-o", "x.xml"],
        ["export", "--issue", "2025-3"],
        ["import-issue"],
        ["list", "--bogus"],
    ],
)
def test_usage_errors_exit_2(capsys, argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert "usage:" in capsys.readouterr().err


@pytest.mark.parametrize("content", [b"\x00\x01garbage" * 100, "纯文本文件\n".encode()])
def test_a_store_that_is_not_a_database_exits_1(capsys, tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(content)
    code, _, err = run(capsys, "list", "--db", str(bad))
    assert code == 1 and "not a gazette store" in err
    assert bad.read_bytes() == content


def test_default_store_comes_from_the_environment(capsys, tmp_path: Path, fixture_sample: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GAZETTE_DB", str(tmp_path / "home.db"))
    assert run(capsys, "sample")[0] == 0
    assert "2025-3" in run(capsys, "list")[1]
    assert (tmp_path / "home.db").exists()


def test_main_py_end_to_end_with_the_real_sample(tmp_path: Path) -> None:
    db = str(tmp_path / "g.db")
    env_run = [sys.executable, str(ROOT / "main.py")]

    def call(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*env_run, *argv], capture_output=True, text=True, cwd=tmp_path, timeout=120)

    assert call("sample", "--db", db).returncode == 0
    second = call("sample", "--db", db)
    assert second.returncode == 0 and "nothing changed" in second.stdout
    listed = call("list", "--db", db)
    assert listed.returncode == 0
    assert listed.stdout.split()[:4] == ["2025-3", "154", "2025-04-06", "draft"]
    exported = tmp_path / "e.xml"
    assert call("export", "--issue", "2025-3", "-o", str(exported), "--db", db).returncode == 0
    refused = call("import-issue", str(exported), "--db", db)
    assert refused.returncode == 1 and "already in the store" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert call("import-issue", str(exported), "--db", str(tmp_path / "other.db")).returncode == 0
    usage = call("export", "--issue", "three", "-o", "x.xml", "--db", db)
    assert usage.returncode == 2


def test_refused_archive_creates_no_store(tmp_path) -> None:
    from editor.cli import main

    bad = tmp_path / "bad.xml"
    bad.write_text("<gazette-archive format='gazette-archive' version='99'/>", encoding="utf-8")
    db = tmp_path / "new.db"
    assert main(["import-issue", str(bad), "--db", str(db)]) == 1
    assert not db.exists()
