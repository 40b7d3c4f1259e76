"""Where an article speaks of an election (the word, or "X was re-elected") with the kind, country and
date each mention gives, and the grouping of mentions into the elections they are."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal, cast

from spacy.tokens import Span, Token

from ingest.facts.context import FactContext
from ingest.facts.dates import (
    date_entity_of,
    date_modifier,
    date_of_span,
    doc_text,
    line_date,
    resolve_date,
    sentence_date,
)
from ingest.facts.elections.phrases import country_of_entity, demonym_country, lexicon
from ingest.facts.syntax import lemma
from ingest.models import ElectionResult, EntityType, Evidence, FuzzyDate

Kind = Literal["presidential", "parliamentary", "referendum", "local", "other"]


@dataclass
class Mention:
    sent: Span
    token: Token
    kind: Kind | None
    country: str | None
    date: FuzzyDate | None
    key: int = -1  # cluster index
    phrase_kind: bool = False  # the kind is written in the election's own phrase ("presidential vote")


@dataclass
class Cluster:
    country: str
    kind: Kind
    date: FuzzyDate | None
    mentions: list[Mention] = field(default_factory=list)
    results: dict[str, ElectionResult] = field(default_factory=dict)
    annulled: bool | None = None
    turnout: float | None = None
    allegations: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


def _is_election_noun(tok: Token) -> bool:
    lex = lexicon()
    lem = lemma(tok)
    if tok.ent_type_ == "ORG":
        return False  # "the Central Election Commission"
    if tok.pos_ not in ("NOUN", "PROPN") or (
        lem not in lex.words("nouns") and tok.lower_ not in lex.words("nouns")
    ):
        return False
    mods = {lemma(c) for c in tok.children if c.dep_ in ("amod", "compound", "nmod")}
    if mods & lex.words("not_election_modifiers"):
        return False
    if lem in ("poll",) and tok.dep_ in ("nsubj",) and lemma(tok.head) in lex.words("not_election_heads_of"):
        return False
    if lem in lex.words("nouns_needing_kind") and _kind_of_phrase(tok) is None:
        return False
    if lem == "vote" and any(_legislative_prep(c) for c in tok.children):
        # "a vote on the bill", "a vote in parliament": a legislative vote, not an election
        return any(lemma(c) in ("referendum",) for c in tok.subtree)
    # "76 percent of the vote" is a result, told by the result rules
    return not (
        lem in ("vote", "voting")
        and tok.dep_ == "pobj"
        and tok.head.lower_ == "of"
        and tok.head.head.lower_ in ("percent", "%", "per", "cent", "share")
    )


def _legislative_prep(prep: Token) -> bool:
    if prep.dep_ != "prep":
        return False
    if prep.lower_ == "on":
        return True
    chambers = {"parliament", "assembly", "council", "senate", "chamber", "house", "congress", "legislature"}
    return prep.lower_ == "in" and any(lemma(p) in chambers for p in prep.children if p.dep_ == "pobj")


def _kind_of_phrase(tok: Token) -> Kind | None:
    kinds = cast(dict[str, list[str]], lexicon().raw["kinds"])
    lem = lemma(tok)
    if lem in ("referendum", "plebiscite"):
        return "referendum"
    words = {lemma(t) for t in tok.subtree if t.i < tok.i or t.dep_ in ("compound", "amod")}
    words |= {t.lower_ for t in tok.subtree if t.i < tok.i}
    for kind, kws in kinds.items():
        if words & {k.lower() for k in kws}:
            return cast(Kind, kind)
    return None


def _kind_from_office(ctx: FactContext, tok: Token) -> Kind | None:
    """ "X re-elected in a vote": the kind of the office the article gives X as a title. Read on the
    mention's line, as headline-style chronology lines parse poorly."""
    text = doc_text(ctx.doc)
    start = text.rfind("\n", 0, tok.idx) + 1
    end = text.find("\n", tok.idx)
    end = len(text) if end < 0 else end
    if not re.search(r"\b(?:re-?)?elected\b", text[start:end], re.I):
        return None
    offices = cast(dict[str, list[str]], lexicon().raw.get("office_kinds", {}))
    for span in ctx.entities_in(start, end):
        ent = ctx.entities.get(span.entity_id)
        if ent is None or ent.type != EntityType.PERSON:
            continue
        names = "|".join(re.escape(n) for n in {ent.name, *ent.aliases} if n)
        for kind, titles in offices.items():
            for title in titles:
                if re.search(rf"\b{re.escape(title)}\s+(?:[A-Z][\w-]+\s+)?(?:{names})\b", text, re.I):
                    return cast(Kind, kind)
    return None


