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


def _fail_on(monkeypatch: pytest.MonkeyPatch, broken: str) -> None:
    """Make the extractor fail, as a bug would, on the report whose id is ``broken``."""
    import ingest.extract.extractor as extractor
    real = extractor.extract

    def fragile(text: str, article: str, *args: object, **options: object) -> object:
        if article == broken:
            raise KeyError("lost-event")
        return real(text, article, *args, **options)

    monkeypatch.setattr(extractor, "extract", fragile)


def test_extract_names_the_report_it_fails_on_in_one_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = tmp_path / "r.txt"
    report.write_text("Title\nOman and Qatar signed a defence agreement in Muscat.\n", "utf-8")
    _fail_on(monkeypatch, "r")
    result = CliRunner().invoke(main, ["extract", str(report)])
    assert result.exit_code == 1
    assert result.output == (f"error: {report}: extraction failed (KeyError: 'lost-event'): "
                             "skipped; a milcoop bug, please report it with this report\n")


@pytest.mark.corpus
def test_score_counts_a_report_it_fails_on_as_proposing_nothing_and_names_it(
        seed_corpus: object, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = sorted(SEEDS.glob("*.txt"))[0]
    _fail_on(monkeypatch, broken.stem)
    result = CliRunner().invoke(main, ["score", "--facts", str(FACTS), "--corpus", str(SEEDS),
                                       "--format", "json"])
    assert result.exit_code == 1
    listing, error = result.output.rstrip("\n").split("\n")[-2:]
    assert listing == (f"  {broken}: extraction failed (KeyError: 'lost-event'): skipped; "
                       "a milcoop bug, please report it with this report")
    assert error == ("error: 1 report(s) failed to extract, listed above; each was scored as "
                     "proposing nothing")
