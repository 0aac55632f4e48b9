"""A facts file in the writer's shape, read line by line, gives exactly what the writer wrote
and what libyaml's reader gives; whatever is not in that shape is left to libyaml's."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.extract.facts import Entity, Relation
from ingest.facts.compose import compose_facts
from ingest.facts.lines import read_lines
from ingest.facts.writer import facts_text
from ingest.review.proposals import Proposal


def proposal(name: str) -> Proposal:
    """A proposal whose exercise is called ``name``, with every kind of value the writer
    writes: text, lists, spans, dates, numbers and a relation's note."""
    exercise = Entity("sea-breeze-2025", "Exercise", name, [name, "the drills"],
                      {"start": "2025-07", "kind": "naval"}, [(0, 10), (40, 52)],
                      "exercise.named", 0.8)
    state = Entity("UKR", "Country", "Ukraine", ["Ukraine"], {}, [(60, 67)], "gazetteer", 0.9)
    took_part = Relation("PARTICIPATED_IN", "UKR", "sea-breeze-2025", [(0, 67)],
                         "participation.subject", 0.7, {"role": "host"})
    return Proposal({"id": "r1", "file": "r1.txt", "title": f"{name} ends"}, "x" * 80,
                    [(exercise, "new"), (state, "known")], [(took_part, "new")])


NAMES = ["Sea Breeze-2025", "Türkiye's 😀 drills", 'the "Sea Breeze" drills', "back\\slash",
         "Task Force #1", "a  # not a comment", "", "null", "true", "1992", "2025-07-01",
         "[not a list]", "x: y", "- dash", "tab\there", "line\u2028break", "nel\x85", "\\u00e9"]


@pytest.mark.parametrize("name", NAMES)
def test_what_the_writer_writes_reads_back_as_written(name: str) -> None:
    text, written = facts_text(proposal(name), "Proposed by a test.", Path("r1.yaml"))
    read = read_lines(text)
    assert read is None or read == compose_facts(text)
    if read is not None:
        assert [read["article"], *read["entities"], *read["relations"]] == [
            (r.data, r.line, r.key_lines)
            for r in (written.article, *written.entities, *written.relations)]


def test_a_proposal_of_ordinary_names_is_read_line_by_line() -> None:
    for name in ("Sea Breeze-2025", "Türkiye's 😀 drills", 'the "Sea Breeze" drills',
                 "Task Force #1", "a  # not a comment", "null", "- dash"):
        text, _ = facts_text(proposal(name), "Proposed by a test.", Path("r1.yaml"))
        assert read_lines(text) is not None, name


@pytest.mark.parametrize("text", [
    "article:\n  id: a\n  id: b\n",
    "article:\n  id: r1\n",
    "article:\n  id: \"r1\"\nentities:\n- id: \"AZE\"\n  aliases:\n  - \"Azerbaijan\"\n",
    "article:\n  id: \"r1\"\n  title: {\"a\": 1}\n",
    "article:\n  id: \"r1\"\n  title: \"caf\\u00e9\"\n",
    "article:\n  id: \"r1\"\n  title: \"two\n    lines\"\n",
    "article:\n  id: \"r1\"\n  # a comment indented\n",
    "article:\n  id: \"r1\"\n\ttitle: \"tab\"\n",
    "---\narticle:\n  id: \"r1\"\n",
    "article:\n- id: \"r1\"\n",
    "article:\n  id: \"r1\"\nentities:\n  id: \"AZE\"\n",
    "article:\n  id: \"r1\"\nentities: []\n- id: \"AZE\"\n",
    "article:\n  id: \"r1\"\n  title: \"x\"# no space\n",
    "article:\n  id: \"r1\"\n  true: \"typed key\"\n",
    "article:\n  id: \"r1\"\narticle:\n  id: \"r2\"\n",
    "entities: []\n",
    "article:\n",
])
def test_a_file_not_in_the_writer_s_shape_is_left_to_libyaml(text: str) -> None:
    assert read_lines(text) is None
