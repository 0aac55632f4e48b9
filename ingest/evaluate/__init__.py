"""Extraction measured: scores against curated facts and against gold annotations."""
