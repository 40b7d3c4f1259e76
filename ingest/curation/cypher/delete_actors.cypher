// Actors gone for good (blocked, or made by a split that is reverted), with their search nodes.
UNWIND $ids AS id
MATCH (a:Actor {id: id})
OPTIONAL MATCH (search:ActorSearch {actor_id: id})
DELETE search
DETACH DELETE a
