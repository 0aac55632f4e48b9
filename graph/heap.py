"""Python's cycle collector paused while a large graph is built or read.

Building or reading a graph makes millions of dicts and lists that live until the command
ends. The collector's full passes over them took about half of a warm ``milcoop build`` of
3,000 reports and a third of reading its graph back, and freed nothing: the peak memory was
the same without them (see README, "Speed"). Reference counting still frees everything that
is dropped; only garbage held in reference cycles waits.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Run the block without cyclic garbage collection, then freeze what it made, so the
    collector never walks the graph again in this process (nesting is harmless)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
