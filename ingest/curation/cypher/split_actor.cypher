// The new actor a split makes, of its actor's type and country and in the same place; the spellings it takes
// leave the actor they were split from.
MATCH (s:Actor {id: $actor})
CREATE (n:Actor {id: $new_actor, name: $name, type: s.type, aliases: $aliases})
SET n:$(s.type), n.country = s.country
SET s.aliases = [a IN s.aliases WHERE NOT a IN $aliases]
WITH s, n
CALL (s, n) {
  MATCH (s)-[:LOCATED_IN]->(c)
  MERGE (n)-[:LOCATED_IN]->(c)
}
CALL (s, n) {
  MATCH (s)-[:OFFICE_OF]->(c)
  MERGE (n)-[:OFFICE_OF]->(c)
}
// The articles that named the actor only by the split spellings name the new one, in their elections and
// events too.
CALL (s, n) {
  MATCH (s)-[m:MENTIONED_IN]->(art:Article) WHERE art.id IN $articles
  CREATE (n)-[k:MENTIONED_IN]->(art)
  SET k = properties(m)
  DELETE m
}
CALL (s, n) {
  MATCH (s)-[c:CANDIDATE_IN]->(e:Election)
  WITH c, e, [x IN c.article_ids WHERE x IN $articles] AS moved WHERE size(moved) > 0
  MERGE (n)-[k:CANDIDATE_IN]->(e)
  SET k = properties(c), k.article_ids = moved
  SET c.article_ids = [x IN c.article_ids WHERE NOT x IN $articles]
  WITH c WHERE size(c.article_ids) = 0
  DELETE c
}
CALL (s, n) {
  MATCH (s)-[p:PARTICIPATED_IN]->(e:Event)
  WITH p, e, [x IN p.article_ids WHERE x IN $articles] AS moved WHERE size(moved) > 0
  MERGE (n)-[k:PARTICIPATED_IN {role: p.role}]->(e)
  SET k.article_ids = moved
  SET p.article_ids = [x IN p.article_ids WHERE NOT x IN $articles]
  WITH p WHERE size(p.article_ids) = 0
  DELETE p
}
