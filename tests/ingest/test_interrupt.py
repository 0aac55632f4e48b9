"""Ctrl-C (and SIGTERM) stop `milcoop ingest --jobs 2` within seconds while its workers
extract: one line, exit code 130, no temporary file left behind (the workers leave the
signal to the main process, which terminates them)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FIXTURES


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_a_stop_during_a_two_worker_ingest_ends_it_cleanly(tmp_path: Path, stop: int) -> None:
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "milcoop", "ingest", str(FIXTURES / "dev" / "reports"),
         "--out", str(out), "--jobs", "2", "--decisions", os.devnull],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(4)
    os.killpg(process.pid, stop) if stop == signal.SIGINT else process.send_signal(stop)
    started = time.monotonic()
    try:
        output, _ = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert time.monotonic() - started < 10
    shown = output.decode(errors="replace")
    assert process.returncode == 130, shown
    assert "Traceback" not in shown and shown.rstrip().endswith(
        "interrupted: stopped before finishing; files it was writing are left as they were")
    assert not list(tmp_path.rglob("*.tmp"))
