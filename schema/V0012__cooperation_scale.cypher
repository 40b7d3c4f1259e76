// Interactions carry PLOVER's quad class and a Goldstein intensity (ingest/scale.py, data/scales/): every
// new write sets them; facts written before get them here. The numbers are the per-type means the data files
// gave when this migration was written (a unit test holds the two together); relations carry no CAMEO code,
// so the basis is the type's mean.
WITH {
       AGREE: ['verbal_cooperation', 5.94],
       CONSULT: ['verbal_cooperation', 3.03],
       SUPPORT: ['verbal_cooperation', 5.28],
       CONCEDE: ['material_cooperation', 5.0],
       COOPERATE: ['material_cooperation', 6.84],
       AID: ['material_cooperation', 7.6],
       RETREAT: ['material_cooperation', 8.0],
       REQUEST: ['verbal_conflict', -5.0],
       ACCUSE: ['verbal_conflict', -2.0],
       REJECT: ['verbal_conflict', -4.19],
       THREATEN: ['verbal_conflict', -6.23],
       PROTEST: ['material_conflict', -6.88],
       SANCTION: ['material_conflict', -5.99],
       MOBILIZE: ['material_conflict', -7.2],
       COERCE: ['material_conflict', -6.72],
       ASSAULT: ['material_conflict', -9.58]
     } AS scale
MATCH ()-[r]->()
WHERE r.key IS NOT NULL AND r.quad_class IS NULL AND type(r) IN keys(scale)
CALL (r, scale) {
  SET r.quad_class = scale[type(r)][0], r.intensity = scale[type(r)][1], r.intensity_basis = 'type_mean'
} IN TRANSACTIONS OF 5000 ROWS;
