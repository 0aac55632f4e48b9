"""Run word-led patterns only where they can match.

A pattern such as ``\\b(?:units|forces|...)`` scanned over a whole report tries every
offset; one case-folded Aho-Corasick pass instead finds where the words that begin each
pattern start a word, and the pattern is tried at those offsets alone. The matches are
exactly those of ``pattern.finditer(text)``, at a fraction of the cost.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache

import ahocorasick

Groups = tuple[tuple[str, tuple[str, ...]], ...]


def fold_case(text: str) -> str | None:
    """``text`` lower-cased the way ``re.IGNORECASE`` compares ASCII letters (``İ``, ``ı`` are
    ``i``, ``ſ`` is ``s``), offset for offset; None if that cannot keep every offset.

    >>> fold_case("İSTANBUL Kaşıkçı")
    'istanbul kaşikçi'
    """
    folded = text.replace("İ", "I").lower().replace("ı", "i").replace("ſ", "s")
    return folded if len(folded) == len(text) else None


def is_word(char: str) -> bool:
    """Whether ``char`` is a word character for ``\\b`` and ``\\w``."""
    return char.isalnum() or char == "_"


@cache
def _automaton(groups: Groups) -> ahocorasick.Automaton:
    words: dict[str, set[str]] = {}
    for group, leads in groups:
        for lead in leads:
            words.setdefault(lead, set()).add(group)
    automaton = ahocorasick.Automaton()
    for lead, owners in words.items():
        automaton.add_word(lead, (len(lead), tuple(sorted(owners))))
    automaton.make_automaton()
    return automaton


class Cues:
    """Where the lower-case leading words of each group of patterns begin a word in ``text``
    (``groups``: pairs of a group name and its leading words)."""

    def __init__(self, text: str, groups: Groups) -> None:
        self.text = text
        self.starts: dict[str, list[int]] | None = None
        folded = fold_case(text)
        if folded is None:
            return
        found: dict[str, set[int]] = {group: set() for group, _ in groups}
        for end, (length, owners) in _automaton(groups).iter(folded):
            start = end - length + 1
            if start == 0 or not is_word(folded[start - 1]):
                for group in owners:
                    found[group].add(start)
        self.starts = {group: sorted(offsets) for group, offsets in found.items()}

    def matches(self, pattern: re.Pattern[str], group: str) -> Iterator[re.Match[str]]:
        """What ``pattern.finditer(text)`` yields, for a pattern that can only begin with a
        word of ``group`` at a word boundary."""
        return matches(pattern, self.text, None if self.starts is None else self.starts[group])


def unpreceded(pattern: re.Pattern[str], text: str,
               excluded: Callable[[str], bool]) -> Iterator[re.Match[str]]:
    """What ``finditer`` yields for ``pattern`` behind a negative look-behind for one
    character (``excluded``), without the look-behind that makes a scan slow.

    >>> [m.start() for m in unpreceded(re.compile("ab"), "ab xab -ab", lambda c: c == "x")]
    [0, 8]
    """
    position = 0
    while (match := pattern.search(text, position)) is not None:
        start = match.start()
        if start and excluded(text[start - 1]):
            position = start + 1
            continue
        yield match
        position = max(match.end(), start + 1)


def _joined(char: str) -> bool:
    """Whether ``char`` joins a name to the word beside it (a word character or hyphen)."""
    return char == "-" or is_word(char)


def whole_words(text: str, surfaces: Iterable[str]) -> list[tuple[int, str]]:
    """Where ``surfaces`` stand with no word character or hyphen either side, left to right
    without overlaps, the longest at each offset, as ``(offset, surface)``: what
    ``finditer`` finds for an alternation of them, longest first, between ``(?<![\\w-])``
    and ``(?![\\w-])``, found with ``str.find`` instead of a pattern compiled per report.

    >>> whole_words("Ali Khan met Khan; al-Khan", ["Khan", "Ali Khan"])
    [(0, 'Ali Khan'), (13, 'Khan')]
    """
    longest: dict[int, str] = {}
    for surface in surfaces:
        start = text.find(surface)
        while start >= 0:
            end = start + len(surface)
            if (end == len(text) or not _joined(text[end])) and \
                    len(surface) > len(longest.get(start, "")):
                longest[start] = surface
            start = text.find(surface, start + 1)
    found: list[tuple[int, str]] = []
    position = 0
    for start in sorted(longest):
        if start < position or (start and _joined(text[start - 1])):
            continue
        found.append((start, longest[start]))
        position = start + len(longest[start])
    return found


def matches(pattern: re.Pattern[str], text: str,
            starts: Iterable[int] | None) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text)`` yields, trying only the sorted offsets ``starts``
    where a match can begin (all offsets when None).

    >>> [m.group() for m in matches(re.compile(r"\\bab+"), "ab abb xab", [0, 3, 8])]
    ['ab', 'abb']
    """
    if starts is None:
        yield from pattern.finditer(text)
        return
    resume = 0
    for start in starts:
        if start < resume:
            continue
        match = pattern.match(text, start)
        if match:
            resume = match.end()
            yield match
