"""The pattern runner finds exactly what spaCy's own DependencyMatcher finds with the same
patterns, on real parses of every development report, and starts from a pattern's first
node (its lemma) rather than testing every node on every token."""

from __future__ import annotations

import pytest
from spacy.matcher import DependencyMatcher
from spacy.strings import get_string_id

from conftest import FIXTURES
from ingest.extract.depmatch import Table, compile_pattern, find, shared_subjects, supported
from ingest.extract.nlp import parse, parse_all
from ingest.extract.rulebook import rules

REPORTS = sorted((FIXTURES / "dev" / "reports").glob("*.txt"))


@pytest.fixture(scope="module")
def docs() -> list:
    return list(parse_all([path.read_text(encoding="utf-8") for path in REPORTS]))


def test_same_matches_as_spacy_on_every_dev_report(docs: list) -> None:
    spacy_matcher = DependencyMatcher(docs[0].vocab)
    for rule in rules():
        spacy_matcher.add(rule.id, [list(rule.pattern)])
    total = 0
    for path, doc in zip(REPORTS, docs, strict=True):
        theirs = {(doc.vocab.strings[key], tuple(ids)) for key, ids in spacy_matcher(doc)}
        table = Table(doc)
        mine = {(rule.id, tuple(ids)) for rule in rules()
                for ids in find(compile_pattern(rule.pattern), table)}
        assert mine == theirs, path.name
        total += len(theirs)
    assert total > 500


def test_a_pattern_matches_tokens_in_node_order() -> None:
    doc = parse("Kazakhstan and Kyrgyzstan signed the treaty in Bishkek.")
    pattern = [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": "sign"}},
               {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "source",
                "RIGHT_ATTRS": {"DEP": "nsubj"}},
               {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "target",
                "RIGHT_ATTRS": {"DEP": "dobj", "LOWER": {"IN": ["treaty"]}}}]
    compiled = compile_pattern(pattern)
    assert compiled.tests[0].checks == (("LEMMA", frozenset({get_string_id("sign")}), True),)
    assert [[doc[i].text for i in ids] for ids in find(compiled, Table(doc))] == \
        [["signed", "Kazakhstan", "treaty"]]


@pytest.mark.parametrize(("node", "message"), [
    ({"LEFT_ID": "a", "REL_OP": "$+", "RIGHT_ID": "b", "RIGHT_ATTRS": {}}, "operator '$+'"),
    ({"LEFT_ID": "a", "REL_OP": ">", "RIGHT_ID": "b", "RIGHT_ATTRS": {"SHAPE": "Xxxx"}},
     "token attribute 'SHAPE'"),
    ({"LEFT_ID": "a", "REL_OP": ">", "RIGHT_ID": "b",
      "RIGHT_ATTRS": {"LEMMA": {"FUZZY": "sign"}}}, "LEMMA condition FUZZY"),
])
def test_what_the_runner_lacks_is_named(node: dict, message: str) -> None:
    assert message in supported([{"RIGHT_ID": "a", "RIGHT_ATTRS": {}}, node])


@pytest.mark.parametrize(("text", "shared"), [
    ("The brigade landed at Mombasa and secured the port.", {"secured": ["brigade"]}),
    ("Kenya arrived in Somalia and will train Somali soldiers.", {"train": ["Kenya"]}),
    ("The exercise is hosted by Saudi Arabia and run by the Air Warfare Center.",
     {"run": ["exercise"]}),
    ("Kenya sent troops and Uganda sent police.", {}),
])
def test_a_conjunct_verb_shares_the_subject_it_lacks(text: str, shared: dict) -> None:
    doc = parse(text)
    assert {doc[verb].text: [doc[i].text for i in subjects]
            for verb, subjects in shared_subjects(doc).items()} == shared


def test_only_a_table_asked_to_share_subjects_reaches_them() -> None:
    doc = parse("Kenya arrived in Somalia and will train Somali soldiers.")
    pattern = [{"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": "train"}},
               {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "source",
                "RIGHT_ATTRS": {"DEP": "nsubj"}}]
    compiled = compile_pattern(pattern)
    assert list(find(compiled, Table(doc))) == []
    assert [[doc[i].text for i in ids] for ids in find(compiled, Table(doc).sharing())] \
        == [["train", "Kenya"]]
