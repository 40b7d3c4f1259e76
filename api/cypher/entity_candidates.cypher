// Candidates for GET /entities?q=, ranked afterwards by the API: names with a word within two edits of a
// word of the query (`$lucene`, fuzzy terms built by the caller), and names sharing the most three-letter
// pieces with it (`$grams`, over `name_grams`: substrings and misspellings past two edits). Both are index
// look-ups bounded by `$limit`, whatever the graph's size.
CALL () {
  WITH 1 AS one WHERE $lucene IS NOT NULL
  CALL db.index.fulltext.queryNodes('actor_names', $lucene, {limit: $limit}) YIELD node
  RETURN node
  UNION
  WITH 1 AS one WHERE $grams IS NOT NULL
  CALL db.index.fulltext.queryNodes('actor_grams', $grams, {limit: $limit}) YIELD node
  RETURN node
}
RETURN node.id AS id, node.name AS name, node.type AS type, coalesce(node.aliases, []) AS aliases,
       node.country AS country
