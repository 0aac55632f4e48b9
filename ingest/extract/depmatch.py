"""Run the pattern files' DependencyMatcher patterns fast: what spaCy's ``DependencyMatcher``
finds, found by starting from the tokens that fit a pattern's first node and following its
relations, instead of testing every node of every pattern on every token (which made
spaCy's matcher three quarters of extraction time).

It understands the part of the DependencyMatcher format the pattern files use: the
operators ``>`` (child), ``<`` (head), ``>>`` (descendant) and ``<<`` (ancestor), and token
attributes compared to a string or with ``IN`` / ``NOT_IN``. ``supported`` says what else a
pattern asks for, so a pattern file using more is refused when it is read; the tests check
that this runner and spaCy's own find the same matches on real reports.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

ATTRIBUTES = {"DEP": "dep_", "LEMMA": "lemma_", "LOWER": "lower_", "POS": "pos_",
              "TAG": "tag_", "ORTH": "orth_", "TEXT": "text", "ENT_TYPE": "ent_type_"}
OPERATORS = (">", "<", ">>", "<<")

Test = Callable[[Token], bool]


def supported(pattern: Sequence[dict[str, Any]]) -> str | None:
    """What in ``pattern`` this runner does not understand (None: all of it)."""
    for node in pattern:
        operator = node.get("REL_OP")
        if operator is not None and operator not in OPERATORS:
            return f"operator {operator!r} (use one of {' '.join(OPERATORS)})"
        for key, value in node.get("RIGHT_ATTRS", {}).items():
            if key not in ATTRIBUTES:
                return f"token attribute {key!r} (use one of {', '.join(ATTRIBUTES)})"
            if isinstance(value, dict) and not set(value) <= {"IN", "NOT_IN"}:
                return f"{key} condition {', '.join(sorted(value))} (use IN or NOT_IN)"
    return None


def _test(attrs: dict[str, Any]) -> Test:
    """One node's token test: every attribute agrees."""
    checks: list[tuple[str, frozenset[str], bool]] = []
    for key, value in attrs.items():
        if isinstance(value, dict):
            if "IN" in value:
                checks.append((ATTRIBUTES[key], frozenset(value["IN"]), True))
            if "NOT_IN" in value:
                checks.append((ATTRIBUTES[key], frozenset(value["NOT_IN"]), False))
        else:
            checks.append((ATTRIBUTES[key], frozenset((value,)), True))
    return lambda token: all((getattr(token, name) in allowed) is wanted
                             for name, allowed, wanted in checks)


def _related(token: Token, operator: str) -> Iterator[Token]:
    if operator == ">":
        yield from token.children
    elif operator == "<":
        if token.head.i != token.i:
            yield token.head
    elif operator == ">>":
        yield from (t for t in token.subtree if t.i != token.i)
    else:
        yield from token.ancestors


@dataclass(frozen=True)
class Compiled:
    """A pattern ready to run: its nodes' tests and, for each node after the first, the
    node it hangs from and by which operator."""

    tests: tuple[Test, ...]
    links: tuple[tuple[int, str], ...]
    lemmas: frozenset[str] | None
    """The lemmas the first node allows, when it names them (a quick index lookup)."""


def compile_pattern(pattern: Sequence[dict[str, Any]]) -> Compiled:
    """``pattern`` (a DependencyMatcher pattern this runner supports) ready to run."""
    names = [node["RIGHT_ID"] for node in pattern]
    links = tuple((names.index(node["LEFT_ID"]), node["REL_OP"]) for node in pattern[1:])
    root = pattern[0].get("RIGHT_ATTRS", {}).get("LEMMA")
    lemmas = frozenset(root["IN"]) if isinstance(root, dict) and "IN" in root else \
        frozenset((root,)) if isinstance(root, str) else None
    return Compiled(tuple(_test(node.get("RIGHT_ATTRS", {})) for node in pattern), links,
                    lemmas)


def by_lemma(doc: Doc) -> dict[str, list[Token]]:
    """The tokens of ``doc`` by lemma, once per document."""
    found: dict[str, list[Token]] = {}
    for token in doc:
        found.setdefault(token.lemma_, []).append(token)
    return found


def find(compiled: Compiled, doc: Doc, lemmas: dict[str, list[Token]]) -> Iterator[list[int]]:
    """Every assignment of tokens to the pattern's nodes (token indices in node order)."""
    if compiled.lemmas is not None:
        roots: Iterator[Token] = (t for lemma in compiled.lemmas for t in lemmas.get(lemma, ()))
    else:
        roots = iter(doc)
    first = compiled.tests[0]
    for root in roots:
        if first(root):
            yield from _extend(compiled, [root], 1)


def _extend(compiled: Compiled, chosen: list[Token], node: int) -> Iterator[list[int]]:
    if node == len(compiled.tests):
        yield [token.i for token in chosen]
        return
    left, operator = compiled.links[node - 1]
    test = compiled.tests[node]
    for token in _related(chosen[left], operator):
        if test(token):
            yield from _extend(compiled, [*chosen, token], node + 1)
