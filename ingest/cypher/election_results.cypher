UNWIND $results AS r
MATCH (a:Actor {id: r.participant})
MATCH (e:Election {id: r.election})
MERGE (a)-[c:CANDIDATE_IN]->(e)
ON CREATE SET c.article_ids = []
SET c.vote_share = coalesce(r.vote_share, c.vote_share),
    c.votes = coalesce(r.votes, c.votes),
    c.won = coalesce(r.won, c.won),
    c.article_ids = CASE WHEN r.article_id IN c.article_ids THEN c.article_ids ELSE c.article_ids + r.article_id END
