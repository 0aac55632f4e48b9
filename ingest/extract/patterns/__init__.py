"""Relation patterns, one module per kind of fact; each reads one sentence's context."""
