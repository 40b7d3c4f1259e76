// Whether the database holds anything besides the schema's record and the revision: a bulk load replaces
// the whole database, so it runs only where nothing would be lost.
RETURN EXISTS { MATCH (n) WHERE NOT n:Migration AND NOT n:GraphRevision } AS has_data
