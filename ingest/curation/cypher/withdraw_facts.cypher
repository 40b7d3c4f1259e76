// Articles withdrawn from facts whose evidence moved to another actor (or was dropped): as an edited article
// withdraws its testimony (ingest/cypher/retract_relations.cypher), and run after the moved evidence is
// deleted, so that the sentence shown on a fact comes from evidence it keeps.
UNWIND $withdrawn AS w
MATCH (:Actor {id: w.source})-[r:$(w.type) {key: w.key}]->()
SET r.article_ids = [x IN r.article_ids WHERE NOT x IN w.article_ids]
SET r.sources = size(r.article_ids),
    r.first_reported = head(COLLECT {
      MATCH (a:Article) WHERE a.id IN r.article_ids AND a.published IS NOT NULL
      RETURN a.published ORDER BY a.published LIMIT 1
    })
SET r.listed_on = coalesce(r.date_start, r.first_reported, date('0001-01-01'))
WITH r
CALL (r) {
  // In the index's order (schema/V0015): reading stops at the sentences shown.
  OPTIONAL MATCH (ev:Evidence {fact_key: r.key})
  USING INDEX ev:Evidence(fact_key, confidence, published_on, id)
  WHERE ev.confidence IS NOT NULL AND ev.published_on IS NOT NULL AND ev.id IS NOT NULL
  WITH ev ORDER BY ev.fact_key DESC, ev.confidence DESC, ev.published_on DESC, ev.id DESC LIMIT 1
  OPTIONAL MATCH (ev)-[:EVIDENCE_OF]->(art:Article)
  RETURN ev, art
}
SET r.article_sentence = ev.sentence, r.article_title = art.title, r.article_url = art.url,
    r.article_published = art.published
WITH r WHERE r.sources = 0
DELETE r
