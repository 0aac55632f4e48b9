"""The commands, one module per area, imported only when one of them runs: ``milcoop
--help`` lists them from this table without loading pandas, igraph, spaCy or the driver."""

from __future__ import annotations

COMMANDS: dict[str, tuple[str, str, str]] = {
    "build": ("facts", "build", "Validate the facts, build the graph and write it as "
                                "node-link JSON."),
    "centrality": ("centrality", "centrality_command",
                   "Rank nodes by degree, betweenness, closeness, eigenvector and PageRank."),
    "export": ("export", "export_command",
               "Write the graph for Gephi, yEd, spreadsheets, R, neo4j-admin or IR datasets."),
    "extract": ("extract", "extract_command",
                "Propose the entities and relations of one report."),
    "ingest": ("ingest", "ingest_command",
               "Read raw reports at PATH (file or folder) and propose their facts for review."),
    "load": ("neo4j", "load", "Validate the facts and merge them into Neo4j."),
    "locate": ("facts", "locate_command",
               "Print the [start, end] spans of PHRASE in REPORT, for writing evidence."),
    "map": ("map", "map_command",
            "Write an interactive map of the graph: one HTML file that works offline."),
    "neo4j": ("neo4j", "neo4j",
              "Set up and inspect the Neo4j store (see docker-compose.yml and the README)."),
    "query": ("query", "query_command",
              "Answer a named analyst question; the same rows from NetworkX or from Neo4j."),
    "review": ("review", "review_command",
               "Review the proposed facts in the browser: accept, reject, merge, rename."),
    "score": ("extract", "score_command",
              "Score extraction on every report that has curated facts."),
    "show": ("read", "show", "Show an entity, its relationships and the source of each."),
    "stats": ("read", "stats",
              "Counts of the graph: nodes by label, edges by type, facts by report."),
    "validate": ("facts", "validate",
                 "Check facts files against the vocabulary and the report texts."),
    "vocabulary": ("read", "vocabulary", "Print the labels and relationship types (with "
                                         "endpoints and CAMEO codes) as Markdown."),
}
"""Each command: the module under milcoop.commands defining it, its name there, and the
summary ``milcoop --help`` shows (the opening of its own help; a test keeps them equal)."""
