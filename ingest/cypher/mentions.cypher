UNWIND $mentions AS m
MATCH (a:Actor {id: m.actor})
MATCH (art:Article {id: m.article})
MERGE (a)-[r:MENTIONED_IN]->(art)
SET r.count = m.count, r.merges = m.merges
