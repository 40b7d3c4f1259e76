// The rest of an edited article's facts: its evidence, mentions, election results and event roles; elections
// and events that no article reports any more go with them, and actors that no article names.
// Articles of one batch may share an actor, an election or an event: each such node is looked at once, after
// every article's links to it are gone, so that none is deleted twice.
UNWIND $article_ids AS aid
MATCH (art:Article {id: aid})
OPTIONAL MATCH (ev:Evidence {article_id: aid})
DETACH DELETE ev
WITH DISTINCT aid, art
OPTIONAL MATCH (art)<-[m:MENTIONED_IN]-(named:Actor)
DELETE m
// An actor that only these articles' old texts named, with nothing left but its own place in a country, goes
// too: kept, it would still be found by name and be offered to later articles as a known actor. Its search
// node (keyed by its id, joined to nothing) goes with it.
WITH collect(DISTINCT named) AS named
CALL (named) {
  UNWIND named AS a
  WITH a WHERE NOT EXISTS {
    MATCH (a)-[r]-() WHERE NOT (startNode(r) = a AND type(r) IN ['LOCATED_IN', 'OFFICE_OF'])
  }
  OPTIONAL MATCH (search:ActorSearch {actor_id: a.id})
  DELETE search
  DETACH DELETE a
}
WITH 1 AS once
UNWIND $article_ids AS aid
MATCH (art:Article {id: aid})<-[:REPORTED_IN]-(x)<-[c:CANDIDATE_IN|PARTICIPATED_IN]-(:Actor)
WHERE aid IN c.article_ids
WITH c, collect(aid) AS gone
SET c.article_ids = [y IN c.article_ids WHERE NOT y IN gone]
WITH c WHERE size(c.article_ids) = 0
DELETE c
WITH count(*) AS roles
UNWIND $article_ids AS aid
MATCH (art:Article {id: aid})<-[rep:REPORTED_IN]-(x)
DELETE rep
WITH collect(DISTINCT x) AS reported
CALL (reported) {
  UNWIND reported AS x
  WITH x WHERE NOT (x)-[:REPORTED_IN]->(:Article)
  DETACH DELETE x
}
RETURN count(*) AS done
