"""The sample issue under resources/sample: its structure, and that it holds the whole seed issue.

The completeness check cleans the seed text on its own (running heads, blank lines, the cover
and contents, the table rows) rather than reusing the generator, so a slip in the generator
cannot hide itself.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

import pytest
from lxml import etree

from editor.content.archive import issue_from_xml, issue_to_xml
from editor.model import ChronicleEntry, Heading, Issue, NameList, Paragraph, Publication, Table
from tests.paths import SAMPLE_XML, SEED

RUNNING_HEADS = {"市政府文件", "市政府办公室文件", "政府大事记"}
# Two words of the chronicle came out of the PDF extraction as the English word "and" (the
# printed text has 和); the sample has the printed character.
EXTRACTION_SLIPS = {" and ": "和"}
SIGNING_DATE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")


def norm(text: str) -> str:
    """NFKC with every whitespace removed: what the comparison of texts is made on."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.fixture(scope="module")
def sample() -> tuple[Publication, Issue]:
    return issue_from_xml(SAMPLE_XML.read_bytes())


@pytest.fixture(scope="module")
def seed_lines() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    for wrong, right in EXTRACTION_SLIPS.items():
        text = text.replace(wrong, right)
    return text.split("\n")


def _documents_part(lines: list[str]) -> list[str]:
    """The lines of the five documents: without the cover and contents before them and the
    imprint after them."""
    start = next(i for i, line in enumerate(lines) if norm(line) == "目录")
    i = start + 1
    while i < len(lines) and (
        not lines[i].strip() or lines[i].strip() in RUNNING_HEADS or re.match(r"^-\s*\d+\s", lines[i])
    ):
        i += 1
    end = len(lines)
    while end > i and (
        not lines[end - 1].strip()
        or lines[end - 1].strip() == "包头市人民政府公报"
        or re.match(r"^(地址|邮政编码)：|.+主办$", lines[end - 1].strip())
    ):
        end -= 1
    return lines[i:end]


def _seed_paragraphs(lines: list[str]) -> list[str]:
    """Paragraphs of the documents part: runs of non-blank lines, debris removed.

    Running heads and the table rows (tab-separated lines) are dropped; a paragraph split by
    a page break stays two pieces here, each of which must be found in the sample.
    """
    paragraphs: list[str] = []
    current: list[str] = []
    for line in _documents_part(lines) + [""]:
        stripped = line.strip()
        if "\t" in line or stripped in RUNNING_HEADS:
            continue
        if not stripped:
            if current:
                paragraphs.append("".join(current))
            current = []
        else:
            current.append(stripped)
    return paragraphs


def _sample_text() -> str:
    """The text of the archive (itertext); an attachment's label, an attribute, is put before
    its title as it is printed."""
    root = etree.fromstring(SAMPLE_XML.read_bytes(), etree.XMLParser(resolve_entities=False, no_network=True))
    for attachment in root.iter("attachment"):
        title = attachment.find("title")
        title.text = attachment.get("label", "") + (title.text or "")
    return norm("".join(root.itertext()))


def test_round_trip_gives_the_same_bytes(sample: tuple[Publication, Issue]) -> None:
    assert issue_to_xml(*sample) == SAMPLE_XML.read_bytes()


def test_publication_and_issue(sample: tuple[Publication, Issue]) -> None:
    pub, issue = sample
    assert pub.title == "包头市人民政府公报"
    assert pub.title_mongolian and all("\u1800" <= c <= "\u18af" or c == " " for c in pub.title_mongolian)
    assert (pub.sponsor, pub.postcode, pub.frequency) == ("包头市人民政府办公室", "014060", "月刊")
    assert pub.address == "包头市九原区开元大街1号包头市党政机关办公楼"
    assert (issue.year, issue.number, issue.cumulative, issue.pub_date) == (2025, 3, 154, date(2025, 4, 6))
    assert issue.status.value == "draft"
    assert issue.key == "2025-3"


def test_imprint_matches_the_seed(sample: tuple[Publication, Issue], seed_lines: list[str]) -> None:
    pub, _ = sample
    tail = [line.strip() for line in seed_lines if line.strip()][-4:]
    assert f"{pub.sponsor}主办" in tail
    assert f"邮政编码：{pub.postcode}" in tail
    assert f"地址：{pub.address}" in tail


