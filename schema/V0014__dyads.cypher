// A summary per pair of actors (:Dyad): their interactions both ways, counted and summed on the Goldstein
// scale, kept by every write that changes an interaction (ingest/cypher/dyads.cypher). `conflict_pairs` reads
// it instead of summing every interaction of the graph on each call. `a` is the lesser of the two ids.
CREATE CONSTRAINT dyad_pair IF NOT EXISTS FOR (d:Dyad) REQUIRE (d.a, d.b) IS UNIQUE;
CREATE INDEX dyad_b IF NOT EXISTS FOR (d:Dyad) ON (d.b);
CREATE INDEX dyad_a IF NOT EXISTS FOR (d:Dyad) ON (d.a);
// Read in order by `conflict_pairs`: the most conflictual pairs first (or the most cooperative, backwards).
CREATE INDEX dyad_net IF NOT EXISTS FOR (d:Dyad) ON (d.net);
// The summaries of a graph written before they were kept (a bulk load folds the same ones, ingest/bulk.py).
MATCH (s:Actor)-[r:AGREE|CONSULT|SUPPORT|CONCEDE|COOPERATE|AID|RETREAT|REQUEST|ACCUSE|REJECT|THREATEN|PROTEST|SANCTION|MOBILIZE|COERCE|ASSAULT]->(t:Actor)
WHERE r.intensity IS NOT NULL AND s <> t
WITH CASE WHEN s.id < t.id THEN s.id ELSE t.id END AS a, CASE WHEN s.id < t.id THEN t.id ELSE s.id END AS b,
     r, coalesce(r.date_start, r.first_reported) AS day
WITH a, b, count(r) AS interactions, round(sum(r.intensity), 4) AS net, sum(r.sources) AS sources,
     sum(CASE WHEN r.intensity > 0 THEN 1 ELSE 0 END) AS cooperative,
     sum(CASE WHEN r.intensity < 0 THEN 1 ELSE 0 END) AS conflictual,
     min(day) AS first_day, max(day) AS last_day, collect(DISTINCT type(r)) AS seen
CALL (a, b, interactions, net, sources, cooperative, conflictual, first_day, last_day, seen) {
  MERGE (d:Dyad {a: a, b: b})
  SET d.interactions = interactions, d.net = net, d.sources = sources, d.cooperative = cooperative,
      d.conflictual = conflictual, d.first_day = first_day, d.last_day = last_day,
      d.types = [t IN ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
                       'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT']
                 WHERE t IN seen]
} IN TRANSACTIONS OF 5000 ROWS;
