"""The cooperation-conflict scale: numbers from the published tables, never made up, and the migration that
backfills old graphs holding the same numbers as new writes."""

from __future__ import annotations

import re

import pytest

from ingest.models import PLOVER_TYPES
from ingest.scale import QUAD_CLASSES, load_scale
from ingest.write import build_batch
from schema.migrate import MIGRATIONS_DIR


def test_every_plover_type_has_one_quad_class_and_a_published_mean() -> None:
    scale = load_scale()
    assert sorted(scale.quad_of_type) == sorted(PLOVER_TYPES)
    for ptype in PLOVER_TYPES:
        score = scale.for_type(ptype)
        assert score is not None and score.basis == "type_mean"
        assert -10 <= score.intensity <= 10
        assert score.quad_class in QUAD_CLASSES


def test_a_types_quad_class_is_that_of_its_cameo_codes_roots() -> None:
    scale = load_scale()
    assert {t: scale.quad_of_type[t] for t in ("SUPPORT", "CONCEDE", "RETREAT", "REQUEST", "PROTEST")} == {
        "SUPPORT": "verbal_cooperation",  # CAMEO 05
        "CONCEDE": "material_cooperation",  # CAMEO 08, yield
        "RETREAT": "material_cooperation",  # CAMEO 08
        "REQUEST": "verbal_conflict",  # CAMEO 10, demand
        "PROTEST": "material_conflict",  # CAMEO 14
    }
    roots = {"verbal_cooperation": range(1, 6), "material_cooperation": range(6, 9)}
    roots |= {"verbal_conflict": range(9, 14), "material_conflict": range(14, 21)}
    for entry in scale.codes.values():
        assert int(entry.code[:2]) in roots[scale.quad_of_type[entry.plover_type]], entry


def test_cooperation_is_positive_and_conflict_negative() -> None:
    scale = load_scale()
    for ptype in PLOVER_TYPES:
        score = scale.for_type(ptype)
        assert score is not None
        assert (score.intensity > 0) == score.quad_class.endswith("cooperation"), ptype


def test_published_values_are_read_as_given() -> None:
    scale = load_scale()
    # Spot checks against the GDELT CAMEO Goldstein table: 057 sign formal agreement +8.0, 173 arrest -5.0,
    # 0874 retreat militarily +10.0, 190 conventional military force -10.0.
    assert {c: scale.codes[c].goldstein for c in ("057", "173", "0874", "190")} == {
        "057": 8.0,
        "173": -5.0,
        "0874": 10.0,
        "190": -10.0,
    }
    assert scale.codes["173"].plover_type == "COERCE"


def test_a_code_without_a_published_value_falls_back_to_its_types_mean_and_says_so() -> None:
    scale = load_scale()
    assert scale.codes["1213"].goldstein is None
    score = scale.for_code("1213")
    assert score.basis == "type_mean" and score.intensity == scale.type_mean("REJECT")
    assert scale.for_code("1212").basis == "cameo"


def test_the_type_mean_leaves_out_codes_without_a_value() -> None:
    scale = load_scale()
    reject = [c for c in scale.codes.values() if c.plover_type == "REJECT"]
    values = [c.goldstein for c in reject if c.goldstein is not None]
    assert len(values) < len(reject)
    assert scale.type_mean("REJECT") == pytest.approx(sum(values) / len(values), abs=0.005)


def test_event_types_take_their_cameo_codes_value() -> None:
    scale = load_scale()
    protest = scale.for_event("Protest")
    assert protest is not None and (protest.plover_type, protest.intensity, protest.basis) == (
        "PROTEST",
        -6.5,
        "cameo",
    )
    assert scale.for_event("Resignation") is None


def test_the_backfill_migration_holds_the_numbers_new_writes_get() -> None:
    text = (MIGRATIONS_DIR / "V0012__cooperation_scale.cypher").read_text(encoding="utf-8")
    found = {
        m.group(1): (m.group(2), float(m.group(3)))
        for m in re.finditer(r"(\w+): \['(\w+)', (-?[\d.]+)\]", text)
    }
    expected = {r["type"]: (r["quad_class"], r["intensity"]) for r in load_scale().type_scores()}
    assert found == expected


def test_the_writer_puts_quad_class_intensity_and_mode_on_interactions_only() -> None:
    from tests.api.conftest import world

    batch = build_batch(world())
    plover = [r for r in batch.relations if r["type"] in PLOVER_TYPES]
    structural = [r for r in batch.relations if r["type"] not in PLOVER_TYPES]
    assert plover and structural
    for row in plover:
        score = load_scale().for_type(row["type"])
        assert score is not None
        assert (row["quad_class"], row["intensity"], row["intensity_basis"]) == (
            score.quad_class,
            score.intensity,
            "type_mean",
        )
    assert all(r["quad_class"] is None and r["intensity"] is None for r in structural)
