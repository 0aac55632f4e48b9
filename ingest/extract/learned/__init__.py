"""The learned linker: a model trained on the development gold that relates entities the
rules found but left unrelated (features, weights file, scoring)."""
