"""Worker processes that leave Ctrl-C to the main process (for ingest's and the build's
pools): the main process stops at once and terminates them when it leaves the pool."""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from multiprocessing.connection import Connection

JOBS = min(os.cpu_count() or 1, 4)
"""Processes a build parses facts files on by default (at most four: the parse is
CPU-bound, and a build seldom has more files than four processes can share)."""


def ignore_interrupts() -> None:
    """In a worker: leave Ctrl-C to the main process, which terminates the workers (with
    SIGTERM, which ends a worker at once, quietly)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    gc.enable()  # a worker forked while the build paused the collector parses with it on


def _stopped(signum: int, frame: object) -> None:
    """SIGTERM in a forked writer: stop as Ctrl-C does, so half-written files are removed."""
    raise KeyboardInterrupt


def _beside(work: Callable[[], None], sender: Connection) -> None:
    """In the forked process: do ``work``, then tell the parent the error that stopped it
    (None when it succeeded); Ctrl-C is left to the parent, which ends it quietly."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _stopped)
    try:
        work()
    except OSError as error:
        sender.send((error.errno, error.strerror, error.filename, None, error.filename2))
    except KeyboardInterrupt:
        return
    else:
        sender.send(None)


def _kilobytes(path: str, field: str) -> int:
    """One ``field: N kB`` line of a /proc file."""
    with open(path, encoding="ascii") as lines:
        return next(int(line.split()[1]) for line in lines if line.startswith(field))


def room_for_a_copy() -> bool:
    """Whether the memory the system has available would hold this process again (a fork
    copies every page either process writes, and walking a graph writes most of them); True
    where the system does not say."""
    try:
        return _kilobytes("/proc/meminfo", "MemAvailable:") > \
            _kilobytes("/proc/self/status", "VmRSS:")
    except (OSError, StopIteration, ValueError, IndexError):
        return True


@contextmanager
def forked(work: Callable[[], None]) -> Iterator[None]:
    """Do ``work`` in a forked copy of this process while the block runs, so both cores
    write a build's files (first, in this process, where fork is missing or memory would
    not hold the copy); an OSError that stopped it is raised here after the block, and
    Ctrl-C ends both at once."""
    if "fork" not in multiprocessing.get_all_start_methods() or not room_for_a_copy():
        work()
        yield
        return
    receiver, sender = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(target=_beside, args=(work, sender))
    child.start()
    sender.close()
    try:
        yield
        outcome = receiver.recv()
    except EOFError:
        outcome = (None, "the process writing them stopped", None)
    except BaseException:
        child.terminate()
        raise
    finally:
        child.join()
        receiver.close()
    if outcome is not None:
        raise OSError(*outcome)
