UNWIND $evidence AS e
MERGE (ev:Evidence {id: e.id})
SET ev.fact_key = e.fact_key, ev.rel_type = e.rel_type, ev.source_id = e.source_id, ev.target_id = e.target_id,
    ev.article_id = e.article_id, ev.sentence = e.sentence, ev.start_char = e.start_char,
    ev.end_char = e.end_char, ev.rule = e.rule, ev.confidence = e.confidence, ev.date = e.date,
    ev.claimed_by = e.claimed_by
WITH ev, e
MATCH (art:Article {id: e.article_id})
MERGE (ev)-[:EVIDENCE_OF]->(art)
// The article's day on the sentence too, for the index that lists a fact's sentences in order (V0015).
SET ev.published_on = coalesce(art.published, date('0001-01-01'))
