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

import copy
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import DEP, ENT_TYPE, HEAD, LEMMA, LOWER, ORTH, POS, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

ATTRIBUTES = {"DEP": DEP, "LEMMA": LEMMA, "LOWER": LOWER, "POS": POS, "TAG": TAG,
              "ORTH": ORTH, "TEXT": ORTH, "ENT_TYPE": ENT_TYPE}
"""The token attributes a pattern may test, and the ``Doc.to_array`` column each is read
from (a token's text is its ORTH)."""
ROWS = {key: list(dict.fromkeys(ATTRIBUTES.values())).index(attr)
        for key, attr in ATTRIBUTES.items()}
"""Each attribute's row in a table's array (a token's text and its ORTH are one row)."""
OPERATORS = (">", "<", ">>", "<<")
WORDS = frozenset(("LEMMA", "LOWER", "ORTH", "TEXT"))
"""Attributes that name words: a value of one is had by far fewer tokens than a part of
speech, tag, relation or entity type."""

FEW = 4
"""First tokens a search tries without setting aside first those it cannot go on from."""

Check = tuple[str, frozenset[int], bool]
"""One attribute test: the attribute, the values named (as spaCy's string ids, which
``Doc.to_array`` gives, so no token's value is made a string), and whether it must be one
of them (``IN``, or equal) or none of them (``NOT_IN``)."""
Checks = tuple[Check, ...]


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


def _ids(values: Sequence[str]) -> frozenset[int]:
    """The string ids of ``values`` (what ``Doc.to_array`` gives a token having one)."""
    return frozenset(get_string_id(value) for value in values)


def _checks(attrs: dict[str, Any]) -> Checks:
    """One node's tests of a token: every attribute agrees."""
    checks: list[Check] = []
    for key, value in attrs.items():
        if isinstance(value, dict):
            if "IN" in value:
                checks.append((key, _ids(value["IN"]), True))
            if "NOT_IN" in value:
                checks.append((key, _ids(value["NOT_IN"]), False))
        else:
            checks.append((key, _ids((value,)), True))
    return tuple(checks)


@dataclass(frozen=True, eq=False)
class Test:
    """One node's tests of a token, as one object: a table keeps the tokens passing it under
    the object itself, found by identity, not by hashing every test at each asking."""

    checks: Checks
    first: Check | None
    """The check whose tokens are looked up (a word's, which few tokens have, before a
    tag's or relation's); None when no check names values a token must have."""
    rest: Checks
    """The checks the tokens looked up are then tested against."""


def _test(checks: Checks) -> Test:
    """``checks`` as one test, its lookup chosen once."""
    first = min((check for check in checks if check[2]),
                key=lambda check: check[0] not in WORDS, default=None)
    return Test(checks, first, tuple(check for check in checks if check is not first))


class Columns(dict[str, list[int]]):
    """A table's attribute columns, each a list of string ids in text order, made from its
    array the first time a test reads it (a document's ORTH and ENT_TYPE are seldom read)."""

    def __init__(self, array: np.ndarray) -> None:
        super().__init__()
        self.array = array

    def __missing__(self, key: str) -> list[int]:
        column = self[key] = self.array[ROWS[key]].tolist()
        return column


