"""Composed test documents (tests/fixtures/import/NN-*.txt) against their expected fields.

Each ``.json`` beside a ``.txt`` holds what an editor would enter by hand: kind, issuer,
title, number, addressees, date, publication note, and where the document has them the
headings of the body (``headings``), the attachments (label, title) and the headings
inside them, the personnel entries, the chronicle dates, the number of tables, the
findings that must be reported and page-break debris that must be gone (``absent``).
Every one of these counts as one field; the share of
fields that come out right must be at least 95 % (printed with ``-s``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor.importers import parse_file
from editor.importers.jsonform import result_to_dict
from editor.model import ChronicleEntry, Heading, NameList, Table, block_text

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "import"
CASES = sorted(p.stem for p in FIXTURES.glob("*.txt"))
SCALARS = ("kind", "issuer", "title", "doc_number", "addressees", "date", "public_note", "subtitle")


def _headings(blocks) -> list[list]:
    return [[b.level, b.text] for b in blocks if isinstance(b, Heading)]


def score(case: str) -> tuple[int, int, list[str]]:
    """(fields right, fields checked, what was wrong) for one fixture."""
    expected = json.loads((FIXTURES / f"{case}.json").read_text(encoding="utf-8"))
    result = parse_file(FIXTURES / f"{case}.txt")
    doc = result.document
    got = result_to_dict(result)
    checks: list[tuple[str, object, object]] = []
    for key in SCALARS:
        if key in expected:
            checks.append((key, expected[key], got[key]))
    if "headings" in expected:
        exp_h = expected["headings"]
        got_h = _headings(doc.body)
        for i in range(max(len(exp_h), len(got_h))):
            checks.append((f"heading {i}", exp_h[i] if i < len(exp_h) else None, got_h[i] if i < len(got_h) else None))
    exp_a = expected.get("attachments", [])
    got_a = [[a.label, a.title] for a in doc.attachments]
    for i in range(max(len(exp_a), len(got_a))):
        checks.append((f"attachment {i}", exp_a[i] if i < len(exp_a) else None, got_a[i] if i < len(got_a) else None))
    for i, exp_hs in enumerate(expected.get("attachment_headings", [])):
        got_hs = _headings(doc.attachments[i].body) if i < len(doc.attachments) else []
        for j in range(max(len(exp_hs), len(got_hs))):
            checks.append((f"attachment {i} heading {j}", exp_hs[j] if j < len(exp_hs) else None,
                           got_hs[j] if j < len(got_hs) else None))
    if "names" in expected:
        got_n = [[e.name, e.duty] for b in doc.body if isinstance(b, NameList) for e in b.entries]
        for i in range(max(len(expected["names"]), len(got_n))):
            checks.append((f"name {i}", expected["names"][i] if i < len(expected["names"]) else None,
                           got_n[i] if i < len(got_n) else None))
    if "chronicle" in expected:
        got_c = [b.date for b in doc.body if isinstance(b, ChronicleEntry)]
        for i in range(max(len(expected["chronicle"]), len(got_c))):
            checks.append((f"chronicle {i}", expected["chronicle"][i] if i < len(expected["chronicle"]) else None,
                           got_c[i] if i < len(got_c) else None))
    if "tables" in expected:
        n_tables = sum(isinstance(b, Table) for b in doc.body) + sum(
            isinstance(b, Table) for a in doc.attachments for b in a.body)
        checks.append(("tables", expected["tables"], n_tables))
    if "absent" in expected:  # page-break debris that must not survive anywhere in the text
        text = "\n".join(block_text(b) for b in doc.body + [x for a in doc.attachments for x in a.body])
        for debris in expected["absent"]:
            checks.append((f"absent {debris}", False, debris in text))
    codes = {f.code for f in result.findings}
    for code in expected.get("findings", []):
        checks.append((f"finding {code}", True, code in codes))
    wrong = [f"{case}: {name}: expected {exp!r}, got {got_v!r}" for name, exp, got_v in checks if exp != got_v]
    return len(checks) - len(wrong), len(checks), wrong


def test_there_are_enough_documents():
    assert len(CASES) >= 20


def test_share_of_fields_right():
    right = total = 0
    wrong: list[str] = []
    for case in CASES:
        r, t, w = score(case)
        right += r
        total += t
        wrong += w
    share = right / total
    print(f"\nimport corpus: {right}/{total} fields right = {share:.1%} over {len(CASES)} documents")
    for line in wrong:
        print("  ", line)
    assert share >= 0.95, "\n".join(wrong)


@pytest.mark.parametrize("case", CASES)
def test_core_fields(case):
    """Title, kind and date are the fields editors rely on most: each must be right."""
    expected = json.loads((FIXTURES / f"{case}.json").read_text(encoding="utf-8"))
    got = result_to_dict(parse_file(FIXTURES / f"{case}.txt"))
    assert (got["title"], got["kind"], got["date"]) == (expected["title"], expected["kind"], expected["date"])
