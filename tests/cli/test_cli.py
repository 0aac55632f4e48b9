"""Specification of the command line, through click's CliRunner."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from conftest import FACTS, FIXTURES, SEEDS
from milcoop.cli import main
from milcoop.commands import COMMANDS


@pytest.fixture
def run():
    def invoke(*args: str):
        return CliRunner().invoke(main, [str(arg) for arg in args])
    return invoke


def test_build_writes_node_link_json_and_prints_counts_by_label_and_type(run, tmp_path):
    out = tmp_path / "graph.json"
    result = run("build", "--facts", FACTS, "-o", out)
    assert result.exit_code == 0, result.output
    assert "entities and" in result.output and "from 5 reports" in result.output
    assert "PARTICIPATED_IN" in result.output and "Exercise" in result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {"nodes", "edges", "directed", "multigraph"} <= set(data)
    assert any(node["id"] == "mustafa-kemal-ataturk-2023" for node in data["nodes"])


def test_validate_reports_file_and_line_and_exits_1(run):
    path = FIXTURES / "invalid" / "dangling_id.yaml"
    result = run("validate", path, "--corpus", FIXTURES / "corpus")
    assert result.exit_code == 1
    assert f"{path}:27: error: dangling source 'MU'" in result.output
    assert "Traceback" not in result.output


def test_validate_passes_the_curated_facts(run):
    result = run("validate", FACTS)
    assert result.exit_code == 0, result.output
    assert "0 error(s)" in result.output


def test_build_refuses_invalid_facts_with_every_problem_and_no_traceback(run, tmp_path):
    result = run("build", "--facts", FIXTURES / "invalid" / "bad_date.yaml", "-o",
                 tmp_path / "g.json")
    assert result.exit_code == 1
    assert "bad_date.yaml:19: error: bad date in 'end'" in result.output
    assert not (tmp_path / "g.json").exists()
    assert "Traceback" not in result.output


def test_show_resolves_aliases_and_case_and_lists_sources(run):
    result = run("show", "president aliyev", "--facts", FACTS)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Ilham Aliyev [Person] id=ilham-aliyev")
    assert "-[LEADS]-> Azerbaijan [Country]" in result.output
    assert "source 003_72d5eaef8fc2a5af:" in result.output


def test_show_quotes_the_evidence_when_the_corpus_is_at_hand(run, seed_corpus):
    result = run("show", "Partnership for Peace", "--facts", FACTS, "--corpus", SEEDS)
    assert result.exit_code == 0, result.output
    assert '"Azerbaijan joined the NATO Partnership for Peace program on May 4, 1994' \
        in result.output


def test_show_refuses_names_with_control_characters_and_never_prints_them(run, tmp_path):
    hostile = (FIXTURES / "invalid" / "control_name.yaml").read_text(encoding="utf-8")
    (tmp_path / "tiny.yaml").write_text(hostile, encoding="utf-8")
    result = run("show", "Blue Shield-2030", "--facts", tmp_path)
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\u202e" not in result.output
    assert "holds control or bidirectional characters" in result.output


def test_show_an_unknown_name_is_one_line_and_exit_1(run):
    result = run("show", "Atlantis", "--facts", FACTS)
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == ["error: no entity called 'Atlantis'"]


def test_show_suggests_close_names(run):
    result = run("show", "Azerbajan", "--facts", FACTS)
    assert result.exit_code == 1
    assert "did you mean 'Azerbaijan'" in result.output


def test_stats_as_json(run):
    result = run("stats", "--facts", FACTS, "--format", "json")
    assert result.exit_code == 0, result.output
    payload = json.loads(result.output)
    assert payload["summary"]["articles"] == 5
    assert {row["label"] for row in payload["nodes_by_label"]} >= {"Country", "Exercise"}
    assert len(payload["facts_by_article"]) == 5


def test_locate_prints_spans_for_writing_evidence(run):
    result = run("locate", FIXTURES / "corpus" / "tiny.txt", "Lemuria")
    assert result.output.strip() == "[13, 20]"


@pytest.mark.parametrize("command", ["build", "validate", "stats", "show", "locate"])
def test_every_command_has_help_with_an_example(run, command):
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.output


def test_the_command_line_starts_without_its_heavy_libraries() -> None:
    probe = ("import sys, milcoop.cli; heavy = ('igraph', 'matplotlib', 'pandas', "
             "'trafilatura', 'spacy', 'neo4j', 'networkx', 'scipy', 'flask', 'yaml'); "
             "print(sorted(name for name in heavy if name in sys.modules))")
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True)
    assert run.stdout.strip() == "[]"


def test_every_command_is_listed_with_the_opening_of_its_own_help() -> None:
    listed = CliRunner().invoke(main, ["--help"]).output
    for name, (module, attribute, summary) in COMMANDS.items():
        command = getattr(importlib.import_module(f"milcoop.commands.{module}"), attribute)
        assert command.name == name
        assert " ".join(command.help.split()).startswith(summary.removesuffix(".")), name
        assert f"  {name} " in listed
    defined = {command.name for module in {module for module, _, _ in COMMANDS.values()}
               for command in vars(importlib.import_module(f"milcoop.commands.{module}"))
               .values() if isinstance(command, click.Command)
               and command.callback is not None
               and command.callback.__module__ == f"milcoop.commands.{module}"}
    assert defined - {"init", "status"} == set(COMMANDS)


def test_invalid_facts_print_each_problem_once_then_a_count() -> None:
    result = CliRunner().invoke(main, ["build", "--facts",
                                       str(FIXTURES / "invalid" / "unknown_property.yaml")])
    assert result.exit_code == 1
    assert result.output.count("unknown property 'budget' for label Exercise") == 1
    assert result.output.endswith("error: 1 error(s) in the facts, listed above\n")
