// A fact shows in Neo4j Browser the sentence that tells it best, with its article's title, URL and date
// (ingest/cypher/fact_evidence.cypher keeps them). Facts written before get them here, in batches.
MATCH ()-[r]->()
WHERE r.key IS NOT NULL AND r.article_sentence IS NULL
CALL (r) {
  MATCH (ev:Evidence {fact_key: r.key})-[:EVIDENCE_OF]->(art:Article)
  WITH r, ev, art ORDER BY ev.confidence DESC, art.published DESC, ev.id LIMIT 1
  SET r.article_sentence = ev.sentence, r.article_title = art.title, r.article_url = art.url,
      r.article_published = art.published
} IN TRANSACTIONS OF 5000 ROWS;
// Elections are captioned by country, kind and year ("Kyrgyzstan presidential 2009").
MATCH (n:Election)-[:HELD_IN]->(c:Actor)
CALL (n, c) {
  SET n.name = c.name + ' ' + n.kind + coalesce(' ' + left(n.date, 4), '')
} IN TRANSACTIONS OF 5000 ROWS;
// Election results are captioned by their share ("61.2 %"), else by whether the candidate won.
MATCH ()-[c:CANDIDATE_IN]->()
WHERE c.result IS NULL
CALL (c) {
  SET c.result = CASE WHEN c.vote_share IS NOT NULL THEN toString(c.vote_share) + ' %'
                      WHEN c.won THEN 'won' WHEN c.won = false THEN 'lost' ELSE 'candidate' END
} IN TRANSACTIONS OF 5000 ROWS;
