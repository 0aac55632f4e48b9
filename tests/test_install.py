"""An installed milcoop (a wheel built from this checkout, not the checkout itself) carries
everything it reads at run time: the Cypher files, the map's template, the gazetteers and
the pattern files; run from another folder, it answers a query, extracts and maps."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import FACTS, FIXTURES, ROOT


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel of this checkout, installed (without its dependencies) into a folder."""
    folder = tmp_path_factory.mktemp("install")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w",
                    str(folder / "wheel"), str(ROOT)], check=True, capture_output=True)
    wheel = next((folder / "wheel").glob("milcoop-*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet",
                    "--target", str(folder / "site"), str(wheel)], check=True,
                   capture_output=True)
    return folder


def test_the_wheel_carries_the_files_read_at_run_time(installed: Path) -> None:
    names = zipfile.ZipFile(next((installed / "wheel").glob("*.whl"))).namelist()
    shipped = {path.relative_to(ROOT).as_posix() for path in (
        *(ROOT / "cypher").rglob("*.cypher"), *(ROOT / "ingest").rglob("*.csv"),
        *(ROOT / "ingest" / "extract" / "rules").glob("*.yaml"),
        ROOT / "ingest" / "extract" / "learned" / "linker.json",
        *(ROOT / "graph" / "maps" / "templates").iterdir())}
    assert shipped <= set(names)


@pytest.mark.parametrize("command", [
    ["query", "partners", "--param", "country=AZE", "--facts", str(FACTS)],
    ["extract", str(FIXTURES / "dev" / "reports" / "13_balkans.txt")],
    ["map", "--facts", str(FACTS), "-o", "map.html"],
])
def test_the_installed_commands_run_from_another_folder(installed: Path, tmp_path: Path,
                                                        command: list[str]) -> None:
    run = subprocess.run([sys.executable, "-m", "milcoop", *command], cwd=tmp_path,
                         env={**os.environ, "PYTHONPATH": str(installed / "site")},
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    probe = subprocess.run([sys.executable, "-c", "import graph; print(graph.__file__)"],
                           cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(installed / "site")},
                           capture_output=True, text=True)
    assert probe.stdout.startswith(str(installed / "site"))


NETWORK = ("NewConnectionError", "Temporary failure in name resolution",
           "No matching distribution found", "Network is unreachable")
"""What pip says when it cannot reach a package index (the test is skipped, saying so)."""


@pytest.fixture(scope="module")
def fresh_venv(installed: Path) -> Path:
    """A new venv made by ``python -m venv`` with the pip Python ships (not upgraded), and
    the wheel installed into it with its dependencies from the package index."""
    venv = installed / "venv"
    base = getattr(sys, "_base_executable", sys.executable)
    subprocess.run([base, "-m", "venv", str(venv)], check=True, capture_output=True)
    wheel = next((installed / "wheel").glob("milcoop-*.whl"))
    run = subprocess.run([str(venv / "bin" / "pip"), "install", "--quiet", str(wheel)],
                         capture_output=True, text=True, timeout=1800)
    if run.returncode and any(sign in run.stderr for sign in NETWORK):
        pytest.skip(f"no package index reachable to install the wheel's dependencies: "
                    f"{run.stderr.strip().splitlines()[-1]}")
    assert run.returncode == 0, run.stderr
    return venv


def test_a_fresh_venv_with_the_pip_python_ships_runs_every_command(fresh_venv: Path,
                                                                   tmp_path: Path) -> None:
    milcoop = str(fresh_venv / "bin" / "milcoop")
    report = FIXTURES / "dev" / "reports" / "13_balkans.txt"
    for command in (["build", "--facts", str(FACTS), "-o", "graph.json"],
                    ["query", "partners", "--param", "country=AZE", "--facts", str(FACTS)],
                    ["map", "--facts", str(FACTS), "-o", "map.html"],
                    ["export", "--format", "csv", "--facts", str(FACTS), "-o", "tables"],
                    ["extract", str(report)]):
        run = subprocess.run([milcoop, *command], cwd=tmp_path, capture_output=True,
                             text=True, timeout=600, env={**os.environ, "PYTHONPATH": ""})
        assert run.returncode == 0, f"{command[0]}: {run.stderr}"
    assert (tmp_path / "graph.json").is_file() and (tmp_path / "map.html").is_file()
    assert (tmp_path / "tables" / "nodes.csv").is_file()
