// Curation: an analyst's corrections (merge, rename, split, reject, block) are (:Override) nodes kept in the
// graph, so that every later ingest, from any machine, applies the same ones (ingest/curation/). Each has a
// unique id; ingests read the active ones once a batch, hence the index on `active`.
CREATE CONSTRAINT override_id IF NOT EXISTS FOR (n:Override) REQUIRE n.id IS UNIQUE;
CREATE INDEX override_active IF NOT EXISTS FOR (n:Override) ON (n.active);
