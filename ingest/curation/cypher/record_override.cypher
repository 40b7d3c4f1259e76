CREATE (o:Override)
SET o = $props
