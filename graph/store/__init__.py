"""Graph stores: one interface, a NetworkX backend (embedded default) and a Neo4j backend."""
