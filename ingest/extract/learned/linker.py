"""The learned linker: relations a linear model proposes between entities the rules found
but left unrelated, one logistic model per relation type, kept above the type's threshold.

The weights live in ``linker.json`` beside this module, trained on the development gold by
``ingest/evaluate/train_linker.py`` (``make linker``); what the model proposes carries rule
``learned.near`` or ``learned.far`` and its probability as confidence, so a reviewer sees
it came from the model and weighs it below what a pattern states.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from graph.vocabulary import FACT_TYPES
from ingest.errors import IngestError
from ingest.extract.facts import Extraction
from ingest.extract.learned.features import pairs
from ingest.extract.sentences import Sentence

SHIPPED = Path(__file__).with_name("linker.json")
"""The model milcoop ships, trained on dev reports 1-348."""
FAMILY = "learned.linker"
"""The linker's name for ``extract(..., without=)``."""
KINDS = ("near", "far")
"""The linker's two models: pairs one sentence names, and pairs only the report ties."""


class LinkerInvalid(IngestError):
    """A linker model file that is not valid JSON in the linker's shape."""


@dataclass(frozen=True)
class TypeModel:
    """One relation type's logistic model: its bias, the weight of each feature and the
    probability a pair must reach to be proposed."""

    bias: float
    threshold: float
    weights: Mapping[str, float]

    def probability(self, features: tuple[str, ...]) -> float:
        """The model's probability that a pair with ``features`` holds this relation."""
        return probability(self.bias, self.weights, features)


def probability(bias: float, weights: Mapping[str, float], features: tuple[str, ...]) -> float:
    """A logistic model's probability for ``features`` (summed in their sorted order, so
    the same pair always scores the same)."""
    total = bias + sum(map(weights.get, features, repeat(0.0, len(features))))
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, total))))


Model = Mapping[str, TypeModel]
"""A model for one kind of pair: one logistic model per relation type."""


@dataclass(frozen=True)
class Linker:
    """The near and far models, and what they were trained on."""

    near: Model
    far: Model
    trained_on: str = ""


def _number(value: Any, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise LinkerInvalid(f"{where}: expected a number, got {value!r}")
    return float(value)


def _model(data: Any, where: str) -> Model:
    if not isinstance(data, dict):
        raise LinkerInvalid(f"{where}: expected an object of relation types")
    types = {}
    for name, model in data.items():
        here = f"{where}.{name}"
        if name not in FACT_TYPES:
            raise LinkerInvalid(f"{here}: {name!r} is not a fact type of the vocabulary")
        if not isinstance(model, dict) or not isinstance(model.get("weights"), dict):
            raise LinkerInvalid(f"{here}: expected an object with a bias, a threshold "
                                "and weights")
        threshold = _number(model.get("threshold"), f"{here}.threshold")
        if not 0 < threshold < 1:
            raise LinkerInvalid(f"{here}.threshold: {threshold} is not between 0 and 1")
        weights = {str(k): _number(v, f"{here}.weights[{k!r}]")
                   for k, v in model["weights"].items()}
        types[name] = TypeModel(_number(model.get("bias"), f"{here}.bias"), threshold, weights)
    return types


def read_linker(path: Path) -> Linker:
    """The linker model in ``path``, checked against the vocabulary; a clear error naming
    the file and the field when it is not one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise LinkerInvalid(f"{path}: not a readable JSON linker model ({error})") from None
    if not isinstance(data, dict):
        raise LinkerInvalid(f"{path}: expected a JSON object with near and far models")
    near, far = (_model(data.get(kind), f"{path}: {kind}") for kind in KINDS)
    return Linker(near, far, trained_on=str(data.get("trained_on", "")))


@cache
def shipped() -> Linker:
    """The model milcoop ships, read once per process."""
    return read_linker(SHIPPED)


def link(out: Extraction, doc: Doc, sentences: list[Sentence],
         linker: Linker | None = None) -> None:
    """Add to ``out`` every relation the linker's model scores at or above its type's
    threshold between entities the rules left unrelated, the evidence being the
    sentence(s)."""
    linker = linker or shipped()
    found = []
    for pair in pairs(out, doc, sentences, linker.near.keys(), linker.far.keys()):
        model = linker.near if pair.near else linker.far
        for type_ in pair.types:
            scorer = model.get(type_)
            if scorer is None:
                continue
            p = scorer.probability(pair.features)
            if p >= scorer.threshold:
                found.append((pair, type_, p))
    for pair, type_, p in found:
        for span in pair.spans:
            out.relate(type_, pair.source, pair.target, span,
                       f"learned.{'near' if pair.near else 'far'}", round(p, 2))
