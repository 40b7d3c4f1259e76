// An edited article withdraws its testimony: its id leaves every fact it supported; facts no article
// supports any more are deleted. Other articles' evidence is untouched.
UNWIND $article_ids AS aid
MATCH (ev:Evidence {article_id: aid})
WHERE ev.rel_type IS NOT NULL
MATCH (s:Actor {id: ev.source_id})-[r:$(ev.rel_type) {key: ev.fact_key}]->()
WITH DISTINCT aid, r
SET r.article_ids = [x IN r.article_ids WHERE x <> aid]
SET r.sources = size(r.article_ids),
    r.first_reported = head(COLLECT {
      MATCH (a:Article) WHERE a.id IN r.article_ids AND a.published IS NOT NULL
      RETURN a.published ORDER BY a.published LIMIT 1
    })
SET r.listed_on = coalesce(r.date_start, r.first_reported, date('0001-01-01'))
// The sentence shown on the fact is taken from an article that still tells it (fact_evidence.cypher); an
// article written again in this batch sets it anew if it still tells the fact.
WITH r
CALL (r) {
  // In the index's order (schema/V0015): reading stops at the sentences shown.
  OPTIONAL MATCH (ev:Evidence {fact_key: r.key})
  USING INDEX ev:Evidence(fact_key, confidence, published_on, id)
  WHERE ev.confidence IS NOT NULL AND ev.published_on IS NOT NULL AND ev.id IS NOT NULL
    AND NOT ev.article_id IN $article_ids
  WITH ev ORDER BY ev.fact_key DESC, ev.confidence DESC, ev.published_on DESC, ev.id DESC LIMIT 1
  OPTIONAL MATCH (ev)-[:EVIDENCE_OF]->(art:Article)
  RETURN ev, art
}
SET r.article_sentence = ev.sentence, r.article_title = art.title, r.article_url = art.url,
    r.article_published = art.published
WITH r WHERE r.sources = 0
DELETE r
