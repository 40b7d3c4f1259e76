// One page of event ids after a cursor, in id order (the uniqueness constraint's index).
MATCH (e:Event)
WHERE e.id > $after
RETURN e.id AS id
ORDER BY e.id
LIMIT $limit
