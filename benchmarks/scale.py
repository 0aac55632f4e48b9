"""The whole path at scale: --reports varied reports (sentences of the development reports
recombined, with their states swapped for others, so resolution has real work), then
`milcoop ingest --jobs 2`, `build` of the proposals, `show`, `query partners`, `map
--countries` and `centrality`, each a fresh process: wall and CPU seconds per stage (CPU
counts the workers too, and grows far less than wall time when other work shares the
machine), reports per second and CPU per report of ingest, peak memory of the largest
process and bytes written. Run it at two or more sizes to see how each stage grows.

Run: .venv/bin/python benchmarks/scale.py [--reports 500 1500] [--jobs 2] [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "fixtures" / "dev" / "reports"
CURATED = ROOT / "data" / "facts"
STATES = ("Kazakhstan", "Kyrgyzstan", "Uzbekistan", "Oman", "Qatar", "Ghana", "Nigeria",
          "Kenya", "Senegal", "Philippines", "Indonesia", "Thailand", "Lithuania", "Latvia",
          "Poland", "Romania", "Chile", "Peru", "Colombia", "Japan", "Australia", "Egypt",
          "Greece", "Cyprus", "Morocco", "India", "Vietnam", "Mongolia", "Zambia", "Fiji")
SENTENCE = re.compile(r"[^.!?\n]+[.!?]")


def pool() -> list[str]:
    """Every body sentence of the development reports."""
    found = []
    for path in sorted(DEV.glob("*.txt")):
        body = path.read_text(encoding="utf-8").split("\n", 2)[-1]
        found += [s.strip() for s in SENTENCE.findall(body) if 40 < len(s.strip()) < 400]
    return found


def report(number: int, sentences: list[str]) -> str:
    """One report: a title and twelve sentences drawn for ``number``, states swapped."""
    chance = random.Random(number)
    swap = dict(zip(STATES, chance.sample(STATES, len(STATES)), strict=True))
    body = " ".join(chance.sample(sentences, 12))
    body = re.sub("|".join(STATES), lambda found: swap[found.group()], body)
    title = f"{swap['Kazakhstan']} and {swap['Oman']} defence officials meet"
    return f"{title}\n\n{body}\n"


def cpu() -> float:
    """CPU seconds (user and system) of every finished child process so far."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def run(stage: str, arguments: list[str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one ``milcoop`` process and its workers (it must succeed):
    the CPU seconds do not depend on what else the machine runs."""
    started, spent = time.perf_counter(), cpu()
    done = subprocess.run([sys.executable, "-m", "milcoop", *arguments], cwd=cwd,
                          capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{stage} failed: {done.stderr[-500:]}")
    return time.perf_counter() - started, cpu() - spent


def size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def main() -> None:
    """Print one block per size: seconds per stage, ingest rate, memory and bytes."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, nargs="+", default=[500, 1500])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", type=Path,
                        help="copy the last size's reports, facts and built graph here")
    args = parser.parse_args()
    sentences = pool()
    for count in args.reports:
        with tempfile.TemporaryDirectory() as name:
            work = Path(name)
            reports = work / "reports"
            reports.mkdir()
            for number in range(count):
                (reports / f"{number:06d}.txt").write_text(report(number, sentences),
                                                           encoding="utf-8")
            facts = work / "facts"
            facts.mkdir()
            curated = work / "curated"
            shutil.copytree(CURATED, curated)
            seconds = {
                "ingest": run("ingest", ["ingest", str(reports), "--out", str(facts),
                                         "--jobs", str(args.jobs), "--facts", str(curated)],
                              work),
            }
            proposed = list(facts.rglob("*.yaml"))
            for path in curated.glob("*.yaml"):
                shutil.copy(path, facts / path.name)
            for stage, arguments in (
                    ("build", ["build", "--facts", str(facts), "-o", "graph.json"]),
                    ("show", ["show", "Oman", "--facts", str(facts)]),
                    ("query partners", ["query", "partners", "--param", "country=Oman",
                                        "--facts", str(facts)]),
                    ("map --countries", ["map", "--countries", "--facts", str(facts),
                                         "-o", "map.html"]),
                    ("centrality", ["centrality", "--facts", str(facts)])):
                seconds[stage] = run(stage, arguments, work)
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            print(f"{count} reports ({len(proposed)} proposed facts files, "
                  f"{size(facts) / 1e6:.1f} MB proposed, {size(work / 'out') / 1e6:.1f} MB "
                  f"built): ingest {count / seconds['ingest'][0]:.1f} reports/s, "
                  f"{seconds['ingest'][1] / count * 1000:.0f} ms of CPU per report; "
                  f"peak {peak:.0f} MB in the largest process so far", flush=True)
            print("  " + ", ".join(f"{stage} {wall:.1f} s ({used:.1f} s CPU)"
                                   for stage, (wall, used) in seconds.items()), flush=True)
            if args.keep is not None:
                shutil.copytree(work, args.keep, dirs_exist_ok=True)


if __name__ == "__main__":
    main()
