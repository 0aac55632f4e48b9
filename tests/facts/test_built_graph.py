"""The reading commands build the graph of the facts once and read it until the facts change."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from conftest import FACTS
from ingest.corpus import Corpus
from ingest.errors import IngestError, InvalidFacts
from ingest.facts import files
from ingest.facts.build import build, check, rebuild_if_changed
from ingest.facts.files import facts_paths
from milcoop.cli import main


def test_the_graph_is_built_again_only_when_the_facts_change(tmp_path):
    facts = tmp_path / "facts"
    shutil.copytree(FACTS, facts)
    graph_file = tmp_path / "cache" / "graph.json"
    assert rebuild_if_changed(facts, Corpus(), graph_file) is True
    assert rebuild_if_changed(facts, Corpus(), graph_file) is False
    first = sorted(facts.glob("*.yaml"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert rebuild_if_changed(facts, Corpus(), graph_file) is True
    assert rebuild_if_changed(facts, Corpus([tmp_path]), graph_file) is True
    (graph_file.parent / "graph.json.key").write_text("stale", encoding="ascii")
    assert rebuild_if_changed(facts, Corpus([tmp_path]), graph_file) is True


def test_reading_commands_share_one_build_and_build_writes_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    built = runner.invoke(main, ["build", "--facts", str(FACTS), "-o", "graph.json"])
    assert built.exit_code == 0, built.output
    cached = tmp_path / "out" / "cache" / "graph.json"
    stamp = cached.stat().st_mtime_ns
    for command in (["stats"], ["show", "Azerbaijan"], ["query", "partners", "--param",
                                                        "country=Azerbaijan"]):
        result = runner.invoke(main, [*command, "--facts", str(FACTS)])
        assert result.exit_code == 0, result.output
    assert cached.stat().st_mtime_ns == stamp
    assert (tmp_path / "graph.json").read_bytes() == cached.read_bytes()


def test_invalid_facts_still_fail_the_reading_command(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    facts = tmp_path / "facts"
    shutil.copytree(FACTS, facts)
    first = sorted(facts.glob("*.yaml"))[0]
    first.write_text(first.read_text(encoding="utf-8").replace("label: Country",
                                                               "label: Kountry", 1),
                     encoding="utf-8")
    result = CliRunner().invoke(main, ["stats", "--facts", str(facts)])
    assert result.exit_code == 1
    assert "Kountry" in result.output
    assert not (tmp_path / "out" / "cache" / "graph.json").exists()


def test_only_the_changed_facts_file_is_parsed_again(tmp_path, monkeypatch):
    facts = tmp_path / "facts"
    shutil.copytree(FACTS, facts)
    graph_file = tmp_path / "cache" / "graph.json"
    parsed = []
    real = files._parse
    monkeypatch.setattr(files, "_parse", lambda path, text: parsed.append(path.name) or
                        real(path, text))
    rebuild_if_changed(facts, Corpus(), graph_file)
    assert len(parsed) == len(list(facts.glob("*.yaml"))) == 5
    changed = sorted(facts.glob("*.yaml"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    parsed.clear()
    rebuild_if_changed(facts, Corpus(), graph_file)
    assert parsed == [changed.name]
    assert len(list((graph_file.parent / "parsed").glob("*.json"))) == 5


ODD_VALUES = """article:
  id: odd
  title: null in a title, and a null value
  author:
entities:
- id: AZE
  label: Country
  name: Azerbaijan
  confidence: .inf
  population: 123456789012345678901234567890
  evidence: [[0, 10]]
