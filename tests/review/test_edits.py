"""Decisions as edits of YAML text: what was in a file stays byte for byte, the new item
reads back as written, whatever its names hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FACTS, HOSTILE, ROOT
from ingest.facts.files import parse_facts
from ingest.review.decisions import read_decisions
from ingest.review.edits import add_decision, add_facts, drop_decisions

SEED = FACTS / "002_99ec2ccb705c3c6f.yaml"
DECISIONS = ROOT / "data" / "decisions.yaml"

PLACE = {"id": "zangilan", "label": "Location", "name": "Zangilan", "aliases": ["Zangilan"],
         "evidence": [[10, 18]]}
TIE = {"type": "LOCATED_IN", "source": "zangilan", "target": "AZE", "evidence": [[10, 18]],
       "note": "accepted in review"}


def added_lines(old: str, new: str) -> list[str]:
    """The lines of ``new`` that are not ``old``'s, checking ``old``'s come in order."""
    old_lines, extra = old.splitlines(), []
    index = 0
    for line in new.splitlines():
        if index < len(old_lines) and line == old_lines[index]:
            index += 1
        else:
            extra.append(line)
    assert index == len(old_lines), "a line of the old file was changed or lost"
    return extra


def test_an_accepted_entity_and_relation_are_appended_to_their_sections() -> None:
    old = SEED.read_text(encoding="utf-8")
    new = add_facts(old, {}, [PLACE], [TIE])
    assert added_lines(old, new) == [
        "- id: zangilan", "  label: Location", "  name: Zangilan", "  aliases: [Zangilan]",
        "  evidence: [[10, 18]]",
        "- type: LOCATED_IN", "  source: zangilan", "  target: AZE",
        "  evidence: [[10, 18]]", "  note: accepted in review"]
    facts = parse_facts(SEED, new)
    assert facts.entities[-1].data == PLACE
    assert facts.relations[-1].data == TIE
    assert new.index("- id: zangilan") < new.index("relations:")


def test_a_report_with_no_curated_file_gets_one_with_its_article() -> None:
    article = {"id": "900_new", "file": "900_new.txt", "title": "A title: with a colon",
               "published": "2024-05-01", "author": None}
    facts = parse_facts(Path("900_new.yaml"), add_facts(None, article, [PLACE], [TIE]))
    assert facts.article.data == {"id": "900_new", "file": "900_new.txt",
                                  "title": "A title: with a colon", "published": "2024-05-01"}
    assert [record.data["id"] for record in facts.entities] == ["zangilan"]
    assert [record.data["type"] for record in facts.relations] == ["LOCATED_IN"]


@pytest.mark.parametrize("name", (*HOSTILE, "- id: injected", "yes", "null", "#hash",
                                  "a: b", "{[not, flow]}", "'quoted'"))
def test_any_name_reads_back_exactly_as_given(name: str) -> None:
    entity = {**PLACE, "name": name, "aliases": [name, "plain"]}
    facts = parse_facts(SEED, add_facts(SEED.read_text(encoding="utf-8"), {}, [entity], []))
    read = facts.entities[-1].data
    expected = name.replace("\r\n", "\n").replace("\r", "\n")
    assert read["name"] in (name, expected)
    assert read["aliases"][0] == read["name"]
    assert len(facts.entities) == len(parse_facts(SEED, SEED.read_text("utf-8")).entities) + 1


def test_a_decision_keeps_every_comment_and_the_file_s_indentation(tmp_path: Path) -> None:
    old = DECISIONS.read_text(encoding="utf-8")
    new = add_decision(old, "reject", {"relation": {"type": "LOCATED_IN", "source": "baku",
                                                    "target": "AZE"},
                                       "article": "000_a9e083a6abf19069"})
    assert added_lines(old, new) == [
        "  - relation: {type: LOCATED_IN, source: baku, target: AZE}",
        "    article: 000_a9e083a6abf19069"]
    path = tmp_path / "decisions.yaml"
    path.write_text(new, encoding="utf-8")
    last = read_decisions(path).rejects[-1]
    assert (last.relation, last.article) == (("LOCATED_IN", "baku", "AZE"),
                                             "000_a9e083a6abf19069")


def test_a_new_section_and_a_new_file_read_as_decisions(tmp_path: Path) -> None:
    path = tmp_path / "decisions.yaml"
    path.write_text(add_decision(None, "merge", {"into": "nato", "ids": ["the-alliance"]}),
                    encoding="utf-8")
    text = add_decision(path.read_text("utf-8"), "rename", {"id": "x", "name": HOSTILE[3]})
    path.write_text(text, encoding="utf-8")
    decisions = read_decisions(path)
    assert [(m.into, m.ids) for m in decisions.merges] == [("nato", ("the-alliance",))]
    assert [(r.id, r.name) for r in decisions.renames] == [("x", HOSTILE[3])]


def test_dropping_a_rename_leaves_the_others() -> None:
    text = add_decision(add_decision(None, "rename", {"id": "a", "name": "A"}),
                        "rename", {"id": "b", "name": "B"})
    assert "id: a" not in drop_decisions(text, "rename", {"id": "a"})
    assert "id: b" in drop_decisions(text, "rename", {"id": "a"})
    assert drop_decisions(text, "rename", {"id": "c"}) == text
