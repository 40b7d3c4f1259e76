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
  OPTIONAL MATCH (ev:Evidence {fact_key: r.key})-[:EVIDENCE_OF]->(art:Article)
  WHERE NOT ev.article_id IN $article_ids
  RETURN ev, art ORDER BY ev.confidence DESC, art.published DESC, ev.id LIMIT 1
}
SET r.article_sentence = ev.sentence, r.article_title = art.title, r.article_url = art.url,
    r.article_published = art.published
WITH r WHERE r.sources = 0
DELETE r