def test_sections_documents_and_fields(sample: tuple[Publication, Issue]) -> None:
    _, issue = sample
    assert [(s.name, len(s.documents)) for s in issue.sections] == [
        ("市政府文件", 3), ("市政府办公室文件", 1), ("政府大事记", 1),
    ]
    docs = issue.documents()
    assert [d.title for d in docs] == [
        "包头市人民政府关于印发包头市节水行动实施方案的通知",
        "包头市人民政府关于任免刘荣等同志职务的通知",
        "包头市人民政府关于印发包头市就业促进行动实施方案的通知",
        "包头市人民政府办公室关于印发包头市优化中试项目审批服务若干措施的通知",
        "政府大事记",
    ]
    assert [d.doc_number for d in docs] == [
        "包府发〔2025〕12号", "包府发〔2025〕13号", "包府发〔2025〕16号", "包府办发〔2025〕14号", "",
    ]
    assert [d.signing_date for d in docs] == [
        date(2025, 3, 21), date(2025, 3, 11), date(2025, 3, 26), date(2025, 3, 5), None,
    ]
    assert [d.kind for d in docs] == ["通知", "任免", "通知", "通知", "大事记"]
    assert len({d.uid for d in docs}) == 5
    for d in docs[:4]:
        assert d.addressees.endswith("：") and d.public_note == "（此件公开发布）"
        assert d.issuers and d.title.startswith(d.issuers[0])
    assert docs[4].subtitle == "2025年3月1日—3月31日"
    # the printed contents lists the chronicle by its period, not by its page title
    assert docs[4].title == "政府大事记"
    assert docs[4].toc_title == "2025年3月1日至2025年3月31日政府大事记"
    assert all(d.toc_title == "" for d in docs[:4])
    assert [(a.label, a.title) for a in docs[0].attachments] == [
        ("", "包头市节水行动实施方案"), ("附件", "包头市2025年节水行动目标分解表"),
    ]
    assert [(a.label, a.title) for a in docs[2].attachments] == [
        ("", "包头市就业促进行动实施方案"), ("附件", "包头市就业促进行动任务分工"),
    ]
    assert [(a.label, a.title) for a in docs[3].attachments] == [("", "包头市优化中试项目审批服务若干措施")]


def test_headings_of_the_water_saving_plan(sample: tuple[Publication, Issue]) -> None:
    plan = sample[1].documents()[0].attachments[0].body
    level1 = [b for b in plan if isinstance(b, Heading) and b.level == 1]
    assert [h.text.split("、")[0] for h in level1] == list("一二三四五六七八九") + ["十"]
    assert not any(h.run_in for h in level1)
    level2 = [b for b in plan if isinstance(b, Heading) and b.level == 2]
    assert len(level2) == 31 and all(h.run_in and h.body for h in level2)
    assert all(re.match(r"^[（(][一二三四五六七][）)].*。$", h.text) for h in level2)
    # the seed's half-width brackets after a page break are kept as printed
    assert any(h.text.startswith("(三)") for h in level2)
    note = plan[-1]
    assert isinstance(note, Paragraph) and note.role == "attachment-note"
    assert note.text == "附件：包头市2025年节水行动目标分解表"


def test_headings_of_the_employment_plan(sample: tuple[Publication, Issue]) -> None:
    plan = sample[1].documents()[2].attachments[0].body
    headings = [b for b in plan if isinstance(b, Heading)]
    assert [h.level for h in headings].count(1) == 3
    level2 = [h for h in headings if h.level == 2]
    assert len(level2) == 7 and not any(h.run_in for h in level2)
    level3 = [h for h in headings if h.level == 3]
    assert [h.text.split(".")[0] for h in level3] == [str(n) for n in range(1, 23)]
    assert all(h.run_in and h.text.endswith("。") and h.body for h in level3)
    assert level3[0].text == "1. 建立完善工作协调机制。"


def test_name_list(sample: tuple[Publication, Issue]) -> None:
    body = sample[1].documents()[1].body
    assert isinstance(body[0], Paragraph) and body[0].text == "市政府研究决定："
    names = [b for b in body if isinstance(b, NameList)]
    assert len(names) == 1 and len(names[0].entries) == 12
    entries = names[0].entries
    assert entries[0].name == "刘荣" and entries[-1].name == "王子超"
    assert all(" " not in e.name and 2 <= len(e.name) <= 3 for e in entries)
    assert all(e.duty[-1] == "；" for e in entries[:-1]) and entries[-1].duty.endswith("。")


