"""Human decisions: merges, rejections and renames re-applied on every run; a bad decisions
file is one line naming file and line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import FACTS, ROOT, SEEDS
from ingest.corpus import Corpus
from ingest.review.decisions import DecisionsError, read_decisions
from ingest.review.resolve import relation_key
from ingest.run import Result, ingest
from milcoop.cli import main

REPORT = "902_copy_of_002"
"""A seed report under an id no curated file has, so every fact of it is proposed."""


@pytest.fixture(scope="module")
def reports(seed_corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("reports")
    shutil.copy(SEEDS / "002_99ec2ccb705c3c6f.txt", folder / f"{REPORT}.txt")
    return folder


@pytest.fixture(scope="module")
def baseline(reports: Path, seed_corpus: Corpus,
             tmp_path_factory: pytest.TempPathFactory) -> Result:
    return ingest(reports, tmp_path_factory.mktemp("out"), FACTS, seed_corpus)


def with_decisions(reports: Path, tmp_path: Path, text: str) -> Result:
    """A run with the decisions ``text``."""
    decisions = tmp_path / "decisions.yaml"
    decisions.write_text(text, encoding="utf-8")
    return ingest(reports, tmp_path / "out", FACTS, Corpus([SEEDS]), read_decisions(decisions))


def printed(reports: Path, tmp_path: Path, text: str) -> str:
    """What `milcoop ingest` prints with the decisions ``text``."""
    decisions = tmp_path / "decisions.yaml"
    decisions.write_text(text, encoding="utf-8")
    ran = CliRunner().invoke(main, ["ingest", str(reports), "--out", str(tmp_path / "out"),
                                    "--facts", str(FACTS), "--decisions", str(decisions)])
    assert ran.exit_code == 0, ran.output
    return ran.output


def ids(result: Result) -> dict[str, str]:
    return {entity.id: entity.label for entity, _ in result.proposals[0].entities}


def test_a_merge_moves_every_fact_of_the_merged_entity(baseline: Result, reports: Path,
                                                       tmp_path: Path) -> None:
    entities = [entity for entity, _ in baseline.proposals[0].entities]
    label = next(e.label for e in entities if sum(o.label == e.label for o in entities) > 1)
    into, merged = [e for e in entities if e.label == label][:2]
    result = with_decisions(reports, tmp_path,
                            f"merge:\n  - into: {into.id}\n    ids: [{merged.id}]\n")
    assert merged.id not in ids(result)
    kept = next(entity for entity, _ in result.proposals[0].entities if entity.id == into.id)
    assert set(merged.aliases) <= set(kept.aliases)
    assert set(merged.spans) <= set(kept.spans)
    moved = {relation_key(r.type, *(into.id if end == merged.id else end
                                    for end in (r.source, r.target)))
             for r, _ in baseline.proposals[0].relations}
    assert {relation_key(r.type, r.source, r.target) for r, _ in result.proposals[0].relations} \
        == {key for key in moved if key[0] != key[2]}


def test_rejections_suppress_an_entity_with_its_relations_and_a_relation(
        baseline: Result, reports: Path, tmp_path: Path) -> None:
    relations = [relation for relation, _ in baseline.proposals[0].relations]
    first, *rest = relations
    entity = next(e for e, _ in baseline.proposals[0].entities
                  if e.id not in (first.source, first.target))
    gone = [r for r in rest if entity.id in (r.source, r.target)]
    result = with_decisions(reports, tmp_path, (
        "reject:\n"
        f"  - relation: {{type: {first.type}, source: {first.source}, target: {first.target}}}\n"
        f"  - entity: {entity.id}\n    article: {REPORT}\n"))
    assert entity.id not in ids(result)
    assert [r.key for r, _ in result.proposals[0].relations] == \
        [r.key for r in rest if r not in gone]
    assert result.counts["entity", "rejected"] == 1
    assert result.counts["relation", "rejected"] == 1 + len(gone)


def test_a_decision_naming_an_unknown_id_is_a_warning_not_an_error(
        reports: Path, tmp_path: Path) -> None:
    summary = printed(reports, tmp_path, "merge:\n  - into: IRN\n    ids: [no-such-thing]\n"
                                         "reject:\n  - entity: nothing-like-it\n")
    assert f"{tmp_path / 'decisions.yaml'}:2: merge names unknown id 'no-such-thing'" in summary
    assert f"{tmp_path / 'decisions.yaml'}:5: rejection names unknown id 'nothing-like-it'" \
        in summary
    assert "entities: " in summary and ", 0 rejected" in summary


def test_a_rename_names_an_extracted_entity_but_never_a_curated_one(
        baseline: Result, reports: Path, tmp_path: Path) -> None:
    new = next((e for e, status in baseline.proposals[0].entities if status == "new"), None)
    if new is None:
        pytest.skip("every entity of the report resolves to a curated one")
    text = (
        f"rename:\n  - id: {new.id}\n    name: Renamed by a reviewer\n"
        "  - id: AZE\n    name: Azerbaycan\n")
    result = with_decisions(reports, tmp_path, text)
    names = {entity.id: entity.name for entity, _ in result.proposals[0].entities}
    assert names[new.id] == "Renamed by a reviewer" and names["AZE"] == "Azerbaijan"
    assert any("'AZE' is curated" in warning for warning in result.warnings)


@pytest.mark.parametrize(("text", "line", "message"), [
    ("merge:\n  - into: AZE\n    ids: [a\n", 4, "not valid YAML"),
    ("merge: []\nsplit: []\n", 2, "unknown section 'split'"),
    ("reject:\n  - entity: AZE\n    relation: {type: LEADS, source: a, target: b}\n", 2,
     "either an 'entity' or a 'relation'"),
    ("reject:\n  - relation:\n      type: ALLIED_WITH\n      source: a\n      target: b\n", 3,
     "unknown relationship type 'ALLIED_WITH'"),
    ("merge:\n  - into: AZE\n    ids: AZE-2\n", 3, "a merge needs 'ids'"),
    ("rename:\n  - id: x\n", 2, "a rename needs 'name'"),
    ("reject: {entity: x}\n", 1, "'reject' must be a list"),
])
def test_a_bad_decisions_file_is_one_line_naming_file_and_line(
        tmp_path: Path, text: str, line: int, message: str) -> None:
    path = tmp_path / "decisions.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DecisionsError, match=message):
        read_decisions(path)
    printed = CliRunner().invoke(main, ["ingest", str(tmp_path), "--decisions", str(path),
                                        "--out", str(tmp_path / "out")])
    assert printed.exit_code == 1
    assert printed.output.startswith(f"error: {path}:{line}: ")
    assert message in printed.output and "Traceback" not in printed.output
    assert not (tmp_path / "out").exists()


def test_the_projects_decisions_file_reads_cleanly() -> None:
    decisions = read_decisions(ROOT / "data" / "decisions.yaml")
    assert decisions.merges and decisions.rejects
