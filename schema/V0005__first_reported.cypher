// Relationships written before `first_reported` existed get it from the articles that tell them: the day the
// first of them was published, by which undated facts are dated and sorted.
MATCH ()-[r]->()
WHERE r.article_ids IS NOT NULL AND r.key IS NOT NULL AND r.first_reported IS NULL
SET r.first_reported = head(COLLECT {
  MATCH (a:Article) WHERE a.id IN r.article_ids AND a.published IS NOT NULL
  RETURN a.published ORDER BY a.published LIMIT 1
});
