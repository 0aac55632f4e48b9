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
from typing import TYPE_CHECKING, Any

from ingest.errors import IngestError

if TYPE_CHECKING:
    from ingest.extract.facts import Extraction


class OverBudget(Exception):
    """A report's extraction ran past its time budget."""


class ExtractionFailed(IngestError):
    """A report's extraction failed or ran past its budget: the report is skipped, the run
    goes on, and the message says why."""


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


def extract_guarded(text: str, article: str, published: str | None = None,
                    seconds: float | None = None, **options: Any) -> Extraction:
    """``extract`` with any failure or overrun raised as ExtractionFailed (no traceback), so
    the caller names the report, skips it and goes on: one report never stops a run."""
    from ingest.extract.extractor import extract  # loads spaCy: only when a report is read
    try:
        with within(seconds):
            return extract(text, article, published, **options)
    except OverBudget:
        raise ExtractionFailed(f"extraction took longer than {seconds:g} s "
                               "(MILCOOP_REPORT_SECONDS): skipped") from None
    except Exception as error:  # a bug on one report must not stop the others
        raise ExtractionFailed(f"extraction failed ({type(error).__name__}: {error}): skipped; "
                               "a milcoop bug, please report it with this report") from None
