"""spaCy's rule lemmatizer with every lemma it gives remembered: the same lemmas, set on the
same tokens, each worked out once per distinct token form, part of speech and morphology.

The English lemmatizer caches only the lemmas its suffix rules give; a base form (most
nouns, verbs and adjectives) is worked out again for every token, a Token object made for
each. Its lemma depends on nothing but the token's text, part of speech and morphology, so
it is remembered here by those, and a document's lemmas are set in one pass. Its suffix
rules look each candidate form up in a list of thousands of words per part of speech (a
millisecond a token); the lists are made sets, which answer the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ingest.extract.pipes import in_place_of

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import Lemmatizer
    from spacy.tokens import Doc

FACTORY = "milcoop_lemma_memory"
"""The name this component is registered under with spaCy."""
REMEMBERED = 200_000
"""Distinct token forms remembered before the memory starts afresh (bounds its size)."""


class LemmaMemory:
    """A rule lemmatizer whose lemmas are remembered by the token's text, part of speech
    and morphology (what the lemmatizer reads of a token)."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        index = lemmatizer.lookups.get_table("lemma_index", {})
        for pos in list(index):  # only ever asked whether it holds a form
            index[pos] = frozenset(index[pos])
        self.lemmatizer = lemmatizer
        self.overwrite = lemmatizer.overwrite
        self.strings = lemmatizer.vocab.strings
        self.memory: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        """``doc`` with the lemma of each token the lemmatizer would set, set."""
        import numpy
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not len(doc):
            return doc
        memory, lemmatize = self.memory, self.lemmatizer.lemmatize
        if len(memory) > REMEMBERED:
            memory.clear()
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        lemmas = [row[3] for row in rows]
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not self.overwrite:
                continue
            found = memory.get((orth, pos, morph))
            if found is None:
                found = memory[orth, pos, morph] = self.strings.add(lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64).reshape(-1, 1))
        return doc


def remembered(nlp: Language) -> Language:
    """``nlp`` with its rule ``lemmatizer`` remembering its lemmas (see the module), when it
    has one; the lemmas are unchanged."""
    if "lemmatizer" not in nlp.pipe_names or nlp.get_pipe("lemmatizer").mode != "rule":
        return nlp
    return in_place_of(nlp, "lemmatizer", FACTORY, LemmaMemory)
