"""GazetteService: issues, sections, documents, validation, conflicts, events, search, images."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from store_factories import dump, make_document, png_bytes

from editor.errors import ConflictError, ContentError, NotFoundError, ReadOnlyError, StoreError
from editor.model import Heading, IssueStatus, Paragraph, Table, TableCell
from editor.services import Change, GazetteService
from editor.store import open_store

KEY = "2025-3"


@pytest.fixture
def svc(db_path: Path) -> Iterator[GazetteService]:
    """A service on a fresh store holding issue 2025-3 with two empty sections."""
    with open_store(db_path) as store:
        service = GazetteService(store)
        service.create_issue(2025, 3, 154, date(2025, 4, 6))
        service.add_section(KEY, "政府文件")
        service.add_section(KEY, "政务信息")
        yield service


def _titles(svc: GazetteService, key: str = KEY) -> dict[str, list[str]]:
    return {s.name: [d.title for d in s.documents] for s in svc.load_issue(key).sections}


# --- issues ------------------------------------------------------------------------------


def test_create_issue_defaults_follow_the_last_issue(db_path: Path) -> None:
    this_year = date.today().year
    with open_store(db_path) as store:
        svc = GazetteService(store)
        first = svc.next_issue_defaults()
        assert (first.year, first.number, first.cumulative, first.pub_date) == (this_year, 1, 1, date.today())
        assert svc.list_issues() == []  # defaults are not stored
        svc.create_issue(this_year - 1, 12, 120, date(this_year - 1, 12, 28))
        nxt = svc.next_issue_defaults()
        assert (nxt.year, nxt.number, nxt.cumulative) == (this_year, 1, 121)  # a new year starts at 1
        made = svc.create_issue()
        assert (made.year, made.number, made.cumulative, made.status) == (this_year, 1, 121, IssueStatus.DRAFT)
        assert (svc.next_issue_defaults().number, svc.next_issue_defaults().cumulative) == (2, 122)
        later = svc.create_issue(year=this_year - 1)
        assert (later.number, later.cumulative) == (13, 122)


def test_create_existing_issue_is_refused(svc: GazetteService) -> None:
    with pytest.raises(StoreError, match="2025-3 already exists"):
        svc.create_issue(2025, 3)


def test_list_issues_in_order_with_counts(svc: GazetteService) -> None:
    svc.create_issue(2024, 12, 151, date(2024, 12, 30))
    svc.create_issue(2025, 10, 161, date(2025, 11, 6))
    svc.add_document(KEY, "政府文件", make_document())
    svc.add_document(KEY, "政务信息", make_document("大事记"))
    got = [(s.key, s.cumulative, s.pub_date, s.status, s.document_count) for s in svc.list_issues()]
    assert got == [
        ("2024-12", 151, date(2024, 12, 30), IssueStatus.DRAFT, 0),
        ("2025-3", 154, date(2025, 4, 6), IssueStatus.DRAFT, 2),
        ("2025-10", 161, date(2025, 11, 6), IssueStatus.DRAFT, 0),
    ]


def test_update_issue_renames_and_refuses_collisions(svc: GazetteService) -> None:
    doc = svc.add_document(KEY, "政府文件", make_document())
    svc.create_issue(2025, 4, 155, date(2025, 5, 6))
    with pytest.raises(StoreError, match="2025-4 already exists"):
        svc.update_issue(KEY, number=4)
    moved = svc.update_issue(KEY, number=5, cumulative=156, pub_date=date(2025, 6, 1))
    assert (moved.key, moved.cumulative, moved.pub_date) == ("2025-5", 156, date(2025, 6, 1))
    assert svc.document_location(doc.uid) == ("2025-5", "政府文件", 0)
    with pytest.raises(NotFoundError):
        svc.load_issue(KEY)


@pytest.mark.parametrize("bad", ["2025", "2025-", "abc", "2025-3-1", ""])
def test_malformed_issue_key_is_not_found(svc: GazetteService, bad: str) -> None:
    with pytest.raises(NotFoundError, match="YEAR-NUMBER"):
        svc.load_issue(bad)


def test_delete_issue_removes_everything_below_it(svc: GazetteService, db_path: Path) -> None:
    doc = svc.add_document(KEY, "政府文件", make_document())
    doc.body.append(Paragraph("再改一次。"))
    svc.save_document(doc)
    svc.add_image(KEY, png_bytes())
    svc.delete_issue(KEY)
    assert svc.list_issues() == []
    rows = "\n".join(dump(db_path))
    for table in ("section", "document", "revision", "image", "issue"):
        assert f'INSERT INTO "{table}"' not in rows


# --- status ----------------------------------------------------------------------------------


def test_final_issue_is_read_only_until_reopened(svc: GazetteService, db_path: Path) -> None:
    doc = svc.add_document(KEY, "政府文件", make_document())
    svc.add_document(KEY, "政府文件", make_document("第二件", kind="通知"))
    doc.title = "改过的标题"
    version = svc.save_document(doc)
    svc.set_status(KEY, IssueStatus.FINAL)
    before = dump(db_path)
    attempts = [
        lambda: svc.save_document(doc, version),
        lambda: svc.add_document(KEY, "政府文件", make_document("新的")),
        lambda: svc.delete_document(doc.uid),
        lambda: svc.move_document(doc.uid, "政务信息", 0),
        lambda: svc.add_section(KEY, "新栏目"),
        lambda: svc.rename_section(KEY, "政府文件", "文件"),
        lambda: svc.remove_section(KEY, "政务信息"),
        lambda: svc.move_section(KEY, "政务信息", 0),
        lambda: svc.update_issue(KEY, cumulative=999),
        lambda: svc.delete_issue(KEY),
        lambda: svc.add_image(KEY, png_bytes()),
        lambda: svc.restore_revision(doc.uid, 1),
    ]
    for attempt in attempts:
        with pytest.raises(ReadOnlyError, match="final"):
            attempt()
    assert dump(db_path) == before
    svc.set_status(KEY, "proof")
    assert svc.save_document(doc, version) == version  # unchanged content: same version
    doc.title = "再改"
    assert svc.save_document(doc, version) == version + 1


def test_unknown_status_is_refused(svc: GazetteService) -> None:
    with pytest.raises(StoreError, match="unknown issue status"):
        svc.set_status(KEY, "printed")


# --- sections ------------------------------------------------------------------------------


def _sections(svc: GazetteService) -> list[str]:
    return [s.name for s in svc.load_issue(KEY).sections]


def test_sections_add_rename_move_remove(svc: GazetteService) -> None:
    svc.add_section(KEY, "  公告  ", index=0)
    assert _sections(svc) == ["公告", "政府文件", "政务信息"]
    with pytest.raises(StoreError, match="already has a section"):
        svc.add_section(KEY, "公告")
    with pytest.raises(StoreError, match="needs a name"):
        svc.add_section(KEY, "   ")
    svc.rename_section(KEY, "公告", "通告")
    with pytest.raises(StoreError, match="already has a section"):
        svc.rename_section(KEY, "通告", "政府文件")
    with pytest.raises(NotFoundError, match="no section"):
        svc.rename_section(KEY, "不存在", "x")
    svc.move_section(KEY, "通告", 99)
    assert _sections(svc) == ["政府文件", "政务信息", "通告"]
    svc.move_section(KEY, "政务信息", 0)
    assert _sections(svc) == ["政务信息", "政府文件", "通告"]
    svc.remove_section(KEY, "通告")
    assert _sections(svc) == ["政务信息", "政府文件"]


def test_section_with_documents_needs_force(svc: GazetteService) -> None:
    doc = svc.add_document(KEY, "政府文件", make_document())
    with pytest.raises(StoreError, match="holds 1 document"):
        svc.remove_section(KEY, "政府文件")
    assert svc.load_document(doc.uid)[1] == 1
    svc.remove_section(KEY, "政府文件", force=True)
    assert _sections(svc) == ["政务信息"]
    with pytest.raises(NotFoundError):
        svc.load_document(doc.uid)


# --- documents -----------------------------------------------------------------------------


def test_add_move_delete_documents(svc: GazetteService) -> None:
    a = svc.add_document(KEY, "政府文件", make_document("甲"))
    b = svc.add_document(KEY, "政府文件", make_document("乙"))
    c = svc.add_document(KEY, "政府文件", make_document("丙"), index=0)
    assert _titles(svc) == {"政府文件": ["丙", "甲", "乙"], "政务信息": []}
    svc.move_document(c.uid, "政府文件", 2)
    assert _titles(svc)["政府文件"] == ["甲", "乙", "丙"]
    svc.move_document(a.uid, "政务信息", 0)
    assert _titles(svc) == {"政府文件": ["乙", "丙"], "政务信息": ["甲"]}
    assert svc.document_location(c.uid) == (KEY, "政府文件", 1)
    assert svc.document_location(a.uid) == (KEY, "政务信息", 0)
    svc.delete_document(b.uid)
    assert _titles(svc)["政府文件"] == ["丙"]
    assert svc.document_location(c.uid) == (KEY, "政府文件", 0)
    with pytest.raises(NotFoundError):
        svc.document_location(b.uid)
    with pytest.raises(NotFoundError, match="no section"):
        svc.move_document(c.uid, "不存在", 0)


def test_same_uid_twice_is_refused(svc: GazetteService) -> None:
    doc = svc.add_document(KEY, "政府文件", make_document())
    with pytest.raises(StoreError, match="already stored"):
        svc.add_document(KEY, "政务信息", make_document(uid=doc.uid))


def test_load_document_returns_version(svc: GazetteService) -> None:
    doc = make_document()
    stored = svc.add_document(KEY, "政府文件", doc)
    assert stored == doc
    assert svc.load_document(doc.uid) == (doc, 1)
    with pytest.raises(NotFoundError):
        svc.load_document("nope")


# --- validation ------------------------------------------------------------------------------


def _bad_bodies() -> list[tuple[str, list, str]]:
    return [
        ("heading level 7", [Heading(7, "七、不存在的层级")], "does not follow the body format"),
        ("bad alignment", [Paragraph("文字", align="diagonal")], "does not follow the body format"),
        (
            "overlapping spans",
            [Table(rows=[[TableCell("a", rowspan=2), TableCell("b")], [TableCell("c", colspan=2)]])],
            "row 2",
        ),
        ("control character", [Paragraph("bell\x07")], "cannot be stored"),
    ]


@pytest.mark.parametrize(("label", "body", "words"), _bad_bodies(), ids=[b[0] for b in _bad_bodies()])
def test_invalid_body_is_refused_with_where_and_why(
    svc: GazetteService, db_path: Path, label: str, body: list, words: str
) -> None:
    doc = svc.add_document(KEY, "政府文件", make_document())
    before = dump(db_path)
    bad = make_document(uid=doc.uid)
    bad.body = body
    with pytest.raises(ContentError, match=words) as err:
        svc.save_document(bad, 1)
    assert "«包头市人民政府关于加强节水工作的通知»" in str(err.value)  # which document
    with pytest.raises(ContentError):
        svc.add_document(KEY, "政府文件", make_document("另一件", body=body))
    assert dump(db_path) == before


def test_invalid_attachment_body_names_the_attachment(svc: GazetteService) -> None:
    doc = svc.add_document(KEY, "政府文件", make_document())
    doc.attachments[1].body = [Heading(0, "零")]
    with pytest.raises(ContentError, match="attachment 附件1"):
        svc.save_document(doc)


def test_document_without_title_is_refused(svc: GazetteService) -> None:
    with pytest.raises(ContentError, match="title"):
        svc.add_document(KEY, "政府文件", make_document(" "))


# --- optimistic concurrency ------------------------------------------------------------------


def test_second_stale_save_conflicts_and_loses_nothing(svc: GazetteService, db_path: Path) -> None:
    uid = svc.add_document(KEY, "政府文件", make_document()).uid
    with open_store(db_path) as other_store:
        other = GazetteService(other_store)
        mine, my_version = svc.load_document(uid)
        theirs, their_version = other.load_document(uid)
        assert my_version == their_version == 1
        mine.body.append(Paragraph("我的修改。"))
        assert svc.save_document(mine, my_version) == 2
        theirs.body.append(Paragraph("他们的修改。"))
        before = dump(db_path)
        with pytest.raises(ConflictError, match="nothing was overwritten"):
            other.save_document(theirs, their_version)
        assert dump(db_path) == before
        stored, version = other.load_document(uid)
        assert version == 2 and stored.body[-1] == Paragraph("我的修改。")
        # after reloading, their change goes in on top, and mine is kept as a revision
        stored.body.append(Paragraph("他们的修改。"))
        assert other.save_document(stored, version) == 3
        assert svc.load_revision(uid, 2).body[-1] == Paragraph("我的修改。")


# --- events --------------------------------------------------------------------------------


def test_changes_are_announced_after_commit(svc: GazetteService, db_path: Path) -> None:
    seen: list[tuple[Change, list[str]]] = []
    with open_store(db_path) as watcher_store:
        watcher = GazetteService(watcher_store)

        def listener(change: Change) -> None:  # a second connection sees committed data only
            seen.append((change, [s.key for s in watcher.list_issues()]))

        unsubscribe = svc.subscribe(listener)
        svc.create_issue(2025, 4, 155, date(2025, 5, 6))
        assert seen == [(Change("issues", "2025-4"), ["2025-3", "2025-4"])]
        seen.clear()
        doc = svc.add_document(KEY, "政府文件", make_document())
        assert [c for c, _ in seen] == [Change("sections", KEY, doc.uid), Change("issues", KEY)]
        seen.clear()
        doc.title = "新标题"
        svc.save_document(doc)
        assert [c for c, _ in seen] == [Change("document", KEY, doc.uid)]
        seen.clear()
        with pytest.raises(StoreError):
            svc.create_issue(2025, 4)
        svc.save_document(doc)  # nothing differs: no event
        assert seen == []
        unsubscribe()
        unsubscribe()
        svc.create_issue(2025, 5, 156, date(2025, 6, 6))
        assert seen == []


def test_a_failing_listener_does_not_undo_the_action(svc: GazetteService) -> None:
    calls: list[Change] = []

    def broken(change: Change) -> None:
        raise RuntimeError("listener bug")

    svc.subscribe(broken)
    svc.subscribe(calls.append)
    svc.set_status(KEY, IssueStatus.PROOF)
    assert svc.list_issues()[0].status == IssueStatus.PROOF
    assert Change("issue", KEY) in calls


def test_publication_events(svc: GazetteService) -> None:
    calls: list[Change] = []
    svc.subscribe(calls.append)
    pub = svc.publication()
    pub.sponsor = "包头市人民政府办公室"
    svc.save_publication(pub)
    assert calls == [Change("publication")]
    assert svc.publication().sponsor == "包头市人民政府办公室"


# --- search and images -----------------------------------------------------------------------


def test_search_finds_two_character_words(svc: GazetteService) -> None:
    water = svc.add_document(KEY, "政府文件", make_document())
    svc.create_issue(2025, 4, 155, date(2025, 5, 6))
    svc.add_section("2025-4", "政府文件")
    jobs = make_document("包头市稳就业行动方案")
    jobs.body = [Paragraph("落实就业优先政策。100%完成_目标。")]
    jobs.attachments = []
    svc.add_document("2025-4", "政府文件", jobs)
    hits = svc.search("节水")
    assert [h[0] for h in hits] == [water.uid]
    assert "节水" in hits[0][2]
    assert [h[0] for h in svc.search("就业")] == [water.uid, jobs.uid]
    assert [h[0] for h in svc.search("就业", "2025-4")] == [jobs.uid]
    assert [h[1] for h in svc.search("100%完成_")] == ["包头市稳就业行动方案"]
    assert [h[0] for h in svc.search("%")] == [jobs.uid]  # LIKE wildcards are plain characters
    assert [h[0] for h in svc.search("_")] == [jobs.uid]
    assert svc.search("不存在的词") == []
    assert svc.search("   ") == []
    # text in attachments and tables is found too
    assert [h[0] for h in svc.search("昆都仑区")] == [water.uid]


def test_search_sees_saved_changes(svc: GazetteService) -> None:
    doc = svc.add_document(KEY, "政府文件", make_document())
    assert svc.search("黄河") == []
    doc.body.append(Paragraph("保护黄河流域生态。"))
    svc.save_document(doc)
    (uid, title, snippet), = svc.search("黄河")
    assert uid == doc.uid and "保护黄河流域生态" in snippet


def test_add_image_by_sha1(svc: GazetteService) -> None:
    data = png_bytes()
    ref = svc.add_image(KEY, data)
    assert ref == hashlib.sha1(data).hexdigest()
    assert svc.add_image(KEY, data) == ref
    assert svc.load_issue(KEY).images == {ref: data}
    with pytest.raises(ContentError, match="image"):
        svc.add_image(KEY, b"not an image at all")
    with pytest.raises(ContentError, match="empty"):
        svc.add_image(KEY, b"")


def test_concurrent_editors_lose_nothing(svc: GazetteService, db_path: Path) -> None:
    """Three editors, each with its own connection, save the same document over and over,
    reloading after every conflict: every single change ends up in the document."""
    import threading

    uid = svc.add_document(KEY, "政府文件", make_document()).uid
    start_len = len(svc.load_document(uid)[0].body)
    errors: list[BaseException] = []

    def editor(name: str) -> None:
        try:
            with open_store(db_path) as store:
                mine = GazetteService(store)
                for i in range(15):
                    while True:
                        doc, version = mine.load_document(uid)
                        doc.body.append(Paragraph(f"{name}-{i}"))
                        try:
                            mine.save_document(doc, version)
                            break
                        except ConflictError:
                            continue
        except BaseException as exc:  # reported to the test thread
            errors.append(exc)

    threads = [threading.Thread(target=editor, args=(n,)) for n in ("甲", "乙", "丙")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    doc, version = svc.load_document(uid)
    added = [b.text for b in doc.body[start_len:]]
    assert sorted(added) == sorted(f"{n}-{i}" for n in ("甲", "乙", "丙") for i in range(15))
    assert version == 46 and len(svc.revisions(uid)) == 45


def test_batch_announces_changes_only_after_the_whole_batch_commits(tmp_path) -> None:
    """Changes inside a batch are held back; a batch that fails announces nothing."""
    from editor.model import Document
    from editor.services import GazetteService
    from editor.store import open_store

    with open_store(tmp_path / "batch.db") as store:
        service = GazetteService(store)
        service.create_issue(2025, 1, 100)
        service.add_section("2025-1", "市政府文件")
        heard: list = []
        service.subscribe(heard.append)
        with service.batch():
            service.add_document("2025-1", "市政府文件", Document(title="关于甲的通知"))
            assert heard == []  # nothing announced before the batch commits
        assert any(c.what == "sections" for c in heard)
        heard.clear()
        try:
            with service.batch():
                service.add_document("2025-1", "市政府文件", Document(title="关于乙的通知"))
                raise RuntimeError("second file refused")
        except RuntimeError:
            pass
        assert heard == []
        titles = [d.title for d in service.load_issue("2025-1").sections[0].documents]
        assert titles == ["关于甲的通知"]


def test_each_draft_to_proof_starts_a_new_proof_round(tmp_path) -> None:
    from editor.model import IssueStatus
    from editor.services import GazetteService
    from editor.store import open_store

    with open_store(tmp_path / "rounds.db") as store:
        service = GazetteService(store)
        service.create_issue(2025, 4, 155)
        assert service.load_issue("2025-4").proof_round == 0
        service.set_status("2025-4", IssueStatus.PROOF)
        assert service.load_issue("2025-4").proof_round == 1
        service.set_status("2025-4", IssueStatus.FINAL)  # final and reopened to proof: same round
        service.set_status("2025-4", IssueStatus.PROOF)
        assert service.load_issue("2025-4").proof_round == 1
        service.set_status("2025-4", IssueStatus.DRAFT)
        service.set_status("2025-4", IssueStatus.PROOF)
        assert service.load_issue("2025-4").proof_round == 2
