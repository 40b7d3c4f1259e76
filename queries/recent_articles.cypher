// name: recent_articles
// description: The most recently published articles, with the actors they mention most and how many facts they support.
// param: actor string max_length=200 -- Only articles mentioning this actor (id, name or alias)
// param: outlet string max_length=200 -- Only articles from an outlet whose name contains this text
// param: from_date date -- Published on or after this day
// param: to_date date -- Published on or before this day
// param: limit int default=20 min=1 max=1000 -- Rows to return at most
// param: skip int default=0 min=0 max=10000000 -- Rows to pass over first: a page past the first (the API's `cursor` sets it)
// example: polgraph query recent_articles --param limit=5
MATCH (art:Article)
WHERE ($outlet IS NULL OR toLower(coalesce(art.outlet, '')) CONTAINS toLower($outlet))
  AND ($from_date IS NULL OR art.published >= $from_date)
  AND ($to_date IS NULL OR art.published <= $to_date)
  AND ($actor IS NULL OR EXISTS {
        MATCH (a:Actor)-[:MENTIONED_IN]->(art)
        WHERE a.id = $actor OR toLower(a.name) = toLower($actor)
           OR any(al IN coalesce(a.aliases, []) WHERE toLower(al) = toLower($actor)) })
WITH art ORDER BY art.published DESC, art.ingested_at DESC, art.id SKIP $skip LIMIT $limit
CALL (art) {
  MATCH (a:Actor)-[m:MENTIONED_IN]->(art)
  WITH a, m ORDER BY m.count DESC, a.name LIMIT 10
  RETURN collect({id: a.id, name: a.name, type: a.type, count: m.count}) AS actors
}
RETURN art.id AS article_id, art.title AS title, art.url AS url, art.outlet AS outlet,
       toString(art.published) AS published, toString(art.ingested_at) AS ingested_at,
       COUNT { (ev:Evidence)-[:EVIDENCE_OF]->(art) } AS evidence_count, actors
ORDER BY art.published DESC, art.ingested_at DESC, article_id
