UNWIND $results AS r
MATCH (a:Actor {id: r.participant})
MATCH (e:Election {id: r.election})
MERGE (a)-[c:CANDIDATE_IN]->(e)
ON CREATE SET c.article_ids = []
SET c.vote_share = coalesce(r.vote_share, c.vote_share),
    c.votes = coalesce(r.votes, c.votes),
    c.won = coalesce(r.won, c.won),
    c.article_ids = CASE WHEN r.article_id IN c.article_ids THEN c.article_ids ELSE c.article_ids + r.article_id END,
    // What Browser captions the result with: "61.2 %", "won", "lost" (browser/style.grass).
    c.result = CASE WHEN coalesce(r.vote_share, c.vote_share) IS NOT NULL
                    THEN toString(coalesce(r.vote_share, c.vote_share)) + ' %'
                    WHEN coalesce(r.won, c.won) THEN 'won'
                    WHEN coalesce(r.won, c.won) = false THEN 'lost'
                    ELSE 'candidate' END