class Table:
    """A parsed document as plain values, read once: each token's head and children, the
    attribute columns the patterns ask for, and per node test the tokens that pass it (so
    a pattern's tokens are checked by set membership, each test run once per document)."""

    def __init__(self, doc: Doc, words: dict[str, np.ndarray] | None = None) -> None:
        self.doc = doc
        self.size = len(doc)
        self.words = words
        """Per attribute naming words, the only words (string ids, sorted) tests look tokens
        up by (``lookups``): none given, every word is indexed."""
        self.heads: list[int] = (np.arange(self.size, dtype=np.int64) +
                                 doc.to_array(HEAD).astype(np.int64)).tolist()
        parents: dict[int, list[int]] = {}
        for index, head in enumerate(self.heads):
            if head != index:
                found = parents.get(head)
                if found is None:
                    parents[head] = [index]
                else:
                    found.append(index)
        self.children: list[Sequence[int]] = [parents.get(index, ()) for index in
                                              range(self.size)]
        """Each token's children in text order (a leaf's an empty tuple: about half the
        tokens are leaves, and a list made for each cost more than reading the parse)."""
        self.array = doc.to_array(list(dict.fromkeys(ATTRIBUTES.values()))).T
        self.columns: dict[str, list[int]] = Columns(self.array)
        self.indexes: dict[str, dict[int, list[int]]] = {}
        self.down: list[Sequence[int]] = self.children
        """What ``>`` leads to from each token: its children (and the subjects it borrows,
        in a ``sharing`` table)."""
        self.passing: dict[Test, tuple[list[int], set[int]]] = {}
        self.below: dict[int, list[int]] = {}
        self.above: dict[int, list[int]] = {}
        self.parents: dict[tuple[str, frozenset[str] | None], set[int]] = {}
        self.shared: dict[int, list[int]] = {}
        self.leads: dict[tuple[Test, str], set[int]] = {}
        self.sentences: list[Span] = []
        self.starts: list[int] = []

    def sentence(self, index: int) -> Span:
        """The sentence token ``index`` is in (``Token.sent``, without walking the sentence
        and making a Span at each asking: the sentences are read once per document)."""
        if not self.starts:
            self.sentences += self.doc.sents  # filled in place: shared with ``sharing``
            self.starts += (sentence.start for sentence in self.sentences)
        return self.sentences[bisect_right(self.starts, index) - 1]

    def sharing(self) -> Table:
        """This table with each conjunct verb's borrowed subjects (``shared_subjects``) seen
        by ``>``, its columns and tests' results shared with it (for ``implicit`` rules)."""
        other = copy.copy(self)
        other.shared = shared_subjects(self.doc, self)
        other.down = list(self.children)
        for index, subjects in other.shared.items():
            other.down[index] = [*self.children[index], *subjects]
        other.leads = {}
        return other

    def column(self, key: str) -> list[int]:
        """Every token's attribute ``key`` as a string id, in text order."""
        return self.columns[key]

    def fits(self, test: Test, index: int) -> bool:
        """Whether token ``index`` passes ``test``, read from the columns (a node's test is
        run on the tokens a search reaches, not on the whole document)."""
        columns = self.columns
        for key, values, positive in test.checks:
            if (columns[key][index] in values) is not positive:
                return False
        return True

    def index(self, key: str) -> dict[int, list[int]]:
        """The tokens by their attribute ``key``, each list in text order (indexed the first
        time a test asks for it)."""
        index = self.indexes.get(key)
        if index is None:
            index = self.indexes[key] = {}
            column = self.columns[key]
            for position in self.indexed(key):
                found = index.get(column[position])
                if found is None:
                    index[column[position]] = [position]
                else:
                    found.append(position)
        return index

    def indexed(self, key: str) -> Sequence[int]:
        """The tokens ``index`` files by ``key``: for a word attribute with ``words`` given,
        only those having one of them (most of a report's words no pattern names)."""
        wanted = self.words.get(key) if self.words is not None and key in WORDS else None
        if wanted is None:
            return range(self.size)
        if len(wanted) == 0 or self.size == 0:
            return []
        column = self.array[ROWS[key]]
        at = np.minimum(np.searchsorted(wanted, column), len(wanted) - 1)
        return np.flatnonzero(wanted[at] == column).tolist()

    def having(self, key: str, values: frozenset[int]) -> list[int]:
        """The tokens whose attribute ``key`` is one of ``values``, in text order (only the
        values the document has are looked up: a long word list meets few)."""
        index = self.index(key)
        common = index.keys() & values
        found = [position for value in common for position in index[value]]
        return sorted(found) if len(common) > 1 else found

    def passes(self, test: Test) -> tuple[list[int], set[int]]:
        """The tokens that pass ``test``, in text order and as a set (found the first time
        it is asked)."""
        found = self.passing.get(test)
        if found is None:
            tokens = self.passing_all(test)
            found = self.passing[test] = (tokens, set(tokens))
        return found

    def passing_all(self, test: Test) -> list[int]:
        """The tokens that pass every check of ``test``, in text order: those having the
        values its first check names, tested against the rest."""
        first = test.first
        tokens = list(range(self.size)) if first is None else self.having(first[0], first[1])
        for key, values, positive in test.rest:
            column = self.column(key)
            if positive:
                tokens = [token for token in tokens if column[token] in values]
            else:
                tokens = [token for token in tokens if column[token] not in values]
        return tokens

    def leading(self, test: Test, operator: str) -> set[int]:
        """The tokens from which ``operator`` (``>`` or ``<``) leads to a token that passes
        ``test``: the only tokens a pattern's first node can be when a node hanging from it
        by ``operator`` has that test (found the first time it is asked)."""
        key = (test, operator)
        found = self.leads.get(key)
        if found is None:
            passing, heads = self.passes(test)[0], self.heads
            if operator == ">":
                found = {heads[index] for index in passing if heads[index] != index}
                found.update(verb for verb, subjects in self.shared.items()
                             if any(subject in self.passes(test)[1] for subject in subjects))
            else:
                found = {child for index in passing for child in self.children[index]}
            self.leads[key] = found
        return found

    def heading(self, dep: str, words: frozenset[str] | None = None) -> set[int]:
        """The tokens with a child related to them by ``dep`` (one of ``words``, lowercased,
        when given): what asks of a match's tokens' children, without making their Tokens."""
        key = (dep, words)
        found = self.parents.get(key)
        if found is None:
            lower = self.column("LOWER") if words is not None else []
            ids = _ids(tuple(words)) if words is not None else frozenset()
            found = self.parents[key] = {
                self.heads[child] for child in self.index("DEP").get(get_string_id(dep), ())
                if self.heads[child] != child and (words is None or lower[child] in ids)}
        return found

    def related(self, index: int, operator: str) -> Sequence[int]:
        """The tokens ``operator`` leads to from token ``index`` (not to be changed: the
        lists are the table's own)."""
        if operator == ">":
            return self.down[index]
        if operator == "<":
            head = self.heads[index]
            return [head] if head != index else []
        if operator == ">>":
            found = self.below.get(index)
            if found is None:
                found, stack = [], list(self.children[index])
                while stack:
                    child = stack.pop()
                    found.append(child)
                    stack.extend(self.children[child])
                found = self.below[index] = sorted(found)
            return found
        found = self.above.get(index)
        if found is None:
            found, head = [], index
            while self.heads[head] != head:
                head = self.heads[head]
                found.append(head)
            self.above[index] = found
        return found


