// Migrations already applied, with the checksum of the file that ran.
MATCH (m:Migration) RETURN m.version AS version, m.checksum AS checksum
