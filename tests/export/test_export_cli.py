"""``milcoop export``: every format from the command line, '-' for stdout, one-line errors."""

from __future__ import annotations

import io
import shlex

import pytest
from click.testing import CliRunner

from conftest import FACTS
from graph.export import dyads, gexf
from milcoop.cli import main


def run(*args: object):
    return CliRunner().invoke(main, ["export", "--facts", str(FACTS), *map(str, args)])


def test_gexf_goes_to_the_file_given_and_reads_back(tmp_path, seed_graph):
    target = tmp_path / "seed.gexf"
    result = run("--format", "gexf", "-o", target)
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote gexf: 127 nodes, 439 edges -> {target}\n"
    assert gexf.read(target).number_of_edges() == seed_graph.number_of_edges()


def test_dash_writes_a_single_file_format_to_stdout_and_talks_on_stderr():
    result = run("--format", "dyads", "-o", "-")
    assert result.exit_code == 0, result.stderr
    table = dyads.read(io.BytesIO(result.stdout_bytes))
    assert len(table) == 11 and table["ties"].sum() == 33
    assert "wrote dyads: 127 nodes, 439 edges -> stdout" in result.stderr
    assert "21 tie(s) have no date" in result.stderr


def test_neo4j_admin_prints_the_import_command_last(tmp_path):
    result = run("--format", "neo4j-admin", "-o", tmp_path / "import")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"wrote neo4j-admin: 127 nodes, 439 edges -> 28 files in {tmp_path}/import"
    words = shlex.split(lines[-1])
    assert words[:4] == ["neo4j-admin", "database", "import", "full"]
    assert f"--nodes={tmp_path}/import/nodes_Country.csv" in words


@pytest.mark.parametrize("fmt", ["csv", "neo4j-admin"])
def test_folder_formats_refuse_stdout(fmt):
    result = run("--format", fmt, "-o", "-")
    assert result.exit_code == 2
    assert "writes a folder of files" in result.output and "Traceback" not in result.output


def test_an_unwritable_target_is_one_line_and_exit_1(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = run("--format", "graphml", "-o", blocker / "graph.graphml")
    assert result.exit_code == 1
    assert result.output.startswith(f"error: {blocker}/graph.graphml: cannot write:")
    assert len(result.output.splitlines()) == 1
