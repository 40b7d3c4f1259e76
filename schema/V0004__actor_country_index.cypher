// Actors by the country they belong to: foreign_involvement starts from one country's actors.
CREATE INDEX actor_country IF NOT EXISTS FOR (n:Actor) ON (n.country);
