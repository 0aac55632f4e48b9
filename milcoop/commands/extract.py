"""Commands that propose facts from report texts and measure them against curated facts."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pandas as pd
from ruamel.yaml import YAML

from graph.escape import terminal
from ingest.evaluate.gold import score_gold
from ingest.evaluate.score import MATCHES, score_corpus
from ingest.extract.budget import ExtractionFailed, extract_guarded
from ingest.extract.output import facts_records, scoring_json
from ingest.readers.folder import read_single
from milcoop.options import corpus_of, corpus_option, facts_option, table


@click.command(name="extract")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--format", "fmt", type=click.Choice(["json", "facts"]), default="json",
              show_default=True, help="json: entities and relations for scoring; facts: a "
              "reviewable facts file (YAML) with evidence spans, rules and confidences.")
def extract_command(file: Path, fmt: str) -> None:
    """Propose the entities and relations of one report (.txt, .md, .html or a one-record
    .json), offline.

    \b
    Example:
      milcoop extract ../shared/corpus/seeds/002_99ec2ccb705c3c6f.txt --format json
    """
    report = read_single(file)
    try:
        extraction = extract_guarded(report.text, report.id, report.published)
    except ExtractionFailed as failed:
        raise ExtractionFailed(f"{file}: {failed}") from None
    if fmt == "json":
        click.echo(json.dumps(scoring_json(extraction), indent=2, ensure_ascii=False))
        return
    article = {"id": report.id, "file": report.file, "title": report.title,
               "publisher": report.publisher, "author": report.author,
               "published": report.published, "url": report.url}
    YAML().dump(facts_records(extraction, article), click.get_text_stream("stdout"))


@click.command(name="score")
@facts_option
@corpus_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.option("--match", type=click.Choice(MATCHES), default="place", show_default=True,
              help="place: an entity matches by name or by where the curator marked it; "
              "names: by name or alias only.")
@click.option("--gold", type=click.Path(path_type=Path, file_okay=False, exists=True),
              default=None, help="Score against gold JSON files (<report id>.json, the "
              "extract --format json shape) instead of the curated facts; reports are looked "
              "up in --corpus, then beside the gold folder. Entities match by name only.")
def score_command(facts: Path, corpus: tuple[Path, ...], fmt: str, match: str,
                  gold: Path | None) -> None:
    """Score extraction on every report that has curated facts: P/R/F1 per label and type.

    \b
    Example:
      milcoop score --corpus ../shared/corpus/seeds
      milcoop score --gold tests/fixtures/dev/gold --corpus tests/fixtures/dev/reports
    """
    if gold is not None:
        scored = score_gold(gold, corpus_of(corpus).dirs)
    else:
        scored = score_corpus(facts, corpus_of(corpus), match)
    rows = scored.rows()
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2))
    else:
        click.echo(table(pd.DataFrame(rows)))
    for skipped in scored.skipped:
        click.echo(f"  {terminal(skipped)}", err=True)
    if scored.skipped:
        raise ExtractionFailed(f"{len(scored.skipped)} report(s) failed to extract, listed "
                               "above; each was scored as proposing nothing")


