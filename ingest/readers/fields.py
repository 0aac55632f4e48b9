"""Report metadata values as readers find them (YAML dates, lists of authors) made plain."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from ingest.extract.dates import infer_published

ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ]\S*)?$")


def published_of(value: Any) -> str | None:
    """An ISO date (``2025``, ``2025-03`` or ``2025-03-04``) from a metadata value, or None.

    >>> published_of("2025-03-04T09:30:00+04:00"), published_of(dt.date(2025, 3, 4))
    ('2025-03-04', '2025-03-04')
    >>> published_of("March 4, 2025"), published_of("2024"), published_of("soon")
    ('2025-03-04', '2024', None)
    """
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()[:10]
    if isinstance(value, int) and 1000 <= value <= 9999:
        return str(value)
    text = plain(value)
    if text is None:
        return None
    match = ISO.match(text)
    if match:
        return "-".join(part for part in match.groups() if part)
    return infer_published(text)


def plain(value: Any) -> str | None:
    """A stripped string from a scalar, a list (joined by commas) or a ``{"name": ...}``.

    >>> plain(["Jane Roe", {"name": "John Doe"}]), plain("  "), plain(7)
    ('Jane Roe, John Doe', None, '7')
    """
    if isinstance(value, Mapping):
        value = value.get("name")
    if isinstance(value, list):
        value = ", ".join(part for part in map(plain, value) if part)
    if value is None or isinstance(value, bool):
        return None
    text = str(value).strip()
    return text or None


def first(record: Mapping[str, Any], keys: tuple[str, ...]) -> Any:
    """The value of the first of ``keys`` present (not None nor empty) in ``record``."""
    return next((record[key] for key in keys if record.get(key) not in (None, "", [])), None)
