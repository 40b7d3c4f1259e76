// Articles whose facts an override changed and a revert takes back: a content hash no text has makes the
// next ingest of each replace its facts (ingest/write.py), derived again without the override.
UNWIND $ids AS id
MATCH (a:Article {id: id})
SET a.content_hash = $mark
