// Every actor's names, for fuzzy ranking when the full-text index finds too little (small graphs only).
MATCH (node:Actor)
RETURN node.id AS id, node.name AS name, node.type AS type, coalesce(node.aliases, []) AS aliases,
       node.country AS country
LIMIT $limit
