"""Options and helpers shared by the milcoop commands (settings read once, here)."""

from __future__ import annotations

from pathlib import Path

import click
import pandas as pd

from graph.escape import terminal
from graph.settings import load_settings
from graph.store.door import SOURCES
from ingest.corpus import Corpus

SETTINGS = load_settings()


def table(frame: pd.DataFrame) -> str:
    """A DataFrame as a plain-text table, or '(none)' when empty, safe to print."""
    return terminal(frame.to_string(index=False)) if len(frame) else "(none)"


facts_option = click.option(
    "--facts", "facts", type=click.Path(path_type=Path), default=SETTINGS.facts_dir,
    show_default=True, help="Facts file or folder (MILCOOP_FACTS).")
corpus_option = click.option(
    "--corpus", "corpus", type=click.Path(path_type=Path, file_okay=False), multiple=True,
    help="Folder of report texts, for span checks and quotes (MILCOOP_CORPUS).")


source_option = click.option(
    "--from", "source", type=click.Choice(SOURCES), default=SETTINGS.store, show_default=True,
    help="Read the graph built from the facts (networkx) or from Neo4j (MILCOOP_STORE).")


def corpus_of(dirs: tuple[Path, ...]) -> Corpus:
    """The corpus from --corpus folders, else from the settings."""
    return Corpus(dirs or SETTINGS.corpus_dirs)
