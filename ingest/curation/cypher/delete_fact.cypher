MATCH (:Actor {id: $source})-[r:$($type) {key: $key}]->()
DELETE r
WITH 1 AS done
MATCH (ev:Evidence {fact_key: $key})
DETACH DELETE ev
