UNWIND $articles AS a
MERGE (n:Article {id: a.id})
SET n.title = a.title, n.url = a.url, n.outlet = a.outlet, n.source_path = a.source_path,
    n.content_hash = a.content_hash,
    n.published = CASE WHEN a.published IS NULL THEN null ELSE date(a.published) END,
    n.ingested_at = datetime()
