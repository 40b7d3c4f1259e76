"""Several elections that are one (same country and kind, compatible dates) merged into one, and the
evidence and relations they share counted once."""

from __future__ import annotations

from datetime import date

from ingest.facts.elections.clusters import current, dates_compatible, more_precise
from ingest.facts.elections.mentions import Cluster
from ingest.facts.elections.phrases import election_id
from ingest.facts.elections.results import add_result
from ingest.models import Election, ElectionResult, Evidence, FuzzyDate, Relation


def unique_evidence(items: list[Evidence]) -> list[Evidence]:
    seen: set[tuple[int, str]] = set()
    out = []
    for ev in items:
        key = (ev.start_char, ev.article_id)
        if key not in seen:
            seen.add(key)
            out.append(ev)
    return out


def dedupe_relations(relations: list[Relation]) -> list[Relation]:
    seen: set[tuple[str, str, str, int, str]] = set()
    out = []
    for r in relations:
        key = (r.type, r.source, r.target, r.evidence.start_char, str(r.attributes.get("allegation", "")))
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def merge_elections(
    elections: list[Election], published: date | None = None
) -> tuple[list[Election], dict[str, str]]:
    """One Election per (country, kind, compatible date): the most precise date wins; results are unioned by
    participant, evidence and allegations concatenated. Returns the merged list and old id -> new id for the
    ids that changed."""
    groups: list[list[Election]] = []
    # Most precise dates first so that month- and year-level mentions fold into the day they contain.
    order = sorted(
        elections,
        key=lambda e: (
            e.country,
            e.kind,
            -(len(e.date.value) if e.date else 0),
            e.date.value if e.date else "",
        ),
    )
    for el in order:
        same = [g for g in groups if g[0].country == el.country and g[0].kind == el.kind]
        home = None
        if el.date is None:
            # An undated mention is that election only when the country held one of this kind, lately: within
            # one article, not an earlier one it recalls nor a runoff still to come.
            dated = [g for g in same if g[0].date is not None and current(g[0].date, published)]
            undated = [g for g in same if g[0].date is None]
            home = dated[0] if len(dated) == 1 else (undated[0] if undated else None)
        else:
            home = next((g for g in same if all(dates_compatible(x.date, el.date) for x in g)), None)
        if home is None:
            groups.append([el])
        else:
            home.append(el)
    merged: list[Election] = []
    mapping: dict[str, str] = {}
    for g in groups:
        when: FuzzyDate | None = None
        for el in g:
            when = more_precise(when, el.date)
        base = g[0]
        new_id = election_id(base.country, base.kind, when)
        results: dict[str, ElectionResult] = {}
        holder = Cluster(country=base.country, kind=base.kind, date=when, results=results)
        allegations: list[str] = []
        evidence: list[Evidence] = []
        annulled: bool | None = None
        turnout: float | None = None
        for el in g:
            for r in el.results:
                add_result(holder, r)
            allegations.extend(a for a in el.allegations if a not in allegations)
            evidence.extend(el.evidence)
            annulled = True if el.annulled else (annulled if annulled is not None else el.annulled)
            turnout = turnout if turnout is not None else el.turnout
            if el.id != new_id:
                mapping[el.id] = new_id
        merged.append(
            Election(
                id=new_id,
                country=base.country,
                kind=base.kind,
                date=when,
                annulled=annulled,
                turnout=turnout,
                results=list(holder.results.values()),
                allegations=allegations,
                evidence=unique_evidence(evidence),
            )
        )
    # Elections that merged into one id but were listed twice (same id) are one now.
    by_id: dict[str, Election] = {}
    for el in merged:
        by_id.setdefault(el.id, el)
    return list(by_id.values()), mapping
