// Structural links between actors: a place LOCATED_IN its country, an office OFFICE_OF its country.
UNWIND $links AS l
MATCH (a:Actor {id: l.source})
MATCH (b:Actor {id: l.target})
MERGE (a)-[:$(l.type)]->(b)
