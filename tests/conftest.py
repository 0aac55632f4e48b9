"""Shared fixtures: the curated seed facts, the seed corpus (when present), the built graph,
and a headless browser for the map tests (pages opened in it close after each test)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from ingest.corpus import Corpus
from ingest.facts.build import build
from map_browser import MapPage, chromium_path, launch

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "data" / "facts"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
HOSTILE = (
    '=HYPERLINK("http://evil.example","click")',
    "\x1b]0;pwned\x07\x1b[2JAzerbaijan",
    "Azer\u202egnp.exe Brigade",
    "</script><script>alert(1)</script>",
    "line one\r\nline two\rend",
    "O'Neil \"the\" | ; ^ ~ , tab\tend",
)
"""Names an attacker would give: a spreadsheet formula, terminal escapes, a right-to-left
override, markup, carriage returns, every ASCII array delimiter."""


@pytest.fixture(scope="session")
def seed_corpus() -> Corpus:
    """The five seed reports; tests that need their text skip when they are absent."""
    if not (SEEDS / "articles.csv").is_file():
        pytest.skip(f"seed corpus not found at {SEEDS} (../shared/corpus beside the project)")
    return Corpus([SEEDS])


@pytest.fixture(scope="session")
def seed_graph() -> nx.MultiDiGraph:
    """The graph of the curated seed facts, built without the corpus (pure facts)."""
    return build(FACTS, Corpus())[0].read()


@pytest.fixture(scope="module")
def browser():
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed: "
                        "pip install -e '.[dev]' (make test does)")
    if chromium_path() is None:
        pytest.skip("chromium is not installed, and `make test` could not install it "
                    "(apt-get install chromium needs root and Debian's package lists)")
    with launch() as chromium:
        yield chromium


@pytest.fixture
def opened(browser):
    """Open a map page and wait until it is drawn; every page is closed after the test."""
    pages = []

    def open_page(path: Path) -> MapPage:
        page = MapPage(browser, path)
        pages.append(page)
        page.wait_ready()
        return page

    yield open_page
    for page in pages:
        page.close()


@pytest.fixture(scope="session")
def seed_proposals(seed_corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed reports' proposals as `milcoop ingest` writes them with nothing curated, so
    every fact of every report waits for a decision whatever data/facts holds today."""
    from ingest.run import ingest

    out = tmp_path_factory.mktemp("proposed")
    ingest(SEEDS, out, tmp_path_factory.mktemp("nothing-curated"), seed_corpus)
    return out


@pytest.fixture
def seed_desk(seed_proposals: Path, seed_corpus: Corpus, tmp_path: Path):
    """A review desk over the seed proposals, writing into an empty facts folder and
    decisions file."""
    from ingest.review.desk import Desk

    return Desk(seed_proposals, tmp_path / "facts", tmp_path / "decisions.yaml", seed_corpus)
