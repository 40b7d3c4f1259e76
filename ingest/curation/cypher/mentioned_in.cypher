// The articles that name an actor, with the spellings each joined into it ("mention|rule" merge records).
MATCH (:Actor {id: $id})-[m:MENTIONED_IN]->(art:Article)
RETURN art.id AS article, coalesce(m.merges, []) AS merges
ORDER BY article
