"""Recall and precision of the pipeline on the development corpus, per relation type, the way event-data
coders measure (each emitted fact is right or wrong; each annotated fact is found or missed).

Matching, per article:
- an actor of the gold file matches an extracted entity when one of its spellings is one of the entity's
  names or aliases (case, accents and a possessive "'s" ignored);
- a relation matches when its type is the gold type or one of its `alt_types`, and source and target match
  (a relation to an election matches a gold target that is its country or a candidate not said to have lost)
  (either way round for CONSULT, COOPERATE and AGREE); an office (HOLDS_ROLE) matches on its name;
- facts are counted once per (type, source, target) in an article: the graph keeps one relationship for them;
- an emitted fact that matches an `optional` gold fact counts neither way.
Elections are found when one of the article's elections has the gold country, kind and date (at the
precision the extraction claims; a gold election with no country is matched on kind and date); a vote share
when that election gives the candidate the same share.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from unidecode import unidecode

from ingest.models import PLOVER_TYPES, STRUCTURAL_TYPES, ArticleExtraction, Entity, FuzzyDate, Relation
from quality.corpus import GoldArticle, GoldEntity, GoldEvent, GoldRelation

SYMMETRIC = frozenset({"CONSULT", "COOPERATE", "AGREE"})
# Extracted event types that stand for a gold Protest or Arrest.
EVENT_KINDS = {"Protest": {"Protest", "Strike", "Uprising", "Revolution"}, "Arrest": {"Arrest"}}


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", unidecode(text).lower().replace("'s", "").replace("\u2019s", "")).strip(" .")


@dataclass
class Tally:
    tp: int = 0  # emitted and right
    fp: int = 0  # emitted and wrong
    found: int = 0  # annotated and found
    total: int = 0  # annotated (not optional)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.found / self.total if self.total else None

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.found += other.found
        self.total += other.total


@dataclass
class Report:
    relations: dict[str, Tally] = field(default_factory=dict)
    elections_found: int = 0
    elections_dated: int = 0
    elections_total: int = 0
    shares_found: int = 0
    shares_total: int = 0
    events: dict[str, Tally] = field(default_factory=dict)
    alias_groups_merged: int = 0
    alias_groups_total: int = 0
    false_merges: list[str] = field(default_factory=list)
    claimed_right: int = 0
    claimed_total: int = 0
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def tally(self, types: tuple[str, ...]) -> Tally:
        out = Tally()
        for t in types:
            out.add(self.relations.get(t, Tally()))
        return out

    def table(self) -> str:
        def pct(value: float | None) -> str:
            return "   -" if value is None else f"{value:4.2f}"

        lines = [f"{'type':<12} {'P':>5} {'R':>5}   right/emitted  found/annotated"]
        for t in (*PLOVER_TYPES, *STRUCTURAL_TYPES):
            tl = self.relations.get(t)
            if tl is None or (tl.tp + tl.fp + tl.total) == 0:
                continue
            lines.append(
                f"{t:<12} {pct(tl.precision):>5} {pct(tl.recall):>5}   {tl.tp:>5}/{tl.tp + tl.fp:<7}  "
                f"{tl.found:>5}/{tl.total}"
            )
        inter = self.tally(PLOVER_TYPES)
        struct = self.tally(STRUCTURAL_TYPES)
        lines.append(
            f"{'interactions':<12} {pct(inter.precision):>5} {pct(inter.recall):>5}   "
            f"{inter.tp:>5}/{inter.tp + inter.fp:<7}  {inter.found:>5}/{inter.total}"
        )
        lines.append(
            f"{'structural':<12} {pct(struct.precision):>5} {pct(struct.recall):>5}   "
            f"{struct.tp:>5}/{struct.tp + struct.fp:<7}  {struct.found:>5}/{struct.total}"
        )
        for kind, tl in sorted(self.events.items()):
            lines.append(
                f"{kind + ' events':<12} {'':>5} {pct(tl.recall):>5}   {'':>13}  {tl.found:>5}/{tl.total}"
            )
        lines.append(
            f"elections found {self.elections_found}/{self.elections_total}, dated {self.elections_dated}; "
            f"vote shares {self.shares_found}/{self.shares_total}; "
            f"alias groups on one node {self.alias_groups_merged}/{self.alias_groups_total}, "
            f"false merges {len(self.false_merges)}; "
            f"claimed_by right {self.claimed_right}/{self.claimed_total}"
        )
        return "\n".join(lines)


def _surface(entity: Entity) -> set[str]:
    return {norm(entity.name), *(norm(a) for a in entity.aliases)}


class _Article:
    """One article's gold and extraction, with the actor matching both sides share."""

    def __init__(self, name: str, gold: GoldArticle, extraction: ArticleExtraction) -> None:
        self.name = name
        self.gold = gold
        self.ex = extraction
        self.entities = {e.id: e for e in extraction.entities}
        self.spellings = {g.name: {norm(s) for s in g.spellings()} for g in gold.entities}

    def matches(self, gold_name: str, entity_id: str | None) -> bool:
        ent = self.entities.get(entity_id or "")
        return ent is not None and bool(_surface(ent) & self.spellings.get(gold_name, {norm(gold_name)}))

    def relation_matches(self, g: GoldRelation, r: Relation) -> bool:
        if r.type not in g.types():
            return False
        if r.type == "HOLDS_ROLE":
            return self.matches(g.source, r.source) and self.office_matches(g.target, r.target)
        if r.target.startswith("election:"):
            # "X rejected the election": the gold names what was rejected by its country or its winner.
            return self.matches(g.source, r.source) and self.election_matches(g.target, r.target)
        if self.matches(g.source, r.source) and self.matches(g.target, r.target):
            return True
        return r.type in SYMMETRIC and self.matches(g.target, r.source) and self.matches(g.source, r.target)

    def election_matches(self, gold_target: str, election_id: str) -> bool:
        election = next((el for el in self.ex.elections if el.id == election_id), None)
        if election is None:
            return False
        return self.matches(gold_target, election.country) or any(
            self.matches(gold_target, res.participant) for res in election.results if res.won is not False
        )

    def office_matches(self, gold_office: str, office_id: str) -> bool:
        """The office "President of Türkiye" is the gold's "President of Turkey": the country part may be any
        spelling of the office's country."""
        office = self.entities.get(office_id)
        if office is None:
            return False
        wanted, found = _office_norm(gold_office), _office_norm(office.name)
        if wanted == found:
            return True
        country = self.entities.get(office.country or "")
        if country is None or not found.endswith(" of " + _office_norm(country.name)):
            return False
        title = found[: -len(_office_norm(country.name))]
        return wanted.startswith(title) and wanted[len(title) :] in {
            _office_norm(s) for s in _surface(country)
        }

    def describe(self, r: Relation) -> str:
        def name(entity_id: str) -> str:
            ent = self.entities.get(entity_id)
            return ent.name if ent else entity_id

        return f"{r.type} {name(r.source)} -> {name(r.target)} in {self.name}: {r.evidence.sentence[:160]!r}"


