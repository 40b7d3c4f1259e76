// `interactions` lists facts newest first. Each fact keeps the day it is listed by, `listed_on`: its own
// date, else the day the first article telling it was published, else 0001-01-01, so that an undated fact
// lists last and every fact has a value an index can order. Read from these indexes in that order, the
// whole-graph list stops after the rows it shows instead of reading and sorting every fact of the type
// (bench/PROFILE.md). Facts written before the property existed get it here, in batches, so that a large
// graph is not rewritten in one transaction.
MATCH ()-[r]->()
WHERE r.key IS NOT NULL AND r.listed_on IS NULL
CALL (r) {
  SET r.listed_on = coalesce(r.date_start, r.first_reported, date('0001-01-01'))
} IN TRANSACTIONS OF 10000 ROWS;
CREATE INDEX agree_listed_on IF NOT EXISTS FOR ()-[r:AGREE]-() ON (r.listed_on);
CREATE INDEX consult_listed_on IF NOT EXISTS FOR ()-[r:CONSULT]-() ON (r.listed_on);
CREATE INDEX support_listed_on IF NOT EXISTS FOR ()-[r:SUPPORT]-() ON (r.listed_on);
CREATE INDEX concede_listed_on IF NOT EXISTS FOR ()-[r:CONCEDE]-() ON (r.listed_on);
CREATE INDEX cooperate_listed_on IF NOT EXISTS FOR ()-[r:COOPERATE]-() ON (r.listed_on);
CREATE INDEX aid_listed_on IF NOT EXISTS FOR ()-[r:AID]-() ON (r.listed_on);
CREATE INDEX retreat_listed_on IF NOT EXISTS FOR ()-[r:RETREAT]-() ON (r.listed_on);
CREATE INDEX request_listed_on IF NOT EXISTS FOR ()-[r:REQUEST]-() ON (r.listed_on);
CREATE INDEX accuse_listed_on IF NOT EXISTS FOR ()-[r:ACCUSE]-() ON (r.listed_on);
CREATE INDEX reject_listed_on IF NOT EXISTS FOR ()-[r:REJECT]-() ON (r.listed_on);
CREATE INDEX threaten_listed_on IF NOT EXISTS FOR ()-[r:THREATEN]-() ON (r.listed_on);
CREATE INDEX protest_listed_on IF NOT EXISTS FOR ()-[r:PROTEST]-() ON (r.listed_on);
CREATE INDEX sanction_listed_on IF NOT EXISTS FOR ()-[r:SANCTION]-() ON (r.listed_on);
CREATE INDEX mobilize_listed_on IF NOT EXISTS FOR ()-[r:MOBILIZE]-() ON (r.listed_on);
CREATE INDEX coerce_listed_on IF NOT EXISTS FOR ()-[r:COERCE]-() ON (r.listed_on);
CREATE INDEX assault_listed_on IF NOT EXISTS FOR ()-[r:ASSAULT]-() ON (r.listed_on);
