// An actor's search node written anew from its name and aliases, cut exactly as the writer cuts them
// (ingest/cypher/actors.cypher), after curation changed them.
UNWIND $ids AS id
MATCH (n:Actor {id: id})
MERGE (s:ActorSearch {actor_id: id})
WITH n, s, coalesce(n.aliases, []) AS aliases
WITH n, s, aliases,
     [c IN split(toLower(reduce(t = n.name, x IN aliases | t + ' ' + x)), '')
      | CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c ELSE ' ' END] AS chars
WITH n, s, aliases,
     reduce(acc = [], w IN split(reduce(t = '', c IN chars | t + c), ' ')
            | CASE WHEN w = '' OR w IN acc THEN acc ELSE acc + w END) AS words
SET s.name = n.name,
    s.aliases_text = reduce(t = n.name, x IN aliases | t + ' | ' + x),
    s.name_grams = substring(reduce(t = '', w IN words | t + ' ' + CASE WHEN size(w) < 3 THEN w
      ELSE substring(reduce(g = '', i IN range(0, size(w) - 3) | g + ' ' + substring(w, i, 3)), 1) END), 1)
