// Full-text search over actor names and every alias, for /entities?q= and Browser users.
CREATE FULLTEXT INDEX actor_names IF NOT EXISTS FOR (n:Actor) ON EACH [n.name, n.aliases_text];
