// GET /entities finds names misspelt past a fuzzy term's two edits by their three-letter pieces: each
// actor's `name_grams` (ingest/cypher/actors.cypher writes it with its names), searched through this
// index, which folds accents ("é" as "e") on both sides. Actors written before it get theirs here, in
// batches, so that a large graph is not rewritten in one transaction.
CREATE FULLTEXT INDEX actor_grams IF NOT EXISTS FOR (n:Actor) ON EACH [n.name_grams]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
MATCH (n:Actor)
WHERE n.name_grams IS NULL
CALL (n) {
  WITH n, coalesce(n.aliases, []) AS aliases
  WITH n, aliases,
       [c IN split(toLower(reduce(s = coalesce(n.name, ''), x IN aliases | s + ' ' + x)), '')
        | CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c ELSE ' ' END] AS chars
  WITH n,
       reduce(acc = [], w IN split(reduce(s = '', c IN chars | s + c), ' ')
              | CASE WHEN w = '' OR w IN acc THEN acc ELSE acc + w END) AS words
  SET n.name_grams = substring(reduce(s = '', w IN words | s + ' ' + CASE WHEN size(w) < 3 THEN w
    ELSE substring(reduce(g = '', i IN range(0, size(w) - 3) | g + ' ' + substring(w, i, 3)), 1) END), 1)
} IN TRANSACTIONS OF 5000 ROWS;
