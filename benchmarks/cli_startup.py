"""How fast the command line answers: wall seconds of ``milcoop --help``, ``milcoop show
Azerbaijan`` (the seed graph, built once first) and ``milcoop query partners``, each the
median of --runs fresh processes, with the slowest beside it.

Run: .venv/bin/python benchmarks/cli_startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = (["--help"], ["show", "Azerbaijan"], ["query", "partners", "--param", "country=AZE"])


def seconds(arguments: list[str]) -> float:
    """Wall seconds of one ``milcoop`` process run in the checkout."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "milcoop", *arguments], cwd=ROOT, check=True,
                   capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    """Print one row per command: median and slowest wall seconds."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    seconds(["build"])
    print(f"{'command':40} {'median s':>9} {'slowest s':>10}")
    for arguments in COMMANDS:
        times = [seconds(arguments) for _ in range(args.runs)]
        print(f"{'milcoop ' + ' '.join(arguments):40} {statistics.median(times):>9.2f} "
              f"{max(times):>10.2f}")


if __name__ == "__main__":
    main()
