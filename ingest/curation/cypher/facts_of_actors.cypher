// The evidence of every fact that names one of these actors as its source, its target or its claimant, with
// what its fact carries beyond the evidence. A scan of the evidence rather than an index on those three
// properties: curation is rare, and the indexes would cost every ingest's evidence writes.
MATCH (ev:Evidence)
WHERE ev.rel_type IS NOT NULL
  AND (ev.source_id IN $ids OR ev.target_id IN $ids OR ev.claimed_by IN $ids)
MATCH (art:Article {id: ev.article_id})
OPTIONAL MATCH (:Actor {id: ev.source_id})-[r:$(ev.rel_type) {key: ev.fact_key}]->()
RETURN ev.id AS id, ev.fact_key AS fact_key, ev.rel_type AS rel_type, ev.source_id AS source_id,
       ev.target_id AS target_id, ev.claimed_by AS claimed_by, ev.article_id AS article_id,
       ev.sentence AS sentence, ev.start_char AS start_char, ev.end_char AS end_char, ev.rule AS rule,
       ev.confidence AS confidence, ev.date AS date, toString(art.published) AS published,
       r.title AS title, r.mode AS mode, r.quad_class AS quad_class, r.intensity AS intensity,
       r.intensity_basis AS intensity_basis
ORDER BY ev.id
