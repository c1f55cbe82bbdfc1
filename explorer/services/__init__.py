"""Use cases the GUI and the CLI call: ingest, query, corrections, export.

Services combine the lower layers (ingest, nlp, store, export) and are the
only door the GUI has to them. Long work is a plain `run(..., state)`
function that reports progress and honours cancellation.
"""
