// One relationship per fact (type, source, target, claimant); each article that tells it adds its id.
//
// One branch per relationship type (ingest.models.RELATION_TYPES; a test checks the two agree), because a
// MERGE of a dynamic type, `[rel:$(r.type)]`, is planned as a scan of every relationship in the graph when
// the plan is made on a small graph, and Neo4j keeps such a plan while the graph grows.
// The new values are computed in one WITH and written by one SET: properties read after they are set make
// the planner add Eager steps.
UNWIND $relations AS r
MATCH (s:Actor {id: r.source})
OPTIONAL MATCH (ta:Actor {id: r.target})
OPTIONAL MATCH (te:Election {id: r.target})
WITH r, s, coalesce(ta, te) AS t
WHERE t IS NOT NULL
CALL (r, s, t) {
  WITH * WHERE r.type = 'AGREE' MERGE (s)-[rel:AGREE {key: r.key}]->(t) RETURN rel
  UNION ALL
  WITH * WHERE r.type = 'CONSULT' MERGE (s)-[rel:CONSULT {key: r.key}]->(t) RETURN rel
  UNION ALL
  WITH * WHERE r.type = 'SUPPORT' MERGE (s)-[rel:SUPPORT {key: r.key}]->(t) RETURN rel
  UNION ALL
  WITH * WHERE r.type = 'CONCEDE' MERGE (s)-[rel:CONCEDE {key: r.key}]->(t) RETURN rel
  UNION ALL
  WITH * WHERE r.type = 'COOPERATE' MERGE (s)-[rel:COOPERATE {key: r.key}]->(t) RETURN rel
  UNION ALL
  WITH * WHERE r.type = 'AID' MERGE (s)-[rel:AID {key: r.key}]->(t) RETURN rel
  UNION ALL
  WITH * WHERE r.type = 'RETREAT' MERGE (s)-[rel:RETREAT {key: r.key}]->(t) RETURN rel
  UNION ALL
  WITH * WHERE r.type = 'REQUEST' MERGE (s)-[rel:REQUEST {key: r.key}]->(t) RETURN rel
  UNION ALL
  WITH * WHERE r.type = 'ACCUSE' MERGE (s)-[rel:ACCUSE {key: r.key}]->(t) RETURN rel
  UNION ALL
  WITH * WHERE r.type = 'REJECT' MERGE (s)-[rel:REJECT {key: r.key}]->(t) RETURN rel
  UNION ALL
  WITH * WHERE r.type = 'THREATEN' MERGE (s)-[rel:THREATEN {key: r.key}]->(t) RETURN rel
  UNION ALL
  WITH * WHERE r.type = 'PROTEST' MERGE (s)-[rel:PROTEST {key: r.key}]->(t) RETURN rel
  UNION ALL
  WITH * WHERE r.type = 'SANCTION' MERGE (s)-[rel:SANCTION {key: r.key}]->(t) RETURN rel
  UNION ALL
  WITH * WHERE r.type = 'MOBILIZE' MERGE (s)-[rel:MOBILIZE {key: r.key}]->(t) RETURN rel
  UNION ALL
  WITH * WHERE r.type = 'COERCE' MERGE (s)-[rel:COERCE {key: r.key}]->(t) RETURN rel
  UNION ALL
  WITH * WHERE r.type = 'ASSAULT' MERGE (s)-[rel:ASSAULT {key: r.key}]->(t) RETURN rel
  UNION ALL
  WITH * WHERE r.type = 'MEMBER_OF' MERGE (s)-[rel:MEMBER_OF {key: r.key}]->(t) RETURN rel
  UNION ALL
  WITH * WHERE r.type = 'LEADS' MERGE (s)-[rel:LEADS {key: r.key}]->(t) RETURN rel
  UNION ALL
  WITH * WHERE r.type = 'HOLDS_ROLE' MERGE (s)-[rel:HOLDS_ROLE {key: r.key}]->(t) RETURN rel
}
WITH r, rel, coalesce(rel.article_ids, []) AS known_ids, coalesce(rel.rules, []) AS known_rules,
     coalesce(rel.confidence, 0.0) AS known_confidence
WITH r, rel, known_rules, known_confidence,
     reduce(acc = known_ids, x IN r.article_ids | CASE WHEN x IN acc THEN acc ELSE acc + x END) AS ids,
     CASE WHEN r.first_date IS NOT NULL AND (rel.first_date IS NULL OR r.first_date < rel.first_date)
          THEN r.first_date ELSE rel.first_date END AS first,
     CASE WHEN r.last_date IS NOT NULL AND (rel.last_date IS NULL OR r.last_date > rel.last_date)
          THEN r.last_date ELSE rel.last_date END AS last,
     CASE WHEN r.first_reported IS NOT NULL
               AND (rel.first_reported IS NULL OR date(r.first_reported) < rel.first_reported)
          THEN date(r.first_reported) ELSE rel.first_reported END AS reported
// Cypher reads "2009", "2009-07" and "2009-07-23" alike as the first day they can mean.
WITH r, rel, known_rules, known_confidence, ids, first, last, reported,
     CASE WHEN first IS NULL THEN null ELSE date(first) END AS day
SET rel.article_ids = ids,
    rel.sources = size(ids),
    rel.rules = reduce(acc = known_rules, x IN r.rules | CASE WHEN x IN acc THEN acc ELSE acc + x END),
    rel.confidence = CASE WHEN r.confidence > known_confidence THEN r.confidence ELSE known_confidence END,
    rel.claimed_by = r.claimed_by,
    rel.title = coalesce(r.title, rel.title),
    // Where the fact sits between cooperation and conflict (ingest/scale.py): PLOVER's quad class and a
    // Goldstein intensity; the mode (a PLOVER subtype) once any article gives one.
    rel.mode = coalesce(rel.mode, r.mode),
    rel.quad_class = r.quad_class,
    rel.intensity = r.intensity,
    rel.intensity_basis = r.intensity_basis,
    rel.first_date = first,
    rel.last_date = last,
    // The day the first article telling it was published: what an undated fact is dated and sorted by.
    rel.first_reported = reported,
    rel.date_start = day,
    // The day `interactions` lists it by; undated, the earliest day there is, so that it lists last.
    rel.listed_on = coalesce(day, reported, date('0001-01-01'))
