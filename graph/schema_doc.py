"""The vocabulary as Markdown tables, for the README and `milcoop vocabulary`."""

from __future__ import annotations

from graph.vocabulary import DERIVED_TYPES, LABELS, REL_TYPES, RelType


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def labels_markdown() -> str:
    """One row per label: name, meaning, properties, kinds, CAMEO code."""
    lines = [_row(["label", "what", "properties", "kinds", "CAMEO"]),
             _row(["---"] * 5)]
    for label in LABELS.values():
        lines.append(_row([f"`{label.name}`", label.description,
                           ", ".join(label.properties) or "—",
                           ", ".join(label.kinds) or "—", label.cameo or "—"]))
    return "\n".join(lines)


def types_markdown(types: dict[str, RelType] = REL_TYPES) -> str:
    """One row per relationship type: name, meaning, endpoints, CAMEO code."""
    lines = [_row(["type", "what", "from", "to", "CAMEO"]), _row(["---"] * 5)]
    for rel in types.values():
        cameo = f"{rel.cameo} {rel.cameo_name}" if rel.cameo else f"— ({rel.cameo_name})"
        lines.append(_row([f"`{rel.name}`" + (" (symmetric)" if rel.symmetric else ""),
                           rel.description, ", ".join(rel.sources), ", ".join(rel.targets),
                           cameo]))
    return "\n".join(lines)


def vocabulary_markdown() -> str:
    """The labels, the fact types and the derived types, as they stand in the README."""
    return (f"{labels_markdown()}\n\n{types_markdown()}\n\n"
            f"Derived, written by every Neo4j load and never read as facts:\n\n"
            f"{types_markdown(DERIVED_TYPES)}\n")
