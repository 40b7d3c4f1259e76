"""Political events an article reports (protests, uprisings, arrests, resignations, ...): where, when, who,
how many. Trigger words and count words live in ingest/lexicons/events.yaml; this package walks the parse."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Span, Token

from ingest.facts.context import FactContext
from ingest.facts.events.coreference import Mention, corefer, settle_type
from ingest.facts.events.counts import event_counts, victim_count
from ingest.facts.events.lexicon import lexicon
from ingest.facts.events.participants import add, participants, place, subject
from ingest.facts.events.triggers import (
    Trigger,
    clause_modality,
    event_date,
    event_name,
    generic,
    not_occurred,
    trigger,
)
from ingest.facts.syntax import lemma, planned
from ingest.ids import short_hash
from ingest.models import Event


def _definite(tok: Token) -> bool:
    return any(
        c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "these") for c in tok.children
    )


def _candidates(ctx: FactContext, sent: Span) -> list[Mention]:
    lex = lexicon()
    needs_casualties = lex.words("needs_casualties")
    found: list[Trigger] = []
    for tok in sent:
        trig = trigger(tok)
        if trig is None:
            continue
        if not_occurred(tok) and trig.type in ("Resignation", "Arrest", "Killing", "Coup"):
            continue
        if generic(tok):
            continue
        if trig.is_verb and trig.type == "Protest":
            subj = subject(tok)
            sid = ctx.entity_for_token(subj) if subj is not None else None
            stype = ctx.entity_type(sid) if sid else None
            if stype is not None and stype.value.lower() in {
                w.lower() for w in lex.words("non_crowd_subject_types")
            }:
                continue
        found.append(trig)
    types = {t.type for t in found}
    # Deaths told alongside a clash or uprising are its toll, not a separate killing.
    if "Killing" in types and types & {"Clash", "Uprising", "Revolution", "Attack", "Protest", "Coup"}:
        found = [t for t in found if t.type != "Killing"]
    out: list[Mention] = []
    for trig in found:
        tok = trig.token
        etype = trig.type
        modality = clause_modality(tok)
        if modality == "hypothetical":
            continue
        counts = event_counts(sent, etype)
        if etype == "Arrest":
            n = victim_count(sent, trig)
            if n is not None:
                counts["arrested"] = n
        future = modality == "announced" or planned(sent, tok)
        when = event_date(ctx, sent, tok, future)
        if when is not None and ctx.published is not None and when.start() > ctx.published:
            future = True
        if future and when is None:
            continue  # a plan or a threat without a date is not yet an event
        location, country = place(ctx, sent, tok)
        if lemma(tok) in needs_casualties and not (
            {"deaths", "injured"} & set(counts) or (when and location)
        ):
            continue
        parts, extra = participants(ctx, trig, country)
        if etype == "Resignation" and extra.get("office_title"):
            add(parts, ctx.office(extra["office_title"], country), "office")
        name = event_name(tok) if etype in ("Revolution", "Uprising", "Coup") else None
        ev = Event(
            id="event:" + short_hash(ctx.article.id, etype, str(tok.idx)),
            type=etype,
            name=name,
            date=when,
            location=location,
            country=country,
            participants=parts,
            counts={k: v for k, v in counts.items() if not (etype == "Arrest" and k == "size")},
            status="announced" if future else "occurred",
            evidence=ctx.evidence(sent, f"event:{'verb' if trig.is_verb else 'noun'}:{lemma(tok)}"),
        )
        out.append(Mention(ev, tok.idx, Counter([etype]), _definite(tok), [tok.idx], [ev]))
    return out


def extract_events(ctx: FactContext) -> list[Event]:
    mentions: list[Mention] = []
    for sent in ctx.doc.sents:
        mentions.extend(_candidates(ctx, sent))
    clusters = corefer(mentions)
    return [settle_type(c) for c in clusters if c.anchored]
