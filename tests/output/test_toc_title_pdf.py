"""A document's contents entry (toc_title): the contents page and the bookmark show it, the
document's own page keeps its title."""

from __future__ import annotations

import re
import unicodedata

import pdfplumber
from pypdf import PdfReader

from editor.model import ChronicleEntry, Document, Section
from tests.output import material

TITLE = "测试市政务大事记"
ENTRY = "2025年4月1日至2025年4月30日测试市政务大事记"


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _issue():
    notice = Document(title="测试市人民政府关于开展政务服务标准化建设的通知", issuers=["测试市人民政府"],
                      body=material.body_paragraphs(3))
    chronicle = Document(title=TITLE, kind="大事记", subtitle="2025年4月1日—4月30日", toc_title=ENTRY,
                         body=[ChronicleEntry("4月1日", "，市政府召开常务会议。"),
                               ChronicleEntry("4月2日", "，市长调研政务服务工作。")])
    return material.publication(), material.issue([Section("市政府文件", [notice]),
                                                    Section("大事记栏", [chronicle])])


def test_contents_and_bookmark_show_the_entry_and_the_page_the_title(tmp_path):
    from editor.render.build import build_pdf

    pub, issue = _issue()
    chronicle = issue.sections[1].documents[0]
    res = build_pdf(pub, issue, tmp_path / "entry.pdf", mode="web", deterministic=True)
    with pdfplumber.open(str(res.path)) as pdf:
        texts = [_norm(p.extract_text() or "") for p in pdf.pages]
    contents = [t for t in texts[:6] if t.startswith("目录")]
    assert len(contents) == 1
    page_no = res.document_pages[chronicle.uid]
    # the entry line reads "entry……page"; the page title is not listed as a document
    assert re.search(re.escape(ENTRY) + r"[.．·…]+" + str(page_no), contents[0])
    assert TITLE not in contents[0].replace(ENTRY, "")
    # the other document, without toc_title, is listed by its title
    assert "测试市人民政府关于开展政务服务标准化建设的通知" in contents[0]
    # the document's page keeps its title and subtitle, not the contents entry
    own = texts[res.document_pdf_index[chronicle.uid]]
    assert TITLE in own and "2025年4月1日—4月30日" in own and ENTRY not in own

    reader = PdfReader(str(res.path))
    marks = {}

    def walk(items):
        for it in items:
            if isinstance(it, list):
                walk(it)
            else:
                marks[it.title] = reader.get_destination_page_number(it)
    walk(reader.outline)
    assert marks.get(ENTRY) == res.document_pdf_index[chronicle.uid]
    assert TITLE not in marks


def test_empty_entry_means_the_title(tmp_path):
    from editor.render.build import build_pdf

    pub, issue = _issue()
    chronicle = issue.sections[1].documents[0]
    chronicle.toc_title = ""
    res = build_pdf(pub, issue, tmp_path / "plain.pdf", mode="web", deterministic=True)
    marks = [it.title for it in PdfReader(str(res.path)).outline if not isinstance(it, list)]
    nested = [it.title for grp in PdfReader(str(res.path)).outline if isinstance(grp, list) for it in grp
              if not isinstance(it, list)]
    assert TITLE in nested and ENTRY not in nested + marks
    with pdfplumber.open(str(res.path)) as pdf:
        contents = next(_norm(p.extract_text() or "") for p in pdf.pages[:6]
                        if _norm(p.extract_text() or "").startswith("目录"))
    assert TITLE in contents and ENTRY not in contents
