"""The grouping of an article's election mentions into the elections they are: one per country, kind and
compatible date, an undated "the vote" joining the election the article is reporting."""

from __future__ import annotations

from datetime import date
from typing import cast

from spacy.tokens import Span

from ingest.facts.context import FactContext
from ingest.facts.dates import doc_text
from ingest.facts.elections.mentions import Cluster, Kind, Mention, kind_from_text
from ingest.models import FuzzyDate


def _told_now(sent: Span) -> bool:
    """Whether a sentence's main verb is in the present or the present perfect ("has won", "leads")."""
    root = sent.root
    tags = [root.tag_, *(c.tag_ for c in root.children if c.dep_ in ("aux", "auxpass"))]
    return root.pos_ in ("VERB", "AUX") and any(t in ("VBZ", "VBP") for t in tags) and "MD" not in tags


def dates_compatible(a: FuzzyDate | None, b: FuzzyDate | None) -> bool:
    """Same day, or one date is a month/year that contains the other."""
    if a is None or b is None:
        return True
    return a.value.startswith(b.value) or b.value.startswith(a.value)


def current(when: FuzzyDate | None, published: date | None) -> bool:
    """Whether an election may be the one an undated "the vote" speaks of: not one still to come, nor one
    more than a year before the article ("the 2014 election" in a report of this week's count)."""
    if when is None or published is None:
        return True
    if when.value > published.isoformat()[: len(when.value)]:
        return False
    # A year alone counts from its last month: "the 2023 election" is recent in an article of 2024.
    month = int(when.value[5:7]) if len(when.value) >= 7 else 12
    months_before = (published.year - int(when.value[:4])) * 12 + published.month - month
    return months_before <= 12


def more_precise(a: FuzzyDate | None, b: FuzzyDate | None) -> FuzzyDate | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if len(a.value) >= len(b.value) else b


def cluster_mentions(ctx: FactContext, mentions: list[Mention]) -> list[Cluster]:
    default_country = ctx.main_country
    clusters: list[Cluster] = []
    # Kinds first from the mentions that state one; a bare "the vote" joins the article's election nearby.
    last_kind: Kind | None = None
    for m in mentions:
        if m.kind is not None:
            last_kind = m.kind
    # "the October election" is the October 2020 parliamentary election the article named before, whatever
    # other kinds its sentence talks about.
    for m in mentions:
        if m.phrase_kind or m.date is None:
            continue
        same_date = [
            p for p in mentions if p.phrase_kind and p.date is not None and dates_compatible(p.date, m.date)
        ]
        kinds = {p.kind for p in same_date}
        if len(kinds) == 1:
            m.kind = same_date[0].kind
    # "the vote", told in a sentence that also names an observer's or a refuge's country ("X, who fled to Y
    # after the vote"), is still the election the article was speaking of; a country named in the election's
    # own phrase, or the article's own, starts another.
    previous: str | None = None
    for m in mentions:
        if not m.phrase_country and m.country not in (None, default_country) and previous is not None:
            m.country = previous
        previous = m.country or previous
    for i, m in enumerate(mentions):
        if m.kind is None:
            # A chronology's lines are different elections: a dated mention takes a neighbour's kind only
            # when their dates agree.
            prev = next(
                (p.kind for p in reversed(mentions[:i]) if p.kind and dates_compatible(p.date, m.date)), None
            )
            nxt = next(
                (p.kind for p in mentions[i + 1 :] if p.kind and dates_compatible(p.date, m.date)), None
            )
            m.kind = prev or nxt or last_kind or kind_from_text(doc_text(ctx.doc)) or "other"
        if m.country is None:
            # A bare "the vote" continues the election the article was just talking about.
            prev_c = next((p.country for p in reversed(mentions[:i]) if p.country), None)
            next_c = next((p.country for p in mentions[i + 1 :] if p.country), None)
            m.country = prev_c or next_c or default_country
    # Dated mentions found clusters; undated ones join the nearest compatible cluster.
    ordered = sorted(mentions, key=lambda m: (m.date is None, m.token.idx))
    for m in ordered:
        if m.country is None:
            continue
        kind = cast(Kind, m.kind)
        candidates = [
            (ci, c)
            for ci, c in enumerate(clusters)
            if c.country == m.country and c.kind == kind and dates_compatible(c.date, m.date)
        ]
        if m.date is None:
            candidates = [(ci, c) for ci, c in candidates if current(c.date, ctx.published)]
        if m.date is None and len(candidates) > 1:
            candidates.sort(key=lambda ic: min(abs(x.token.idx - m.token.idx) for x in ic[1].mentions))
        if candidates:
            ci, c = candidates[0]
            c.date = more_precise(c.date, m.date)
        else:
            clusters.append(Cluster(country=m.country, kind=kind, date=m.date))
            ci = len(clusters) - 1
        clusters[ci].mentions.append(m)
        m.key = ci
    return clusters


def cluster_for_sentence(
    sent: Span, mentions: list[Mention], clusters: list[Cluster] | None = None, published: date | None = None
) -> int | None:
    here = [m.key for m in mentions if m.sent.start == sent.start and m.key >= 0]
    if here:
        return here[0]
    # Results are never a future election's: "the runoff will be held on May 5" is not what the next
    # sentence's figures are about.
    before = [m for m in mentions if m.token.i < sent.start and m.key >= 0]
    past = [m for m in before if not m.future]
    if before:
        last = (past or before)[-1].key
        if clusters is not None and _told_now(sent) and not current(clusters[last].date, published):
            # "It won the 2014 election with 60 percent. It has won 41 percent so far": a sentence in the
            # present speaks of the election being counted, not of the one recalled before it.
            now = [m.key for m in before if current(clusters[m.key].date, published)]
            return now[-1] if now else last
        return last
    after = [m for m in mentions if m.key >= 0]
    return after[0].key if after else None
