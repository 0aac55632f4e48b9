"""Reports whose text is not the file itself: the exact text the spans refer to is written
beside the proposals, so they can be checked; and the guard against reading our own output."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from conftest import FACTS
from ingest.corpus import Corpus
from ingest.facts.files import read_facts_file
from ingest.review.decisions import Decisions
from ingest.run import ingest
from milcoop.cli import main

MARKDOWN = """---
title: Kazakhstan and Uzbekistan hold joint drills
date: 2024-05-14
publisher: Test Wire
---
# Kazakhstan and Uzbekistan hold joint drills

Kazakh and **Uzbek** troops held a joint exercise near Almaty on May 12, the
Kazakh Ministry of Defence said.
"""


def test_a_markdown_report_gets_its_plain_text_written_for_span_checks(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "drills.md").write_text(MARKDOWN, encoding="utf-8")
    out = tmp_path / "out"
    result = ingest(reports, out, FACTS, Corpus(), Decisions())
    facts = read_facts_file(out / "drills.yaml")
    assert facts.article.data == {"id": "drills", "file": "drills.txt", "publisher": "Test Wire",
                                  "title": "Kazakhstan and Uzbekistan hold joint drills",
                                  "published": "2024-05-14"}
    text = (out / "texts" / "drills.txt").read_text(encoding="utf-8")
    assert text == result.proposals[0].text and "---" not in text and "**" not in text
    kazakhstan = next(r for r in facts.entities if r.data["id"] == "KAZ")
    assert {text[start:end] for start, end in kazakhstan.data["evidence"]} == \
        {"Kazakhstan", "Kazakh"}
    checked = CliRunner().invoke(main, ["validate", str(out), "--corpus", str(out / "texts")])
    assert checked.exit_code == 0 and "0 error(s), 0 warning(s)" in checked.output


def test_an_output_folder_inside_the_reports_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "drills.md").write_text(MARKDOWN, encoding="utf-8")
    ran = CliRunner().invoke(main, ["ingest", str(tmp_path), "--out", str(tmp_path / "out"),
                                    "--decisions", "/dev/null"])
    assert ran.exit_code == 1
    assert ran.output.startswith("error: --out ") and "inside the reports folder" in ran.output
    assert not (tmp_path / "out").exists()
