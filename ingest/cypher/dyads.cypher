// Each pair's summary (:Dyad) worked out again from the interactions between its two actors, both ways:
// what `conflict_pairs` reads instead of summing every interaction of the graph on each call. Run by every
// path that changes an interaction (the writer, curation), on the pairs it touched. `a` is the lesser id.
// A pair left with no interaction, or with an actor gone, loses its summary.
// The net is rounded (4 places) and the types listed in PLOVER's order so that the same facts give the same
// summary whatever order they are read in, here, in the migration and after a bulk load.
UNWIND $pairs AS p
// The summary is locked before the interactions are read: a writer of the same pair in another transaction
// waits for this one's commit, and then reads what it wrote too (the pairs come sorted: one lock order).
MERGE (d:Dyad {a: p.a, b: p.b})
SET d.a = p.a
WITH p, d
OPTIONAL MATCH (a:Actor {id: p.a})
OPTIONAL MATCH (b:Actor {id: p.b})
CALL (a, b) {
  OPTIONAL MATCH (a)-[r:AGREE|CONSULT|SUPPORT|CONCEDE|COOPERATE|AID|RETREAT|REQUEST|ACCUSE|REJECT|THREATEN|PROTEST|SANCTION|MOBILIZE|COERCE|ASSAULT]-(b)
  WHERE a <> b AND r.intensity IS NOT NULL
  WITH r, coalesce(r.date_start, r.first_reported) AS day
  RETURN count(r) AS interactions, round(sum(r.intensity), 4) AS net, sum(r.sources) AS sources,
         sum(CASE WHEN r.intensity > 0 THEN 1 ELSE 0 END) AS cooperative,
         sum(CASE WHEN r.intensity < 0 THEN 1 ELSE 0 END) AS conflictual,
         min(day) AS first_day, max(day) AS last_day, collect(DISTINCT type(r)) AS seen
}
CALL (d, interactions, net, sources, cooperative, conflictual, first_day, last_day, seen) {
  WITH * WHERE interactions > 0
  SET d.interactions = interactions, d.net = net, d.sources = sources, d.cooperative = cooperative,
      d.conflictual = conflictual, d.first_day = first_day, d.last_day = last_day,
      d.types = [t IN ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
                       'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT']
                 WHERE t IN seen]
}
WITH d, interactions WHERE interactions = 0
DELETE d
