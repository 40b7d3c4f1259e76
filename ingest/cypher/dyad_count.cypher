// How many pairs' summaries (:Dyad) the graph holds: the nodes a bulk load derives after its import.
MATCH (d:Dyad) RETURN count(d) AS n
