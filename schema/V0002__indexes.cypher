// Look-ups the saved queries and the writer make by something other than the key.
CREATE INDEX actor_type IF NOT EXISTS FOR (n:Actor) ON (n.type);
CREATE INDEX actor_name IF NOT EXISTS FOR (n:Actor) ON (n.name);
CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.published);
CREATE INDEX article_content_hash IF NOT EXISTS FOR (n:Article) ON (n.content_hash);
CREATE INDEX election_date IF NOT EXISTS FOR (n:Election) ON (n.date_start);
CREATE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date_start);
CREATE INDEX evidence_fact_key IF NOT EXISTS FOR (n:Evidence) ON (n.fact_key);
CREATE INDEX evidence_article IF NOT EXISTS FOR (n:Evidence) ON (n.article_id);
