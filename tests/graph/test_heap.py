"""The cycle collector paused while a graph is built or read, and on again afterwards."""

from __future__ import annotations

import gc

from graph.heap import paused_gc


def test_the_collector_is_off_inside_and_on_after() -> None:
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_what_the_block_made_is_frozen_out_of_later_passes() -> None:
    before = gc.get_freeze_count()
    with paused_gc():
        graph = [{"sources": [str(number)]} for number in range(1000)]
    assert gc.get_freeze_count() >= before + len(graph)
    gc.unfreeze()


def test_an_error_in_the_block_still_turns_the_collector_back_on() -> None:
    try:
        with paused_gc():
            raise KeyError("bad graph file")
    except KeyError:
        pass
    assert gc.isenabled()
