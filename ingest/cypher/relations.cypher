// One relationship per fact (type, source, target, claimant); each article that tells it adds its id.
UNWIND $relations AS r
MATCH (s:Actor {id: r.source})
OPTIONAL MATCH (ta:Actor {id: r.target})
OPTIONAL MATCH (te:Election {id: r.target})
WITH r, s, coalesce(ta, te) AS t
WHERE t IS NOT NULL
MERGE (s)-[rel:$(r.type) {key: r.key}]->(t)
ON CREATE SET rel.article_ids = [], rel.rules = [], rel.confidence = 0.0, rel.claimed_by = r.claimed_by
SET rel.article_ids = reduce(acc = rel.article_ids, x IN r.article_ids | CASE WHEN x IN acc THEN acc ELSE acc + x END),
    rel.rules = reduce(acc = rel.rules, x IN r.rules | CASE WHEN x IN acc THEN acc ELSE acc + x END),
    rel.confidence = CASE WHEN r.confidence > rel.confidence THEN r.confidence ELSE rel.confidence END,
    rel.title = coalesce(r.title, rel.title)
SET rel.sources = size(rel.article_ids),
    rel.first_date = CASE WHEN r.first_date IS NOT NULL AND (rel.first_date IS NULL OR r.first_date < rel.first_date)
                          THEN r.first_date ELSE rel.first_date END,
    rel.last_date = CASE WHEN r.last_date IS NOT NULL AND (rel.last_date IS NULL OR r.last_date > rel.last_date)
                         THEN r.last_date ELSE rel.last_date END
// Cypher reads "2009", "2009-07" and "2009-07-23" alike as the first day they can mean.
SET rel.date_start = CASE WHEN rel.first_date IS NULL THEN null ELSE date(rel.first_date) END
