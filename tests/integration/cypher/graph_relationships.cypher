// Every relationship of the data, its ends named by their keys.
MATCH (a)-[r]->(b)
WHERE NOT a:Migration AND NOT a:GraphRevision
RETURN type(r) AS type, labels(a) AS from_labels, a.id AS from_id, labels(b) AS to_labels, b.id AS to_id,
       properties(r) AS props
