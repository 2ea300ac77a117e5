"""Property test: random small issues built from the model always typeset inside the page.

Hypothesis draws issues of random blocks (paragraphs, headings run-in or not, notes, name
lists, chronicle entries, tables with valid row and column spans, images of extreme shapes) filled with random Chinese,
Latin, digit and punctuation text; each is built in web mode and read back: the build never
raises, and no glyph lies outside the type area (or the running head / page number zones).
The examples are derandomised and bounded so the test is repeatable and quick.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pdfplumber
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.model import (
    Attachment,
    ChronicleEntry,
    Document,
    Heading,
    Image,
    NameEntry,
    NameList,
    Note,
    Paragraph,
    Section,
    Table,
    TableCell,
)
from editor.typeset.book import typeset_issue
from editor.typeset.fonts import FontRegistry
from editor.typeset.layout import load_layout
from tests.output import material
from tests.output import pdfgeometry as geo

HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理"
LATIN = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
PUNCT = "，。、；：？！“”‘’（）《》〔〕【】—…·%,.;:?!()-/ 　"

LAYOUT = load_layout("gazette")
# images of extreme shapes; "gone" is referenced but has no data (drawn as a frame)
IMAGES = {"square": material.png((300, 300), "L"), "strip": material.png((3000, 40), "L"),
          "pole": material.png((40, 3000), "L")}


def _text(max_size: int = 80, min_size: int = 0):
    han = st.text(alphabet=HAN, min_size=1, max_size=12)
    latin = st.text(alphabet=LATIN, min_size=1, max_size=30)
    punct = st.text(alphabet=PUNCT, min_size=1, max_size=4)
    return st.lists(st.one_of(han, han, latin, punct), min_size=min_size, max_size=max_size // 8) \
        .map("".join).map(lambda s: s[:max_size])


@st.composite
def tables(draw) -> Table:
    """A table whose row and column spans never overlap and cover the grid."""
    nrows = draw(st.integers(1, 6))
    ncols = draw(st.integers(1, 6))
    taken = [[False] * ncols for _ in range(nrows)]
    rows: list[list[TableCell]] = []
    for r in range(nrows):
        row = []
        for c in range(ncols):
            if taken[r][c]:
                continue
            free = 1
            while c + free < ncols and not taken[r][c + free]:
                free += 1
            cs = draw(st.integers(1, min(free, 3)))
            rs = draw(st.integers(1, min(nrows - r, 3)))
            # shrink the row span until the rectangle is free below
            while rs > 1 and any(taken[rr][cc] for rr in range(r, r + rs) for cc in range(c, c + cs)):
                rs -= 1
            for rr in range(r, r + rs):
                for cc in range(c, c + cs):
                    taken[rr][cc] = True
            row.append(TableCell(draw(_text(40)), rowspan=rs, colspan=cs,
                                 align=draw(st.sampled_from(["", "left", "center", "right"]))))
        rows.append(row)
    header = draw(st.integers(0, min(2, nrows)))
    table = Table(rows=rows, header_rows=header, caption=draw(st.sampled_from(["", "附表"])))
    table.grid()  # valid by construction
    return table


def blocks():
    para = st.builds(Paragraph, _text(160), st.sampled_from(["justify", "left", "center", "right"]),
                     st.booleans(), st.sampled_from(["body", "attachment-note", "closing"]))
    heading = st.builds(Heading, st.integers(1, 4), _text(30, 1), st.booleans(), _text(120))
    note = st.builds(Note, _text(80))
    names = st.builds(NameList, st.lists(st.builds(NameEntry, st.text(alphabet=HAN, min_size=1, max_size=4),
                                                   _text(60)), max_size=4))
    chron = st.builds(ChronicleEntry, st.sampled_from(["3月1日", "12月31日", "1月5日"]), _text(100),
                      st.sampled_from(["●", ""]))
    image = st.builds(Image, st.sampled_from(sorted(IMAGES) + ["gone"]), _text(30),
                      st.sampled_from([0.0, 20.0, 500.0]))
    return st.one_of(para, para, heading, note, names, chron, tables(), image)


@st.composite
def issues(draw):
    docs = []
    for _doc in range(draw(st.integers(1, 3))):
        atts = []
        for a in range(draw(st.integers(0, 2))):
            label = draw(st.sampled_from(["", f"附件{a + 1}"]))
            atts.append(Attachment(label, draw(_text(40)), draw(st.lists(blocks(), max_size=3))))
        docs.append(Document(
            title=draw(_text(60, 1)) or "标题", issuers=["测试市人民政府"],
            doc_number=draw(st.sampled_from(["", "测府发〔2025〕3号"])),
            addressees=draw(st.sampled_from(["", "各旗县区人民政府："])),
            subtitle=draw(st.sampled_from(["", "（2025年3月1日）"])),
            signing_date=draw(st.sampled_from([None, date(2025, 3, 21)])),
            public_note=draw(st.sampled_from(["", "（此件公开发布）"])),
            body=draw(st.lists(blocks(), max_size=6)), attachments=atts))
    sections = [Section("市政府文件", docs[:1]), Section("市政府办公室文件", docs[1:])]
    return material.publication(), material.issue(sections, IMAGES)


@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(issues())
def test_random_issues_typeset_inside_the_type_area(sample):
    from editor.render.build import build_pdf

    pub, issue = sample
    with tempfile.TemporaryDirectory() as tmp:
        res = build_pdf(pub, issue, Path(tmp) / "random.pdf", mode="web", layout=LAYOUT,
                        deterministic=True)
        fonts = FontRegistry.load(roles=LAYOUT.font_roles or None)
        kinds = [p.kind for p in typeset_issue(pub, issue, LAYOUT, fonts).pages]
        with pdfplumber.open(str(res.path)) as pdf:
            assert len(pdf.pages) == len(kinds) == res.page_count
            assert geo.stray_chars(pdf, LAYOUT, kinds) == []
            assert geo.overlapping_lines(pdf) == []
    assert not [f for f in res.findings if f.code in ("overfull-line", "text-in-bleed")]
