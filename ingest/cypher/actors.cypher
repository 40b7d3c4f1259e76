// Aliases accumulate across articles (merge records are kept per article, on MENTIONED_IN); the first
// canonical name stays, so ids and captions do not flicker from one ingest to the next.
UNWIND $actors AS a
MERGE (n:Actor {id: a.id})
ON CREATE SET n.name = a.name, n.type = a.type, n.kb_id = a.kb_id, n.aliases = []
SET n:$(a.type)
SET n.aliases = reduce(acc = n.aliases, x IN a.aliases | CASE WHEN x IN acc THEN acc ELSE acc + x END)
SET n.aliases_text = reduce(s = n.name, x IN n.aliases | s + ' | ' + x)
SET n.country = coalesce(n.country, a.country)
