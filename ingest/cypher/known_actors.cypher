// Every stored actor, for resolving new mentions against what the graph already holds.
MATCH (a:Actor)
RETURN a.id AS id, a.type AS type, a.name AS name, a.aliases AS aliases, a.country AS country, a.kb_id AS kb_id
