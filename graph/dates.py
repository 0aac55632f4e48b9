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
