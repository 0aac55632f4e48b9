"""The relation patterns in ingest/extract/rules: every file loads against the vocabulary,
every pattern yields exactly what its example sentences say, and a broken file is refused
in one line naming the file and the pattern."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.vocabulary import FACT_TYPES
from ingest.extract.extractor import rule_yield
from ingest.extract.rulebook import RULES, RuleFileError, read_rule_file, rules

ALL = rules()


def test_every_family_has_a_file_and_patterns() -> None:
    families = {path.stem for path in RULES.glob("*.yaml")}
    assert {"participation", "signing", "command", "membership", "part_of", "venue",
            "location", "support", "training", "deployment", "hosting", "mediation",
            "fighting"} <= families
    assert {rule.type for rule in ALL} <= set(FACT_TYPES)
    assert len({rule.id for rule in ALL}) == len(ALL)


@pytest.mark.parametrize("rule", ALL, ids=[rule.id for rule in ALL])
def test_pattern_yields_what_its_examples_say(rule) -> None:
    for example in rule.examples:
        assert rule_yield(rule, example.text) == set(example.expect), example.text


BROKEN = {
    "unknown type": ("type: ALLIED_WITH", "type 'ALLIED_WITH' is not a relationship type"),
    "label outside the endpoints": ("sources: [Exercise]", "sources Exercise not allowed"),
    "no target anchor": ("pattern: [{RIGHT_ID: source, RIGHT_ATTRS: {LEMMA: sign}}]",
                         "no target anchor"),
    "bad matcher pattern": (
        "pattern: [{RIGHT_ID: source, RIGHT_ATTRS: {LEMMA: sign}}, "
        "{LEFT_ID: source, REL_OP: '~~', RIGHT_ID: target, RIGHT_ATTRS: {}}]",
        "not a valid DependencyMatcher pattern"),
    "no examples": ("examples: []", "examples must be a non-empty list"),
    "operator the runner lacks": (
        "pattern: [{RIGHT_ID: target, RIGHT_ATTRS: {LEMMA: agreement}}, "
        "{LEFT_ID: target, REL_OP: '.', RIGHT_ID: source, RIGHT_ATTRS: {}}]",
        "the pattern runner does not support operator '.'"),
    "condition the runner lacks": (
        "pattern: [{RIGHT_ID: target, RIGHT_ATTRS: {LEMMA: {REGEX: 'agree.*'}}}, "
        "{LEFT_ID: target, REL_OP: '<', RIGHT_ID: source, RIGHT_ATTRS: {}}]",
        "does not support LEMMA condition REGEX"),
    "context with both anchors": ("context: event", "takes one anchor (source or target) from"),
    "implicit not a flag": ("implicit: 1", "implicit must be true or false"),
}
GOOD = {
    "type": "type: SIGNED",
    "sources": "sources: [Country]",
    "pattern": "pattern: [{RIGHT_ID: target, RIGHT_ATTRS: {LEMMA: agreement}}, "
               "{LEFT_ID: target, REL_OP: '<', RIGHT_ID: source, RIGHT_ATTRS: {}}]",
    "examples": "examples: [{text: 'Chad signed the agreement.', expect: ['Chad -> agreement']}]",
}


@pytest.mark.parametrize("case", BROKEN)
def test_broken_file_is_one_clear_error(case: str, tmp_path: Path) -> None:
    line, message = BROKEN[case]
    key = line.split(":")[0]
    body = "\n".join(f"    {line if name == key else GOOD[name]}" for name in GOOD)
    if key not in GOOD:
        body += f"\n    {line}"
    path = tmp_path / "signing.yaml"
    path.write_text(f"patterns:\n  - id: signing.bad\n    confidence: 0.6\n{body}\n",
                    encoding="utf-8")
    with pytest.raises(RuleFileError) as error:
        read_rule_file(path)
    assert str(error.value).startswith(f"{path}: pattern signing.bad: ")
    assert message in str(error.value)


def test_not_yaml_is_refused_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "venue.yaml"
    path.write_text("patterns: [\n", encoding="utf-8")
    with pytest.raises(RuleFileError, match=r"venue\.yaml: not a readable YAML file"):
        read_rule_file(path)
