"""`milcoop ingest` on the seed reports: resolved, merged with the curated facts (curated
winning), written once, reviewable, and the same on any number of processes."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from dataclasses import replace
from pathlib import Path
from uuid import uuid4

import pytest
from click.testing import CliRunner

from conftest import FACTS, SEEDS
from graph.lookup import fold
from graph.settings import load_settings
from graph.store.base import count_graph
from graph.store.neo4j_store import Neo4jStore
from graph.store.networkx_store import NetworkXStore
from ingest.corpus import Corpus
from ingest.evaluate.score import score_corpus
from ingest.facts.files import facts_paths, read_facts_file
from ingest.readers.folder import read_reports
from ingest.review.proposals import curated_facts
from ingest.review.resolve import relation_key, resolve
from ingest.run import Result, extract_all, ingest, load_into, load_result, read_curated
from milcoop.cli import main

pytestmark = pytest.mark.corpus

NO_DECISIONS = ("--decisions", "/dev/null")


def run(*args: object) -> object:
    return CliRunner().invoke(main, [str(arg) for arg in args])


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file below ``folder``: its bytes and modification time."""
    return {str(path.relative_to(folder)): (path.read_bytes(), path.stat().st_mtime_ns)
            for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def seeded(seed_corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """One CLI run over the seed folder (no decisions): its output folder and summary."""
    out = tmp_path_factory.mktemp("proposed")
    result = run("ingest", SEEDS, "--out", out, "--facts", FACTS, *NO_DECISIONS)
    assert result.exit_code == 0, result.output
    return out, result.output


@pytest.fixture(scope="module")
def result(seed_corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Result:
    """The same run through the Python interface."""
    return ingest(SEEDS, tmp_path_factory.mktemp("api"), FACTS, seed_corpus)


def test_the_summary_counts_reports_facts_and_files(seeded: tuple[Path, str]) -> None:
    out, summary = seeded
    assert "read 5 report(s)" in summary and "skipped 0" in summary
    assert re.search(r"entities: \d+ new, \d+ known .*, \d+ already curated, 0 rejected",
                     summary)
    assert re.search(r"relations: \d+ new, \d+ restated .*, \d+ already curated, 0 rejected",
                     summary)
    assert "files: 6 changed, 0 unchanged" in summary
    assert sorted(path.name for path in out.iterdir()) == [
        ".milcoop-reports", "000_a9e083a6abf19069.yaml", "001_36621d79170f857f.yaml",
        "002_99ec2ccb705c3c6f.yaml", "003_72d5eaef8fc2a5af.yaml", "004_d8bdd8c15c7bfc71.yaml",
        "REVIEW.md"]
    assert (out / ".milcoop-reports").read_text("utf-8") == f"{SEEDS.resolve()}\n"


def test_the_proposals_pass_validation_against_the_seed_texts(seeded: tuple[Path, str]) -> None:
    out, _ = seeded
    checked = run("validate", out, "--corpus", SEEDS)
    assert checked.exit_code == 0, checked.output
    assert "0 error(s), 0 warning(s)" in checked.output


def test_turkey_is_one_entity_and_azerbaijan_the_curated_aze(seed_corpus: Corpus) -> None:
    reports = read_reports(SEEDS).reports
    curated = curated_facts(read_curated(FACTS, Corpus()))
    resolved = resolve(extract_all(reports, [r.published for r in reports]), curated.known,
                       curated.marks)
    entities = [entity for extraction in resolved.extractions
                for entity in extraction.entities.values()]
    turkish = {"turkey", "turkiye", "turkish", "ankara"}
    assert {(e.id, e.name) for e in entities
            if turkish & {fold(alias) for alias in [e.name, *e.aliases]}} == {("TUR", "Türkiye")}
    assert {(e.id, e.name) for e in entities if e.label == "Country"
            and "azerbaijan" in {fold(alias) for alias in [e.name, *e.aliases]}} == \
        {("AZE", "Azerbaijan")}
    assert sum(extraction.entities.get("TUR") is not None
               for extraction in resolved.extractions) == 3


def test_a_curated_fact_is_never_proposed_again_nor_overwritten(result: Result) -> None:
    curated = curated_facts(read_curated(FACTS, Corpus()))
    for proposal in result.proposals:
        own = curated.relations_of[proposal.id]
        for relation, status in proposal.relations:
            key = relation_key(relation.type, relation.source, relation.target)
            assert key not in own
            assert status == ("restated" if key in curated.relations else "new")
            for name, value in relation.properties.items():
                assert curated.relations.get(key, {}).get(name, value) == value
        for entity, status in proposal.entities:
            known = curated.known.get(entity.id)
            if known is None:
                assert status == "new"
                continue
            assert (entity.label, entity.name) == (known.label, known.name)
            for name, value in entity.properties.items():
                assert known.properties.get(name, value) == value


def test_the_curated_facts_files_are_left_untouched(seed_corpus: Corpus, tmp_path: Path) -> None:
    before = {path: hashlib.sha256(path.read_bytes()).hexdigest() for path in facts_paths(FACTS)}
    ingest(SEEDS, tmp_path, FACTS, seed_corpus)
    assert {path: hashlib.sha256(path.read_bytes()).hexdigest()
            for path in facts_paths(FACTS)} == before


def test_a_second_run_changes_no_file(seeded: tuple[Path, str]) -> None:
    out, _ = seeded
    before = snapshot(out)
    again = run("ingest", SEEDS, "--out", out, "--facts", FACTS, *NO_DECISIONS)
    assert again.exit_code == 0, again.output
    assert "files: 0 changed, 6 unchanged" in again.output
    assert snapshot(out) == before


def test_two_processes_give_the_same_bytes_as_one(seeded: tuple[Path, str],
                                                  tmp_path: Path) -> None:
    out, _ = seeded
    parallel = run("ingest", SEEDS, "--out", tmp_path, "--facts", FACTS, "--jobs", 2,
                   *NO_DECISIONS)
    assert parallel.exit_code == 0, parallel.output
    assert {name: data for name, (data, _) in snapshot(tmp_path).items()} == \
        {name: data for name, (data, _) in snapshot(out).items()}


def test_each_proposed_fact_carries_evidence_rule_and_confidence(
        seeded: tuple[Path, str]) -> None:
    out, _ = seeded
    facts = read_facts_file(out / "004_d8bdd8c15c7bfc71.yaml")
    text = (out / "004_d8bdd8c15c7bfc71.yaml").read_text(encoding="utf-8")
    assert facts.article.data["published"] == "2021"
    assert facts.relations, "the seed report 004 yields proposed relations"
    for record in facts.relations:
        assert record.data["evidence"]
        assert re.fullmatch(r"extracted by [\w.]+ \(confidence \d\.\d\d\)", record.data["note"])
    for record in facts.entities:
        assert record.data["evidence"]
    assert len(re.findall(r"^- id: .*  # (new|known|curated); [\w.]+ \(confidence \d\.\d\d\)$",
                          text, re.M)) == len(facts.entities)


def test_the_review_lists_facts_least_confident_first_with_quotes(
        seeded: tuple[Path, str], result: Result) -> None:
    out, _ = seeded
    review = (out / "REVIEW.md").read_text(encoding="utf-8")
    rows = [line for line in review.splitlines() if re.match(r"\| \d\.\d\d \|", line)]
    confidences = [float(row.split("|")[1]) for row in rows]
    assert confidences == sorted(confidences) and rows
    assert all("**" in row.split("|")[-2] for row in rows)
    proposed = sum(1 for p in result.proposals for _, status in p.entities if status == "new")
    proposed += sum(len(p.relations) for p in result.proposals)
    assert len(rows) == proposed
    assert "| label | new | known | curated | rejected |" in review
    assert "| type | new | restated | curated | rejected |" in review


def test_load_builds_the_curated_graph_plus_the_proposals(seeded: tuple[Path, str],
                                                          tmp_path: Path) -> None:
    graph_path = tmp_path / "graph.json"
    loaded = run("ingest", SEEDS, "--out", tmp_path / "proposed", "--facts", FACTS,
                 *NO_DECISIONS, "--load", "-o", graph_path)
    assert loaded.exit_code == 0, loaded.output
    assert f"loaded into {graph_path} (changed)" in loaded.output
    data = json.loads(graph_path.read_text(encoding="utf-8"))
    nodes = {node["id"]: node for node in data["nodes"]}
    edges = {(edge["source"], edge["type"], edge["target"]) for edge in data["edges"]}
    curated = curated_facts(read_curated(FACTS, Corpus()))
    assert set(curated.known) <= set(nodes)
    assert nodes["AZE"]["name"] == "Azerbaijan" and nodes["TUR"]["name"] == "Türkiye"
    for source, type_, target in curated.relations:
        assert (source, type_, target) in edges or (target, type_, source) in edges
    again = run("ingest", SEEDS, "--out", tmp_path / "proposed", "--facts", FACTS,
                *NO_DECISIONS, "--load", "-o", graph_path)
    assert f"loaded into {graph_path} (unchanged)" in again.output


def test_unreadable_files_are_skipped_and_counted(seed_corpus: Corpus, tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.copy(SEEDS / "002_99ec2ccb705c3c6f.txt", reports / "fresh.txt")
    (reports / "empty.txt").write_text("  \n", encoding="utf-8")
    (reports / "image.txt").write_bytes(b"\x89PNG\x00\x00\x00")
    (reports / "latin1.txt").write_bytes("Défense\n".encode("latin-1"))
    ran = run("ingest", reports, "--out", tmp_path / "out", "--facts", FACTS, *NO_DECISIONS)
    assert ran.exit_code == 0, ran.output
    assert "read 1 report(s)" in ran.output and "skipped 3" in ran.output
    for name in ("empty.txt", "image.txt", "latin1.txt"):
        assert f"skipped {reports / name}: " in ran.output
    assert "Traceback" not in ran.output


def test_the_records_a_run_validates_are_what_its_files_read_back_as(result: Result) -> None:
    for written in result.proposed:
        read = read_facts_file(written.path)
        for mine, theirs in [(written.article, read.article),
                             *zip(written.entities, read.entities, strict=True),
                             *zip(written.relations, read.relations, strict=True)]:
            assert (mine.data, mine.line, mine.key_lines) == \
                (theirs.data, theirs.line, theirs.key_lines)


@pytest.mark.neo4j
@pytest.mark.skipif(not os.environ.get("NEO4J_URI"),
                    reason="NEO4J_URI is not set: no Neo4j server to test against")
def test_load_to_neo4j_holds_what_the_networkx_load_holds(result: Result) -> None:
    settings = replace(load_settings(), neo4j_graph=f"test-{uuid4().hex}")
    networkx = NetworkXStore()
    load_result(result, networkx)
    try:
        summary, where = load_into(result, "neo4j", settings, Path("unused.json"))
        assert where == f"Neo4j graph {settings.neo4j_graph!r}"
        assert summary.nodes_created == networkx.graph.number_of_nodes()
        with Neo4jStore.from_settings(settings) as store:
            assert store.counts() == count_graph(networkx.graph)
            again, _ = load_into(result, "neo4j", settings, Path("unused.json"))
            assert again.nodes_created == 0 and again.edges_created == 0
    finally:
        with Neo4jStore.from_settings(settings) as store:
            store.clear()


def test_ingest_scores_its_extraction_as_milcoop_score_does(result: Result,
                                                            seed_corpus: Corpus,
                                                            seeded: tuple[Path, str]) -> None:
    assert result.scored == 5
    assert result.score.rows() == score_corpus(FACTS, seed_corpus).rows()
    assert "against the curated facts of 5 report(s): entities P" in seeded[1]


def test_a_large_run_shards_its_proposals_and_a_later_run_cleans_them_up(
        seed_corpus: Corpus, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import ingest.run as runner
    monkeypatch.setattr(runner, "SHARD_ABOVE", 2)
    sharded = ingest(SEEDS, tmp_path, FACTS, seed_corpus)
    placed = sorted(path.relative_to(tmp_path) for path in sharded.written
                    if path.suffix == ".yaml")
    assert len(placed) == 5 and all(len(path.parts) == 2 and len(path.parts[0]) == 2
                                    for path in placed)
    assert [path.parent.name for path in placed] == [
        runner.shard(read_facts_file(tmp_path / path).article_id, 5) for path in placed]
    assert len(facts_paths(tmp_path)) == 5
    monkeypatch.setattr(runner, "SHARD_ABOVE", 1000)
    flat = ingest(SEEDS, tmp_path, FACTS, seed_corpus)
    assert sorted(path.relative_to(tmp_path) for path in flat.removed) == placed
    assert len(facts_paths(tmp_path)) == 5 and all(
        path.parent == tmp_path for path in facts_paths(tmp_path))
    assert not any((tmp_path / path.parts[0]).exists() for path in placed)
