"""Dictionaries shipped as data: countries, ranks, titles, organisations, units, operations,
programs, exercises, agreements and places (one CSV each, read by ingest.extract.gazetteer)."""
