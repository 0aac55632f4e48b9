"""`milcoop extract` and `milcoop score` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import FACTS, SEEDS
from milcoop.cli import main


def test_extract_json_uses_vocabulary_labels(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text("Title\nOman and Qatar signed a defence agreement in Muscat.\n", "utf-8")
    result = CliRunner().invoke(main, ["extract", str(report), "--format", "json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert {e["type"] for e in payload["entities"]} == {"Country", "Agreement", "Location"}
    assert {(r["type"], r["source_id"]) for r in payload["relations"]
            if r["type"] == "SIGNED"} == {("SIGNED", "OMN"), ("SIGNED", "QAT")}


def test_extract_refuses_a_binary_file_in_one_line(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_bytes(b"\x00\x00binary")
    result = CliRunner().invoke(main, ["extract", str(report)])
    assert result.exit_code == 1
    assert result.output.strip().startswith("error:") and "binary" in result.output


@pytest.mark.corpus
def test_score_prints_overall_rows(seed_corpus: object) -> None:
    result = CliRunner().invoke(main, ["score", "--facts", str(FACTS), "--corpus", str(SEEDS),
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = {(row["kind"], row["category"]) for row in json.loads(result.output)}
    assert {("entity", "overall"), ("relation", "overall"), ("entity", "Country")} <= rows
