"""Extraction as plain data: the scoring JSON shape and the curated facts-file shape."""

from __future__ import annotations

from typing import Any

from ingest.extract.facts import Extraction


def scoring_json(extraction: Extraction) -> dict[str, list[dict[str, Any]]]:
    """``{"entities": [{id, type, name, aliases}], "relations": [{type, source_id,
    target_id, evidence, confidence}]}``, evidence quoted from the report."""
    text = extraction.text
    return {
        "entities": [{"id": e.id, "type": e.label, "name": e.name, "aliases": e.aliases}
                     for e in extraction.entities.values()],
        "relations": [{"type": r.type, "source_id": r.source, "target_id": r.target,
                       "evidence": text[r.spans[0][0]:r.spans[0][1]],
                       "confidence": round(r.confidence, 2)}
                      for r in extraction.relations.values()],
    }


def facts_records(extraction: Extraction, article: dict[str, Any]) -> dict[str, Any]:
    """The curated facts-file shape (article, entities, relations) with evidence spans, and
    each fact's rule and confidence kept in its ``note``."""
    return {
        "article": article,
        "entities": [{"id": e.id, "label": e.label, "name": e.name, "aliases": e.aliases,
                      **e.properties, "evidence": [list(span) for span in e.spans]}
                     for e in extraction.entities.values()],
        "relations": [{"type": r.type, "source": r.source, "target": r.target,
                       **{k: v for k, v in r.properties.items() if v is not None},
                       "evidence": [list(span) for span in r.spans],
                       "note": f"extracted by {r.rule} (confidence {r.confidence:.2f})"}
                      for r in extraction.relations.values()],
    }
