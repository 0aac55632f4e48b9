"""Specification of `validate`: each class of error is caught, with its file and line."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from conftest import FACTS, FIXTURES
from ingest.corpus import Corpus
from ingest.facts.build import check
from milcoop.cli import main

TINY = Corpus([FIXTURES / "corpus"])

CASES = [
    ("unknown_label", 16, "unknown label 'Drill'"),
    ("unknown_type", 26, "unknown relationship type 'ALLIED_WITH'"),
    ("endpoints_not_allowed", 26, "COMMANDS may not link Country to Exercise"),
    ("dangling_id", 27, "dangling source 'MU'"),
    ("duplicate_id", 11, "duplicate id 'ATL'"),
    ("bad_date", 19, "'2030-13-03' is not a calendar date"),
    ("end_before_start", 19, "ends (2030-03-03) before it starts (2030-04-01)"),
    ("span_outside_text", 20, "evidence span [30, 4600] lies outside the text"),
    ("missing_source", 22, "missing source: no evidence span"),
    ("no_article_id", 2, "missing source: the article has no 'id'"),
    ("unknown_property", 20, "unknown property 'budget' for label Exercise"),
    ("bad_id", 15, "bad id 'Blue Shield': must be a lowercase slug"),
    ("not_yaml", 14, "not valid YAML"),
    ("control_name", 13, "holds control or bidirectional characters"),
]


def test_the_valid_fixture_has_no_problem():
    assert check(FIXTURES / "valid.yaml", TINY).problems == []


@pytest.mark.parametrize(("name", "line", "message"), CASES, ids=[case[0] for case in CASES])
def test_each_class_of_error_is_reported_with_file_and_line(name, line, message):
    path = FIXTURES / "invalid" / f"{name}.yaml"
    errors = check(path, TINY).errors
    assert any(p.path == path and p.line == line and message in p.message for p in errors), errors
    assert str(errors[0]).startswith(f"{path}:")


def test_the_same_entity_in_two_reports_may_not_disagree():
    errors = check(FIXTURES / "conflict", TINY).errors
    assert [(p.path.name, p.line) for p in errors] == [("b.yaml", 18)]
    assert "start '2030-04-02' conflicts with '2030-04-01'" in errors[0].message


def test_spans_are_only_checked_when_the_text_is_at_hand():
    assert check(FIXTURES / "invalid" / "span_outside_text.yaml", Corpus()).errors == []


def test_the_curated_seed_facts_are_valid_against_the_reports(seed_corpus):
    checked = check(FACTS, seed_corpus)
    assert checked.problems == []
    assert len(checked.files) == 5


def test_a_facts_file_with_yaml_aliases_is_refused_before_it_expands(tmp_path):
    bomb = tmp_path / "bomb.yaml"
    lines = [f"{chr(97 + n)}: &{chr(97 + n)} [" + ", ".join(
        [f"*{chr(96 + n)}"] * 9 if n else ["lol"] * 9) + "]" for n in range(9)]
    bomb.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors = check(bomb, TINY).errors
    assert [(p.path, p.line) for p in errors] == [(bomb, 2)]
    assert "aliases" in errors[0].message


def test_a_file_with_no_relations_written_as_an_empty_list_is_valid(tmp_path) -> None:
    source = next(FACTS.glob("*.yaml")).read_text(encoding="utf-8")
    empty = source[:source.index("\nrelations:")] + "\nrelations: []\n"
    (tmp_path / "empty.yaml").write_text(empty, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "0 relations: 0 error(s)" in result.output
