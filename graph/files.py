"""Files written whole or not at all: the one way milcoop writes a file."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any


@contextmanager
def atomic_writer(path: Path, mode: str = "wb", **options: Any) -> Iterator[IO[Any]]:
    """An open temporary file beside ``path`` that replaces ``path`` when the block ends
    without an error, and is removed when it does not (Ctrl-C included): a reader never
    sees half a file and nothing is left behind. The file gets the permissions the user's
    umask gives a new file (a temporary file alone would be private). ``options`` go to
    ``open`` (encoding, newline)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(mode, dir=path.parent, delete=False, suffix=".tmp",
                                     **options) as handle:
        try:
            yield handle
        except BaseException:
            handle.close()
            Path(handle.name).unlink(missing_ok=True)
            raise
    try:
        os.chmod(handle.name, 0o666 & ~_umask())
        os.replace(handle.name, path)
    except OSError:
        Path(handle.name).unlink(missing_ok=True)
        raise


def _umask() -> int:
    """The process's umask (read by setting it and putting it back: there is no getter)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` atomically unless it already holds it; True if written."""
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    with atomic_writer(path) as handle:
        handle.write(data)
    return True


def copy_file(source: Path, path: Path) -> None:
    """Copy ``source`` to ``path`` atomically, in chunks (a built graph can be gigabytes)."""
    with source.open("rb") as origin, atomic_writer(path) as handle:
        shutil.copyfileobj(origin, handle, 1 << 20)