relations: []
"""


def test_the_parse_cache_gives_back_exactly_what_was_read_even_values_json_bends(tmp_path):
    path = tmp_path / "odd.yaml"
    path.write_text(ODD_VALUES, encoding="utf-8")
    cache = tmp_path / "parsed"
    read = files.read_facts_file(path, cache)
    assert read.entities[0].data["confidence"] == float("inf")
    assert read.entities[0].data["population"] == 123456789012345678901234567890
    assert read.article.data["author"] is None
    assert len(list(cache.glob("*.json"))) == 1
    assert repr(files.read_facts_file(path, cache)) == repr(read)


def test_a_view_that_cannot_be_kept_fails_the_build_by_name_and_leaves_no_key(tmp_path):
    facts = tmp_path / "facts"
    shutil.copytree(FACTS, facts)
    graph_file = tmp_path / "cache" / "graph.json"
    (tmp_path / "cache" / "graph.pairs.json").mkdir(parents=True)
    with pytest.raises(IngestError, match=r"graph\.json: cannot keep the built graph here"):
        rebuild_if_changed(facts, Corpus(), graph_file)
    assert not (tmp_path / "cache" / "graph.json.key").exists()
    (tmp_path / "cache" / "graph.pairs.json").rmdir()
    assert rebuild_if_changed(facts, Corpus(), graph_file) is True
    assert (tmp_path / "cache" / "graph.pairs.json").is_file()


def test_show_and_stats_read_the_index_and_partners_the_country_view_not_the_graph(
        tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    facts = tmp_path / "facts"
    shutil.copytree(FACTS, facts)
    runner = CliRunner()
    before = runner.invoke(main, ["show", "Azerbaijan", "--facts", str(facts)])
    assert before.exit_code == 0, before.output
    cached = tmp_path / "out" / "cache"
    assert (cached / "graph.index.sqlite").is_file()
    counted = runner.invoke(main, ["stats", "--facts", str(facts)])
    (cached / "graph.json").write_text("not json", encoding="utf-8")
    after = runner.invoke(main, ["show", "Azerbaijan", "--facts", str(facts)])
    assert after.exit_code == 0 and after.output == before.output
    assert runner.invoke(main, ["stats", "--facts", str(facts)]).output == counted.output
    assert "not a milcoop graph file" in runner.invoke(
        main, ["query", "commanders", "--param", "country=Azerbaijan", "--facts",
               str(facts)]).output
    partners = ["query", "partners", "--param", "country=Azerbaijan", "--facts", str(facts)]
    assert "TUR" in runner.invoke(main, partners).output
    (cached / "graph.countries.json").write_text("not json", encoding="utf-8")
    assert "not a milcoop graph file" in runner.invoke(main, partners).output
    (cached / "graph.index.sqlite").unlink()
    rebuilt = runner.invoke(main, ["show", "Azerbaijan", "--facts", str(facts)])
    assert rebuilt.output == before.output and (cached / "graph.index.sqlite").is_file()


def test_facts_files_are_listed_in_path_order_nested_folders_too(tmp_path):
    for name in ("a-b.yaml", "a/x.yaml", "a.yaml", "b/c/d.yml", "b.yml", "a b.yaml",
                 "Z.yaml", "notes.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("article: {}\n", encoding="utf-8")
    listed = [path.relative_to(tmp_path).as_posix() for path in facts_paths(tmp_path)]
    assert listed == ["Z.yaml", "a/x.yaml", "a b.yaml", "a-b.yaml", "a.yaml", "b/c/d.yml",
                      "b.yml"]


def test_facts_parsed_on_several_processes_are_read_and_judged_alike(tmp_path, monkeypatch):
    from ingest.facts import build as building
    facts = tmp_path / "facts"
    shutil.copytree(FACTS, facts)
    (facts / "zz-broken.yaml").write_text("article: [unclosed\n", encoding="utf-8")
    alone = building.check(facts, Corpus(), jobs=1)
    monkeypatch.setattr(building, "PARALLEL_FROM", 2)
    shared = building.check(facts, Corpus(), jobs=2)
    assert [f.path for f in shared.files] == [f.path for f in alone.files] and \
        len(alone.files) == 5
    assert [f.entities for f in shared.files] == [f.entities for f in alone.files]
    assert [str(p) for p in shared.problems] == [str(p) for p in alone.problems]
    assert any("zz-broken.yaml:2" in str(p) or "zz-broken.yaml:1" in str(p)
               for p in shared.problems)


def test_a_build_names_every_bad_file_not_only_the_first(tmp_path):
    facts = tmp_path / "facts"
    shutil.copytree(FACTS, facts)
    first, *_, last = sorted(facts.glob("*.yaml"))
    for path in (first, last):
        path.write_text(path.read_text(encoding="utf-8").replace("label: Country",
                                                                 "label: Kountry", 1),
                        encoding="utf-8")
    with pytest.raises(InvalidFacts) as failed:
        build(facts, Corpus(), jobs=1)
    assert {problem.path.name for problem in failed.value.problems
            if "Kountry" in problem.message} >= {first.name, last.name}
    assert failed.value.problems == check(facts, Corpus(), jobs=1).problems


def test_build_where_its_output_folder_is_a_file_is_one_error_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "out").write_text("a file where the output folder goes", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--facts", str(FACTS), "-o", "graph.json"])
    assert result.exit_code == 1
    assert "cannot keep the built graph here (Not a directory)" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "graph.json").exists()
