"""spaCy's attribute ruler answered by lookups: the same part-of-speech, morphology, lemma
and dependency exceptions, set in the same order, in a fraction of the time.

The English pipeline's ``attribute_ruler`` runs a ``Matcher`` of about 180 patterns over
every token, about an eighth of the whole parse. A pattern of fixed length whose tokens test
only equality, ``IN``, ``NOT_IN`` or ``REGEX`` on ``TAG``, ``LOWER`` and ``DEP``, or
``IS_SPACE``, is answered here instead: what a token's four values match is worked out once
per distinct set of values and remembered. Any other pattern stays with a ``Matcher`` of its
own. Matches are applied as the ruler applies them (by rule, then position), so the
annotations are the same (a test compares every token of the dev and seed reports).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ingest.extract.pipes import in_place_of

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

KEYS = ("TAG", "LOWER", "DEP", "IS_SPACE")
"""Token attributes a pattern may test to be answered by lookup."""
FACTORY = "milcoop_attribute_lookup"
"""The name this component is registered under with spaCy."""
REMEMBERED = 200_000
"""Distinct token values remembered before the memory starts afresh (bounds its size)."""

Test = Callable[[Any], bool]
Values = tuple[str, str, str, bool]
Found = tuple[tuple[int, ...], tuple["_Rule", ...]]
"""Of one token's values: the one-token rules they match, the longer rules they start."""


def _test(value: Any) -> Test | None:
    """The test a pattern's value puts to a token's attribute, or None if not supported."""
    if isinstance(value, (str, bool)):
        return value.__eq__
    if not isinstance(value, dict) or len(value) != 1:
        return None
    (op, arg), = value.items()
    if op == "IN" and isinstance(arg, list):
        return frozenset(arg).__contains__
    if op == "NOT_IN" and isinstance(arg, list):
        barred = frozenset(arg)
        return lambda text: text not in barred
    if op == "REGEX" and isinstance(arg, str):
        search = re.compile(arg).search
        return lambda text: search(text) is not None
    return None


@dataclass(frozen=True)
class _Rule:
    """One pattern of a ruler rule: the rule's number and each token's tests."""

    number: int
    tokens: tuple[tuple[tuple[int, Test], ...], ...]

    def starts(self, values: Values) -> bool:
        """Whether a token with these values matches the pattern's first token."""
        return all(test(values[at]) for at, test in self.tokens[0])

    def rest_at(self, rows: list[Values], start: int) -> bool:
        """Whether the tokens after ``start`` match the rest of the pattern."""
        if start + len(self.tokens) > len(rows):
            return False
        return all(test(rows[start + k][at])
                   for k, tests in enumerate(self.tokens[1:], 1) for at, test in tests)


def _first(pattern: list[dict[str, Any]], key: str) -> frozenset[str] | None:
    """The values of ``key`` a pattern's first token must have (an equality or ``IN`` test),
    or None when it may have any."""
    value = pattern[0].get(key)
    if isinstance(value, str):
        return frozenset((value,))
    if isinstance(value, dict) and len(value) == 1 and isinstance(value.get("IN"), list):
        return frozenset(value["IN"])
    return None


def _rules(number: int, patterns: list[list[dict[str, Any]]]) -> list[_Rule] | None:
    """The lookup form of a rule's patterns, or None when the Matcher must keep them."""
    rules = []
    for pattern in patterns:
        tokens = []
        for token in pattern:
            tests = [(KEYS.index(key), _test(value)) for key, value in token.items()
                     if key in KEYS]
            if len(tests) != len(token) or not all(test for _, test in tests):
                return None
            tokens.append(tuple((at, test) for at, test in tests if test))
        if not tokens:
            return None
        rules.append(_Rule(number, tuple(tokens)))
    return rules


