// The Migration key must be unique before the runner MERGEs on it (also in V0001; idempotent).
CREATE CONSTRAINT migration_version IF NOT EXISTS FOR (n:Migration) REQUIRE n.version IS UNIQUE
