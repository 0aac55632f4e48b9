"""Find where a phrase stands in a report, to write evidence spans without counting."""

from __future__ import annotations

from graph.errors import NotFoundError


def locate(text: str, phrase: str) -> list[tuple[int, int]]:
    """Every ``(start, end)`` span of ``phrase`` in ``text``; NotFoundError if none.

    >>> locate("Baku and Ankara; Baku", "Baku")
    [(0, 4), (17, 21)]
    """
    spans, start = [], text.find(phrase)
    while start >= 0:
        spans.append((start, start + len(phrase)))
        start = text.find(phrase, start + 1)
    if not spans:
        raise NotFoundError(f"{phrase!r} does not occur in the report")
    return spans
