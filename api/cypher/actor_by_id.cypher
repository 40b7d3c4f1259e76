// Whether an actor has this id (saved queries take an actor's id as well as its names).
RETURN EXISTS { MATCH (:Actor {id: $id}) } AS found
