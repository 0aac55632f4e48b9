"""One ingest run: read reports, extract (in parallel), resolve, apply decisions, merge with
the curated facts, write the proposals and the review report, and optionally load a store.

Output depends only on the input, never on ``jobs``: reports are extracted in chunks across
processes but resolved in input order. Files are written atomically and only when their
bytes change, so running again on the same input changes nothing.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import re
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any

from tqdm import tqdm

from graph.files import atomic_writer, write_if_changed
from graph.progress import progress
from graph.settings import Settings
from graph.store.base import Store, WriteSummary
from graph.store.door import open_store
from graph.store.networkx_store import NetworkXStore
from ingest.corpus import Corpus
from ingest.errors import IngestError, InvalidFacts, Problem
from ingest.evaluate.score import Score, score
from ingest.extract.budget import ExtractionFailed, extract_guarded
from ingest.extract.dates import infer_published
from ingest.extract.facts import Extraction
from ingest.extract.gazetteer import default as default_gazetteer
from ingest.extract.matching import prepare as prepare_patterns
from ingest.extract.nlp import BATCH, parse_all
from ingest.facts.build import load, validated
from ingest.facts.files import FactsFile, facts_paths
from ingest.facts.validate import Across, check_date, check_file
from ingest.facts.writer import facts_text
from ingest.readers.folder import Skipped, read_reports
from ingest.readers.report import Report
from ingest.review.decisions import Decider, Decisions, read_decisions
from ingest.review.packed import pack, unpack
from ingest.review.proposals import (
    Canonical,
    Curated,
    Proposal,
    add_totals,
    curated_facts,
    propose_one,
)
from ingest.review.report import Review
from ingest.review.resolve import Resolver, relation_key
from ingest.workers import ignore_interrupts

HEADER = ("Proposed by `milcoop ingest` from {file}: facts extracted automatically, not yet\n"
          "reviewed. Decide them in the browser with `milcoop review`, or move the ones you\n"
          "accept into data/facts and reject or merge the wrong ones in data/decisions.yaml.\n"
          "Each entity's comment and each relation's note give its status, the rule that\n"
          "proposed it and its confidence.\n")
REVIEW = "REVIEW.md"
TEXTS = "texts"
REPORTS = ".milcoop-reports"
"""The file in --out naming the reports folder of the last run, where `milcoop review`
finds the texts the proposals' evidence points into."""
_UNSAFE = re.compile(r"[^\w.-]")
_ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?")


def _extract_batch(items: list[tuple[str, str, str | None]],
                   seconds: float | None = None) -> list[Extraction | str]:
    """Extract a batch of reports (runs in a worker), parsed together by ``nlp.pipe``; the
    texts are not sent back. A report whose extraction runs past ``seconds``, or fails,
    gives the reason it was skipped instead: one report never stops a run."""
    docs = parse_all(text for text, _, _ in items)
    found: list[Extraction | str] = []
    for (text, article, published), doc in zip(items, docs, strict=True):
        try:
            extraction = extract_guarded(text, article, published, seconds, doc=doc)
        except ExtractionFailed as failed:
            found.append(str(failed))
            continue
        extraction.text = ""
        found.append(extraction)
    return found


def _batches(items: list[tuple[str, str, str | None]], jobs: int,
             seconds: float | None) -> Iterator[list[Extraction | str]]:
    """Each batch of ``items``' extractions (see ``_extract_batch``), in input order, on
    ``jobs`` processes."""
    batches = [items[i:i + BATCH] for i in range(0, len(items), BATCH)]
    default_gazetteer()
    prepare_patterns()
    work = partial(_extract_batch, seconds=seconds)
    if jobs <= 1 or len(batches) < 2:
        for batch in batches:
            yield work(batch)
    else:
        with multiprocessing.Pool(jobs, initializer=ignore_interrupts) as pool:
            yield from pool.imap(work, batches)


