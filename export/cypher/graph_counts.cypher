// How many nodes of the exported labels there are, and how many relationships they start: what a complete
// export holds.
MATCH (n)
WHERE n:Actor OR n:Article OR n:Election OR n:Event OR n:Evidence
RETURN count(n) AS nodes, sum(COUNT { (n)-[]->() }) AS relationships
