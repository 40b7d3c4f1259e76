// A fact's sentences in the order every list shows them (most confident, then newest, then by id), read
// from an index instead of sorting all of them: the most told facts, the ones lists show first, have the
// most, and at 100k articles sorting them was most of a whole-graph list's time (bench/PROFILE.md).
// `published_on` is the article's publication day, 0001-01-01 when it has none (so that such sentences come
// last rather than drop out of the index, which holds only nodes with every property set).
CREATE INDEX evidence_rank IF NOT EXISTS FOR (n:Evidence) ON (n.fact_key, n.confidence, n.published_on, n.id);
// Evidence written before `published_on` existed (ingest/cypher/evidence.cypher sets it from now on).
MATCH (ev:Evidence)-[:EVIDENCE_OF]->(art:Article)
WHERE ev.published_on IS NULL
CALL (ev, art) {
  SET ev.published_on = coalesce(art.published, date('0001-01-01'))
} IN TRANSACTIONS OF 5000 ROWS;
