// Each fact carries the sentence that tells it best, with its article's title, URL and date, so that clicking
// the relationship in Neo4j Browser shows why it is there; every sentence stays on its (:Evidence) node.
// The sentence chosen is the one the saved queries list first: most confident, then newest (an undated
// article's last), then the greatest id. All four are named article_* because Browser lists properties
// alphabetically: they show together, near the top.
UNWIND $facts AS f
MATCH (:Actor {id: f.source})-[r:$(f.type) {key: f.key}]->()
CALL (r) {
  // In the index's order (schema/V0015): reading stops at the sentences shown.
  MATCH (ev:Evidence {fact_key: r.key})
  USING INDEX ev:Evidence(fact_key, confidence, published_on, id)
  WHERE ev.confidence IS NOT NULL AND ev.published_on IS NOT NULL AND ev.id IS NOT NULL
  WITH ev ORDER BY ev.fact_key DESC, ev.confidence DESC, ev.published_on DESC, ev.id DESC LIMIT 1
  MATCH (ev)-[:EVIDENCE_OF]->(art:Article)
  RETURN ev, art
}
SET r.article_sentence = ev.sentence, r.article_title = art.title, r.article_url = art.url,
    r.article_published = art.published
