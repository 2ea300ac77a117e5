"""The field declaration drives every serialiser: each declared field appears in the archive,
the store rows and the JSON form of a document that sets every field, and a field declared at
test time round-trips through all of them with nothing more than (for the store) a migration."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from lxml import etree
from store_factories import archive_of

from editor.content.archive import issue_from_xml, issue_to_xml
from editor.errors import ContentError
from editor.importers import ParseResult
from editor.importers.jsonform import keys_help, result_to_dict
from editor.model import Issue, Publication, Section
from editor.model.fields import ATTACHMENT_FIELDS, DOCUMENT_FIELDS
from editor.services import GazetteService
from editor.store import migrations, open_store
from editor.store.models import DocumentRow, RevisionRow, add_content_columns, content_fields
from editor.store.repository import content_values, document_from_content
from tests.field_factories import FILE_REF, declare_extra_fields, extended_fields, full_document  # noqa: F401
from tests.paths import ROOT

TS = ROOT / "resources" / "translations" / "gazette_zh_CN.ts"


def _issue_with(doc) -> Issue:
    return Issue(2025, 3, 154, date(2025, 4, 6), sections=[Section("市政府文件", [doc])])


def _document_element(data: bytes) -> etree._Element:
    return etree.fromstring(data).find("issue/section/document")


def _assert_fields_in_element(el: etree._Element, obj: object, fields) -> None:
    for spec in fields:
        value = getattr(obj, spec.name)
        if spec.xml_attribute:
            assert el.get(spec.xml_name) == value, spec.name
        else:
            texts = [c.text for c in el.findall(spec.xml_name)]
            assert texts == spec.codec.to_texts(value) and texts, spec.name


# --- every declared field in every serialiser ------------------------------------------------


def test_every_declared_field_is_written_to_the_archive_and_read_back() -> None:
    doc = full_document()
    data = issue_to_xml(Publication("公报"), _issue_with(doc))
    el = _document_element(data)
    _assert_fields_in_element(el, doc, DOCUMENT_FIELDS)
    _assert_fields_in_element(el.find("attachment"), doc.attachments[0], ATTACHMENT_FIELDS)
    # elements in declaration order, before the body
    tags = [c.tag for c in el]
    declared = [s.xml_name for s in DOCUMENT_FIELDS if not s.xml_attribute]
    assert [t for t in dict.fromkeys(tags) if t in declared] == declared
    assert tags.index("body") > max(tags.index(t) for t in declared)
    assert issue_from_xml(data)[1].sections[0].documents[0] == doc


def test_every_declared_field_has_a_column_and_round_trips_through_the_rows() -> None:
    doc = full_document()
    values = content_values(doc)
    assert set(DOCUMENT_FIELDS.names()) <= set(values)
    for name in content_fields():
        assert name in DocumentRow._meta.fields and name in RevisionRow._meta.fields
    assert document_from_content(SimpleNamespace(**values), doc.uid) == doc


def test_every_declared_field_round_trips_through_a_store_and_its_revisions(db_path: Path) -> None:
    doc = full_document()
    with open_store(db_path) as store:
        svc = GazetteService(store)
        svc.import_issue(archive_of())
        added = svc.add_document("2025-3", svc.load_issue("2025-3").sections[0].name, doc)
        assert svc.load_document(added.uid)[0] == doc
        changed = full_document(uid=added.uid)
        changed.title = "改后的标题"
        svc.save_document(changed)
        assert svc.load_revision(added.uid, 1) == doc


def test_every_declared_field_with_a_json_key_is_in_the_json_form() -> None:
    doc = full_document()
    got = result_to_dict(ParseResult(doc))
    for spec in DOCUMENT_FIELDS:
        if spec.json_name:
            assert got[spec.json_name] == spec.codec.to_plain(getattr(doc, spec.name)), spec.name
            assert spec.json_name in keys_help()
    for spec in ATTACHMENT_FIELDS:
        assert got["attachments"][0][spec.json_name] == getattr(doc.attachments[0], spec.name)
    assert got["issuer"] == "、".join(doc.issuers) and got["date"] == doc.signing_date.isoformat()
    assert "toc_title" not in got  # declared without a JSON key: the importers never set it


def test_the_archive_names_the_field_and_line_of_a_bad_date() -> None:
    data = issue_to_xml(Publication("公报"), _issue_with(full_document()))
    bad = data.replace(b"<signing-date>2025-03-09</signing-date>", b"<signing-date>2025-13-09</signing-date>")
    assert bad != data
    with pytest.raises(ContentError, match=r"archive, line \d+: the signing date '2025-13-09' is not a date"):
        issue_from_xml(bad)


def test_every_label_placeholder_tooltip_and_message_of_the_form_is_translated() -> None:
    root = etree.parse(str(TS)).getroot()
    context = next(c for c in root.findall("context") if c.findtext("name") == "DocumentForm")
    translated = {m.findtext("source") for m in context.findall("message") if (m.findtext("translation") or "")}
    texts = set()
    for spec in DOCUMENT_FIELDS:
        texts |= {spec.label, spec.tooltip}
        if any("a" <= ch.lower() <= "z" for ch in spec.placeholder):
            texts.add(spec.placeholder)
    texts |= {spec.problem("", date(2024, 1, 1)) for spec in DOCUMENT_FIELDS}
    texts |= {DOCUMENT_FIELDS.spec("doc_number").problem("包府发〔2025〕1号", date(2024, 1, 1)),
              DOCUMENT_FIELDS.spec("doc_number").problem("包府发2025", None),
              DOCUMENT_FIELDS.spec("addressees").problem("各部门", None),
              DOCUMENT_FIELDS.spec("signing_date").problem(date(2025, 1, 1), date(2024, 1, 1))}
    texts -= {"", None}
    assert texts - translated == set()


# --- a field declared at test time ------------------------------------------------------------


@pytest.mark.usefixtures("extended_fields")
def test_a_declared_field_round_trips_through_the_archive_and_the_json_form() -> None:
    doc = full_document()
    assert doc.file_ref == "file_ref之值" and doc.attachments[0].received is not None
    data = issue_to_xml(Publication("公报"), _issue_with(doc))
    el = _document_element(data)
    assert el.findtext("file-ref") == doc.file_ref
    assert el.find("attachment/received").text == doc.attachments[0].received.isoformat()
    back = issue_from_xml(data)[1].sections[0].documents[0]
    assert back == doc and back.file_ref == doc.file_ref
    assert back.attachments[0].received == doc.attachments[0].received
    got = result_to_dict(ParseResult(doc))
    assert got["file_ref"] == doc.file_ref
    assert got["attachments"][0]["received"] == doc.attachments[0].received.isoformat()
    assert "file_ref" in keys_help()


def _add_file_ref_column(db) -> None:
    """The migration step the new field needs: its column on both content tables."""
    for table in ("document", "revision"):
        db.execute_sql(f"""ALTER TABLE "{table}" ADD COLUMN "file_ref" TEXT NOT NULL DEFAULT ''""")


@pytest.fixture
def declare_file_ref(monkeypatch: pytest.MonkeyPatch):
    """A function that declares ``file_ref`` (and the attachments' ``received``) when called,
    with the migration step of ``file_ref``; the row classes get its column as models.py gives
    one to every declared field."""
    added = []

    def declare() -> None:
        declare_extra_fields(monkeypatch)
        add_content_columns(FILE_REF)
        added.append(FILE_REF.name)
        step = migrations.CURRENT_VERSION + 1
        monkeypatch.setattr(migrations, "STEPS", {**migrations.STEPS, step: _add_file_ref_column})
        monkeypatch.setattr(migrations, "CURRENT_VERSION", step)

    yield declare
    for name in added:
        for model in (DocumentRow, RevisionRow):
            model._meta.remove_field(name)


def test_a_declared_field_needs_only_a_migration_to_be_stored(tmp_path: Path, declare_file_ref) -> None:
    old = tmp_path / "old.db"
    with open_store(old) as store:  # a store made before the field was declared
        svc = GazetteService(store)
        uid = svc.import_issue(archive_of()).documents()[0].uid
    declare_file_ref()
    with open_store(old) as store:  # upgraded by the step
        svc = GazetteService(store)
        doc, _version = svc.load_document(uid)
        assert doc.file_ref == "" and doc.attachments[0].received is None
        doc.file_ref = "2025-永久-0012"
        doc.attachments[0].received = date(2025, 3, 20)  # kept in the attachments' XML: no column
        svc.save_document(doc)
        doc.file_ref = "2025-永久-0013"
        svc.save_document(doc)
        again = svc.load_document(uid)[0]
        assert (again.file_ref, again.attachments[0].received) == ("2025-永久-0013", date(2025, 3, 20))
        assert svc.load_revision(uid, 2).file_ref == "2025-永久-0012"
        data = svc.export_issue("2025-3")
    assert "<file-ref>2025-永久-0013</file-ref>" in data.decode("utf-8")
    with open_store(tmp_path / "new.db") as store:  # a new store: the column from the declaration
        svc = GazetteService(store)
        svc.import_issue(data)
        assert svc.load_document(uid)[0].file_ref == "2025-永久-0013"
        assert svc.export_issue("2025-3") == data
