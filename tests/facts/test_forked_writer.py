"""A build writes its views in a forked process beside the main one: what it writes lands,
its errors come back to the main process, and Ctrl-C ends it with nothing half-written."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from graph.files import atomic_writer
from ingest import workers
from ingest.workers import forked


def _write(path: Path, pause: float = 0.0) -> None:
    with atomic_writer(path) as handle:
        handle.write(b"half")
        time.sleep(pause)
        handle.write(b" and whole")


def test_what_the_forked_writer_writes_is_there_when_the_block_ends(tmp_path):
    with forked(lambda: _write(tmp_path / "view.json")):
        (tmp_path / "graph.json").write_bytes(b"main")
    assert (tmp_path / "view.json").read_bytes() == b"half and whole"
    assert (tmp_path / "graph.json").read_bytes() == b"main"


def test_the_forked_writers_error_is_raised_in_the_main_process(tmp_path):
    (tmp_path / "view.json").mkdir()
    with pytest.raises(IsADirectoryError) as raised, \
            forked(lambda: _write(tmp_path / "view.json")):
        pass
    assert raised.value.filename2 == str(tmp_path / "view.json")
    assert [path.name for path in tmp_path.iterdir()] == ["view.json"]


def test_ctrl_c_in_the_main_process_ends_the_writer_at_once_and_leaves_no_half_file(tmp_path):
    started = time.perf_counter()
    with pytest.raises(KeyboardInterrupt), forked(lambda: _write(tmp_path / "view.json", 30)):
        time.sleep(0.5)
        raise KeyboardInterrupt
    assert time.perf_counter() - started < 5
    assert list(tmp_path.iterdir()) == []


def test_without_memory_for_a_copy_the_work_is_done_in_this_process(tmp_path, monkeypatch):
    monkeypatch.setattr(workers, "room_for_a_copy", lambda: False)
    done = []
    with forked(lambda: done.append(_write(tmp_path / "view.json"))):
        assert done == [None]
    assert (tmp_path / "view.json").read_bytes() == b"half and whole"
