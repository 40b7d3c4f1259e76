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
  OPTIONAL MATCH (ev:Evidence {fact_key: r.key})-[:EVIDENCE_OF]->(art:Article)
  RETURN ev, art ORDER BY ev.confidence DESC, art.published DESC, ev.id LIMIT 1
}
SET r.article_sentence = ev.sentence, r.article_title = art.title, r.article_url = art.url,
    r.article_published = art.published
WITH r WHERE r.sources = 0
DELETE r
