// Each article of a batch, locked for the rest of the write transaction, then read: with the lock held no
// other writer can store another text of it before this one commits, so the text read here is the one this
// write replaces. MERGE makes a new article's node (and waits on the key's lock if another writer is making
// it); the SET takes the node's write lock, which the REMOVE leaves held. Ids come sorted, so writers take
// the locks they share in the same order.
UNWIND $ids AS id
MERGE (a:Article {id: id})
SET a.write_lock = true
REMOVE a.write_lock
RETURN a.id AS id, a.content_hash AS content_hash