def test_chronicle(sample: tuple[Publication, Issue]) -> None:
    body = sample[1].documents()[4].body
    entries = [b for b in body if isinstance(b, ChronicleEntry)]
    assert [e.date for e in entries] == ["3月18日", "3月18日", "3月20日", "3月24日", "3月24日", "3月30日至31日"]
    assert all(e.text.startswith("，") and e.mark == "●" for e in entries)
    assert isinstance(body[0], ChronicleEntry)
    assert len(body) == 30


def _table(sample: tuple[Publication, Issue], doc: int) -> Table:
    tables = [b for b in sample[1].documents()[doc].attachments[1].body if isinstance(b, Table)]
    assert len(tables) == 1
    return tables[0]


def test_water_saving_target_table(sample: tuple[Publication, Issue]) -> None:
    table = _table(sample, 0)
    grid = table.grid()
    assert table.header_rows == 2 and len(table.rows) - table.header_rows == 11
    assert table.column_count() == 10 == len(table.widths)
    assert any(c.colspan > 1 for c in table.rows[0]) and any(c.rowspan > 1 for c in table.rows[0])
    districts = [table.rows[grid[r][0][0]][grid[r][0][1]].text for r in range(2, len(grid))]
    assert districts[0] == "昆区" and districts[-1] == "包头市" and len(set(districts)) == 11
    # 0.935 is shared by the five urban districts, printed once
    shared = [c for row in table.rows for c in row if c.text == "0.935"]
    assert len(shared) == 1 and shared[0].rowspan == 5
    total = table.rows[-1]
    assert [c.text for c in total] == ["包头市", "9.82", "1.17", "30", "35", "0.6256", "150", "", "7", "45"]


def test_task_division_table(sample: tuple[Publication, Issue]) -> None:
    table = _table(sample, 2)
    table.grid()
    assert table.header_rows >= 1
    assert any(c.colspan > 1 for c in table.rows[0])
    body = table.rows[table.header_rows:]
    assert sum(1 for row in body for c in row if c.rowspan > 1) > 20
    units = [c.text for row in body for c in row[1:2] if row[0].text == "1"]
    assert "市人社局" in units and "市总工会" in units
    note = sample[1].documents()[2].attachments[1].body[-1]
    assert note.text == "备注：所有任务均涉及各旗县区人民政府、稀土高新区管委会，不单独列出。"


def test_every_seed_paragraph_is_in_the_sample(sample: tuple[Publication, Issue], seed_lines: list[str]) -> None:
    paragraphs = _seed_paragraphs(seed_lines)
    assert len(paragraphs) > 220
    text = _sample_text()
    dates = {d.signing_date for d in sample[1].documents()}
    missing = []
    for p in paragraphs:
        m = SIGNING_DATE.match(p)
        if m:
            if date(*map(int, m.groups())) not in dates:
                missing.append(p)
        elif norm(p) not in text:
            missing.append(p)
    assert not missing, f"{len(missing)} seed paragraphs are not in the sample, e.g. {missing[:3]}"


def test_the_table_texts_of_the_seed_are_in_the_tables(
    sample: tuple[Publication, Issue], seed_lines: list[str]
) -> None:
    tables = [_table(sample, 0), _table(sample, 2)]
    cells = "|".join(norm(c.text) for t in tables for row in t.rows for c in row)
    missing = []
    for line in _documents_part(seed_lines):
        if "\t" not in line:
            continue
        for field in line.split("\t"):
            for piece in re.split(r"</?p>|(?<=[^\x00-\x7f])\s(?=[^\x00-\x7f])", field):
                piece = norm(piece)
                if piece and not piece.isdigit() and piece not in cells and piece not in RUNNING_HEADS:
                    missing.append(piece)
    assert not missing, f"table texts missing: {missing[:5]}"


def test_the_committed_sample_is_what_its_generator_writes() -> None:
    """``make_sample.py --check``: the archive in the repository is the generator's output."""
    import subprocess
    import sys

    generator = SAMPLE_XML.parent / "make_sample.py"
    done = subprocess.run([sys.executable, str(generator), "--check"], capture_output=True, text=True,
                          cwd=SAMPLE_XML.parents[2], timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.strip() == "up to date"
