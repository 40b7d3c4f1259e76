// The interactions (PLOVER-typed relationships) these actors are the source of, one row each, with the
// filters of `polgraph export events`. A fact without a date of its own is dated by the day its first
// article was published (`date_precision` says which).
UNWIND $ids AS sid
MATCH (s:Actor {id: sid})-[r]->(t)
WHERE type(r) IN $types
WITH s, r, t, coalesce(r.date_start, r.first_reported) AS day
WHERE ($from_date IS NULL OR day >= $from_date) AND ($to_date IS NULL OR day <= $to_date)
// The countries each side is or belongs to: itself, its own country, the country of an office it holds or of
// a party it belongs to or leads, and for an election the country it is held in. The first is the one shown.
WITH s, r, t, day,
     [x IN [CASE WHEN s:Country THEN s.id END, s.country]
        + [(s)-[:HOLDS_ROLE]->(o:Office) | o.country] + [(s)-[:MEMBER_OF|LEADS]->(p:Party) | p.country]
      WHERE x IS NOT NULL] AS s_countries,
     [x IN [CASE WHEN t:Country THEN t.id END, t.country]
        + [(t)-[:HOLDS_ROLE]->(o:Office) | o.country] + [(t)-[:MEMBER_OF|LEADS]->(p:Party) | p.country]
        + [(t)-[:HELD_IN]->(h) | h.id]
      WHERE x IS NOT NULL] AS t_countries
WHERE $countries IS NULL OR any(c IN s_countries + t_countries WHERE c IN $countries)
WITH s, r, t, day, s_countries[0] AS s_country, t_countries[0] AS t_country
OPTIONAL MATCH (sc:Actor {id: s_country})
OPTIONAL MATCH (tc:Actor {id: t_country})
OPTIONAL MATCH (cb:Actor {id: r.claimed_by})
// The sentence that tells the fact best (most confident, then newest: what Browser shows) and its article.
CALL (r) {
  // In the index's order (schema/V0015): reading stops at the sentences shown.
  OPTIONAL MATCH (ev:Evidence {fact_key: r.key})
  USING INDEX ev:Evidence(fact_key, confidence, published_on, id)
  WHERE ev.confidence IS NOT NULL AND ev.published_on IS NOT NULL AND ev.id IS NOT NULL
  WITH ev ORDER BY ev.fact_key DESC, ev.confidence DESC, ev.published_on DESC, ev.id DESC LIMIT 1
  OPTIONAL MATCH (ev)-[:EVIDENCE_OF]->(art:Article)
  RETURN ev.sentence AS sentence, art
}
RETURN r.key AS event_id, type(r) AS polgraph_type, day AS event_date,
       CASE WHEN r.first_date IS NULL THEN CASE WHEN day IS NULL THEN null ELSE 'published' END
            WHEN size(r.first_date) = 4 THEN 'year' WHEN size(r.first_date) = 7 THEN 'month'
            ELSE 'day' END AS date_precision,
       r.mode AS mode, r.quad_class AS quad_class, r.intensity AS intensity,
       r.intensity_basis AS intensity_basis,
       s.id AS actor_id, s.name AS actor_name, s.type AS actor_type,
       sc.id AS actor_country_id, sc.name AS actor_country,
       t.id AS recipient_id, t.name AS recipient_name,
       CASE WHEN t:Election THEN 'Election' ELSE t.type END AS recipient_type,
       tc.id AS recipient_country_id, tc.name AS recipient_country,
       cb.id AS claimed_by_id, cb.name AS claimed_by,
       r.sources AS num_sources, r.first_reported AS first_reported,
       art.id AS article_id, art.url AS article_url, art.title AS article_title,
       art.published AS article_published, sentence
ORDER BY s.id, r.key
