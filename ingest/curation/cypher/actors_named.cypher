// Actors whose name is this one, case aside (the caller compares spellings exactly as ingests do).
MATCH (a:Actor)
WHERE toLower(a.name) = toLower($name)
RETURN a.id AS id, a.name AS name, a.type AS type
