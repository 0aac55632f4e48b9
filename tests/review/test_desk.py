"""The review desk over the proposals of the five seed reports (nothing curated yet): each
decision is written at once in the formats ingest reads, a stale one is refused, undo puts
the bytes back, and the next ingest and build honour what was decided."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FACTS, ROOT, SEEDS
from ingest.corpus import Corpus
from ingest.facts.build import build
from ingest.facts.validate import validate
from ingest.review.decisions import read_decisions
from ingest.review.desk import Desk, ReviewError, StaleDecision
from ingest.review.queue import Item
from ingest.run import ingest, read_curated

DECISIONS = ROOT / "data" / "decisions.yaml"


@pytest.fixture
def desk(seed_desk: Desk) -> Desk:
    return seed_desk


def first(desk: Desk, kind: str) -> Item:
    return next(item for item in desk.queue.items if item.kind == kind)


def mergeable(desk: Desk) -> tuple[Item, str]:
    """An entity proposal and another entity of its label in the same report."""
    for item in desk.queue.items:
        if item.kind != "entity" or item.data["label"] == "Country":
            continue
        others = [id_ for id_, record in desk.queue.reports[item.article].entities.items()
                  if record["label"] == item.data["label"] and id_ != item.data["id"]]
        if others:
            return item, others[0]
    raise AssertionError("no two entities of one label in one seed report")


def test_the_queue_holds_every_proposed_fact_least_confident_first_per_report(
        desk: Desk) -> None:
    items = desk.queue.items
    assert set(desk.queue.reports) == {path.stem for path in FACTS.glob("*.yaml")}
    assert {item.status for item in items} == {"new"}
    assert {item.kind for item in items} == {"entity", "relation"}
    assert [item.number for item in items] == list(range(len(items)))
    for article in desk.queue.reports:
        confidences = [item.confidence for item in items if item.article == article]
        assert confidences == sorted(confidences)
    overview = desk.overview()
    assert (overview["decided"], overview["left"]) == (0, len(items))
    assert sum(report["left"] for report in overview["reports"]) == len(items)


def test_the_evidence_is_shown_in_the_report_s_text(desk: Desk, seed_corpus: Corpus) -> None:
    item = first(desk, "relation")
    shown = desk.evidence(item.number)
    text = seed_corpus.text(f"{item.article}.txt")
    start, end = item.spans[0]
    window = shown["window"]
    marked = [(a, b) for a, b, kind in window["marks"] if kind == "evidence"]
    assert (start - window["start"], end - window["start"]) in marked
    assert window["text"] in text
    assert shown["types"] and item.data["type"] in shown["types"]


def test_accepting_a_relation_writes_it_and_its_new_ends_into_the_report_s_facts(
        desk: Desk, seed_corpus: Corpus) -> None:
    item = first(desk, "relation")
    path = desk.facts / f"{item.article}.yaml"
    assert not path.exists()
    desk.decide(item.number, "accept", "undecided")
    facts = read_curated(desk.facts, seed_corpus)
    assert [f.article_id for f in facts] == [item.article]
    assert {r.data["id"] for r in facts[0].entities} == {item.data["source"],
                                                         item.data["target"]}
    written = [r.data for f in facts if f.path == path for r in f.relations][-1]
    assert (written["type"], written["source"], written["target"]) == \
        (item.data["type"], item.data["source"], item.data["target"])
    assert written["evidence"] == item.data["evidence"]
    assert written["note"].startswith(f"accepted in review: proposed by {item.rule}")
    assert not [p for p in validate(facts, seed_corpus) if p.level == "error"]
    assert desk.overview()["items"][item.number]["state"] == "accepted"
    with pytest.raises(StaleDecision, match="accepted now, not undecided"):
        desk.decide(item.number, "reject", "undecided")


def test_a_rejection_goes_into_the_decisions_for_its_report_only(desk: Desk) -> None:
    item = first(desk, "relation")
    desk.decide(item.number, "reject", "undecided")
    last = read_decisions(desk.decisions_path).rejects[-1]
    assert last.relation == (item.data["type"], item.data["source"], item.data["target"])
    assert last.article == item.article
    assert desk.overview()["items"][item.number]["state"] == "rejected"


def test_a_merged_entity_s_relations_are_accepted_onto_the_one_kept(
        desk: Desk, seed_corpus: Corpus) -> None:
    entity, into = mergeable(desk)
    desk.decide(entity.number, "merge", "undecided", into)
    merge = read_decisions(desk.decisions_path).merges[-1]
    assert (merge.into, merge.ids) == (into, (entity.data["id"],))
    assert desk.overview()["items"][entity.number]["state"] == "merged"
    tied = next(item for item in desk.queue.items if item.kind == "relation"
                and item.article == entity.article
                and entity.data["id"] in (item.data["source"], item.data["target"]))
    desk.decide(tied.number, "accept", "undecided")
    facts = read_curated(desk.facts, seed_corpus)[0]
    ends = {facts.relations[-1].data["source"], facts.relations[-1].data["target"]}
    assert into in ends and entity.data["id"] not in ends
    kept = next(r.data for r in facts.entities if r.data["id"] == into)
    assert entity.data["name"] in kept.get("aliases", [entity.data["name"]]) or \
        kept["name"] == entity.data["name"]


def test_an_entity_curated_in_another_report_is_not_merged_away(desk: Desk) -> None:
    azerbaijan = [item for item in desk.queue.items
                  if item.kind == "entity" and item.data["id"] == "AZE"]
    desk.decide(azerbaijan[0].number, "accept", "undecided")
    with pytest.raises(ReviewError, match="is curated, and a merge would move its facts"):
        desk.decide(azerbaijan[1].number, "merge", "undecided", "TUR")


def test_a_renamed_entity_is_accepted_under_its_new_name(desk: Desk, seed_corpus: Corpus
                                                         ) -> None:
    entity = first(desk, "entity")
    if entity.status != "new":
        pytest.skip("the seed proposals hold no new entity")
    desk.decide(entity.number, "rename", "undecided", "  Agreed   name ")
    assert read_decisions(desk.decisions_path).renames[-1].name == "Agreed name"
    desk.decide(entity.number, "accept", "undecided")
    records = [r.data for f in read_curated(desk.facts, seed_corpus)
               if f.article_id == entity.article for r in f.entities]
    assert records[-1]["name"] == "Agreed name"
    assert not read_decisions(desk.decisions_path).renames


def test_a_type_change_rejects_the_old_relation_and_curates_the_new(desk: Desk) -> None:
    item, other = next((item, type_) for item in desk.queue.items if item.kind == "relation"
                       for type_ in desk.evidence(item.number)["types"]
                       if type_ != item.data["type"])
    desk.decide(item.number, "retype", "undecided", other)
    text = (desk.facts / f"{item.article}.yaml").read_text("utf-8")
    assert f"- type: {other}\n  source: {item.data['source']}" in text
    assert read_decisions(desk.decisions_path).rejects[-1].relation[0] == item.data["type"]
    untouched = next(other for other in desk.queue.items
                     if other.kind == "relation" and other.number != item.number)
    with pytest.raises(ReviewError, match="cannot link these two"):
        desk.decide(untouched.number, "retype", "undecided", "MENTIONS")


@pytest.mark.parametrize(("action", "value", "message"), [
    ("merge", "no-such-entity", "no entity 'no-such-entity'"),
    ("merge", "AZE", "labels differ"),
    ("rename", "   ", "a new name is needed"),
    ("retype", "PART_OF", "only a relation"),
    ("launch", None, "unknown action"),
])
def test_a_decision_that_cannot_be_taken_is_refused_and_writes_nothing(
        desk: Desk, action: str, value: str | None, message: str) -> None:
    entity = mergeable(desk)[0]
    with pytest.raises(ReviewError, match=message):
        desk.decide(entity.number, action, "undecided", value)
    assert not desk.facts.exists() and not desk.decisions_path.exists()


def test_undo_puts_back_the_bytes_unless_the_file_changed_since(desk: Desk) -> None:
    item = first(desk, "relation")
    path = desk.facts / f"{item.article}.yaml"
    desk.decide(item.number, "accept", "undecided")
    accepted = path.read_bytes()
    desk.decide(first(desk, "entity").number, "accept", "undecided")
    assert "undone: accepted" in desk.undo()
    assert path.read_bytes() == accepted
    assert "undone: accepted" in desk.undo()
    assert not path.exists()
    desk.decide(item.number, "reject", "undecided")
    desk.decisions_path.write_text(desk.decisions_path.read_text("utf-8") + "\n# edited\n",
                                   encoding="utf-8")
    with pytest.raises(ReviewError, match="changed since"):
        desk.undo()
    with pytest.raises(ReviewError, match="nothing to undo"):
        Desk(desk.proposed, desk.facts, desk.decisions_path, desk.corpus).undo()


def test_the_next_ingest_and_build_honour_every_decision(desk: Desk, seed_corpus: Corpus,
                                                         tmp_path: Path) -> None:
    relations = [item for item in desk.queue.items if item.kind == "relation"]
    accepted, rejected = relations[0], relations[1]
    desk.decide(accepted.number, "accept", "undecided")
    desk.decide(rejected.number, "reject", "undecided")
    again = ingest(SEEDS, tmp_path / "again", desk.facts, seed_corpus,
                   read_decisions(desk.decisions_path))
    proposed = {(proposal.id, relation.key) for proposal in again.proposals
                for relation, _ in proposal.relations}
    for item in (accepted, rejected):
        key = (item.data["source"], item.data["type"], item.data["target"])
        assert (item.article, key) not in proposed
    assert again.counts["relation", "rejected"] >= 1
    graph = build(desk.facts, seed_corpus)[0].read()
    source, target = accepted.data["source"], accepted.data["target"]
    assert any(data.get("type") == accepted.data["type"]
               for data in graph.get_edge_data(source, target, default={}).values())


def test_a_facts_path_given_as_a_file_is_refused(seed_proposals: Path,
                                                 seed_corpus: Corpus) -> None:
    with pytest.raises(ReviewError, match="must be a folder"):
        Desk(seed_proposals, FACTS / "000_a9e083a6abf19069.yaml", DECISIONS, seed_corpus)


def test_an_empty_proposals_folder_is_refused(tmp_path: Path, seed_corpus: Corpus) -> None:
    with pytest.raises(ReviewError, match="no proposals to review"):
        Desk(tmp_path, FACTS, DECISIONS, seed_corpus)


def test_the_texts_are_found_in_the_folder_the_last_ingest_read(seed_corpus: Corpus,
                                                                tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.copy(SEEDS / "002_99ec2ccb705c3c6f.txt", reports / "902_copy.txt")
    ingest(reports, tmp_path / "proposed", FACTS, Corpus())
    desk = Desk(tmp_path / "proposed", tmp_path / "facts", tmp_path / "decisions.yaml",
                Corpus())
    shown = desk.evidence(first(desk, "relation").number)["window"]
    assert shown["text"] in (reports / "902_copy.txt").read_text("utf-8")


def test_one_shard_of_a_large_run_is_reviewed_with_its_texts(seed_proposals: Path,
                                                             tmp_path: Path) -> None:
    run = tmp_path / "proposed"
    shutil.copytree(seed_proposals, run)
    (run / "3f").mkdir()
    shard = sorted(run.glob("*.yaml"))[:2]
    for path in shard:
        path.rename(run / "3f" / path.name)
    desk = Desk(run / "3f", tmp_path / "facts", tmp_path / "decisions.yaml", Corpus())
    assert set(desk.queue.reports) == {path.stem for path in shard}
    assert desk.evidence(first(desk, "relation").number)["window"]["text"]
