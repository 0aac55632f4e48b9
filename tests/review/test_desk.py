"""The review desk over the proposals of the five seed reports: each decision is written at
once in the formats ingest reads, a stale one is refused, undo puts the bytes back, and the
next ingest and build honour what was decided."""

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
from ingest.review.state import mapped_key
from ingest.run import ingest, read_curated

DECISIONS = ROOT / "data" / "decisions.yaml"


@pytest.fixture(scope="module")
def proposed(seed_corpus: Corpus, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The proposals of the seed reports, as `milcoop ingest` writes them."""
    out = tmp_path_factory.mktemp("proposed")
    ingest(SEEDS, out, FACTS, seed_corpus, read_decisions(DECISIONS))
    return out


@pytest.fixture
def desk(proposed: Path, seed_corpus: Corpus, tmp_path: Path) -> Desk:
    """A desk over a copy of the curated facts and decisions."""
    shutil.copytree(FACTS, tmp_path / "facts")
    shutil.copy(DECISIONS, tmp_path / "decisions.yaml")
    return Desk(proposed, tmp_path / "facts", tmp_path / "decisions.yaml", seed_corpus)


def first(desk: Desk, kind: str, article: str | None = None) -> Item:
    return next(item for item in desk.queue.items
                if item.kind == kind and article in (None, item.article))


def test_the_queue_holds_every_proposed_fact_least_confident_first_per_report(
        desk: Desk) -> None:
    items = desk.queue.items
    assert set(desk.queue.reports) == {path.stem for path in FACTS.glob("*.yaml")}
    assert {item.status for item in items} <= {"new", "known", "restated"}
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
    desk.decide(item.number, "accept", "undecided")
    facts = read_curated(desk.facts, seed_corpus)
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


def test_merging_an_entity_into_a_curated_one_then_accepting_its_relation(
        desk: Desk, seed_corpus: Corpus) -> None:
    entity = first(desk, "entity")
    label = entity.data["label"]
    into = next(found for found in desk.search(entity.data["name"].split()[0], label)
                if found["curated"] and found["id"] != entity.data["id"])
    desk.decide(entity.number, "merge", "undecided", into["id"])
    merge = read_decisions(desk.decisions_path).merges[-1]
    assert (merge.into, merge.ids) == (into["id"], (entity.data["id"],))
    assert desk.overview()["items"][entity.number]["state"] == "merged"
    tied = [item for item in desk.queue.items if item.kind == "relation"
            and item.article == entity.article
            and entity.data["id"] in (item.data["source"], item.data["target"])]
    rules, curated = desk.now()
    states = {item.number: desk.overview()["items"][item.number]["state"] for item in tied}
    for item in tied:
        curated_now = mapped_key(item, rules) in curated.relations[entity.article]
        assert states[item.number] == ("accepted" if curated_now else "undecided")
    open_ = [item for item in tied if states[item.number] == "undecided"]
    if open_:
        desk.decide(open_[0].number, "accept", "undecided")
        facts = next(f for f in read_curated(desk.facts, seed_corpus)
                     if f.article_id == entity.article)
        ends = {facts.relations[-1].data["source"], facts.relations[-1].data["target"]}
        assert into["id"] in ends and entity.data["id"] not in ends


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
    entity = first(desk, "entity")
    if entity.data["label"] == "Country" and value == "AZE":
        pytest.skip("the entity is a country")
    before = [path.read_bytes() for path in sorted(desk.facts.iterdir())]
    decisions = desk.decisions_path.read_bytes()
    with pytest.raises(ReviewError, match=message):
        desk.decide(entity.number, action, "undecided", value)
    assert [path.read_bytes() for path in sorted(desk.facts.iterdir())] == before
    assert desk.decisions_path.read_bytes() == decisions


def test_undo_puts_back_the_bytes_unless_the_file_changed_since(desk: Desk) -> None:
    item = first(desk, "relation")
    path = desk.facts / f"{item.article}.yaml"
    before = path.read_bytes()
    desk.decide(item.number, "accept", "undecided")
    assert "undone: accepted" in desk.undo()
    assert path.read_bytes() == before
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


def test_a_facts_path_given_as_a_file_is_refused(proposed: Path, seed_corpus: Corpus) -> None:
    with pytest.raises(ReviewError, match="must be a folder"):
        Desk(proposed, FACTS / "000_a9e083a6abf19069.yaml", DECISIONS, seed_corpus)


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
