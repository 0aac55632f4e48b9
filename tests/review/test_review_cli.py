"""`milcoop review` from the command line: it prints where it listens (127.0.0.1 only),
Ctrl-C stops it at once, and what stops it from starting is one line and exit code 1."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from click.testing import CliRunner

from conftest import SEEDS
from milcoop.cli import main


def test_review_serves_on_loopback_and_ctrl_c_stops_it(seed_proposals: Path,
                                                       tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "milcoop", "review", "--proposed", str(seed_proposals),
         "--port", "0", "--facts", str(tmp_path / "facts"),
         "--decisions", str(tmp_path / "decisions.yaml"),
         "--corpus", str(SEEDS)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        lines = [process.stdout.readline().decode() for _ in range(2)]
        assert lines[0].startswith("reviewing ") and "5 report(s)" in lines[0]
        url = lines[1].split()[1]
        assert url.startswith("http://127.0.0.1:")
        with urllib.request.urlopen(url, timeout=10) as page:
            assert page.status == 200 and b"milcoop review" in page.read()
        os.killpg(process.pid, signal.SIGINT)
        started = time.monotonic()
        output, _ = process.communicate(timeout=10)
        assert time.monotonic() - started < 5
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    shown = output.decode(errors="replace")
    assert process.returncode == 0, shown
    assert "Traceback" not in shown and shown.rstrip().endswith("stopped")
    assert not (tmp_path / "decisions.yaml").exists() and not (tmp_path / "facts").exists()


def test_review_with_no_proposals_says_so(tmp_path: Path) -> None:
    ran = CliRunner().invoke(main, ["review", "--proposed", str(tmp_path / "none")])
    assert ran.exit_code == 1
    assert ran.output.strip().splitlines() == [
        f"error: {tmp_path / 'none'}: no proposals to review (run milcoop ingest first, or "
        "give --proposed)"]


def test_a_port_in_use_is_one_line(seed_proposals: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        ran = CliRunner().invoke(main, ["review", "--proposed", str(seed_proposals),
                                        "--port", str(port)])
    assert ran.exit_code == 1
    assert ran.output.strip().splitlines()[-1].startswith(
        f"Error: cannot serve on 127.0.0.1:{port}: ")
    assert "Traceback" not in ran.output
