"""Dates as milcoop holds them: ISO text at the precision the source gives (2023, 2023-10,
2023-10-23), checked in one place for facts, map windows and query parameters."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

ISO_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_YEAR = re.compile(r"\d{4}")


def year(value: Any) -> int | None:
    """The year of an ISO date at any precision, or None.

    >>> year("2023-10-23"), year(1994), year("soon")
    (2023, 1994, None)
    """
    match = _YEAR.match(str(value)) if value is not None else None
    return int(match.group()) if match else None


def date_problem(value: Any) -> str | None:
    """Why ``value`` is not an ISO date at a known precision, or None if it is one.

    >>> date_problem("2023-10-23") is None, date_problem("2023-02-30")
    (True, "'2023-02-30' is not a calendar date")
    """
    text = str(value)
    if not ISO_DATE.match(text):
        return f"{value!r} is not an ISO date (use 2023, 2023-10 or 2023-10-23)"
    parts = [int(part) for part in text.split("-")] + [1, 1]
    try:
        dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return f"{value!r} is not a calendar date"
    return None


Interval = tuple[int, int | None]
"""First and last year a fact held (None: it still holds)."""


def own(data: dict[str, Any]) -> Interval | None:
    """The years a fact's own dates give: ``date``, ``start``-``end`` or ``since``-``until``.

    >>> own({"date": "2023-10"}), own({"since": "1994-05"}), own({"start": 2020, "end": 2021})
    ((2023, 2023), (1994, None), (2020, 2021))
    """
    if year(data.get("date")) is not None:
        return year(data["date"]), year(data["date"])
    if year(data.get("start")) is not None:
        return year(data["start"]), year(data.get("end")) or year(data["start"])
    if year(data.get("since")) is not None:
        return year(data["since"]), year(data.get("until"))
    return None


def happened(data: dict[str, Any], *ends: dict[str, Any]) -> Interval | None:
    """When a fact held: its own years, else those of an end (the event it is about)."""
    return next((found for item in (data, *ends) if (found := own(item)) is not None), None)
