// Each fact carries the sentence that tells it best, with its article's title, URL and date, so that clicking
// the relationship in Neo4j Browser shows why it is there; every sentence stays on its (:Evidence) node.
// The sentence chosen is the one the saved queries list first: most confident, then newest. All four are
// named article_* because Browser lists properties alphabetically: they show together, near the top.
UNWIND $facts AS f
MATCH (:Actor {id: f.source})-[r:$(f.type) {key: f.key}]->()
CALL (r) {
  MATCH (ev:Evidence {fact_key: r.key})-[:EVIDENCE_OF]->(art:Article)
  RETURN ev, art ORDER BY ev.confidence DESC, art.published DESC, ev.id LIMIT 1
}
SET r.article_sentence = ev.sentence, r.article_title = art.title, r.article_url = art.url,
    r.article_published = art.published
