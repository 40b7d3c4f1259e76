// One page of actor ids after a cursor, in id order: read from the uniqueness constraint's index, so that a
// page costs the same wherever it starts.
MATCH (s:Actor)
WHERE s.id > $after
RETURN s.id AS id
ORDER BY s.id
LIMIT $limit
