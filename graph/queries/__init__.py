"""The analyst query library: named questions answered the same on NetworkX and on Neo4j.

Each query is a Cypher file under cypher/queries/ (run unchanged in the Neo4j Browser) and a
NetworkX implementation here with the same columns and row order; ``library`` runs either.
"""
