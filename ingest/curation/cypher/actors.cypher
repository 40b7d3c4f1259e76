UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN a.id AS id, a.name AS name, a.type AS type, coalesce(a.aliases, []) AS aliases, a.country AS country
