"""Worker processes that leave Ctrl-C to the main process (for ingest's and the build's
pools): the main process stops at once and terminates them when it leaves the pool."""

from __future__ import annotations

import gc
import os
import signal

JOBS = min(os.cpu_count() or 1, 4)
"""Processes a build parses facts files on by default (at most four: the parse is
CPU-bound, and a build seldom has more files than four processes can share)."""


def ignore_interrupts() -> None:
    """In a worker: leave Ctrl-C to the main process, which terminates the workers (with
    SIGTERM, which ends a worker at once, quietly)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    gc.enable()  # a worker forked while the build paused the collector parses with it on
