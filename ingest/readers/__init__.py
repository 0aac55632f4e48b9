"""Readers of report files, one module per format, all giving ``Report`` records."""
