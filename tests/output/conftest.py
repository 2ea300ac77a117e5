"""Shared PDF builds of the sample issue: each mode is built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_XML = ROOT / "resources" / "sample" / "baotou-2025-03.xml"


@pytest.fixture(scope="session")
def sample():
    """(publication, issue) of the sample archive."""
    from editor.content.archive import issue_from_xml

    return issue_from_xml(SAMPLE_XML.read_bytes())


@pytest.fixture(scope="session")
def out_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pdf")


def _build(sample, out_dir: Path, mode: str, layout: str = "gazette"):
    from editor.render.build import build_pdf

    pub, issue = sample
    return build_pdf(pub, issue, out_dir / f"sample-{layout}-{mode}.pdf", mode=mode, layout=layout,
                     deterministic=True)


@pytest.fixture(scope="session")
def web_build(sample, out_dir):
    """The sample in web mode, gazette layout (BuildResult)."""
    return _build(sample, out_dir, "web")


@pytest.fixture(scope="session")
def print_build(sample, out_dir):
    return _build(sample, out_dir, "print")


@pytest.fixture(scope="session")
def proof_build(sample, out_dir):
    return _build(sample, out_dir, "proof")


@pytest.fixture(scope="session")
def gbt_build(sample, out_dir):
    return _build(sample, out_dir, "web", layout="gbt9704")


@pytest.fixture(scope="session")
def web_pdf(web_build):
    """The web build opened with pdfplumber (kept open for the session)."""
    import pdfplumber

    doc = pdfplumber.open(str(web_build.path))
    yield doc
    doc.close()
