// Substring candidates for GET /entities?q=: a fragment of a name or alias, in any case.
MATCH (node:Actor)
WHERE toLower(node.name) CONTAINS toLower($q)
   OR any(al IN coalesce(node.aliases, []) WHERE toLower(al) CONTAINS toLower($q))
RETURN node.id AS id, node.name AS name, node.type AS type, coalesce(node.aliases, []) AS aliases,
       node.country AS country
LIMIT $limit
