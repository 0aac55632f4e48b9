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

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

ATTRIBUTES = {"DEP": "dep_", "LEMMA": "lemma_", "LOWER": "lower_", "POS": "pos_",
              "TAG": "tag_", "ORTH": "orth_", "TEXT": "text", "ENT_TYPE": "ent_type_"}
OPERATORS = (">", "<", ">>", "<<")

Test = Callable[[dict[str, str]], bool]


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
    """One node's test of a token (by index into a ``Table``): every attribute agrees."""
    checks: list[tuple[str, frozenset[str], bool]] = []
    for key, value in attrs.items():
        if isinstance(value, dict):
            if "IN" in value:
                checks.append((key, frozenset(value["IN"]), True))
            if "NOT_IN" in value:
                checks.append((key, frozenset(value["NOT_IN"]), False))
        else:
            checks.append((key, frozenset((value,)), True))
    if not checks:
        return lambda values: True
    if len(checks) == 1:
        key, allowed, wanted = checks[0]
        return (lambda values: values[key] in allowed) if wanted else \
            (lambda values: values[key] not in allowed)

    return lambda values: all((values[key] in allowed) is wanted
                              for key, allowed, wanted in checks)


class Table:
    """A parsed document as plain values, read once: each token's attributes, head and
    children, and the tokens by lemma (the patterns' first nodes are looked up there)."""

    def __init__(self, doc: Doc, shared: bool = False) -> None:
        self.values = [{key: getattr(token, name) for key, name in ATTRIBUTES.items()}
                       for token in doc]
        self.heads = [token.head.i for token in doc]
        self.children: list[list[int]] = [[] for _ in doc]
        for index, head in enumerate(self.heads):
            if head != index:
                self.children[head].append(index)
        self.indexes: dict[str, dict[str, list[int]]] = {}
        self.shared = shared_subjects(doc) if shared else {}

    def having(self, key: str, values: frozenset[str]) -> list[int]:
        """The tokens whose attribute ``key`` is one of ``values``, in text order (each
        attribute indexed the first time a pattern's first node asks for it)."""
        index = self.indexes.get(key)
        if index is None:
            index = self.indexes[key] = {}
            for position, token in enumerate(self.values):
                index.setdefault(token[key], []).append(position)
        found = [position for value in values for position in index.get(value, ())]
        return sorted(found) if len(values) > 1 else found

    def related(self, index: int, operator: str) -> list[int]:
        """The tokens ``operator`` leads to from token ``index``."""
        if operator == ">":
            return self.children[index] + self.shared.get(index, [])
        if operator == "<":
            head = self.heads[index]
            return [head] if head != index else []
        if operator == ">>":
            found, stack = [], list(self.children[index])
            while stack:
                child = stack.pop()
                found.append(child)
                stack.extend(self.children[child])
            return sorted(found)
        found = []
        while self.heads[index] != index:
            index = self.heads[index]
            found.append(index)
        return found


SUBJECTS = frozenset(("nsubj", "nsubjpass"))


def shared_subjects(doc: Doc) -> dict[int, list[int]]:
    """The subjects a verb shares with the verb it is coordinated with, by token: in ``the
    brigade landed at A and secured B`` the brigade is the subject of ``secured`` too (as in
    Universal Dependencies' enhanced graphs), when the conjunct has no subject of its own
    and the same voice (``was hosted by A and run by B``: the passive subject is shared)."""
    found: dict[int, list[int]] = {}
    for token in doc:
        head = token.head
        if token.dep_ != "conj" or token.pos_ not in ("VERB", "AUX") or \
                head.pos_ not in ("VERB", "AUX") or \
                any(child.dep_ in SUBJECTS for child in token.children):
            continue
        passive = any(child.dep_ == "auxpass" for child in token.children) or (
            token.tag_ == "VBN" and not any(child.dep_ == "aux" for child in token.children)
            and any(child.dep_ == "auxpass" for child in head.children))
        own = [child.i for child in head.children if child.dep_ in SUBJECTS]
        subjects = [i for i in own or found.get(head.i, [])
                    if (doc[i].dep_ == "nsubjpass") == passive]
        if subjects:
            found[token.i] = subjects
    return found


@dataclass(frozen=True)
class Compiled:
    """A pattern ready to run: its nodes' tests and, for each node after the first, the
    node it hangs from and by which operator."""

    tests: tuple[Test, ...]
    links: tuple[tuple[int, str], ...]
    first: tuple[str, frozenset[str]] | None
    """An attribute of the first node and the values it allows (its lemmas when it names
    them), so the tokens to start from are looked up, not all tried."""


def compile_pattern(pattern: Sequence[dict[str, Any]]) -> Compiled:
    """``pattern`` (a DependencyMatcher pattern this runner supports) ready to run."""
    names = [node["RIGHT_ID"] for node in pattern]
    links = tuple((names.index(node["LEFT_ID"]), node["REL_OP"]) for node in pattern[1:])
    return Compiled(tuple(_test(node.get("RIGHT_ATTRS", {})) for node in pattern), links,
                    _first(pattern[0].get("RIGHT_ATTRS", {})))


def _first(attrs: dict[str, Any]) -> tuple[str, frozenset[str]] | None:
    """The attribute and values to look the first node's tokens up by: its lemmas, else
    the first attribute it names values of."""
    for key in ("LEMMA", *attrs):
        value = attrs.get(key)
        if isinstance(value, str):
            return key, frozenset((value,))
        if isinstance(value, dict) and "IN" in value:
            return key, frozenset(value["IN"])
    return None


def find(compiled: Compiled, table: Table) -> Iterator[list[int]]:
    """Every assignment of tokens to the pattern's nodes (token indices in node order)."""
    roots: Iterable[int] = range(len(table.values)) if compiled.first is None else \
        table.having(*compiled.first)
    first = compiled.tests[0]
    for root in roots:
        if first(table.values[root]):
            yield from _extend(compiled, table, [root], 1)


def _extend(compiled: Compiled, table: Table, chosen: list[int], node: int
            ) -> Iterator[list[int]]:
    if node == len(compiled.tests):
        yield chosen
        return
    left, operator = compiled.links[node - 1]
    test = compiled.tests[node]
    for index in table.related(chosen[left], operator):
        if test(table.values[index]):
            yield from _extend(compiled, table, [*chosen, index], node + 1)
