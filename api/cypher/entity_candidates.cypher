// Candidates for GET /entities?q=, ranked afterwards by the API: names with a word within two edits of a
// word of the query (`$lucene`, fuzzy terms built by the caller), and names sharing the most three-letter
// pieces with it (`$grams`, over `name_grams`: substrings and misspellings past two edits). Both are index
// look-ups bounded by `$limit`, whatever the graph's size. They read each actor's search node (its names as
// one text and their pieces, schema/V0011) and answer with the actor it stands for; an actor made by hand
// without a search node is found by its own name.
CALL () {
  WITH 1 AS one WHERE $lucene IS NOT NULL
  CALL db.index.fulltext.queryNodes('actor_names', $lucene, {limit: $limit}) YIELD node
  MATCH (a:Actor {id: node.actor_id})
  RETURN a
  UNION
  WITH 1 AS one WHERE $grams IS NOT NULL
  CALL db.index.fulltext.queryNodes('actor_grams', $grams, {limit: $limit}) YIELD node
  MATCH (a:Actor {id: node.actor_id})
  RETURN a
  UNION
  WITH 1 AS one WHERE $lucene IS NOT NULL
  CALL db.index.fulltext.queryNodes('actor_name_text', $lucene, {limit: $limit}) YIELD node AS a
  RETURN a
}
RETURN a.id AS id, a.name AS name, a.type AS type, coalesce(a.aliases, []) AS aliases, a.country AS country