SUBJECTS = frozenset(("nsubj", "nsubjpass"))
_CONJ, _NSUBJPASS, _AUX, _AUXPASS, _VBN = (get_string_id(value) for value in (
    "conj", "nsubjpass", "aux", "auxpass", "VBN"))
_SUBJECT_IDS = frozenset(get_string_id(dep) for dep in SUBJECTS)
_VERB_IDS = frozenset(get_string_id(pos) for pos in ("VERB", "AUX"))


def shared_subjects(doc: Doc, table: Table | None = None) -> dict[int, list[int]]:
    """The subjects a verb shares with the verb it is coordinated with, by token: in ``the
    brigade landed at A and secured B`` the brigade is the subject of ``secured`` too (as in
    Universal Dependencies' enhanced graphs), when the conjunct has no subject of its own
    and the same voice (``was hosted by A and run by B``: the passive subject is shared).
    Read from the parse's arrays (``table``'s, when given), making no Token objects."""
    table = table if table is not None else Table(doc)
    deps, pos, tags = table.column("DEP"), table.column("POS"), table.column("TAG")
    heads, children = table.heads, table.children
    found: dict[int, list[int]] = {}
    for index in table.index("DEP").get(_CONJ, ()):
        head = heads[index]
        if head == index or pos[index] not in _VERB_IDS or pos[head] not in _VERB_IDS or \
                any(deps[child] in _SUBJECT_IDS for child in children[index]):
            continue
        passive = any(deps[child] == _AUXPASS for child in children[index]) or (
            tags[index] == _VBN
            and not any(deps[child] == _AUX for child in children[index])
            and any(deps[child] == _AUXPASS for child in children[head]))
        own = [child for child in children[head] if deps[child] in _SUBJECT_IDS]
        subjects = [i for i in own or found.get(head, [])
                    if (deps[i] == _NSUBJPASS) == passive]
        if subjects:
            found[index] = subjects
    return found