def extract_each(reports: list[Report], published: list[str | None], jobs: int = 1,
                 seconds: float | None = None) -> Iterator[Extraction | str]:
    """The extraction of each report, in input order, as it arrives from ``jobs`` processes
    (each loading the spaCy model once), with a progress bar (reports and rate) on stderr;
    for a report that ran past its budget of ``seconds``, the reason it was skipped. Ctrl-C
    stops the run at once: the workers ignore it and are terminated when the pool is left."""
    items = [(report.text, report.id, date)
             for report, date in zip(reports, published, strict=True)]
    done = 0
    with tqdm(total=len(items), unit="report", desc="extract", disable=None) as bar:
        for found in _batches(items, jobs, seconds):
            for extraction in found:
                if isinstance(extraction, Extraction):
                    extraction.text = reports[done].text
                done += 1
                yield extraction
            bar.update(len(found))
    if done != len(items):
        raise ValueError(f"{done} extractions for {len(items)} reports")


def extract_all(reports: list[Report], published: list[str | None], jobs: int = 1,
                seconds: float | None = None) -> list[Extraction | str]:
    """The extraction of every report, in input order (see ``extract_each``)."""
    return list(extract_each(reports, published, jobs, seconds))


def iso_date(value: str | None) -> str | None:
    """An ISO date at its known precision from a metadata value, or None.

    >>> iso_date("2024-06-12T10:00:00Z"), iso_date("2024"), iso_date("June 2024")
    ('2024-06-12', '2024', None)
    """
    match = _ISO.match(str(value or "").strip())
    return match.group(0) if match and not check_date(match.group(0)) else None


LONGEST = 100
"""Characters of a report id kept in its file name (file systems allow 255 bytes)."""


