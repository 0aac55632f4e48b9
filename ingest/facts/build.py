"""The facts pipeline: read facts files, validate them, turn them into rows, load a store,
and keep the built graph for the reading commands until the facts change."""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import networkx as nx
from tqdm import tqdm

from graph.analysis.projection import country_view, pair_view, ties_view
from graph.files import write_if_changed
from graph.heap import paused_gc
from graph.model import Edge, Node
from graph.progress import progress
from graph.store.base import Store, WriteSummary
from graph.store.door import country_view_of, index_of, pair_view_of, ties_view_of
from graph.store.index import write_index
from graph.store.networkx_store import Gathering, NetworkXStore
from ingest.corpus import Corpus
from ingest.errors import IngestError, InvalidFacts, Problem
from ingest.facts.files import (
    FactsFile,
    FactsSyntaxError,
    facts_files,
    facts_paths,
    from_json,
    prune_parsed,
    read_parsed,
)
from ingest.facts.rows import rows
from ingest.facts.validate import Across, check_file
from ingest.workers import JOBS, forked, ignore_interrupts

PROGRESS_STEP = 1000
"""Rows written between two updates of the progress bar."""


@dataclass
class Checked:
    """Facts files read and validated, with every problem found."""

    files: list[FactsFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        """The problems that stop a build (warnings do not)."""
        return [problem for problem in self.problems if problem.level == "error"]


PARALLEL_FROM = 200
"""Facts files from which a build parses them on several processes (fewer start faster
on one)."""


def _read(path: Path, cache: Path | None, corpus: Corpus) -> tuple[bytes | None,
                                                                    list[Problem]]:
    """One facts file read (from the parse cache when it holds it) and checked on its own
    (in a worker, when there are several), as the JSON of its records (``as_json``: a
    worker sends that back at a fraction of the records' pickling cost), or what stops it
    being read."""
    try:
        facts, parsed = read_parsed(path, cache)
    except FactsSyntaxError as error:
        return None, [error.problem]
    except OSError as error:
        return None, [Problem(path, 0, f"cannot read: {error.strerror}")]
    return parsed, check_file(facts, corpus)


def _reading(target: Path, corpus: Corpus, cache: Path | None, jobs: int
             ) -> Iterator[tuple[FactsFile | None, list[Problem]]]:
    """Each facts file at ``target`` read and checked on its own, in path order, with a
    progress bar (see ``check`` for ``cache`` and ``jobs``)."""
    paths = facts_paths(target)
    if not paths:
        raise IngestError(f"{target}: no facts files (*.yaml) found")
    read = partial(_read, cache=cache, corpus=corpus)
    with contextlib.ExitStack() as stack:
        if jobs > 1 and len(paths) >= PARALLEL_FROM:
            pool = stack.enter_context(multiprocessing.Pool(jobs, initializer=ignore_interrupts))
            found = pool.imap(read, paths, chunksize=16)
        else:
            found = map(read, paths)
        shown = progress(found, "read", "file", len(paths))
        for path, (parsed, problems) in zip(paths, shown, strict=True):
            yield (None if parsed is None else from_json(path, parsed)), problems
    if cache is not None:
        prune_parsed(cache, paths)


def check(target: Path, corpus: Corpus, cache: Path | None = None, jobs: int = JOBS
          ) -> Checked:
    """Read and validate the facts at ``target`` (a file or a folder); ``cache``: where
    files already parsed are kept (see ``read_parsed``); ``jobs``: processes that parse
    and check each file, when there are ``PARALLEL_FROM`` files or more (then the checks
    across files)."""
    checked = Checked()
    across = Across()
    for facts, problems in _reading(target, corpus, cache, jobs):
        if facts is not None:
            checked.files.append(facts)
            problems += across.add(facts)
        checked.problems += problems
    checked.problems.sort()
    return checked


def validated(target: Path, corpus: Corpus, cache: Path | None = None, jobs: int = JOBS
              ) -> Checked:
    """The facts at ``target``, read and validated; raises InvalidFacts on any error."""
    checked = check(target, corpus, cache, jobs)
    if checked.errors:
        raise InvalidFacts(checked.problems)
    return checked


def _counted(items: list[Any], bar: tqdm) -> Iterator[Any]:
    """``items`` one by one, the progress bar moved on as the store takes them."""
    for done, item in enumerate(items, 1):
        yield item
        if done % PROGRESS_STEP == 0:
            bar.update(PROGRESS_STEP)
    bar.update(len(items) % PROGRESS_STEP)


def load(files: list[FactsFile], store: Store) -> WriteSummary:
    """Write validated facts into ``store`` (nodes first; the store batches them as it
    writes best), with a progress bar, then what the store derives from them."""
    return write_rows(*rows(files), store)


def write_rows(nodes: list[Node], edges: list[Edge], store: Store) -> WriteSummary:
    """Write the rows of validated facts into ``store``, with a progress bar, then what
    the store derives from them."""
    with tqdm(total=len(nodes) + len(edges), unit="row", desc="load", disable=None,
              leave=False) as bar:
        summary = store.write(_counted(nodes, bar), _counted(edges, bar))
    store.derive()
    return summary


def build(target: Path, corpus: Corpus, cache: Path | None = None, jobs: int = JOBS
          ) -> tuple[NetworkXStore, Checked]:
    """Validate the facts at ``target`` and build them into a NetworkX store (``jobs``:
    processes that parse the files). Each file becomes rows as it is read, which are
    gathered into the graph (``Gathering``) and let go, so neither the files nor their rows
    are ever all held at once (the returned ``Checked`` holds no files); after the first
    error no more rows are made, but every file is still checked.

    Raises InvalidFacts (carrying every problem) when any error is found.
    """
    checked = Checked()
    across = Across()
    store = NetworkXStore()
    gathering = Gathering(store.graph)
    failed = False
    with paused_gc():
        for facts, problems in _reading(target, corpus, cache, jobs):
            if facts is not None:
                problems += across.add(facts)
            checked.problems += problems
            failed = failed or any(problem.level == "error" for problem in problems)
            if facts is not None and not failed:
                file_nodes, file_edges = rows([facts])
                gathering.nodes(file_nodes)
                gathering.edges(file_edges)
        checked.problems.sort()
        if failed:
            raise InvalidFacts(checked.problems)
        del across
        gathering.done()
        store.derive()
    return store, checked


SHAPERS = ("graph/vocabulary.py", "graph/model.py", "ingest/facts/rows.py",
           "graph/store/networkx_store.py", "graph/analysis/projection.py")
"""The code that shapes a built graph: a change to it rebuilds the reading commands' copy."""


def facts_key(target: Path, corpus: Corpus) -> str:
    """A digest of everything a built graph depends on: the facts files (by name, size,
    modification time and inode, as git's index tells a changed file without reading it, so
    100,000 files are checked in a fraction of a second), the corpus folders its spans were
    checked against, and the code that shapes it (by its bytes)."""
    digest = hashlib.sha256()
    root = Path(__file__).resolve().parent.parent.parent
    for path in [root / name for name in SHAPERS]:
        digest.update(f"{path}\0".encode())
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"unreadable")
    for path in facts_files(target):
        try:
            status = os.stat(path)
            digest.update(f"{path}\0{status.st_size}\0{status.st_mtime_ns}\0"
                          f"{status.st_ino}\0".encode())
        except OSError:
            digest.update(f"{path}\0unreadable\0".encode())
    digest.update("\0".join(str(folder.resolve()) for folder in corpus.dirs).encode())
    return digest.hexdigest()


