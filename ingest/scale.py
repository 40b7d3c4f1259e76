"""Where an interaction sits between cooperation and conflict: its quad class and a Goldstein intensity.

The numbers are data (data/scales/): the published CAMEO Goldstein table joined to the PLOVER authors' CAMEO
-> PLOVER table, and the four quad classes of CAMEO's roots, which give each PLOVER type the class of its
codes. A relation does not carry the CAMEO code of the verb or noun that coded it (the lexicon's senses keep
only the PLOVER type and mode), so an interaction's intensity is the mean of the published values of the CAMEO
codes PLOVER files under its type, marked `type_mean`. An event type that stands for one CAMEO code (a
protest: 141) takes that code's value, marked `cameo`.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from statistics import fmean

import yaml

from ingest.models import PLOVER_TYPES

SCALES = Path(__file__).resolve().parent.parent / "data" / "scales"
GOLDSTEIN_TABLE = SCALES / "cameo_goldstein.tsv"
PLOVER_SCALE = SCALES / "plover_scale.yaml"

QUAD_CLASSES: tuple[str, ...] = (
    "verbal_cooperation",
    "material_cooperation",
    "verbal_conflict",
    "material_conflict",
)


@dataclass(frozen=True)
class CameoCode:
    code: str
    goldstein: float | None  # None: the published table has no value for the code
    plover_type: str
    description: str


@dataclass(frozen=True)
class Score:
    """What the graph and the exports carry for one interaction or event."""

    plover_type: str
    quad_class: str
    quad_code: int
    intensity: float
    basis: str  # "cameo": the value of `cameo`; "type_mean": the mean over the type's codes
    cameo: str | None = None


@dataclass(frozen=True)
class Scale:
    codes: dict[str, CameoCode]
    quad_of_type: dict[str, str]
    quad_codes: dict[str, int]
    event_codes: dict[str, str]  # polgraph Event type -> CAMEO code
    means: dict[str, float] = field(default_factory=dict)  # filled once: the writer asks for every relation

    def type_mean(self, plover_type: str) -> float:
        if plover_type not in self.means:
            values = [
                c.goldstein
                for c in self.codes.values()
                if c.plover_type == plover_type and c.goldstein is not None
            ]
            if not values:
                raise KeyError(f"no CAMEO code with a Goldstein value is filed under {plover_type!r}")
            self.means[plover_type] = round(fmean(values), 2)
        return self.means[plover_type]

    def for_type(self, plover_type: str) -> Score | None:
        """A relation's score from its PLOVER type alone; None for a structural relation (MEMBER_OF …)."""
        quad = self.quad_of_type.get(plover_type)
        if quad is None:
            return None
        return Score(plover_type, quad, self.quad_codes[quad], self.type_mean(plover_type), "type_mean")

    def for_code(self, code: str) -> Score:
        """A CAMEO code's own value; a code the published table has no value for falls back to its type's
        mean, and says so in `basis`."""
        entry = self.codes[code]
        quad = self.quad_of_type[entry.plover_type]
        if entry.goldstein is None:
            mean = self.type_mean(entry.plover_type)
            return Score(entry.plover_type, quad, self.quad_codes[quad], mean, "type_mean", code)
        return Score(entry.plover_type, quad, self.quad_codes[quad], entry.goldstein, "cameo", code)

    def for_event(self, event_type: str) -> Score | None:
        code = self.event_codes.get(event_type)
        return None if code is None else self.for_code(code)

    def type_scores(self) -> list[dict[str, object]]:
        """Every PLOVER type's quad class and mean intensity, as rows for Cypher's parameters."""
        rows: list[dict[str, object]] = []
        for ptype in self.quad_of_type:
            score = self.for_type(ptype)
            assert score is not None
            rows.append(
                {
                    "type": ptype,
                    "quad_class": score.quad_class,
                    "quad_code": score.quad_code,
                    "intensity": score.intensity,
                }
            )
        return rows


def _read_codes(path: Path) -> dict[str, CameoCode]:
    with path.open(encoding="utf-8") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    codes: dict[str, CameoCode] = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        value = row["goldstein"].strip()
        codes[row["cameo"]] = CameoCode(
            code=row["cameo"],
            goldstein=float(value) if value else None,
            plover_type=row["plover_type"],
            description=row["description"],
        )
    return codes


@cache
def load_scale() -> Scale:
    codes = _read_codes(GOLDSTEIN_TABLE)
    spec = yaml.safe_load(PLOVER_SCALE.read_text(encoding="utf-8"))
    quad_codes: dict[str, int] = {}
    quad_of_root: dict[str, str] = {}
    for quad in QUAD_CLASSES:
        entry = spec["quad_classes"][quad]
        quad_codes[quad] = int(entry["code"])
        quad_of_root.update({str(root): quad for root in entry["cameo_roots"]})
    quads_of_type: dict[str, set[str]] = {}
    for entry in codes.values():
        quads_of_type.setdefault(entry.plover_type, set()).add(quad_of_root[entry.code[:2]])
    if sorted(quads_of_type) != sorted(PLOVER_TYPES):
        raise KeyError(f"{GOLDSTEIN_TABLE.name} does not file codes under exactly PLOVER's types")
    split = {t: sorted(q) for t, q in quads_of_type.items() if len(q) != 1}
    if split:
        raise ValueError(f"{GOLDSTEIN_TABLE.name}: types whose CAMEO codes fall in two quad classes: {split}")
    quad_of_type = {ptype: next(iter(quads_of_type[ptype])) for ptype in PLOVER_TYPES}
    events = {str(k): str(v) for k, v in spec["event_types"].items()}
    unknown = sorted(code for code in events.values() if code not in codes)
    if unknown:
        raise KeyError(
            f"{PLOVER_SCALE.name}: event types name CAMEO codes not in {GOLDSTEIN_TABLE.name}: {unknown}"
        )
    return Scale(codes=codes, quad_of_type=quad_of_type, quad_codes=quad_codes, event_codes=events)
