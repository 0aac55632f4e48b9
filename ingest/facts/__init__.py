"""Curated facts: read facts files, validate them, turn them into rows and build a store."""
