UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.source_path AS source_path
ORDER BY source_path
