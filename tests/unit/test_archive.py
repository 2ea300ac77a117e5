"""The XML archive through the store: round trips, the sample, and refused input."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from store_factories import SAMPLE_XML, archive_of, dump, make_document, make_issue, png_bytes

from editor.errors import ContentError, GazetteError, StoreError
from editor.model import IssueStatus
from editor.services import GazetteService
from editor.services import gazette as gazette_module
from editor.store import open_store


@pytest.fixture
def svc(db_path: Path) -> Iterator[GazetteService]:
    with open_store(db_path) as store:
        yield GazetteService(store)


def _round_trip(data: bytes, tmp_path: Path) -> tuple[bytes, bytes]:
    with open_store(tmp_path / "first.db") as store:
        first = GazetteService(store)
        key = first.import_issue(data).key
        once = first.export_issue(key)
    with open_store(tmp_path / "second.db") as store:
        second = GazetteService(store)
        second.import_issue(once)
        twice = second.export_issue(key)
    return once, twice


def test_export_import_export_gives_the_same_bytes(tmp_path: Path) -> None:
    data = archive_of()
    once, twice = _round_trip(data, tmp_path)
    assert once == twice
    assert once == data  # the store loses nothing the archive holds


def test_issue_built_through_the_services_round_trips(svc: GazetteService, tmp_path: Path) -> None:
    svc.create_issue(2025, 7, 158, date(2025, 8, 6))
    svc.add_section("2025-7", "政府文件")
    ref = svc.add_image("2025-7", png_bytes((1, 2, 3)))
    doc = svc.add_document("2025-7", "政府文件", make_document())
    doc.body[0].text = f"见图（{ref[:6]}）。"
    svc.save_document(doc)
    svc.set_status("2025-7", IssueStatus.PROOF)
    once, twice = _round_trip(svc.export_issue("2025-7"), tmp_path)
    assert once == twice == svc.export_issue("2025-7")
    assert b'status="proof"' in once


def test_sample_issue_round_trips(tmp_path: Path) -> None:
    once, twice = _round_trip(SAMPLE_XML.read_bytes(), tmp_path)
    assert once == twice


def test_imported_issue_equals_the_archived_one(svc: GazetteService) -> None:
    issue = make_issue()
    stored = svc.import_issue(archive_of(issue))
    assert stored == issue == svc.load_issue("2025-3")
    assert svc.publication().title == "包头市人民政府公报"


def test_import_keeps_the_stored_publication(svc: GazetteService) -> None:
    pub = svc.publication()
    pub.title = "某市人民政府公报"
    svc.save_publication(pub)
    svc.import_issue(archive_of())
    assert svc.publication().title == "某市人民政府公报"


def test_final_status_is_imported(svc: GazetteService) -> None:
    issue = make_issue()
    issue.status = IssueStatus.FINAL
    assert svc.import_issue(archive_of(issue)).status == IssueStatus.FINAL


# --- the sample -----------------------------------------------------------------------------


def test_install_sample_is_idempotent(svc: GazetteService, db_path: Path, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    sample = tmp_path / "sample.xml"
    sample.write_bytes(archive_of())
    monkeypatch.setattr(gazette_module, "SAMPLE_PATH", sample)
    assert svc.install_sample() is True
    before = dump(db_path)
    events: list[object] = []
    svc.subscribe(events.append)
    assert svc.install_sample() is False
    assert dump(db_path) == before and events == []


def test_missing_sample_file_is_a_plain_error(svc: GazetteService, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gazette_module, "SAMPLE_PATH", tmp_path / "gone.xml")
    with pytest.raises(StoreError, match="sample issue cannot be read"):
        svc.install_sample()


def test_real_sample_installs_once(svc: GazetteService) -> None:
    assert svc.install_sample() is True
    assert svc.install_sample() is False
    (summary,) = svc.list_issues()
    assert (summary.key, summary.cumulative, summary.pub_date) == ("2025-3", 154, date(2025, 4, 6))


# --- refused input --------------------------------------------------------------------------

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<gazette-archive format="gazette-archive" version="1"><publication><title>&lol9;</title>
</publication></gazette-archive>
"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE a [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<gazette-archive format="gazette-archive" version="1"><publication><title>&xxe;</title>
</publication></gazette-archive>
"""


def _variants() -> list[tuple[str, bytes, str]]:
    good = archive_of(make_issue(2025, 4))
    return [
        ("malformed XML", good[: len(good) // 2], "not well-formed XML"),
        ("billion laughs", BILLION_LAUGHS, "document type or entities"),
        ("external entity", EXTERNAL_ENTITY, "document type or entities"),
        ("body violating the schema", good.replace(b"<note>", b"<blink>", 1).replace(b"</note>", b"</blink>", 1),
         "does not follow the body format"),
        ("table with broken spans", good.replace(b'rowspan="2"', b'rowspan="9"', 1), "spans past the last row"),
        ("other schema version", good.replace(b'version="1"', b'version="2"', 1), "schema version 2"),
        ("not an archive", b"<html><body>hello</body></html>", "not a gazette archive"),
        ("random bytes", bytes(range(256)) * 4, "not well-formed XML"),
        ("empty file", b"", "not well-formed XML|empty"),
        ("existing issue", archive_of(make_issue(2025, 3)), "already in the store"),
    ]


@pytest.mark.parametrize(("label", "data", "words"), _variants(), ids=[v[0] for v in _variants()])
def test_bad_archive_is_refused_and_the_store_unchanged(
    svc: GazetteService, db_path: Path, label: str, data: bytes, words: str
) -> None:
    svc.import_issue(archive_of(make_issue(2025, 3)))
    before = dump(db_path)
    with pytest.raises(GazetteError, match=words) as err:
        svc.import_issue(data)
    assert isinstance(err.value, (ContentError, StoreError))
    assert "Traceback" not in str(err.value)
    assert dump(db_path) == before


def test_import_is_all_or_nothing(svc: GazetteService, db_path: Path) -> None:
    svc.import_issue(archive_of(make_issue(2025, 3)))
    before = dump(db_path)
    # issue 2025-4 whose last document has the id of one already stored in 2025-3
    clash = make_issue(2025, 4)
    stored_uid = svc.load_issue("2025-3").sections[1].documents[0].uid
    clash.sections[1].documents[0].uid = stored_uid
    with pytest.raises(StoreError, match="already stored in issue 2025-3"):
        svc.import_issue(archive_of(clash))
    assert dump(db_path) == before
    assert [s.key for s in svc.list_issues()] == ["2025-3"]
