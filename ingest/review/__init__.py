"""Extraction to the analyst: resolve entities, propose, apply decisions, report for review."""
