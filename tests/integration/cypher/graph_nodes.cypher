// Every node of the data, less the schema's record and the revision (new in every write).
MATCH (n)
WHERE NOT n:Migration AND NOT n:GraphRevision
RETURN labels(n) AS labels, properties(n) AS props
