// One actor with its relationship counts by type, for GET /entities/{id}.
MATCH (a:Actor {id: $id})
CALL (a) {
  MATCH (a)-[r]-()
  WHERE NOT type(r) IN ['MENTIONED_IN']
  WITH type(r) AS t, count(*) AS n
  RETURN collect([t, n]) AS relations
}
RETURN a.id AS id, a.name AS name, a.type AS type, labels(a) AS labels, a.aliases AS aliases,
       a.country AS country, a.kb_id AS kb_id,
       COLLECT {
         MATCH (a)-[m:MENTIONED_IN]->(art:Article)
         UNWIND coalesce(m.merges, []) AS merge
         RETURN merge + '|' + art.id
         LIMIT 200
       } AS merges,
       COUNT { (a)-[:MENTIONED_IN]->(:Article) } AS articles, relations
