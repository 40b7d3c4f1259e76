// The graph's revision, which keys the API's response cache (api/cache.py): the token every ingest write
// sets, with the node and relationship counts (read from the count store, not by a scan) so that most
// writes made outside polgraph, in Neo4j Browser say, change it too.
OPTIONAL MATCH (g:GraphRevision {id: 'graph'})
WITH g.token AS token
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN token, nodes, relationships
