"""The facts pipeline: read facts files, validate them, turn them into rows, load a store."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
from tqdm import tqdm

from graph.settings import Settings, load_settings
from graph.store.base import Store, WriteSummary
from graph.store.neo4j_store import Neo4jStore
from graph.store.networkx_store import NetworkXStore
from ingest.corpus import Corpus
from ingest.errors import IngestError, InvalidFacts, Problem
from ingest.facts.files import FactsFile, FactsSyntaxError, facts_paths, read_facts_file
from ingest.facts.rows import batches, rows
from ingest.facts.validate import validate


@dataclass
class Checked:
    """Facts files read and validated, with every problem found."""

    files: list[FactsFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        """The problems that stop a build (warnings do not)."""
        return [problem for problem in self.problems if problem.level == "error"]


def check(target: Path, corpus: Corpus) -> Checked:
    """Read and validate the facts at ``target`` (a file or a folder)."""
    paths = facts_paths(target)
    if not paths:
        raise IngestError(f"{target}: no facts files (*.yaml) found")
    checked = Checked()
    for path in paths:
        try:
            checked.files.append(read_facts_file(path))
        except FactsSyntaxError as error:
            checked.problems.append(error.problem)
        except OSError as error:
            checked.problems.append(Problem(path, 0, f"cannot read: {error.strerror}"))
    checked.problems = sorted(checked.problems + validate(checked.files, corpus))
    return checked


def validated(target: Path, corpus: Corpus) -> Checked:
    """The facts at ``target``, read and validated; raises InvalidFacts on any error."""
    checked = check(target, corpus)
    if checked.errors:
        raise InvalidFacts(checked.problems)
    return checked


def load(files: list[FactsFile], store: Store, batch_size: int = 1000) -> WriteSummary:
    """Write validated facts into ``store`` in batches (nodes first), with a progress bar."""
    nodes, edges = rows(files)
    summary = WriteSummary()
    with tqdm(total=len(nodes) + len(edges), unit="row", desc="load", disable=None,
              leave=False) as bar:
        for batch in batches(nodes, batch_size):
            summary += store.write(batch, [])
            bar.update(len(batch))
        for batch in batches(edges, batch_size):
            summary += store.write([], batch)
            bar.update(len(batch))
    return summary


def build(target: Path, corpus: Corpus) -> tuple[NetworkXStore, Checked]:
    """Validate the facts at ``target`` and build them into a NetworkX store.

    Raises InvalidFacts (carrying every problem) when any error is found.
    """
    checked = validated(target, corpus)
    store = NetworkXStore()
    load(checked.files, store)
    return store, checked


SOURCES = ("networkx", "neo4j")
"""Where a command may read the graph from: built from the facts, or a Neo4j database."""


def read_graph(source: str, facts: Path, corpus: Corpus,
               settings: Settings | None = None) -> nx.MultiDiGraph:
    """The graph in the common shape, from the facts (``networkx``) or from Neo4j
    (connected as ``settings`` say: NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE)."""
    if source == "neo4j":
        with Neo4jStore.from_settings(settings or load_settings()) as store:
            return store.read()
    return build(facts, corpus)[0].read()
