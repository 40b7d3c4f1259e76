// neo4j-admin reads an empty list from CSV as no property; the writer stores these two as empty lists
// (an election without allegations, a mention joined by no rule).
MATCH (e:Election) WHERE e.allegations IS NULL
CALL (e) { SET e.allegations = [] } IN TRANSACTIONS OF 10000 ROWS;
MATCH ()-[m:MENTIONED_IN]->() WHERE m.merges IS NULL
CALL (m) { SET m.merges = [] } IN TRANSACTIONS OF 10000 ROWS;