def _kind_from_text(text: str) -> Kind | None:
    """The kind of election an article's words speak of most ("presidential candidate", "parliamentary
    seats"), for mentions nothing else gives a kind."""
    hints = cast(dict[str, list[str]], lexicon().raw["sentence_kind_hints"])
    low = text.lower()
    counts = Counter(
        {kind: sum(len(re.findall(rf"\b{re.escape(k)}\b", low)) for k in kws) for kind, kws in hints.items()}
    )
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] == 0 or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return cast(Kind, ranked[0][0])


def _kind_from_sentence(sent: Span, tok: Token | None = None) -> Kind | None:
    hints = cast(dict[str, list[str]], lexicon().raw["sentence_kind_hints"])
    low = sent.text.lower()
    if tok is not None and "\n" in sent.text:
        # A chronology joined into one sentence: only the token's own line speaks of its election.
        text = doc_text(tok.doc)
        start = max(text.rfind("\n", 0, tok.idx) + 1, sent.start_char)
        end = text.find("\n", tok.idx)
        low = text[start : end if 0 <= end < sent.end_char else sent.end_char].lower()
    found = [kind for kind, kws in hints.items() if any(re.search(rf"\b{re.escape(k)}\b", low) for k in kws)]
    # "the switch from a parliamentary to a presidential system": a sentence naming two kinds tells neither.
    return cast(Kind, found[0]) if len(found) == 1 else None


def _country_of_phrase(ctx: FactContext, tok: Token) -> str | None:
    for t in tok.subtree:
        eid = ctx.entity_for_token(t)
        if eid:
            c = country_of_entity(ctx, eid)
            if c:
                return c
        c = demonym_country(ctx, t)
        if c:
            return c
    # "elections were held in Moldova": the place hangs off the verb
    verb = tok.head if tok.dep_ in ("nsubj", "nsubjpass") else None
    if verb is not None:
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "across", "throughout"):
                for t in prep.subtree:
                    eid = ctx.entity_for_token(t)
                    c = country_of_entity(ctx, eid) if eid else None
                    if c:
                        return c
    return None


def _country_of_sentence(ctx: FactContext, sent: Span, near: Token) -> str | None:
    """A country named elsewhere in the sentence ("Moldovan President X was re-elected in the election"),
    the one nearest the election word."""
    best: tuple[int, str] | None = None
    for t in sent:
        eid = ctx.entity_for_token(t)
        c = None
        if eid and ctx.entity_type(eid) in (EntityType.COUNTRY, EntityType.LOCATION, EntityType.OFFICE):
            c = country_of_entity(ctx, eid)
        c = c or demonym_country(ctx, t)
        if c and (best is None or abs(t.i - near.i) < best[0]):
            best = (abs(t.i - near.i), c)
    return best[1] if best else None


_HOLD_VERBS = {"hold", "take", "go", "win", "lose", "vote", "contest", "schedule", "set", "call", "plan"}


_TIMELINE_RE = re.compile(
    r"^\s*([A-Za-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Za-z]+\s+\d{4}|[A-Za-z]+\s+\d{4}|\d{4})"
    r"\s*[:\-\u2013]"
)


def _timeline_date(sent: Span, published: Any) -> FuzzyDate | None:
    """A chronology line "July 2009: X re-elected" dates everything on it."""
    m = _TIMELINE_RE.match(sent.text)
    if not m:
        return None
    return resolve_date(m.group(1), published)