def safe_name(report_id: str) -> str:
    """A file name for a report id: the id itself when it is safe, else the id with
    characters outside [A-Za-z0-9_.-] as '_', cut to ``LONGEST`` characters, and a hash of
    it (two ids never share one; an id from an undecodable file name hashes too).

    >>> safe_name("000_a9e0"), safe_name("a/b c"), safe_name("a_b c")
    ('000_a9e0', 'a_b_c-9f597a63', 'a_b_c-185ea5cf')
    >>> len(safe_name("x" * 300))
    109
    """
    name = _UNSAFE.sub("_", report_id).lstrip(".")
    if name == report_id and len(name) <= LONGEST:
        return name
    digest = hashlib.sha1(report_id.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{name[:LONGEST] or 'report'}-{digest}"


def _file_text(path: Path) -> str | None:
    """The text of ``path`` as the corpus reads it, or None."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError):
        return None


def _offsets_match(path: Path, text: str) -> bool:
    """Whether evidence offsets into ``text`` are offsets into the file ``path``: the
    reader blanks boilerplate to spaces, keeping every other character where it was."""
    try:
        if path.stat().st_size == len(text.encode("utf-8")):
            return True
    except OSError:
        return False
    found = _file_text(path)
    return found is not None and len(found) == len(text)


@dataclass
class Result:
    """What a run read, proposed and wrote, and what it found wrong."""

    reports: int = 0
    words: int = 0
    seconds: float = 0.0
    skipped: list[Skipped] = field(default_factory=list)
    proposals: list[Proposal] = field(default_factory=list)
    counts: Counter[tuple[str, str]] = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    curated: list[FactsFile] = field(default_factory=list)
    proposed: list[FactsFile] = field(default_factory=list)
    corpus: Corpus = field(default_factory=Corpus)
    timings: dict[str, float] = field(default_factory=dict)
    score: Score = field(default_factory=Score)
    scored: int = 0
    removed: list[Path] = field(default_factory=list)


_CURATED: dict[tuple[object, ...], list[FactsFile]] = {}
"""Curated facts already read and validated, by their files' paths, sizes and times."""


def read_curated(facts: Path, corpus: Corpus) -> list[FactsFile]:
    """The validated curated facts (none when ``facts`` holds no facts files); read again
    only when a file changed, as reading YAML with its lines is the slow part of a run."""
    paths = facts_paths(facts) if facts.exists() else []
    if not paths:
        return []
    stats = [(path, path.stat().st_size, path.stat().st_mtime_ns) for path in paths]
    key = (tuple(stats), tuple(folder.resolve() for folder in corpus.dirs))
    if key not in _CURATED:
        if len(_CURATED) > 3:
            _CURATED.clear()
        _CURATED[key] = validated(facts, corpus).files
    return _CURATED[key]


def read_decisions_at(path: Path | None, required: bool) -> Decisions:
    """The decisions file, or no decisions when it is absent and was not asked for."""
    if path is None or (not required and not path.exists()):
        return Decisions()
    return read_decisions(path)


def _article(report: Report, published: str | None, inferred: bool,
             text_file: str) -> dict[str, Any]:
    return {"id": report.id, "file": text_file, "title": report.title,
            "publisher": report.publisher, "author": report.author, "published": published,
            "published_inferred": True if inferred else None, "url": report.url}


def _text_files(reports: list[Report], root: Path, texts: Path,
                result: Result) -> list[str]:
    """The corpus file name of each report's text; a copy under ``texts`` when the report
    file itself is not that text (another format, a record, a file in a subfolder)."""
    names = []
    for report in reports:
        if report.file.endswith(".txt") and _offsets_match(root / report.file, report.text):
            names.append(report.file)
            continue
        name = f"{safe_name(report.id)}.txt"
        path = texts / name
        if _file_text(path) == report.text:
            result.unchanged.append(path)
        else:
            with atomic_writer(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(report.text)
            result.written.append(path)
        names.append(name)
    return names


SHARD_ABOVE = 1000
"""Reports in a run above which its proposals go into subfolders, a few hundred files each."""
SHARDS = 256


def shard(article: str, reports: int) -> str:
    """The subfolder of ``out`` a report's proposal goes in: none for a run of up to
    ``SHARD_ABOVE`` reports, else one of ``SHARDS`` named by a digest of the article id
    (``3f``), so 100,000 proposals are folders a reviewer can open, and a report's
    proposal stays in one place from run to run."""
    if reports <= SHARD_ABOVE:
        return ""
    return hashlib.sha1(article.encode("utf-8"), usedforsecurity=False).hexdigest()[:2]


MARK = "# Proposed by `milcoop ingest`"
"""How a proposal file written by an earlier run begins (see ``HEADER``)."""


def remove_stale(out: Path, kept: set[Path]) -> list[Path]:
    """Remove the proposal files an earlier run wrote into ``out`` that this run did not,
    so REVIEW.md and the folder say the same; only files milcoop wrote are touched."""
    removed = []
    for path in sorted(out.rglob("*.yaml")):
        if path in kept or TEXTS in path.relative_to(out).parts:
            continue
        try:
            with path.open(encoding="utf-8") as handle:
                ours = handle.read(len(MARK)) == MARK
        except (OSError, UnicodeDecodeError):
            ours = False
        if ours:
            path.unlink()
            removed.append(path)
            if path.parent != out and not any(path.parent.iterdir()):
                path.parent.rmdir()
    return removed


def _write(result: Result, path: Path, text: str) -> None:
    (result.written if write_if_changed(path, text.encode("utf-8")) else
     result.unchanged).append(path)


def merged_files(curated: list[FactsFile], proposed: list[FactsFile]) -> list[FactsFile]:
    """Curated and proposed facts as one file per report: a report's proposed facts join
    its curated ones, which win (an entity or relation curated there is not added)."""
    own = {facts.article_id: facts for facts in proposed}
    merged = []
    for facts in curated:
        extra = own.pop(facts.article_id, None)
        if extra is None:
            merged.append(facts)
            continue
        ids = {record.data.get("id") for record in facts.entities}
        keys = {relation_key(r.data["type"], r.data["source"], r.data["target"])
                for r in facts.relations}
        merged.append(replace(
            facts,
            entities=facts.entities + [r for r in extra.entities if r.data.get("id") not in ids],
            relations=facts.relations + [
                r for r in extra.relations
                if relation_key(r.data["type"], r.data["source"], r.data["target"]) not in keys]))
    return merged + list(own.values())


class _Checks:
    """The checks of the proposed files, alone and against the curated facts, one file at a
    time as it is written: the checks across files keep only what later files are compared
    with (``Across``), not the files."""

    def __init__(self, curated: list[FactsFile], corpus: Corpus) -> None:
        self.corpus = corpus
        self.across = Across()
        self.problems: list[Problem] = []
        self.curated_ids = {facts.article_id for facts in curated}
        self.early = [problem for facts in curated for problem in self.across.add(facts)]
        """Conflicts among the curated files: kept only where a proposed file lies."""
        self.paths: set[Path] | None = set() if self.early else None

    def add(self, facts: FactsFile) -> None:
        """Check one proposed file (its article id marked when it is curated too)."""
        self.problems += check_file(facts, self.corpus)
        if facts.article_id in self.curated_ids:
            data = {**facts.article.data, "id": f"{facts.article_id} (proposed)"}
            facts = replace(facts, article=replace(facts.article, data=data))
        self.problems += self.across.add(facts)
        if self.paths is not None:
            self.paths.add(facts.path)

    def found(self) -> list[Problem]:
        """Every problem of the proposed files, sorted."""
        early = [problem for problem in self.early
                 if self.paths is not None and problem.path in self.paths]
        return sorted(self.problems + early)


class _Unkept(Corpus):
    """A corpus whose texts are read each time they are asked for, not kept for the rest of
    the run: a run checks each proposal against its own text once."""

    def text(self, file_name: str) -> str | None:
        path = self.path(file_name)
        if path is None:
            return None
        with path.open(encoding="utf-8", newline="") as handle:
            return handle.read()


def _lap(result: Result, stage: str, since: float) -> float:
    """Add the seconds since ``since`` to ``stage``; the time now."""
    now = time.perf_counter()
    result.timings[stage] = result.timings.get(stage, 0.0) + now - since
    return now


def ingest(path: Path, out: Path, facts: Path, corpus: Corpus,
           decisions: Decisions | None = None, jobs: int = 1,
           follow_links: bool = False, seconds: float | None = None,
           keep: bool = True) -> Result:
    """Propose the facts of the reports at ``path`` (a file or folder) into ``out``; one
    run at a time per ``out`` (a second is refused while the first holds its lock). Links
    out of the folder are read only with ``follow_links``; a report whose extraction runs
    past ``seconds`` is skipped and named. With ``keep``, the result holds every proposal
    and written file (``load_result`` needs them); without, a run holds one report's at a
    time, so 100,000 reports need not fit in memory at once."""
    with _lock(out):
        return _ingest(path, out, facts, corpus, decisions, jobs, follow_links, seconds,
                       keep)


LOCK = ".milcoop-ingest.lock"
"""The file an ingest holds in its --out folder while it runs."""


@contextmanager
def _lock(out: Path) -> Iterator[None]:
    """Hold ``out``'s lock file for the length of a run; IngestError if another has it. A
    folder made for the run and left empty (the run failed) is removed again."""
    made = not out.exists()
    out.mkdir(parents=True, exist_ok=True)
    lock = out / LOCK
    try:
        descriptor = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        raise IngestError(f"{out}: another milcoop ingest is writing here (if none is "
                          f"running, remove {lock})") from None
    try:
        os.write(descriptor, f"{os.getpid()}\n".encode())
        os.close(descriptor)
        yield
    finally:
        lock.unlink(missing_ok=True)
        if made and not any(out.iterdir()):
            out.rmdir()


def _ingest(path: Path, out: Path, facts: Path, corpus: Corpus,
            decisions: Decisions | None, jobs: int, follow_links: bool = False,
            seconds: float | None = None, keep: bool = True) -> Result:
    started = clock = time.perf_counter()
    if path.is_dir() and out.resolve().is_relative_to(path.resolve()):
        raise IngestError(f"--out {out} lies inside the reports folder {path}: its files "
                          "would be read as reports next time; choose another folder")
    result = Result()
    decisions = decisions or Decisions()
    reading = read_reports(path, follow_links)
    reports, result.skipped = reading.reports, reading.skipped
    if not reports:
        reasons = "; ".join(str(skipped) for skipped in reading.skipped[:3])
        raise IngestError(f"{path}: no readable report" + (f" ({reasons}"
                          f"{'; ...' if len(reading.skipped) > 3 else ''})" if reasons else
                          " (it holds no .txt, .md, .html, .json or .jsonl file)"))
    result.reports = len(reports)
    result.words = sum(len(report.text.split()) for report in reports)
    result.curated = read_curated(facts, corpus)
    curated: Curated = curated_facts(result.curated)
    clock = _lap(result, "read", clock)
    given = [iso_date(report.published) for report in reports]
    dates = [date or infer_published(report.text)
             for report, date in zip(reports, given, strict=True)]
    inferred = [not date and bool(found) for date, found in zip(given, dates, strict=True)]
    # Each report is scored and resolved as its extraction arrives, then kept as bytes
    # (ingest.review.packed) until every report is resolved: the decisions may name any id,
    # and a property's value is the first report's.
    by_article = {facts.article_id: facts for facts in result.curated}
    resolver = Resolver(curated.known, curated.marks)
    canonical = Canonical(curated)
    undecided = not (decisions.merges or decisions.renames or decisions.rejects)
    kept: list[int] = []
    packed: list[bytes] = []
    # closing: a stop (Ctrl-C, SIGTERM) raised in this loop ends the pool at once, not when
    # the suspended generator is collected
    with closing(extract_each(reports, dates, jobs, seconds)) as extracted:
        for number, found in enumerate(extracted):
            if isinstance(found, str):
                result.skipped.append(Skipped(reports[number].file, found))
                continue
            kept.append(number)
            scored = by_article.get(found.article)
            if scored is not None:
                result.score += score(found, scored)
                result.scored += 1
            resolved = resolver.add(found)
            if undecided:  # the decisions change nothing: the resolved facts are the applied
                canonical.add(resolved)
            packed.append(pack(resolved))
    if not kept:
        raise IngestError(f"{path}: no report could be extracted "
                          f"({'; '.join(str(s) for s in result.skipped[-3:])})")
    reports, dates, inferred = ([items[n] for n in kept] for items in (reports, dates, inferred))
    del kept
    clock = _lap(result, "extract", clock)
    decider = Decider(decisions, resolver.labels, resolver.raw, resolver.names,
                      set(curated.known))
    rejected: dict[int, tuple[Counter[str], Counter[str]]] = {}
    names: dict[str, str] | None = resolver.names
    if not undecided:
        for number, data in enumerate(packed):
            applied, entities, relations = decider.apply(unpack(data, "", names))
            canonical.add(applied)
            packed[number] = pack(applied)
            if entities or relations:
                rejected[number] = (entities, relations)
        names = None  # the applied extractions hold the final names
    result.warnings += decider.finish()
    root = path if path.is_dir() else path.parent
    text_files = _text_files(reports, root, out / TEXTS, result)
    write_if_changed(out / REPORTS, f"{root.resolve()}\n".encode("utf-8", "surrogateescape"))
    clock = _lap(result, "resolve", clock)
    result.corpus = Corpus([out / TEXTS, root, *corpus.dirs])
    checks = _Checks(result.curated, _Unkept(result.corpus.dirs))
    review = Review()
    for number, report in progress(enumerate(reports), "write", "file", len(reports)):
        extraction = unpack(packed[number], report.text, names)
        packed[number] = b""
        lost = rejected.get(number)
        proposal = propose_one(extraction, _article(report, dates[number], inferred[number],
                                                    text_files[number]),
                               curated, canonical, *(lost or ()))
        add_totals(result.counts, proposal)
        target = out / shard(proposal.id, len(reports)) / f"{safe_name(proposal.id)}.yaml"
        text, written = facts_text(proposal, HEADER.format(file=report.file), target)
        _write(result, target, text)
        review.add(proposal)
        checks.add(written)
        if keep:
            result.proposals.append(proposal)
            result.proposed.append(written)
    _write(result, out / REVIEW, review.markdown())
    result.removed = remove_stale(out, {*result.written, *result.unchanged})
    result.problems += checks.found()
    _lap(result, "write", clock)
    result.seconds = time.perf_counter() - started
    return result


def load_result(result: Result, store: Store) -> WriteSummary:
    """Load the curated and proposed facts of a run into ``store`` (InvalidFacts if the
    proposals have errors)."""
    errors = [problem for problem in result.problems if problem.level == "error"]
    if errors:
        raise InvalidFacts(result.problems)
    return load(merged_files(result.curated, result.proposed), store)


def load_into(result: Result, target: str, settings: Settings,
              graph: Path) -> tuple[WriteSummary, str]:
    """Load a run's facts into ``target`` (``networkx``: saved as node-link JSON at
    ``graph``; ``neo4j``: the server ``settings`` name, schema applied first); the write
    summary and where it went."""
    if target == "neo4j":
        with open_store(settings, "neo4j") as store:
            store.apply_schema()
            return load_result(result, store), f"Neo4j graph {settings.neo4j_graph!r}"
    store = open_store(settings, "networkx", create=True)
    summary = load_result(result, store)
    changed = save_graph(store, graph)
    return summary, f"{graph} ({'changed' if changed else 'unchanged'})"


def save_graph(store: NetworkXStore, path: Path) -> bool:
    """Save a NetworkX store as node-link JSON at ``path`` unless it already holds the
    same bytes; True if written."""
    return write_if_changed(path, store.dumps())
