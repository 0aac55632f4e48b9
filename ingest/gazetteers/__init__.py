"""Dictionaries shipped as data: countries, ranks, titles, organisations, programs, places."""
