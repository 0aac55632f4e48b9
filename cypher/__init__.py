"""The Cypher files milcoop runs, each one runnable unchanged in the Neo4j Browser; a package
only so that an installed milcoop (``pip install .``) carries them."""
