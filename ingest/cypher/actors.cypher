// Aliases accumulate across articles (merge records are kept per article, on MENTIONED_IN); the first
// canonical name stays, so ids and captions do not flicker from one ingest to the next.
UNWIND $actors AS a
MERGE (n:Actor {id: a.id})
ON CREATE SET n.name = a.name, n.type = a.type, n.kb_id = a.kb_id, n.aliases = [], n:$(a.type)
WITH n, a, reduce(acc = n.aliases, x IN a.aliases | CASE WHEN x IN acc THEN acc ELSE acc + x END) AS aliases
// Only an actor that changed is written: each write re-indexes it in the full-text index, and the countries
// that most articles name would otherwise be re-indexed by every batch.
WHERE aliases <> n.aliases OR n.aliases_text IS NULL OR (n.country IS NULL AND a.country IS NOT NULL)
// The distinct words of its names, lower-cased, letters and digits only: `name_grams` holds their
// three-letter pieces for the `actor_grams` index, by which GET /entities finds a name misspelt past the
// two edits a fuzzy term allows ("Qadhdhafi" for "Gaddafi"). The API cuts a query the same way
// (api/routes/entities.py; a test checks the two agree), and the index folds accents on both sides.
WITH n, a, aliases,
     [c IN split(toLower(reduce(s = n.name, x IN aliases | s + ' ' + x)), '')
      | CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c ELSE ' ' END] AS chars
WITH n, a, aliases,
     reduce(acc = [], w IN split(reduce(s = '', c IN chars | s + c), ' ')
            | CASE WHEN w = '' OR w IN acc THEN acc ELSE acc + w END) AS words
SET n.aliases = aliases,
    n.aliases_text = reduce(s = n.name, x IN aliases | s + ' | ' + x),
    n.country = coalesce(n.country, a.country),
    n.name_grams = substring(reduce(s = '', w IN words | s + ' ' + CASE WHEN size(w) < 3 THEN w
      ELSE substring(reduce(g = '', i IN range(0, size(w) - 3) | g + ' ' + substring(w, i, 3)), 1) END), 1)