def _save_views(graph: nx.MultiDiGraph, graph_file: Path) -> None:
    """Save the country view (``country_view``) and pair view (``pair_view``) of a built
    graph beside it."""
    view = country_view(graph)
    NetworkXStore(view).save(country_view_of(graph_file))
    NetworkXStore(pair_view(view)).save(pair_view_of(graph_file))


def save_built(store: NetworkXStore, graph_file: Path, key: str) -> None:
    """Save a built graph, its index (``graph.store.index``), its country and pair views
    (made in a forked process meanwhile) and ties view (``ties_view``) with the key of the
    facts it was built from beside them (written last, so an interrupted save is rebuilt
    next time); IngestError when they cannot be written there."""
    try:
        _save_built(store, graph_file, key)
    except OSError as error:
        raise IngestError(f"{graph_file}: cannot keep the built graph here "
                          f"({error.strerror}); set MILCOOP_OUT to a writable folder") from None


def _save_built(store: NetworkXStore, graph_file: Path, key: str) -> None:
    stamp = graph_file.with_name(graph_file.name + ".key")
    stamp.unlink(missing_ok=True)
    graph = store.read()
    with tqdm(total=3, desc="keep", unit="file", disable=None, leave=False) as bar, \
            paused_gc(), forked(partial(_save_views, graph, graph_file)):
        store.save(graph_file)
        bar.update()
        write_index(graph.nodes(data=True), graph.edges(keys=True, data=True),
                    index_of(graph_file))
        bar.update()
        NetworkXStore(ties_view(graph)).save(ties_view_of(graph_file))
        bar.update()
    write_if_changed(stamp, key.encode("ascii"))


def rebuild_if_changed(target: Path, corpus: Corpus, graph_file: Path) -> bool:
    """Make ``graph_file`` hold the graph of the facts at ``target``, building it again only
    when the facts (or the corpus, or milcoop's graph code) changed, and then parsing again
    only the files that changed (the others come from ``parsed/`` beside it); True if it
    was built."""
    key = facts_key(target, corpus)
    stamp = graph_file.with_name(graph_file.name + ".key")
    try:
        if graph_file.is_file() and index_of(graph_file).is_file() and \
                country_view_of(graph_file).is_file() and pair_view_of(graph_file).is_file() and \
                ties_view_of(graph_file).is_file() and \
                stamp.read_text(encoding="ascii") == key:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    store, _ = build(target, corpus, graph_file.parent / "parsed")
    save_built(store, graph_file, key)
    return True
