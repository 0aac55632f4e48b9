"""A time budget for one report's extraction: past it, the report is skipped, not waited on.

Extraction is linear in the text for every shape of input the tests know; the budget is the
guarantee for shapes nobody foresaw. It is a real-time alarm (SIGALRM), so it works in the
main thread of a process (the command's, or a worker's); elsewhere no budget is kept.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class OverBudget(Exception):
    """A report's extraction ran past its time budget."""


def _alarm(signum: int, frame: object) -> None:
    raise OverBudget


@contextmanager
def within(seconds: float | None) -> Iterator[None]:
    """Run the block with at most ``seconds`` of wall time (None or 0: no limit); raises
    OverBudget in it when the time is up."""
    if not seconds or not hasattr(signal, "setitimer") or \
            threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
