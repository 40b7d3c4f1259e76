// Actors whose country is one of $ids, pointed at $country instead (null to clear it); what they pointed at
// is returned for the override's undo record.
MATCH (a:Actor)
WHERE a.country IN $ids AND NOT a.id IN $ids
WITH a, a.country AS was
SET a.country = $country
RETURN a.id AS actor, was
