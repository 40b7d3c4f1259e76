// Aliases accumulate across articles (merge records are kept per article, on MENTIONED_IN); the first
// canonical name stays, so ids and captions do not flicker from one ingest to the next.
//
// What searches find an actor by lives on its (:ActorSearch) node, keyed by the actor's id, written here
// with the actor so that the two never disagree (schema/V0011__actor_search.cypher says why a node apart).
UNWIND $actors AS a
MERGE (n:Actor {id: a.id})
ON CREATE SET n.name = a.name, n.type = a.type, n.kb_id = a.kb_id, n.aliases = [], n:$(a.type)
MERGE (s:ActorSearch {actor_id: a.id})
WITH n, s, a, reduce(acc = n.aliases, x IN a.aliases | CASE WHEN x IN acc THEN acc ELSE acc + x END) AS aliases
// Only an actor that changed is written: each write re-indexes it in the full-text indexes, and the countries
// that most articles name would otherwise be re-indexed by every batch.
WHERE aliases <> n.aliases OR s.aliases_text IS NULL OR (n.country IS NULL AND a.country IS NOT NULL)
// The distinct words of its names, lower-cased, letters and digits only: `name_grams` holds their
// three-letter pieces for the `actor_grams` index, by which GET /entities finds a name misspelt past the
// two edits a fuzzy term allows ("Qadhdhafi" for "Gaddafi"). The API cuts a query the same way
// (api/routes/entities.py; a test checks the two agree), and the index folds accents on both sides.
WITH n, s, a, aliases,
     [c IN split(toLower(reduce(t = n.name, x IN aliases | t + ' ' + x)), '')
      | CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c ELSE ' ' END] AS chars
WITH n, s, a, aliases,
     reduce(acc = [], w IN split(reduce(t = '', c IN chars | t + c), ' ')
            | CASE WHEN w = '' OR w IN acc THEN acc ELSE acc + w END) AS words
SET n.aliases = aliases,
    n.country = coalesce(n.country, a.country),
    s.name = n.name,
    s.aliases_text = reduce(t = n.name, x IN aliases | t + ' | ' + x),
    s.name_grams = substring(reduce(t = '', w IN words | t + ' ' + CASE WHEN size(w) < 3 THEN w
      ELSE substring(reduce(g = '', i IN range(0, size(w) - 3) | g + ' ' + substring(w, i, 3)), 1) END), 1)