def _mention_date(ctx: FactContext, sent: Span, tok: Token) -> FuzzyDate | None:
    mod = date_modifier(tok)
    if mod is not None:
        fd = date_of_span(mod, ctx.published)
        if fd is not None:
            return fd
    tl = line_date(tok, ctx.published) or _timeline_date(sent, ctx.published)
    if tl is not None:
        return tl
    # "elections set for fall 2021", "the vote scheduled for March 3"
    for acl in (c for c in tok.children if c.dep_ == "acl"):
        for child in acl.children:
            ent = _date_child(child)
            fd = date_of_span(ent, ctx.published) if ent is not None else None
            if fd is not None:
                return fd
    # "The election was held on Sunday", "X won the election on October 15": the verb's date is the vote's.
    verb = tok.head if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") else None
    if verb is not None and verb.dep_ == "prep":
        verb = verb.head
    if verb is not None and (lemma(verb) in _HOLD_VERBS or lemma(verb) in lexicon().words("win_verbs")):
        for child in verb.children:
            ent = _date_child(child)
            if ent is not None:
                fd = date_of_span(ent, ctx.published)
                if fd is not None:
                    return fd
    return None


def _date_child(child: Token) -> Span | None:
    cands = [child] if child.dep_ in ("npadvmod", "tmod") else []
    if child.dep_ == "prep" and child.lower_ in ("on", "in", "during", "for", "of"):
        cands = [c for c in child.children if c.dep_ == "pobj"]
    for c in cands:
        ent = date_entity_of(c)
        if ent is not None:
            return ent
    return None


def find_mentions(ctx: FactContext) -> list[Mention]:
    lex = lexicon()
    out: list[Mention] = []
    for sent in ctx.doc.sents:
        found_here = False
        for tok in sent:
            if not _is_election_noun(tok):
                continue
            own_kind = _kind_of_phrase(tok)
            kind = own_kind or _kind_from_office(ctx, tok) or _kind_from_sentence(sent, tok)
            country = _country_of_phrase(ctx, tok) or _country_of_sentence(ctx, sent, tok)
            when = _mention_date(ctx, sent, tok)
            out.append(Mention(sent, tok, kind, country, when, phrase_kind=own_kind is not None))
            found_here = True
        if found_here:
            continue
        # "X was re-elected", "July 2009: X re-elected president": an election without the word.
        for tok in sent:
            if lemma(tok) in lex.words("elected_verbs") or tok.lower_ in ("re-elected", "reelected"):
                if tok.lower_ in ("elected", "elect") and not any(
                    c.dep_ in ("auxpass", "nsubjpass") for c in tok.children
                ):
                    continue
                kind = _kind_from_sentence(sent, tok) or "other"
                country = None
                for t in sent:
                    eid = ctx.entity_for_token(t)
                    c = country_of_entity(ctx, eid) if eid else None
                    if c and ctx.entity_type(eid or "") in (EntityType.COUNTRY, EntityType.OFFICE):
                        country = c
                        break
                when = (
                    line_date(tok, ctx.published)
                    or _timeline_date(sent, ctx.published)
                    or sentence_date(sent, ctx.published)
                )
                out.append(Mention(sent, tok, kind, country, when))
                break
    return out


# ------------------------------------------------------------------------------------------- clustering


def dates_compatible(a: FuzzyDate | None, b: FuzzyDate | None) -> bool:
    """Same day, or one date is a month/year that contains the other."""
    if a is None or b is None:
        return True
    return a.value.startswith(b.value) or b.value.startswith(a.value)


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
            m.kind = prev or nxt or last_kind or _kind_from_text(doc_text(ctx.doc)) or "other"
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


def cluster_for_sentence(sent: Span, mentions: list[Mention]) -> int | None:
    here = [m.key for m in mentions if m.sent.start == sent.start and m.key >= 0]
    if here:
        return here[0]
    before = [m for m in mentions if m.token.i < sent.start and m.key >= 0]
    if before:
        return before[-1].key
    after = [m for m in mentions if m.key >= 0]
    return after[0].key if after else None
