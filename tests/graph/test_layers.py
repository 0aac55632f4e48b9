"""Data flows one way: graph never imports ingest or the command line."""

from __future__ import annotations

import re

from conftest import ROOT

IMPORT = re.compile(r"^\s*(?:from|import)\s+(ingest|milcoop)\b", re.MULTILINE)


def test_graph_never_imports_ingest_or_milcoop():
    offenders = [str(path.relative_to(ROOT)) for path in sorted((ROOT / "graph").rglob("*.py"))
                 if IMPORT.search(path.read_text(encoding="utf-8"))]
    assert offenders == []
