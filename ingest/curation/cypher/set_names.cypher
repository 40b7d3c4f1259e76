// An actor's name and aliases as curation leaves them; its search node is written anew after.
MATCH (a:Actor {id: $id})
SET a.name = $name, a.aliases = $aliases
