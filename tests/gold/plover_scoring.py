"""Scoring of PLOVER interactions against hand-coded sentences (one JSON object per line: text, event,
source[].text, target[].text).

    .venv/bin/python -m tests.gold.plover_scoring [FILE]

Type accuracy: the sentence's coded event type is among the types of the relations found in it, or among
the PLOVER types of the events found in it (EVENT_PLOVER: a protest or an arrest is often told as an event
with participants rather than as a relation between two actors).
Type+actors accuracy: a relation (or an event read as one, see `event_relations`) of that type whose source
and target entities (name or any alias) match a coded source text and a coded target text; when no target is
coded, a matching source suffices.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from unidecode import unidecode

from ingest.models import Entity, Event, Relation

DEV_FILE = Path(__file__).resolve().parents[3] / "shared" / "gold" / "plover_dev.jsonl"
Predict = Callable[[list[dict[str, Any]]], list[tuple[list[Relation], dict[str, Entity]]]]

# The PLOVER type an event stands for. Uprisings and revolutions are crowds acting against a government, which
# PLOVER codes as PROTEST (MOBILIZE is reserved for armed forces put on alert); coups and resignations have no
# PLOVER counterpart between two actors.
EVENT_PLOVER = {
    "Protest": "PROTEST",
    "Strike": "PROTEST",
    "Uprising": "PROTEST",
    "Revolution": "PROTEST",
    "Arrest": "COERCE",
    "Clash": "ASSAULT",
    "Attack": "ASSAULT",
    "Killing": "ASSAULT",
}
# Participant roles that act in the event (the source) and that undergo it (the target).
ACTING_ROLES = {"organizer", "participant", "perpetrator"}
UNDERGOING_ROLES = {"target", "person"}


def event_relations(event: Event) -> list[Relation]:
    """An event read as PLOVER relations: each acting participant towards each undergoing one.

    An event with actors but no one undergoing it becomes self-relations (source == target) so that a coded
    sentence without a target can still match on its source.
    """
    ptype = EVENT_PLOVER.get(event.type)
    if ptype is None:
        return []
    acting = [p.entity for p in event.participants if p.role in ACTING_ROLES]
    undergoing = [p.entity for p in event.participants if p.role in UNDERGOING_ROLES]
    if event.type == "Arrest":
        # The arresting side is the state the arrest happened in when the text names no one.
        acting = acting or ([event.country] if event.country else [])
    pairs = [(a, u) for a in acting for u in undergoing] or [(a, a) for a in acting]
    if not pairs:
        pairs = [("", "")]
    return [Relation(type=ptype, source=a, target=u, evidence=event.evidence) for a, u in pairs]


@dataclass
class Scores:
    total: int = 0
    type_hits: int = 0
    full_hits: int = 0
    per_type: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    misses: list[str] = field(default_factory=list)

    @property
    def type_accuracy(self) -> float:
        return self.type_hits / self.total if self.total else 0.0

    @property
    def full_accuracy(self) -> float:
        return self.full_hits / self.total if self.total else 0.0

    def report(self) -> str:
        lines = [
            f"sentences: {self.total}",
            f"event type accuracy: {self.type_accuracy:.3f} ({self.type_hits})",
            f"type+source+target accuracy: {self.full_accuracy:.3f} ({self.full_hits})",
        ]
        for ptype, (n, t, f) in sorted(self.per_type.items()):
            lines.append(f"  {ptype:<10} n={n:<3} type={t / n:.2f} full={f / n:.2f}")
        return "\n".join(lines)


def load_items(path: Path = DEV_FILE) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _norm(text: str) -> str:
    text = unidecode(text).lower()
    text = re.sub(r"^(the|a|an)\s+", "", text)
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def names_match(names: list[str], gold_text: str) -> bool:
    """A name matches a coded actor text when one contains the other as whole words."""
    gold = f" {_norm(gold_text)} "
    for name in names:
        n = _norm(name)
        if len(n) < 2:
            continue
        if f" {n} " in gold or (len(gold.strip()) > 2 and gold in f" {n} "):
            return True
    return False


def _entity_names(entities: dict[str, Entity], eid: str) -> list[str]:
    ent = entities.get(eid)
    if ent is None:
        return [eid.split(":", 1)[-1].replace("-", " ")]
    return [ent.name, *ent.aliases]


def score(items: list[dict[str, Any]], predict: Predict) -> Scores:
    scores = Scores()
    for item, (relations, entities) in zip(items, predict(items), strict=True):
        gold_type = item["event"]
        sources = [s["text"] for s in item.get("source", []) if s.get("text")]
        targets = [t["text"] for t in item.get("target", []) if t.get("text")]
        typed = [r for r in relations if r.type == gold_type]
        type_hit = bool(typed)
        full_hit = False
        for rel in typed:
            src_ok = bool(rel.source) and any(
                names_match(_entity_names(entities, rel.source), s) for s in sources
            )
            tgt_ok = not targets or (
                rel.target != rel.source
                and any(names_match(_entity_names(entities, rel.target), t) for t in targets)
            )
            if src_ok and tgt_ok:
                full_hit = True
                break
        scores.total += 1
        scores.type_hits += type_hit
        scores.full_hits += full_hit
        row = scores.per_type[gold_type]
        row[0] += 1
        row[1] += type_hit
        row[2] += full_hit
        if not full_hit:
            found = sorted({(r.type, r.source, r.target) for r in relations})
            which = "actors" if type_hit else "type"
            scores.misses.append(f"{item['id']} ({which}) {gold_type} {sources}->{targets}: {found}")
    return scores


def pipeline_predict(items: list[dict[str, Any]]) -> list[tuple[list[Relation], dict[str, Entity]]]:
    """Each sentence as its own article through the real ingest pipeline: its relations and its events read
    as relations (`event_relations`)."""
    from ingest.models import RawArticle
    from ingest.pipeline import Pipeline
    from polgraph.settings import Settings

    pipeline = Pipeline(Settings())
    raws = [RawArticle(source_path=item["id"], text=item["text"]) for item in items]
    extractions, _errors = pipeline.extract_batch(raws)
    by_path = {ex.article.source_path: ex for ex in extractions}
    out: list[tuple[list[Relation], dict[str, Entity]]] = []
    for item in items:
        ex = by_path.get(item["id"])
        if ex is None:
            out.append(([], {}))
        else:
            from_events = [r for ev in ex.events for r in event_relations(ev)]
            out.append((ex.relations + from_events, {e.id: e for e in ex.entities}))
    return out


def main(argv: list[str]) -> None:
    files = [a for a in argv if not a.startswith("-")]
    path = Path(files[0]) if files else DEV_FILE
    scores = score(load_items(path), pipeline_predict)
    print("predicted types: relation types plus PLOVER types of the events found in the sentence")
    print("event mapping: " + ", ".join(f"{k}->{v}" for k, v in EVENT_PLOVER.items()))
    print(scores.report())
    if "-v" in argv:
        print("\n".join(scores.misses))


if __name__ == "__main__":
    main(sys.argv[1:])
