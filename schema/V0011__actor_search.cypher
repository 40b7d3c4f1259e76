// An actor's search text (`aliases_text`, `name_grams`) moves off the Actor node, where Neo4j Browser's node
// panel showed it to analysts beside the actor's real properties, onto one (:ActorSearch) node per actor,
// keyed by the actor's id. The full-text indexes `actor_names` and `actor_grams` move with it and index the
// same text under the same fields, so a search ranks its candidates as before.
//
// Keyed by id rather than joined by a relationship: the search node stays out of everything that walks the
// graph. Expanding an actor in Browser, the saved queries' patterns, an actor's relationship counts
// (GET /entities/{id}) and the writer's test for an actor nothing holds any more (retract_nodes.cypher) all
// see the actor as they did; a look-up goes from the search node to its actor through the actor's
// uniqueness constraint. What deletes an actor deletes its search node by the same id. An actor made by hand
// in Browser has no search node; `actor_name_text` finds it by its name.
//
// The old indexes go first, so that taking the properties off the actors does not update them, and the new
// ones are built once the search nodes are written rather than one node at a time.
DROP INDEX actor_names IF EXISTS;
DROP INDEX actor_grams IF EXISTS;
CREATE CONSTRAINT actor_search_actor_id IF NOT EXISTS FOR (n:ActorSearch) REQUIRE n.actor_id IS UNIQUE;
// Every actor gets its search node, in batches so that a large graph is not rewritten in one transaction.
// The text is the one the actor carried; an actor without it (made by hand) has it cut here as the writer
// cuts it (ingest/cypher/actors.cypher). A node made by hand without an id has nothing to be keyed by.
// Whether an actor has its search node already is asked in the inner transaction, which then writes it:
// asked in the outer one, the key's lock it keeps would block the inner one's MERGE until both time out.
MATCH (n:Actor)
WHERE n.id IS NOT NULL
CALL (n) {
  OPTIONAL MATCH (known:ActorSearch {actor_id: n.id})
  WITH n, known WHERE known IS NULL OR n.aliases_text IS NOT NULL OR n.name_grams IS NOT NULL
  WITH n, coalesce(n.aliases, []) AS aliases
  WITH n, aliases,
       [c IN split(toLower(reduce(s = coalesce(n.name, ''), x IN aliases | s + ' ' + x)), '')
        | CASE WHEN c =~ '[\\p{L}\\p{N}]' THEN c ELSE ' ' END] AS chars
  WITH n, aliases,
       reduce(acc = [], w IN split(reduce(s = '', c IN chars | s + c), ' ')
              | CASE WHEN w = '' OR w IN acc THEN acc ELSE acc + w END) AS words
  MERGE (s:ActorSearch {actor_id: n.id})
  SET s.name = n.name,
      s.aliases_text = coalesce(n.aliases_text, reduce(t = coalesce(n.name, ''), x IN aliases | t + ' | ' + x)),
      s.name_grams = coalesce(n.name_grams, substring(reduce(g = '', w IN words | g + ' ' + CASE WHEN size(w) < 3
        THEN w ELSE substring(reduce(p = '', i IN range(0, size(w) - 3) | p + ' ' + substring(w, i, 3)), 1) END), 1))
  REMOVE n.aliases_text, n.name_grams
} IN TRANSACTIONS OF 5000 ROWS;
CREATE FULLTEXT INDEX actor_names IF NOT EXISTS FOR (n:ActorSearch) ON EACH [n.name, n.aliases_text];
CREATE FULLTEXT INDEX actor_grams IF NOT EXISTS FOR (n:ActorSearch) ON EACH [n.name_grams]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
CREATE FULLTEXT INDEX actor_name_text IF NOT EXISTS FOR (n:Actor) ON EACH [n.name];
// Searches made as soon as the schema is applied find every actor.
CALL db.awaitIndexes(600);