def lookups(patterns: Iterable[Compiled]) -> dict[str, np.ndarray]:
    """Per attribute naming words, the words ``patterns``' tests look tokens up by, as
    sorted string ids: what a ``Table`` for those patterns needs to index."""
    found: dict[str, set[int]] = {}
    for pattern in patterns:
        for test in pattern.tests:
            if test.first is not None and test.first[0] in WORDS:
                found.setdefault(test.first[0], set()).update(test.first[1])
    return {key: np.array(sorted(values), dtype=np.uint64) for key, values in found.items()}


@dataclass(frozen=True)
class Compiled:
    """A pattern ready to run: its nodes' tests and, for each node after the first, the
    node it hangs from and by which operator."""

    tests: tuple[Test, ...]
    links: tuple[tuple[int, str], ...]
    prunes: tuple[tuple[int, str], ...]
    """The nodes hanging from the first by ``>`` or ``<`` with a test, and the operator:
    what a first token must lead to."""
    guards: tuple[tuple[tuple[int, str], ...], ...] = ()
    """Per node, the same for the nodes hanging from it: what its token must lead to."""
    needs: tuple[tuple[str, frozenset[int]], ...] = ()
    """Per node looking its tokens up by a word, the attribute and the words: a document
    having none of one node's words cannot match, and is not searched."""


def compile_pattern(pattern: Sequence[dict[str, Any]],
                    tests: dict[Checks, Test] | None = None) -> Compiled:
    """``pattern`` (a DependencyMatcher pattern this runner supports) ready to run
    (``tests``: those of the patterns compiled before it, by their checks, so patterns
    that test a node alike share one test and its tokens are found once per document)."""
    tests = tests if tests is not None else {}
    names = [node["RIGHT_ID"] for node in pattern]
    links = tuple((names.index(node["LEFT_ID"]), node["REL_OP"]) for node in pattern[1:])
    nodes = []
    for node in pattern:
        checks = _checks(node.get("RIGHT_ATTRS", {}))
        if checks not in tests:
            tests[checks] = _test(checks)
        nodes.append(tests[checks])
    guards = tuple(tuple((node, operator) for node, (left, operator) in enumerate(links, 1)
                         if left == parent and operator in ("<", ">") and nodes[node].checks)
                   for parent in range(len(nodes)))
    needs = tuple(dict.fromkeys((test.first[0], test.first[1]) for test in nodes
                                if test.first is not None and test.first[0] in WORDS))
    return Compiled(tuple(nodes), links, guards[0], guards, needs)


def find(compiled: Compiled, table: Table) -> list[list[int]]:
    """Every assignment of tokens to the pattern's nodes (token indices in node order),
    found node by node: each assignment so far extended by the tokens the next node's link
    leads to that pass its test, in the order a depth-first search finds them. Each token
    reached is tested alone (``Table.fits``), and when many tokens fit the first node (a
    part of speech), those that no node hanging from them by ``>`` or ``<`` can follow
    are set aside first, from what the document's tokens pass; so are, for every later
    node, the assignments whose token no node hanging from it can follow (what is set
    aside could never be completed, so what is found and its order are unchanged). A
    document lacking every word of one node's lookup is not searched at all."""
    for key, words in compiled.needs:
        if table.index(key).keys().isdisjoint(words):
            return []
    tests = compiled.tests
    roots, possible = table.passing.get(tests[0]) or table.passes(tests[0])
    if not roots:
        return []
    if len(roots) > FEW:
        for node, operator in compiled.prunes:
            possible = possible & table.leading(tests[node], operator)
            if not possible:
                return []
        if len(possible) < len(roots):
            roots = sorted(possible)
    chosen = [[root] for root in roots]
    fits, related = table.fits, table.related
    for node, (left, operator) in enumerate(compiled.links, 1):
        test = tests[node]
        known = table.passing.get(test)
        if known is not None:  # the document's tokens already tested: a set to look in
            passing = known[1]
            chosen = [[*tokens, index] for tokens in chosen
                      for index in related(tokens[left], operator) if index in passing]
        else:
            chosen = [[*tokens, index] for tokens in chosen
                      for index in related(tokens[left], operator) if fits(test, index)]
        if len(chosen) > FEW:
            for child, way in compiled.guards[node]:
                leads = table.leading(tests[child], way)
                chosen = [tokens for tokens in chosen if tokens[node] in leads]
        if not chosen:
            return []
    return chosen
