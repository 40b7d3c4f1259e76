UNWIND $pairs AS p
MATCH (a:Actor {id: p.actor})
SET a.country = p.country
