// One (:GraphRevision {id: 'graph'}) node whose token every ingest write sets in its own transaction: the
// API's response cache is keyed on it (api/cache.py), so a cached answer is never served after a write.
CREATE CONSTRAINT graph_revision_id IF NOT EXISTS FOR (g:GraphRevision) REQUIRE g.id IS UNIQUE;
