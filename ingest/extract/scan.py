"""Find a parsed report's tokens by word without walking the doc: the whole-report passes
look for a few words (``treaty``, ``phase``), and making a ``Token`` of every token of
every report to read its word cost more than the passes' own work."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token


def words(values: Iterable[str]) -> np.ndarray:
    """``values`` as spaCy stores them (their string ids), sorted, for ``tokens`` to look up."""
    return np.array(sorted({get_string_id(value) for value in values}), dtype=np.uint64)


def tokens(doc: Doc, attribute: int, wanted: np.ndarray) -> list[Token]:
    """The tokens of ``doc`` whose ``attribute`` (``spacy.attrs.LOWER``, ``LEMMA``) is one of
    the ``wanted`` words (as ``words`` gives them), in text order: only they are made into
    ``Token`` objects."""
    if len(doc) == 0 or len(wanted) == 0:
        return []
    column = doc.to_array(attribute)
    # Each token's word against the wanted word at its place in the sorted list: what
    # ``np.isin`` finds, without its sorting of both arrays at every call.
    at = np.minimum(np.searchsorted(wanted, column), len(wanted) - 1)
    found = np.flatnonzero(wanted[at] == column)
    return [doc[index] for index in found.tolist()]
