// One page of the nodes of one label after a cursor, in id order, with their properties. One branch per
// label so that each reads its uniqueness constraint's index (a label cannot be a parameter).
CALL () {
  WITH 1 AS one WHERE $label = 'Actor'
  MATCH (n:Actor) WHERE n.id > $after RETURN n ORDER BY n.id LIMIT $limit
  UNION ALL
  WITH 1 AS one WHERE $label = 'Article'
  MATCH (n:Article) WHERE n.id > $after RETURN n ORDER BY n.id LIMIT $limit
  UNION ALL
  WITH 1 AS one WHERE $label = 'Election'
  MATCH (n:Election) WHERE n.id > $after RETURN n ORDER BY n.id LIMIT $limit
  UNION ALL
  WITH 1 AS one WHERE $label = 'Event'
  MATCH (n:Event) WHERE n.id > $after RETURN n ORDER BY n.id LIMIT $limit
  UNION ALL
  WITH 1 AS one WHERE $label = 'Evidence'
  MATCH (n:Evidence) WHERE n.id > $after RETURN n ORDER BY n.id LIMIT $limit
}
RETURN n.id AS id, labels(n) AS labels, properties(n) AS properties,
       // Its outgoing relationships, when asked for: a page of nodes brings the relationships it starts.
       CASE WHEN $with_relationships THEN
         COLLECT { MATCH (n)-[r]->(m) RETURN {type: type(r), target: m.id, properties: properties(r)} }
       ELSE [] END AS relationships
ORDER BY id
