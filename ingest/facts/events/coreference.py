"""Mentions of one happening, across an article's sentences, become one event."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from ingest.facts.events.lexicon import lexicon
from ingest.ids import short_hash
from ingest.models import Event, FuzzyDate


@dataclass
class Mention:
    event: Event
    position: int  # char offset of the trigger
    types: Counter[str] = field(default_factory=Counter)
    definite: bool = False  # "the uprising", "this violence": refers back to an event already told
    positions: list[int] = field(default_factory=list)
    members: list[Event] = field(default_factory=list)  # every telling merged into this one

    @property
    def anchored(self) -> bool:
        ev = self.event
        return bool(ev.date or ev.location or ev.participants or ev.counts or ev.name)


def _family(etype: str) -> str:
    for fam, members in lexicon().raw.get("families", {}).items():
        if etype in members:
            return str(fam)
    return etype


def _dates_close(a: FuzzyDate | None, b: FuzzyDate | None) -> bool:
    if a is None or b is None:
        return True
    if a.value.startswith(b.value) or b.value.startswith(a.value):
        return True
    if a.precision == b.precision == "day":
        return abs((a.start() - b.start()).days) <= int(lexicon().raw.get("max_days_apart", 0))
    return False


def _persons(ev: Event) -> set[str]:
    return {p.entity for p in ev.participants if p.role == "person"}


def _places(c: Mention) -> set[str]:
    return {e.location for e in c.members if e.location}


def _compatible(c: Mention, m: Mention) -> bool:
    a, b = c.event, m.event
    if _family(a.type) != _family(b.type):
        return False
    if a.status != b.status and not (a.date and b.date and a.date.value == b.date.value):
        return False
    if not _dates_close(a.date, b.date):
        return False
    # One event may spread from town to town over a few days, and "the rally" may name the square it was
    # held on; otherwise two places are two events.
    places = _places(c)
    if b.location and places and b.location not in places and not (a.date and b.date) and not m.definite:
        return False
    if a.country and b.country and a.country != b.country:
        return False
    if any(k in b.counts and b.counts[k] != v for k, v in a.counts.items()):
        return False
    if a.name and b.name and a.name != b.name:
        return False
    pa, pb = _persons(a), _persons(b)
    return not (pa and pb and not pa & pb)


def _shares_anchor(c: Mention, b: Event) -> bool:
    a = c.event
    if b.location and b.location in _places(c):
        return True
    if {p.entity for p in a.participants} & {p.entity for p in b.participants}:
        return True
    return any(b.counts.get(k) == v for k, v in a.counts.items())


def _absorb(base: Mention, other: Mention) -> None:
    a, b = base.event, other.event
    parts = list(a.participants)
    for p in b.participants:
        if p not in parts:
            parts.append(p)
    base.types.update(other.types)
    base.positions.extend(other.positions)
    base.members.extend(other.members)
    base.definite = base.definite and other.definite
    # Where and when it began: the most precise date, the earliest of equally precise ones, and the place
    # told with that date.
    dated = [e for e in base.members if e.date is not None]
    first = (
        min(dated, key=lambda e: (-len(e.date.value), e.date.start()) if e.date else (0, date.min))
        if dated
        else a
    )
    location = first.location or a.location or b.location
    country = first.country if first.location else (a.country if a.location or not b.location else b.country)
    # The telling with the most detail is the evidence kept; on a tie, the one that dates the event.
    evidence = max(base.members, key=lambda e: (_richness(e), e is first)).evidence
    base.event = a.model_copy(
        update={
            "name": a.name or b.name,
            "date": first.date if dated else None,
            "location": location,
            "country": country,
            "participants": parts,
            "counts": {**b.counts, **a.counts},
            "status": "occurred" if "occurred" in (a.status, b.status) else "announced",
            "evidence": evidence,
        }
    )


def _richness(ev: Event) -> int:
    score = 3 * (len(ev.date.value) // 3 if ev.date else 0)
    return score + 2 * bool(ev.location) + len(ev.participants) + len(ev.counts) + 3 * bool(ev.name)


def settle_type(m: Mention) -> Event:
    order = [str(t) for t in lexicon().raw.get("type_precedence", [])]
    named = m.event.name is not None
    best = min(
        m.types,
        key=lambda t: (
            not (named and t in ("Revolution", "Uprising", "Coup")),
            -m.types[t],
            order.index(t) if t in order else len(order),
        ),
    )
    ev = m.event
    return ev.model_copy(
        update={
            "type": best,
            "id": "event:" + short_hash(ev.evidence.article_id, best, str(min(m.positions))),
        }
    )


def corefer(mentions: list[Mention]) -> list[Mention]:
    """Mentions of one happening become one event. Dated mentions found the events; undated ones join the
    compatible event they share an anchor with, else the one of the same type told most recently before
    them; an undated mention with nothing to join stands alone only when it is anchored."""
    clusters: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.event.date is None, m.position)):
        options = [c for c in clusters if _compatible(c, m)]
        if m.event.date is not None:
            # Dated mentions join only a cluster with a date they fit, or one sharing an anchor.
            options = [c for c in options if c.event.date is not None or _shares_anchor(c, m.event)]
        if options:

            def score(c: Mention, m: Mention = m) -> tuple[int, int, int, int]:
                before = [p for p in c.positions if p <= m.position]
                return (
                    _shares_anchor(c, m.event),
                    bool(set(c.types) & set(m.types)),
                    bool(before),
                    max(before) if before else -min(c.positions),
                )

            best = max(options, key=score)
            same_type = bool(set(best.types) & set(m.types))
            # An undated mention refers back to a compatible event when it shares an anchor with it or names
            # the same kind of event; an anchored mention of another kind is another event.
            joins = m.event.date is not None or _shares_anchor(best, m.event) or same_type
            if joins:
                _absorb(best, m)
                continue
        clusters.append(m)
    return sorted(clusters, key=lambda c: min(c.positions))
