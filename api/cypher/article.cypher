// One article with what it told, for GET /articles/{id}.
MATCH (art:Article {id: $id})
CALL (art) {
  MATCH (a:Actor)-[m:MENTIONED_IN]->(art)
  WITH a, m ORDER BY m.count DESC, a.name
  RETURN collect({id: a.id, name: a.name, type: a.type, count: m.count}) AS actors
}
CALL (art) {
  MATCH (ev:Evidence)-[:EVIDENCE_OF]->(art)
  WITH ev ORDER BY ev.start_char
  RETURN collect({key: ev.fact_key, type: ev.rel_type, source_id: ev.source_id, target_id: ev.target_id,
                  sentence: ev.sentence, start_char: ev.start_char, end_char: ev.end_char, rule: ev.rule,
                  confidence: ev.confidence, date: ev.date, claimed_by: ev.claimed_by}) AS evidence
}
RETURN art.id AS id, art.title AS title, art.url AS url, art.outlet AS outlet,
       toString(art.published) AS published, art.source_path AS source_path,
       toString(art.ingested_at) AS ingested_at, actors, evidence,
       [(e:Election)-[:REPORTED_IN]->(art) | {id: e.id, name: e.name, kind: e.kind, date: e.date}] AS elections,
       [(e:Event)-[:REPORTED_IN]->(art) | {id: e.id, type: e.type, name: e.name, date: e.date}] AS events
