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


COLUMN = "milcoop_column"
"""The ``Doc.user_data`` key (with the attribute) of a column ``tokens`` has read."""


def column(doc: Doc, attribute: int) -> np.ndarray:
    """Every token's ``attribute`` as a string id, read from ``doc`` once and kept in its
    user data: the passes ask a report for the same words' column a dozen times."""
    key = (COLUMN, attribute)
    found = doc.user_data.get(key)
    if found is None:
        found = doc.user_data[key] = doc.to_array(attribute)
    return found


def tokens(doc: Doc, attribute: int, wanted: np.ndarray) -> list[Token]:
    """The tokens of ``doc`` whose ``attribute`` (``spacy.attrs.LOWER``, ``LEMMA``) is one of
    the ``wanted`` words (as ``words`` gives them), in text order: only they are made into
    ``Token`` objects."""
    if len(doc) == 0 or len(wanted) == 0:
        return []
    values = column(doc, attribute)
    # Each token's word against the wanted word at its place in the sorted list: what
    # ``np.isin`` finds, without its sorting of both arrays at every call.
    at = np.minimum(np.searchsorted(wanted, values), len(wanted) - 1)
    found = np.flatnonzero(wanted[at] == values)
    return [doc[index] for index in found.tolist()]
