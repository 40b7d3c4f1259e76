MATCH (g:GraphRevision {id: 'graph'})
RETURN g.token AS token
