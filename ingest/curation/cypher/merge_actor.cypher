// Everything but the facts (moved before, ingest/curation/facts.py) goes from $drop to $keep, joined as an
// ingest that had met both as one actor would have joined it; then $drop and its search node go.
MATCH (keep:Actor {id: $keep}), (drop:Actor {id: $drop})
CALL (keep, drop) {
  MATCH (drop)-[m:MENTIONED_IN]->(art:Article)
  MERGE (keep)-[k:MENTIONED_IN]->(art)
  ON CREATE SET k.merges = []
  SET k.merges = k.merges + coalesce(m.merges, [])
  // The writer counts an actor once a merge record (ingest.write._mentioned).
  SET k.count = CASE WHEN size(k.merges) > 1 THEN size(k.merges) ELSE 1 END
}
CALL (keep, drop) {
  MATCH (drop)-[c:CANDIDATE_IN]->(e:Election)
  MERGE (keep)-[k:CANDIDATE_IN]->(e)
  ON CREATE SET k.article_ids = []
  SET k.vote_share = coalesce(k.vote_share, c.vote_share), k.votes = coalesce(k.votes, c.votes),
      k.won = coalesce(k.won, c.won), k.result = coalesce(k.result, c.result),
      k.article_ids = reduce(acc = k.article_ids, x IN c.article_ids | CASE WHEN x IN acc THEN acc ELSE acc + x END)
}
CALL (keep, drop) {
  MATCH (drop)-[p:PARTICIPATED_IN]->(e:Event)
  MERGE (keep)-[k:PARTICIPATED_IN {role: p.role}]->(e)
  ON CREATE SET k.article_ids = []
  SET k.article_ids = reduce(acc = k.article_ids, x IN p.article_ids | CASE WHEN x IN acc THEN acc ELSE acc + x END)
}
// Structural links, a branch per type (a MERGE of a dynamic type plans badly: ingest/cypher/relations.cypher).
CALL (keep, drop) {
  MATCH (drop)-[:LOCATED_IN]->(c) WHERE c <> keep
  MERGE (keep)-[:LOCATED_IN]->(c)
}
CALL (keep, drop) {
  MATCH (drop)-[:OFFICE_OF]->(c) WHERE c <> keep
  MERGE (keep)-[:OFFICE_OF]->(c)
}
CALL (keep, drop) {
  MATCH (x)-[:LOCATED_IN]->(drop) WHERE x <> keep
  MERGE (x)-[:LOCATED_IN]->(keep)
}
CALL (keep, drop) {
  MATCH (x)-[:OFFICE_OF]->(drop) WHERE x <> keep
  MERGE (x)-[:OFFICE_OF]->(keep)
}
CALL (keep, drop) {
  MATCH (x)-[:HELD_IN]->(drop)
  MERGE (x)-[:HELD_IN]->(keep)
}
CALL (keep, drop) {
  MATCH (x)-[:AT]->(drop)
  MERGE (x)-[:AT]->(keep)
}
SET keep.aliases = keep.aliases + $added_aliases
WITH keep, drop
OPTIONAL MATCH (search:ActorSearch {actor_id: drop.id})
DELETE search
DETACH DELETE drop
