// Structural links between actors: a place LOCATED_IN its country, an office OFFICE_OF its country.
// A branch per type rather than `[:$(l.type)]`: see relations.cypher.
UNWIND $links AS l
MATCH (a:Actor {id: l.source})
MATCH (b:Actor {id: l.target})
CALL (a, b, l) {
  WITH * WHERE l.type = 'LOCATED_IN' MERGE (a)-[link:LOCATED_IN]->(b) RETURN link
  UNION ALL
  WITH * WHERE l.type = 'OFFICE_OF' MERGE (a)-[link:OFFICE_OF]->(b) RETURN link
}
RETURN count(link) AS links
