"""Every save keeps the previous version; revisions can be listed, loaded and restored."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from store_factories import make_document

from editor.errors import NotFoundError, ReadOnlyError
from editor.model import Attachment, IssueStatus, Paragraph
from editor.services import Change, GazetteService
from editor.store import open_store

KEY = "2025-3"


@pytest.fixture
def svc(db_path: Path) -> Iterator[GazetteService]:
    with open_store(db_path) as store:
        service = GazetteService(store)
        service.create_issue(2025, 3, 154, date(2025, 4, 6))
        service.add_section(KEY, "政府文件")
        yield service


def _three_versions(svc: GazetteService) -> str:
    doc = svc.add_document(KEY, "政府文件", make_document("第一稿"))
    doc.title = "第二稿"
    doc.body.append(Paragraph("第二稿加的一段。"))
    assert svc.save_document(doc, 1) == 2
    doc.title = "第三稿"
    doc.attachments.append(Attachment("附件2", "新附件", [Paragraph("附件内容。")]))
    assert svc.save_document(doc, 2) == 3
    return doc.uid


def test_every_save_keeps_the_previous_version(svc: GazetteService) -> None:
    uid = _three_versions(svc)
    revs = svc.revisions(uid)
    assert [(r.number, r.title) for r in revs] == [(2, "第二稿"), (1, "第一稿")]
    now = datetime.now(UTC)
    assert all(abs((now - r.saved_at).total_seconds()) < 120 for r in revs)
    assert revs[0].saved_at >= revs[1].saved_at
    first = svc.load_revision(uid, 1)
    assert first == make_document("第一稿", uid=uid)
    second = svc.load_revision(uid, 2)
    assert second.body[-1] == Paragraph("第二稿加的一段。") and len(second.attachments) == 2
    current, version = svc.load_document(uid)
    assert version == 3 and svc.load_revision(uid, 3) == current


def test_saving_unchanged_content_makes_no_revision(svc: GazetteService) -> None:
    doc = svc.add_document(KEY, "政府文件", make_document())
    assert svc.save_document(doc, 1) == 1
    assert svc.revisions(doc.uid) == []


def test_restore_saves_the_old_version_as_a_new_one(svc: GazetteService) -> None:
    uid = _three_versions(svc)
    events: list[Change] = []
    svc.subscribe(events.append)
    assert svc.restore_revision(uid, 1) == 4
    assert events == [Change("document", KEY, uid)]
    doc, version = svc.load_document(uid)
    assert version == 4 and doc == make_document("第一稿", uid=uid)
    # nothing is lost: the version replaced by the restore is a revision too
    assert [r.number for r in svc.revisions(uid)] == [3, 2, 1]
    assert svc.load_revision(uid, 3).title == "第三稿"
    assert [h[0] for h in svc.search("第一稿")] == [uid]
    assert svc.search("附件内容") == []


def test_restoring_the_current_content_changes_nothing(svc: GazetteService) -> None:
    uid = _three_versions(svc)
    assert svc.restore_revision(uid, 3) == 3
    assert len(svc.revisions(uid)) == 2


def test_unknown_revision_and_document(svc: GazetteService) -> None:
    uid = _three_versions(svc)
    with pytest.raises(NotFoundError, match="no kept version 9"):
        svc.load_revision(uid, 9)
    with pytest.raises(NotFoundError):
        svc.restore_revision(uid, 9)
    with pytest.raises(NotFoundError):
        svc.revisions("no-such-uid")


def test_restore_on_a_final_issue_is_refused(svc: GazetteService) -> None:
    uid = _three_versions(svc)
    svc.set_status(KEY, IssueStatus.FINAL)
    with pytest.raises(ReadOnlyError):
        svc.restore_revision(uid, 1)
    assert svc.load_document(uid)[1] == 3
    assert len(svc.revisions(uid)) == 2  # reading revisions of a final issue is fine


def test_revisions_survive_reopening_the_store(db_path: Path) -> None:
    with open_store(db_path) as store:
        svc = GazetteService(store)
        svc.create_issue(2025, 3, 154, date(2025, 4, 6))
        svc.add_section(KEY, "政府文件")
        uid = _three_versions(svc)
    with open_store(db_path) as store:
        assert [r.number for r in GazetteService(store).revisions(uid)] == [2, 1]
