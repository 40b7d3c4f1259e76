// Schema version and the size of the graph, for GET /health (label counts come from the count store).
CALL () { OPTIONAL MATCH (m:Migration) RETURN max(m.version) AS schema_version }
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN schema_version, nodes, relationships,
       {Article: COUNT { (:Article) }, Actor: COUNT { (:Actor) }, Person: COUNT { (:Person) },
        Party: COUNT { (:Party) }, Organization: COUNT { (:Organization) }, Country: COUNT { (:Country) },
        Location: COUNT { (:Location) }, Office: COUNT { (:Office) }, Election: COUNT { (:Election) },
        Event: COUNT { (:Event) }, Evidence: COUNT { (:Evidence) }} AS labels
