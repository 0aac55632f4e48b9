"""Ctrl-C stops `milcoop ingest --jobs 2` within seconds while its workers extract, with a
non-zero exit and no temporary file left behind (the workers leave the signal to the main
process, which terminates them)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import FIXTURES


def test_ctrl_c_during_a_two_worker_ingest_stops_it_cleanly(tmp_path: Path) -> None:
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "milcoop", "ingest", str(FIXTURES / "dev" / "reports"),
         "--out", str(out), "--jobs", "2", "--decisions", os.devnull],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(4)
    os.killpg(process.pid, signal.SIGINT)
    started = time.monotonic()
    try:
        output, _ = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert time.monotonic() - started < 10
    assert process.returncode != 0, output.decode(errors="replace")
    assert "Traceback" not in output.decode(errors="replace")
    assert not list(tmp_path.rglob("*.tmp"))
