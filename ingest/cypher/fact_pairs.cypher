// The pairs of actors whose facts these articles tell: read before the articles' testimony is withdrawn, so
// that the pairs' summaries (dyads.cypher) are worked out again after it.
UNWIND $article_ids AS aid
MATCH (ev:Evidence {article_id: aid})
WHERE ev.rel_type IS NOT NULL AND ev.target_id IS NOT NULL
RETURN DISTINCT ev.source_id AS source, ev.target_id AS target
