// The whole-graph fact lists (who_backed_whom, who_accused_whom, meetings) rank facts by how many articles
// tell them: read from these indexes in that order, a query stops after the rows it shows instead of reading
// and sorting every fact of the type (bench/PROFILE.md).
CREATE INDEX support_sources IF NOT EXISTS FOR ()-[r:SUPPORT]-() ON (r.sources);
CREATE INDEX accuse_sources IF NOT EXISTS FOR ()-[r:ACCUSE]-() ON (r.sources);
CREATE INDEX consult_sources IF NOT EXISTS FOR ()-[r:CONSULT]-() ON (r.sources);
