"""Find a parsed report's tokens by word without walking the doc: the whole-report passes
look for a few words (``treaty``, ``phase``), and making a ``Token`` of every token of
every report to read its word cost more than the passes' own work."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token


def words(values: Iterable[str]) -> np.ndarray:
    """``values`` as spaCy stores them (their string ids), for ``tokens`` to look up."""
    return np.array(sorted({get_string_id(value) for value in values}), dtype=np.uint64)


def tokens(doc: Doc, attribute: int, wanted: np.ndarray) -> list[Token]:
    """The tokens of ``doc`` whose ``attribute`` (``spacy.attrs.LOWER``, ``LEMMA``) is one of
    the ``wanted`` words, in text order: only they are made into ``Token`` objects."""
    if len(doc) == 0:
        return []
    found = np.flatnonzero(np.isin(doc.to_array(attribute), wanted))
    return [doc[index] for index in found.tolist()]
