MATCH (o:Override)
WHERE o.active OR NOT $active_only
RETURN properties(o) AS o
ORDER BY o.at, o.id