def _office_norm(text: str) -> str:
    return re.sub(r"\bthe ", "", norm(text))


def _date_matches(found: FuzzyDate | None, gold_day: str | None) -> bool:
    if found is None or gold_day is None:
        return False
    value = found.value
    return value == gold_day or gold_day.startswith(value + "-") or value.startswith(gold_day + "-")


def _score_relations(a: _Article, report: Report) -> None:
    # One fact per (type, source, target): the graph keeps one relationship for them, so counting each
    # sentence would weigh a repeated fact more than a single one.
    # A meeting of A and B told as A->B and B->A is one meeting.
    emitted: dict[tuple[str, str, str], Relation] = {}
    for r in a.ex.relations:
        if r.type in SYMMETRIC and (r.type, r.target, r.source) in emitted:
            continue
        emitted.setdefault((r.type, r.source, r.target), r)
    gold = {(g.type, g.source, g.target): g for g in a.gold.relations}.values()
    used: set[tuple[str, str, str]] = set()
    for g in gold:
        hit = next((k for k, r in emitted.items() if k not in used and a.relation_matches(g, r)), None)
        tally = report.relations.setdefault(g.type, Tally())
        if hit is not None:
            used.add(hit)
            if not g.optional:
                tally.found += 1
                tally.total += 1
                report.relations.setdefault(emitted[hit].type, Tally()).tp += 1
                if g.claimed_by or emitted[hit].claimed_by:
                    report.claimed_total += 1
                    report.claimed_right += int(a.matches(g.claimed_by or "", emitted[hit].claimed_by))
        elif not g.optional:
            tally.total += 1
            report.misses.append(f"{g.type} {g.source} -> {g.target} in {a.name}: {g.evidence!r}")
    for key, r in emitted.items():
        if key in used:
            continue
        report.relations.setdefault(r.type, Tally()).fp += 1
        report.wrong.append(a.describe(r))


