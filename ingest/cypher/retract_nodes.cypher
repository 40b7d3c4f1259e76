// The rest of an edited article's facts: its evidence, mentions, election results and event roles; elections
// and events that no article reports any more go with them, and actors that no article names.
UNWIND $article_ids AS aid
MATCH (art:Article {id: aid})
OPTIONAL MATCH (ev:Evidence {article_id: aid})
DETACH DELETE ev
WITH DISTINCT aid, art
OPTIONAL MATCH (art)<-[m:MENTIONED_IN]-(named:Actor)
DELETE m
// An actor that only this article's old text named, with nothing left but its own place in a country, goes
// too: kept, it would still be found by name and be offered to later articles as a known actor. Its search
// node (keyed by its id, joined to nothing) goes with it.
WITH aid, art, collect(DISTINCT named) AS named
CALL (named) {
  UNWIND named AS a
  WITH a WHERE NOT EXISTS {
    MATCH (a)-[r]-() WHERE NOT (startNode(r) = a AND type(r) IN ['LOCATED_IN', 'OFFICE_OF'])
  }
  OPTIONAL MATCH (search:ActorSearch {actor_id: a.id})
  DELETE search
  DETACH DELETE a
}
WITH DISTINCT aid, art
OPTIONAL MATCH (art)<-[:REPORTED_IN]-(x)<-[c:CANDIDATE_IN|PARTICIPATED_IN]-(:Actor)
WHERE aid IN c.article_ids
SET c.article_ids = [y IN c.article_ids WHERE y <> aid]
WITH DISTINCT aid, art, c
CALL (c) {
  WITH c WHERE c IS NOT NULL AND size(c.article_ids) = 0
  DELETE c
}
WITH DISTINCT aid, art
OPTIONAL MATCH (art)<-[rep:REPORTED_IN]-(x)
DELETE rep
WITH DISTINCT x
CALL (x) {
  WITH x WHERE x IS NOT NULL AND NOT (x)-[:REPORTED_IN]->(:Article)
  DETACH DELETE x
}
RETURN count(*) AS done
