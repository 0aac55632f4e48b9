"""An answer as text: an aligned table, CSV or JSON (lists stay lists only in JSON)."""

from __future__ import annotations

import io
import json
import math
from typing import Any

import pandas as pd

from graph.escape import csv_cell, terminal

FORMATS = ("table", "csv", "json")
"""The output formats of ``milcoop query``."""

LIST_SEPARATOR = "; "
"""How a list shows in a table or CSV cell."""


def plain(value: Any) -> Any:
    """A cell as a plain Python value: NaN as None, whole floats (ints beside nulls) as int.

    >>> plain(float("nan")), plain(3000.0), plain(["a"])
    (None, 3000, ['a'])
    """
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return int(value) if value.is_integer() else value
    if hasattr(value, "item") and not isinstance(value, list | tuple):
        return plain(value.item())
    return value


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of an answer as plain dicts (what JSON shows and tests compare)."""
    return [{key: plain(value) for key, value in row.items()}
            for row in frame.to_dict("records")]


def text(value: Any) -> str:
    """A cell as text: lists joined with '; ', nothing for null.

    >>> text(["Baku", "Nakhchivan"]), text(None), text(3)
    ('Baku; Nakhchivan', '', '3')
    """
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(text(item) for item in value)
    return str(value)


def text_table(frame: pd.DataFrame) -> str:
    """Left-aligned columns, two spaces apart, with a header; '(none)' when empty; control
    characters shown as codes, so a name cannot drive the terminal.

    >>> print(text_table(pd.DataFrame({"partner": ["TUR"], "weight": [23]})))
    partner  weight
    TUR      23
    """
    if frame.empty:
        return "(none)"
    rows = [list(frame.columns)] + [[terminal(text(value)) for value in row.values()]
                                    for row in records(frame)]
    widths = [max(len(row[index]) for row in rows) for index in range(len(rows[0]))]
    lines = ("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
             for row in rows)
    return "\n".join(line.rstrip() for line in lines)


def to_csv(frame: pd.DataFrame) -> str:
    """``frame`` as CSV text, a text cell a spreadsheet would run as a formula quoted."""
    return frame.assign(**{column: frame[column].map(
        lambda value: csv_cell(value) if isinstance(value, str) else value)
        for column in frame.columns if not pd.api.types.is_numeric_dtype(frame[column])}
    ).to_csv(index=False)


def render(frame: pd.DataFrame, fmt: str) -> str:
    """The answer in ``fmt`` (table, csv or json)."""
    if fmt == "json":
        return json.dumps(records(frame), ensure_ascii=False, indent=2)
    if fmt == "csv":
        buffer = io.StringIO()
        shown = pd.DataFrame([{key: csv_cell(text(value)) if isinstance(value, str | list)
                               else text(value) for key, value in row.items()}
                              for row in records(frame)], columns=frame.columns)
        shown.to_csv(buffer, index=False)
        return buffer.getvalue().rstrip("\n")
    return text_table(frame)
