"""Scores `polgraph extract` output against the hand-annotated facts of ../shared/gold/seeds.yaml.

Names in the gold file are canonical spellings that need not occur in the text, so a gold actor matches an
extracted entity when any of its spellings (name or aliases) is one of the entity's names or aliases.

Some gold dates are more precise than the text ("the October 2020 parliamentary elections" is
2020-10-04 in the gold file): an extracted date matches when it equals the gold date, or is the gold date's
month or year at the precision the extraction claims. A day-precision date must be the gold day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from unidecode import unidecode

from ingest.models import ArticleExtraction, Entity, FuzzyDate


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", unidecode(text).lower().replace("'s", "")).strip(" .")


@dataclass
class Scores:
    entities_found: int = 0
    entities_total: int = 0
    alias_lists_whole: int = 0
    alias_lists_total: int = 0
    not_entities_seen: list[str] = field(default_factory=list)
    relations_found: int = 0
    relations_total: int = 0
    elections_found: int = 0
    elections_total: int = 0
    vote_shares_found: int = 0
    vote_shares_total: int = 0
    misses: list[str] = field(default_factory=list)

    def ratio(self, a: int, b: int) -> float:
        return a / b if b else 1.0

    def report(self) -> str:
        return (
            f"entities with right type {self.entities_found}/{self.entities_total} "
            f"({self.ratio(self.entities_found, self.entities_total):.0%}); "
            f"alias lists on one node {self.alias_lists_whole}/{self.alias_lists_total}; "
            f"not_entities seen {self.not_entities_seen}; "
            f"relations {self.relations_found}/{self.relations_total} "
            f"({self.ratio(self.relations_found, self.relations_total):.0%}); "
            f"elections with date {self.elections_found}/{self.elections_total}; "
            f"vote shares {self.vote_shares_found}/{self.vote_shares_total}"
        )


def date_matches(found: FuzzyDate | None, gold_day: str) -> bool:
    if found is None:
        return False
    if found.precision == "day":
        return found.value == gold_day
    return gold_day.startswith(found.value + "-")


def load_gold(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def surface(entity: Entity) -> set[str]:
    return {norm(entity.name), *(norm(a) for a in entity.aliases)}


def score(gold: dict[str, Any], extractions: dict[str, ArticleExtraction]) -> Scores:
    """`extractions` maps the seed file name to its extraction (all from one run, so ids are shared)."""
    s = Scores()
    entities: dict[str, Entity] = {}
    for ex in extractions.values():
        for ent in ex.entities:
            if ent.id in entities:
                merged = entities[ent.id]
                merged.aliases = sorted(set(merged.aliases) | set(ent.aliases))
            else:
                entities[ent.id] = ent.model_copy(deep=True)
    gold_spellings: dict[str, set[str]] = {}
    for g in gold["entities"]:
        spellings = {norm(g["name"]), *(norm(a) for a in g.get("aliases", []))}
        gold_spellings[g["name"]] = spellings
        s.entities_total += 1
        hits = [e for e in entities.values() if e.type.value == g["type"] and surface(e) & spellings]
        if hits:
            s.entities_found += 1
        else:
            s.misses.append(f"entity {g['name']} ({g['type']})")
        if g.get("aliases"):
            s.alias_lists_total += 1
            holders = {e.id for e in entities.values() if surface(e) & spellings}
            # Exactly one node of the actor's type may carry its spellings (two Person nodes for one man is a
            # split). A node of another type sharing a spelling is a different real thing: "gone to Moscow"
            # is the city, "Moscow has denied" is Russia.
            rivals = [h for h in holders if entities[h].type.value == g["type"]]
            if len(rivals) == 1:
                s.alias_lists_whole += 1
                lacking = spellings - surface(entities[rivals[0]])
                if lacking:
                    s.misses.append(f"(info) {g['name']} node lacks spellings {sorted(lacking)}")
            else:
                s.misses.append(f"aliases of {g['name']} on {sorted(holders) or 'no node'}")
    for bad in gold.get("not_entities", []):
        if any(norm(bad) in surface(e) for e in entities.values()):
            s.not_entities_seen.append(bad)

    def matches(gold_name: str, entity_id: str | None) -> bool:
        ent = entities.get(entity_id or "")
        spellings = gold_spellings.get(gold_name, {norm(gold_name)})
        return ent is not None and bool(surface(ent) & spellings)

    for g in gold["relations"]:
        s.relations_total += 1
        article = extractions.get(g["article"])
        found = False
        if article is not None:
            for rel in article.relations:
                if rel.type != g["type"] or not matches(g["source"], rel.source):
                    continue
                target = str(g["target"])
                if target.startswith("Election:"):
                    _, country, day = target.split(":", 2)
                    found = any(
                        el.id == rel.target and matches(country, el.country) and date_matches(el.date, day)
                        for el in article.elections
                    )
                elif g["type"] == "HOLDS_ROLE":
                    office = entities.get(rel.target)
                    found = office is not None and norm(office.name) == norm(target)
                else:
                    found = matches(target, rel.target)
                if found:
                    break
        if found:
            s.relations_found += 1
        else:
            s.misses.append(f"relation {g['type']} {g['source']} -> {g['target']} in {g['article']}")

    for g in gold["events"]:
        if g["type"] != "Election":
            continue
        s.elections_total += 1
        day = str(g["date"])
        candidates = [
            el
            for name in g["articles"]
            if name in extractions
            for el in extractions[name].elections
            if matches(g["country"], el.country) and el.kind == g["kind"] and date_matches(el.date, day)
        ]
        if candidates:
            s.elections_found += 1
        else:
            s.misses.append(f"election {g['country']} {g['kind']} {day}")
        for res in g.get("results", []):
            share = res.get("vote_share")
            if share is None:
                continue
            s.vote_shares_total += 1
            who = res.get("candidate") or res.get("party")
            ok = any(
                r.vote_share is not None
                and abs(r.vote_share - float(share)) < 0.01
                and matches(who, r.participant)
                for el in candidates
                for r in el.results
            )
            if ok:
                s.vote_shares_found += 1
            else:
                s.misses.append(f"vote share {who} {share} in {g['country']} {day}")
    return s
