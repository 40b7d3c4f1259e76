// One node per election however many articles tell of it; facts stated later fill what is missing.
UNWIND $elections AS e
MERGE (n:Election {id: e.id})
ON CREATE SET n.kind = e.kind, n.date = e.date, n.date_precision = e.date_precision,
              n.date_start = CASE WHEN e.date IS NULL THEN null ELSE date(e.date) END,
              n.allegations = []
SET n.annulled = coalesce(e.annulled, n.annulled),
    n.turnout = coalesce(e.turnout, n.turnout),
    n.allegations = reduce(acc = n.allegations, x IN e.allegations | CASE WHEN x IN acc THEN acc ELSE acc + x END),
    n.name = e.name
WITH n, e
MATCH (art:Article {id: e.article_id})
MERGE (n)-[:REPORTED_IN]->(art)
WITH n, e
MATCH (c:Actor {id: e.country})
MERGE (n)-[:HELD_IN]->(c)
// Named as people say it, and as Browser captions it: "Kyrgyzstan presidential 2009".
SET n.name = c.name + ' ' + e.kind + coalesce(' ' + left(e.date, 4), '')
