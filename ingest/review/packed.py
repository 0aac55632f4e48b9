"""Extractions kept as bytes between the stages of a run.

Resolution, the review decisions and the property values shared across reports each need
every report seen before the first proposal can be written, so a run keeps every report's
resolved facts until then. As Python objects a report's entities and relations take tens of
kilobytes; as marshal data (tuples, lists, dicts and plain values), compressed (zlib's fastest
level: 10.4 kB a report becomes 3.6 kB, for about 0.3 ms), a few, and they are no work for
the cycle collector. ``unpack(pack(x), x.text)`` equals ``x``.
"""

from __future__ import annotations

import marshal
import pickle
import zlib
from collections.abc import Mapping

from ingest.extract.facts import Entity, Extraction, Relation


def pack(extraction: Extraction) -> bytes:
    """The entities and relations of ``extraction`` (not its text) as bytes.

    >>> ex = Extraction("a", "Turkey")
    >>> ex.entities["TUR"] = Entity("TUR", "Country", "Türkiye", ["Turkey"], {"kind": "state"},
    ...                             [(0, 6)], "gazetteer", 0.9)
    >>> unpack(pack(ex), "Turkey") == ex
    True
    """
    data = (extraction.article,
            [(key, e.id, e.label, e.name, e.aliases, e.properties, e.spans, e.rule,
              e.confidence) for key, e in extraction.entities.items()],
            [(key, r.type, r.source, r.target, r.spans, r.rule, r.confidence, r.properties)
             for key, r in extraction.relations.items()])
    try:
        return b"z" + zlib.compress(marshal.dumps(data), 1)
    except ValueError:  # a value marshal does not know (never yet): pickle keeps it
        return b"p" + pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)


def unpack(data: bytes, text: str, names: Mapping[str, str] | None = None) -> Extraction:
    """The extraction ``pack`` gave ``data`` for, with its ``text``; each entity named as
    ``names`` names its id, when it does."""
    body = memoryview(data)[1:]
    article, entities, relations = (marshal.loads(zlib.decompress(body)) if data[:1] == b"z"
                                    else pickle.loads(body))
    extraction = Extraction(article, text)
    for key, id_, label, name, aliases, properties, spans, rule, confidence in entities:
        if names is not None:
            name = names.get(id_, name)
        extraction.entities[key] = Entity(id_, label, name, aliases, properties, spans, rule,
                                          confidence)
    for key, type_, source, target, spans, rule, confidence, properties in relations:
        extraction.relations[key] = Relation(type_, source, target, spans, rule, confidence,
                                             properties)
    return extraction
