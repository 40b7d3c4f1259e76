// The country ids a caller's `--country` names: by id, name or alias, case-insensitive.
MATCH (c:Country)
WHERE c.id = $country OR toLower(c.name) = toLower($country)
   OR any(al IN coalesce(c.aliases, []) WHERE toLower(al) = toLower($country))
RETURN c.id AS id
ORDER BY id