class AttributeLookup:
    """The attribute ruler's rules as remembered lookups, the rest in a Matcher."""

    def __init__(self, ruler: AttributeRuler) -> None:
        from spacy.matcher import Matcher

        self.attrs = ruler.attrs
        self.indices = ruler.indices
        self.strings = ruler.vocab.strings
        self.matcher = Matcher(ruler.vocab, validate=False)
        self.rules: list[_Rule] = []
        # Which rules a token could start, by its lower-case form or else its tag: a rule
        # whose first token needs given values is only tried on a token that has one.
        self.by_lower: dict[str, list[int]] = {}
        self.by_tag: dict[str, list[int]] = {}
        self.anywhere: list[int] = []
        for number, entry in enumerate(ruler.patterns):
            rules = _rules(number, entry["patterns"])
            if rules is None:
                self.matcher.add(str(number), entry["patterns"])
                continue
            for pattern in entry["patterns"]:
                at = len(self.rules)
                lowers, tags = _first(pattern, "LOWER"), _first(pattern, "TAG")
                if lowers is not None:
                    for lower in lowers:
                        self.by_lower.setdefault(lower, []).append(at)
                elif tags is not None:
                    for tag in tags:
                        self.by_tag.setdefault(tag, []).append(at)
                else:
                    self.anywhere.append(at)
            self.rules.extend(rules)
        self.matcher_empty = not len(self.matcher)
        self.memory: dict[tuple[int, int, int, int], Found] = {}

    def _found(self, values: Values) -> Found:
        """The one-token rules ``values`` match and the longer rules they start."""
        candidates = sorted([*self.by_lower.get(values[1], ()),
                             *self.by_tag.get(values[0], ()), *self.anywhere])
        started = [rule for rule in map(self.rules.__getitem__, candidates)
                   if rule.starts(values)]
        return (tuple(rule.number for rule in started if len(rule.tokens) == 1),
                tuple(rule for rule in started if len(rule.tokens) > 1))

    def __call__(self, doc: Doc) -> Doc:
        """``doc`` with the ruler's attributes set, as the attribute ruler sets them."""
        from spacy.attrs import DEP, IS_SPACE, LOWER, TAG

        if not len(doc):
            return doc
        strings, memory = self.strings, self.memory
        if len(memory) > REMEMBERED:
            memory.clear()
        keys = [tuple(row) for row in doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()]
        rows: list[Values] | None = None
        found: list[tuple[int, int, int]] = []
        for i, key in enumerate(keys):
            hit = memory.get(key)
            if hit is None:
                tag, lower, dep, space = key
                hit = memory[key] = self._found((strings[tag], strings[lower],
                                                 strings[dep], bool(space)))
            if not (hit[0] or hit[1]):
                continue
            found.extend((number, i, i + 1) for number in hit[0])
            for rule in hit[1]:
                if rows is None:
                    rows = [(strings[t], strings[lo], strings[d], bool(s))
                            for t, lo, d, s in keys]
                if rule.rest_at(rows, i):
                    found.append((rule.number, i, i + len(rule.tokens)))
        if not self.matcher_empty:
            found.extend((int(strings[key]), start, end)
                         for key, start, end in self.matcher(doc, allow_missing=True))
        found.sort()
        _set_all(doc, found, self.indices, self.attrs)
        return doc


def _set_all(doc: Doc, found: list[tuple[int, int, int]], indices: list[int],
             attrs: list[dict[int, Any]]) -> None:
    """Set each match's attributes on its ``index``-th token, as the attribute ruler does."""
    from spacy.tokens._retokenize import set_token_attrs

    for number, start, end in found:
        index = indices[number]
        at = start + index if index >= 0 else end + index
        if not start <= at < end:
            raise ValueError(f"attribute rule {number}: index {index} outside its match "
                             f"of {end - start} token(s)")
        set_token_attrs(doc[at], attrs[number])


def compiled(nlp: Language) -> Language:
    """``nlp`` with its ``attribute_ruler`` answered by lookups (see the module), when it
    has one; the annotations are unchanged."""
    if "attribute_ruler" not in nlp.pipe_names:
        return nlp
    return in_place_of(nlp, "attribute_ruler", FACTORY, AttributeLookup)
