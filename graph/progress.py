"""Progress bars for work that can take more than a moment: one look for every stage.

Shown on stderr when it is a terminal (never in pipes, logs or tests), with counts, rate and
time left, and gone when the stage ends.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from tqdm import tqdm

T = TypeVar("T")


def progress(items: Iterable[T], stage: str, unit: str, total: int | None = None
             ) -> Iterator[T]:
    """``items`` one by one, counted on a bar named ``stage`` (``validate``: 1,200/5,000
    files, 850 files/s)."""
    yield from tqdm(items, desc=stage, unit=unit, total=total, disable=None, leave=False)
