MATCH (o:Override {id: $id})
SET o.active = false, o.revoked_at = $at, o.revoked_by = $by
