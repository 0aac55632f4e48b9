"""The vocabulary is consistent with itself and is what the README documents."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from graph.errors import VocabularyError
from graph.schema_doc import vocabulary_markdown
from graph.vocabulary import LABELS, REL_TYPES, label, rel_type


def test_every_endpoint_of_every_type_is_a_declared_label():
    for rel in REL_TYPES.values():
        assert set(rel.sources) | set(rel.targets) <= set(LABELS), rel.name


def test_types_and_labels_are_safe_to_place_in_cypher_text():
    for name in [*LABELS, *REL_TYPES]:
        assert re.fullmatch(r"[A-Z][A-Za-z_]*", name), name


def test_event_labels_carry_cameo_codes_by_kind():
    assert label("Meeting").cameo_for("visit") == "042"
    assert label("Meeting").cameo_for("call") == "041"
    assert label("Exercise").cameo_for("naval") == "062"
    assert label("Agreement").cameo_for("ceasefire") == "0871"
    assert label("Country").cameo_for(None) is None


def test_unknown_names_are_refused():
    with pytest.raises(VocabularyError, match="unknown label 'Drill'"):
        label("Drill")
    with pytest.raises(VocabularyError, match="unknown relationship type"):
        rel_type("n) DETACH DELETE n //")


def test_the_readme_documents_the_vocabulary_exactly():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert vocabulary_markdown() in readme