def _score_elections(a: _Article, report: Report) -> None:
    for ev in a.gold.events:
        if ev.type != "Election":
            continue
        report.elections_total += 1
        # A gold election whose text names no country ("country" left out) is matched on kind and date: the
        # country the pipeline infers for it is not judged, its candidates' shares are.
        same = [
            el
            for el in a.ex.elections
            if (ev.country is None or a.matches(ev.country, el.country)) and el.kind == ev.kind
        ]
        dated = [el for el in same if _date_matches(el.date, ev.date)]
        if same:
            report.elections_found += 1
        if dated:
            report.elections_dated += 1
        if not dated:
            report.misses.append(f"election {ev.country} {ev.kind} {ev.date} in {a.name}")
        for res in ev.results:
            if res.vote_share is None:
                continue
            report.shares_total += 1
            ok = any(
                r.vote_share is not None
                and abs(r.vote_share - res.vote_share) < 0.051
                and a.matches(res.who, r.participant)
                for el in same
                for r in el.results
            )
            report.shares_found += int(ok)
            if not ok:
                report.misses.append(
                    f"vote share {res.who} {res.vote_share} ({ev.country} {ev.date}) in {a.name}"
                )


def _score_events(a: _Article, report: Report) -> None:
    for ev in a.gold.events:
        kinds = EVENT_KINDS.get(ev.type)
        if kinds is None:
            continue
        tally = report.events.setdefault(ev.type, Tally())
        tally.total += 1
        if any(
            e.type in kinds and _event_matches(a, ev, e.counts, e.location, e.country) for e in a.ex.events
        ):
            tally.found += 1
        else:
            report.misses.append(f"{ev.type} event ({ev.location or ev.country}, {ev.date}) in {a.name}")


def _event_matches(
    a: _Article, gold: GoldEvent, counts: dict[str, int], location: str | None, country: str | None
) -> bool:
    if gold.location and location and not a.matches(gold.location, location):
        return False
    if (
        gold.country
        and country
        and not (a.matches(gold.country, country) or a.matches(gold.country, location))
    ):
        return False
    number = gold.count if gold.type == "Arrest" else gold.size
    # One named person's arrest carries no count: the person is its participant.
    return number is None or number in counts.values() or (number == 1 and not counts)


def _score_aliases(a: _Article, report: Report) -> None:
    by_type: dict[str, list[GoldEntity]] = {}
    for g in a.gold.entities:
        by_type.setdefault(g.type, []).append(g)
    for g in a.gold.entities:
        if not g.aliases:
            continue
        report.alias_groups_total += 1
        holders = [
            e for e in a.entities.values() if e.type.value == g.type and _surface(e) & a.spellings[g.name]
        ]
        if len(holders) == 1 and a.spellings[g.name] <= _surface(holders[0]):
            report.alias_groups_merged += 1
        else:
            report.misses.append(
                f"aliases of {g.name} ({sorted(g.spellings())}) on {[h.name for h in holders]} in {a.name}"
            )
    for e in a.entities.values():
        owners = {g.name for g in by_type.get(e.type.value, []) if _surface(e) & a.spellings[g.name]}
        if len(owners) > 1:
            report.false_merges.append(f"{e.name} holds {sorted(owners)} in {a.name}")


def score(gold: dict[str, GoldArticle], extractions: dict[str, ArticleExtraction]) -> Report:
    """`extractions` maps an article's file name to its extraction (one run, so entity ids are shared)."""
    report = Report()
    for name, g in sorted(gold.items()):
        ex = extractions.get(name)
        if ex is None:
            report.misses.append(f"{name}: no extraction")
            continue
        a = _Article(name, g, ex)
        _score_relations(a, report)
        _score_elections(a, report)
        _score_events(a, report)
        _score_aliases(a, report)
    return report


def type_counts(gold: dict[str, GoldArticle]) -> Counter[str]:
    return Counter(r.type for g in gold.values() for r in g.relations if not r.optional)
