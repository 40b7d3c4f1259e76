// Aliases accumulate across articles (merge records are kept per article, on MENTIONED_IN); the first
// canonical name stays, so ids and captions do not flicker from one ingest to the next.
UNWIND $actors AS a
MERGE (n:Actor {id: a.id})
ON CREATE SET n.name = a.name, n.type = a.type, n.kb_id = a.kb_id, n.aliases = [], n:$(a.type)
WITH n, a, reduce(acc = n.aliases, x IN a.aliases | CASE WHEN x IN acc THEN acc ELSE acc + x END) AS aliases
// Only an actor that changed is written: each write re-indexes it in the full-text index, and the countries
// that most articles name would otherwise be re-indexed by every batch.
WHERE aliases <> n.aliases OR n.aliases_text IS NULL OR (n.country IS NULL AND a.country IS NOT NULL)
SET n.aliases = aliases,
    n.aliases_text = reduce(s = n.name, x IN aliases | s + ' | ' + x),
    n.country = coalesce(n.country, a.country)
