UNWIND $events AS e
MERGE (n:Event {id: e.id})
ON CREATE SET n.type = e.type, n.date = e.date, n.date_precision = e.date_precision,
              n.date_start = CASE WHEN e.date IS NULL THEN null ELSE date(e.date) END
SET n.name = coalesce(e.name, n.name), n.status = e.status,
    n.size = coalesce(e.size, n.size), n.deaths = coalesce(e.deaths, n.deaths),
    n.injured = coalesce(e.injured, n.injured), n.arrested = coalesce(e.arrested, n.arrested)
WITH n, e
MATCH (art:Article {id: e.article_id})
MERGE (n)-[:REPORTED_IN]->(art)
WITH n, e
OPTIONAL MATCH (c:Actor {id: e.country})
OPTIONAL MATCH (l:Actor {id: e.location})
FOREACH (_ IN CASE WHEN c IS NULL THEN [] ELSE [1] END | MERGE (n)-[:HELD_IN]->(c))
FOREACH (_ IN CASE WHEN l IS NULL THEN [] ELSE [1] END | MERGE (n)-[:AT]->(l))
