"""Offline, rule-based extraction of entities and relations from the text of one report."""
