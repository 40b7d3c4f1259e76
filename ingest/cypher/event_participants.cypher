UNWIND $participants AS p
MATCH (a:Actor {id: p.entity})
MATCH (e:Event {id: p.event})
MERGE (a)-[r:PARTICIPATED_IN {role: p.role}]->(e)
ON CREATE SET r.article_ids = []
SET r.article_ids = CASE WHEN p.article_id IN r.article_ids THEN r.article_ids ELSE r.article_ids + p.article_id END
