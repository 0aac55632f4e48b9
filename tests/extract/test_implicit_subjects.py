"""Pattern anchors that are pronouns stand for the actor a clause or report is about:
``it``, ``its``, ``they``, ``their`` take the subject of an earlier clause or of the
sentence before, when that names an actor of the labels the pattern wants."""

from __future__ import annotations

import pytest

from ingest.extract.extractor import extract, rule_yield
from ingest.extract.rulebook import rules

RULES = {rule.id: rule for rule in rules()}


@pytest.mark.parametrize(("rule", "text", "expect"), [
    ("support.in_support_of",
     "US Africa Command said it carried out two airstrikes near Aanole in support of the "
     "Somali National Army.", {("US Africa Command", "Somali National Army")}),
    ("cooperation.cooperates_with",
     "Moldova is neutral under its constitution, but it cooperates with NATO.",
     {("Moldova", "NATO")}),
    ("command.commanded_by",
     "Operation Kelenya began in March. It is commanded by Brigadier General Issa Sawadogo.",
     {("Issa Sawadogo", "Operation Kelenya")}),
])
def test_a_pronoun_stands_for_the_last_subject(rule: str, text: str,
                                               expect: set[tuple[str, str]]) -> None:
    assert rule_yield(RULES[rule], text) == expect


def test_a_pronoun_after_a_fitting_object_is_left_unresolved() -> None:
    text = ("India's Centre for United Nations Peacekeeping will train a Vietnamese "
            "engineering company before it deploys to the UN Interim Security Force for Abyei.")
    assert rule_yield(RULES["deployment.deployed_to"], text) == set()


def test_a_pronoun_inside_the_object_before_it_is_resolved_not_chased_in_circles() -> None:
    text = "Title\n\nKenya has deployed a company of its special forces to Somalia."
    assert set(extract(text, "r").relations) == {("KEN", "DEPLOYED_TO", "SOM")}


def test_a_pronoun_inside_its_own_subject_is_not_chased_in_circles() -> None:
    text = ("Title\n\nThe Kenyan Minister of Defence Its and National Service, Aden Duale, "
            "attended.")
    assert {"KEN", "aden-duale"} <= set(extract(text, "r").entities)
