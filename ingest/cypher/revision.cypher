// A new revision token for the graph, in the transaction that writes the batch: a reader that sees the
// token sees the batch. Random rather than a counter, so that a graph wiped and written again never
// repeats a token that an API process may still hold answers under. Run last, so that the lock this
// one node takes is held for the commit only.
MERGE (g:GraphRevision {id: 'graph'})
SET g.token = randomUUID(), g.written = datetime()
