"""Curation: an analyst's corrections, kept as (:Override) nodes and applied by every later ingest.

overrides.py says what an override is and rewrites a batch's extractions by the active ones (pure, no
database); facts.py moves facts between actors in the graph as the writer would have written them;
graph.py applies an override to the graph at once and takes it back; store.py records, lists and reverts
overrides and loads the active ones for an ingest. The batch step of resolution runs before curation, the
writer after it.
"""
