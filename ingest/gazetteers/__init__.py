"""Dictionaries shipped as data: countries, ranks, titles, heads of state and government,
organisations, units, operations, programs, exercises, agreements, places and the states of
towns (one CSV each, read by ingest.extract.gazetteer)."""
