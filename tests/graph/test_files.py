"""Files are written whole or not at all, by one helper (graph.files) every writer uses."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from graph.files import atomic_writer, write_if_changed


def test_a_finished_write_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "graph.json"
    with atomic_writer(target, "w", encoding="utf-8") as handle:
        handle.write("new")
    assert target.read_text(encoding="utf-8") == "new"
    assert [path.name for path in target.parent.iterdir()] == ["graph.json"]


@pytest.mark.parametrize("interruption", [ValueError("half-way"), KeyboardInterrupt()])
def test_an_interrupted_write_keeps_the_old_file_and_leaves_no_temporary(
        tmp_path: Path, interruption: BaseException) -> None:
    target = tmp_path / "graph.json"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(type(interruption)), atomic_writer(target) as handle:
        handle.write(b"half of a new")
        raise interruption
    assert target.read_text(encoding="utf-8") == "old"
    assert [path.name for path in tmp_path.iterdir()] == ["graph.json"]


def test_the_same_bytes_are_not_written_again(tmp_path: Path) -> None:
    target = tmp_path / "REVIEW.md"
    assert write_if_changed(target, b"one")
    before = target.stat().st_mtime_ns
    assert not write_if_changed(target, b"one")
    assert target.stat().st_mtime_ns == before
    assert write_if_changed(target, b"two") and target.read_bytes() == b"two"


def test_a_write_that_cannot_replace_its_target_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "a-folder"
    target.mkdir()
    with pytest.raises(OSError), atomic_writer(target) as handle:
        handle.write(b"graph")
    assert [path.name for path in tmp_path.iterdir()] == ["a-folder"]


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_written_file_has_the_permissions_the_umask_gives(tmp_path: Path, umask: int,
                                                            mode: int) -> None:
    before = os.umask(umask)
    try:
        write_if_changed(tmp_path / "graph.json", b"{}")
    finally:
        os.umask(before)
    assert (tmp_path / "graph.json").stat().st_mode & 0o777 == mode
