MATCH (o:Override {id: $id})
RETURN properties(o) AS o
