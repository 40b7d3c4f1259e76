// Full-text candidates for GET /entities?q= (the caller builds a safe Lucene query of fuzzy terms).
CALL db.index.fulltext.queryNodes('actor_names', $lucene, {limit: $limit}) YIELD node
RETURN node.id AS id, node.name AS name, node.type AS type, coalesce(node.aliases, []) AS aliases,
       node.country AS country
