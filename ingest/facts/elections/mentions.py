"""Where an article speaks of an election (the word, or "X was re-elected") with the kind, country and
date each mention gives (clusters.py groups them into the elections they are)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Literal, cast

from spacy.tokens import Span, Token

from ingest.facts import syntax
from ingest.facts.context import FactContext
from ingest.facts.dates import (
    Prefer,
    date_entities,
    date_entity_of,
    date_modifier,
    date_of_span,
    doc_text,
    line_date,
    resolve_date,
    sentence_date,
)
from ingest.facts.elections.phrases import actor_in, country_of_entity, demonym_country, lexicon, negated
from ingest.facts.syntax import clause_verb, lemma
from ingest.lexicons import load
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
    phrase_country: bool = False  # so is the country ("Moldova's election"), not only its sentence
    future: bool = False  # told as still to come ("a runoff on June 5", "will be held")


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
    # Participants whose share was told only roughly ("just over 50 percent"): an exact figure replaces it.
    rough: set[str] = field(default_factory=set)


def _is_election_noun(tok: Token) -> bool:
    lex = lexicon()
    lem = lemma(tok)
    if tok.ent_type_ == "ORG":
        return False  # "the Central Election Commission"
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if lem in lex.words("round_nouns"):
        # "the first round", "a second round": a round of voting; "a round of talks" is not one.
        return any(
            lemma(c) in lex.words("round_modifiers") for c in tok.children if c.dep_ in ("amod", "compound")
        )
    if lem not in lex.words("nouns") and tok.lower_ not in lex.words("nouns"):
        return False
    if lem in ("vote", "ballot") and tok.tag_ == "NNS" and not _result_votes(tok):
        return False  # "the ballots counted", "a record of N votes": what is counted, not an election
    if tok.dep_ in ("compound", "nmod") and lemma(tok.head) in lex.words("not_election_heads"):
        return False  # "election authorities", "the election commission"
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


def _result_votes(tok: Token) -> bool:
    """Votes someone won ("X won 8 million votes", "X came second with 2 million votes"): a result, which
    stands for the election it was won in and dates it from its verb."""
    head = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "with" else tok.head
    if tok.dep_ not in ("dobj", "pobj") or (tok.dep_ == "pobj" and tok.head.lower_ != "with"):
        return False
    if any(lemma(c) in lexicon().words("count_verbs") for c in tok.children if c.dep_ == "acl"):
        return False
    return lemma(head) in lexicon().words("share_verbs")


def _legislative_prep(prep: Token) -> bool:
    if prep.dep_ != "prep":
        return False
    if prep.lower_ == "on":
        return True
    chambers = {"parliament", "assembly", "council", "senate", "chamber", "house", "congress", "legislature"}
    return prep.lower_ == "in" and any(lemma(p) in chambers for p in prep.children if p.dep_ == "pobj")


_FILL_VERBS = {"elect", "select", "choose", "pick", "fill", "renew", "replace"}


def _kind_of_phrase(tok: Token) -> Kind | None:
    kinds = cast(dict[str, list[str]], lexicon().raw["kinds"])
    lem = lemma(tok)
    if lem in ("referendum", "plebiscite"):
        return "referendum"
    words = {lemma(t) for t in tok.subtree if t.i < tok.i or t.dep_ in ("compound", "amod")}
    # "the election to choose a new president": the office filled tells the kind.
    clauses = [c for c in tok.children if c.dep_ in ("acl", "relcl")]
    doc = tok.doc
    if tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "to":
        clauses.append(doc[tok.i + 2])  # the parser may hang "to elect ..." on the clause's verb instead
    for clause in (c for c in clauses if lemma(c) in _FILL_VERBS):
        words |= {lemma(t) for t in clause.subtree if t.pos_ == "NOUN"}
    words |= {t.lower_ for t in tok.subtree if t.i < tok.i}
    # "X's national election show ...": the parser may hang the noun's own modifiers on a later noun; the
    # words just before it still name its kind.
    i = tok.i - 1
    while (
        i >= max(0, tok.i - 2)
        and tok.doc[i].pos_ in ("ADJ", "NOUN", "PROPN")
        and tok.doc[i].dep_
        in (
            "amod",
            "compound",
        )
    ):
        words.add(lemma(tok.doc[i]))
        i -= 1
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
    if not re.search(r"\b(?:re-?elect(?:ed|ion)|elected)\b", text[start:end], re.I):
        return _kind_from_winner(ctx, tok)
    for span in ctx.entities_in(start, end):
        kind = _office_kind(ctx, span.entity_id)
        if kind is not None:
            return kind
    return _kind_from_winner(ctx, tok)


def _kind_from_winner(ctx: FactContext, tok: Token) -> Kind | None:
    """ "President X won a landslide in the election", "X won the vote": the winner's office."""
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok.head
    if tok.dep_ not in ("pobj", "dobj") or lemma(verb) not in lexicon().words("win_verbs"):
        return None
    subj = syntax.subjects(verb).first
    eid = ctx.entity_for_token(subj) if subj is not None else None
    if subj is not None and subj.pos_ == "PRON":
        eid = actor_in(ctx, subj, (EntityType.PERSON,))  # "She was elected to that office in 2019"
    return _office_kind(ctx, eid) if eid else None


def _office_kind(ctx: FactContext, eid: str) -> Kind | None:
    """The kind of election of the office an article titles a person with ("President X", "Mayor X")."""
    ent = ctx.entities.get(eid)
    if ent is None or ent.type != EntityType.PERSON:
        return None
    text = doc_text(ctx.doc)
    offices = cast(dict[str, list[str]], lexicon().raw.get("office_kinds", {}))
    names = "|".join(re.escape(n) for n in {ent.name, *ent.aliases} if n)
    for kind, titles in offices.items():
        for title in titles:
            if re.search(rf"\b{re.escape(title)}(?:-elect)?\s+(?:[A-Z][\w-]+\s+)?(?:{names})\b", text, re.I):
                return cast(Kind, kind)
    return None


def kind_from_text(text: str) -> Kind | None:
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
    # "the first round of the election on May 5": the round's phrase dates the election named in it.
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and _is_election_noun(tok.head.head):
        tok = tok.head.head
    prefer = _told_as_past(tok)
    mod = date_modifier(tok)
    if mod is not None:
        fd = date_of_span(mod, ctx.published, prefer=prefer)
        if fd is not None:
            return fd
    weekend = _last_weekend(ctx, tok)
    if weekend is not None:
        return weekend
    tl = line_date(tok, ctx.published) or _timeline_date(sent, ctx.published)
    if tl is not None:
        return tl
    # "elections set for fall 2021", "the election, which took place on Wednesday": a clause on the noun.
    for acl in (c for c in tok.children if c.dep_ in ("acl", "relcl")):
        fd = _clause_date(ctx, acl)
        if fd is not None:
            return fd
    # "The election was held on Sunday", "X won the election on October 15", "X got most votes in the
    # election Sunday": the verb's date is the vote's.
    verb = tok.head if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") else None
    in_it = verb is not None and verb.lower_ in ("in", "at") and tok.dep_ == "pobj"
    if verb is not None and verb.dep_ == "prep":
        verb = verb.head
    if in_it and verb is not None and verb.pos_ in ("NOUN", "PROPN") and verb.dep_ in ("dobj", "nsubj"):
        verb = verb.head  # "got the most votes in the election Sunday"
    if verb is not None and (
        lemma(verb) in _HOLD_VERBS
        or lemma(verb) in lexicon().words("win_verbs")
        or (in_it and lemma(verb) in lexicon().words("vote_getting_verbs"))
    ):
        for child in verb.children:
            ent = _date_child(child)
            if ent is not None:
                fd = date_of_span(ent, ctx.published, prefer=prefer)
                if fd is not None:
                    return fd
    return _just_won(ctx, tok)


def _just_won(ctx: FactContext, tok: Token) -> FuzzyDate | None:
    """ "X has won the parliamentary election": told in the present perfect, with no date, a win is news
    just in, this year's (not in the first days of January, when it may be December's)."""
    verb = tok.head
    published = ctx.published
    if (
        published is None
        or (published.month == 1 and published.day <= 15)
        or tok.dep_ != "dobj"
        or tok.tag_ != "NN"
        or lemma(verb) not in lexicon().words("win_verbs")
        or verb.tag_ != "VBN"
        or negated(verb)
        or not any(c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP") for c in verb.children)
    ):
        return None
    return resolve_date("this year", published)


def _told_as_past(tok: Token) -> Prefer | None:
    """ "X won the most votes in the election on Sunday and will face Y in a runoff": the clause that names
    the election is in the past, whatever the rest of the sentence plans; None leaves it to the sentence."""
    verb = clause_verb(tok)
    if verb is None:
        return None
    if verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children):
        return "past"
    return None


def _last_weekend(ctx: FactContext, tok: Token) -> FuzzyDate | None:
    """ "the weekend election": the month of the last weekend before publication (which of its days the
    article does not say)."""
    if ctx.published is None or not any(
        lemma(c) == "weekend" for c in tok.children if c.dep_ in ("compound", "nmod", "amod")
    ):
        return None
    sunday = ctx.published - timedelta(days=(ctx.published.weekday() + 1) % 7 or 7)
    return FuzzyDate(value=sunday.isoformat()[:7], precision="month")


def _clause_date(ctx: FactContext, clause: Token) -> FuzzyDate | None:
    """The first date a clause on the election noun gives, however deep ("took place over two days
    (Wednesday and Thursday)"); a list of days is dated by its first."""
    for ent in date_entities(clause.doc, clause.left_edge.i, clause.right_edge.i + 1):
        fd = date_of_span(ent, ctx.published) or date_of_span(ent[:1], ctx.published)
        if fd is not None:
            return fd
    return None


def _verb_mentions(ctx: FactContext, sent: Span) -> list[Mention]:
    """ "Voters went to the polls on Sunday", "eligible to vote on Tuesday": the verb of voting dates the
    election though no noun names it."""
    out = []
    for tok in sent:
        if lemma(tok) != "vote" or tok.pos_ != "VERB" or negated(tok):
            continue
        ent = next((e for c in tok.children if (e := _date_child(c)) is not None), None)
        when = date_of_span(ent, ctx.published) if ent is not None else None
        if when is None:
            continue
        kind = _kind_from_sentence(sent, tok)
        country = _country_of_sentence(ctx, sent, tok)
        out.append(Mention(sent, tok, kind, country, when))
    return out


def _dated_victories(ctx: FactContext, sent: Span) -> list[Mention]:
    """ "X's victory in 2014", "her 2019 landslide": a win dated in its own phrase is an election of its own,
    whatever election the rest of the sentence speaks of; its kind is the winner's office, else the one the
    sentence or the article speaks of."""
    out = []
    for tok in sent:
        if tok.pos_ != "NOUN" or lemma(tok) not in lexicon().words("win_nouns"):
            continue
        winner = next((c for c in tok.children if c.dep_ == "poss"), None)
        eid = actor_in(ctx, winner, (EntityType.PERSON, EntityType.PARTY)) if winner is not None else None
        mod = date_modifier(tok)
        when = date_of_span(mod, ctx.published, prefer="past") if mod is not None else None
        if eid is None or when is None:
            continue
        kind = _office_kind(ctx, eid) or _kind_from_sentence(sent, tok) or kind_from_text(doc_text(ctx.doc))
        country = _country_of_phrase(ctx, tok) or _country_of_sentence(ctx, sent, tok)
        out.append(Mention(sent, tok, kind, country, when, phrase_kind=kind is not None))
    return out


def _date_child(child: Token) -> Span | None:
    cands = [child] if child.dep_ in ("npadvmod", "tmod") else []
    if child.dep_ == "prep" and child.lower_ in ("on", "in", "during", "for", "of"):
        cands = [c for c in child.children if c.dep_ == "pobj"]
    for c in cands:
        ent = date_entity_of(c)
        if ent is not None:
            return ent
    return None


def _future(ctx: FactContext, m: Mention) -> bool:
    if (
        m.date is not None
        and ctx.published is not None
        and m.date.value > ctx.published.isoformat()[: len(m.date.value)]
    ):
        return True
    verb = clause_verb(m.token)
    future = load("grammar").words("future_auxiliaries")
    return verb is not None and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in future for c in verb.children
    )


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
            own_country = _country_of_phrase(ctx, tok)
            country = own_country or _country_of_sentence(ctx, sent, tok)
            when = _mention_date(ctx, sent, tok)
            out.append(
                Mention(
                    sent,
                    tok,
                    kind,
                    country,
                    when,
                    phrase_kind=own_kind is not None,
                    phrase_country=own_country is not None,
                )
            )
            found_here = True
        out.extend(_dated_victories(ctx, sent))
        by_verb = _verb_mentions(ctx, sent)
        out.extend(by_verb)
        if found_here or by_verb:
            continue
        # "X was re-elected", "July 2009: X re-elected president": an election without the word.
        for tok in sent:
            if lemma(tok) in lex.words("elected_verbs") or tok.lower_ in ("re-elected", "reelected"):
                if tok.lower_ in ("elected", "elect") and not any(
                    c.dep_ in ("auxpass", "nsubjpass") for c in tok.children
                ):
                    continue
                kind = _kind_from_office(ctx, tok) or _kind_from_sentence(sent, tok)
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
    for m in out:
        m.future = _future(ctx, m)
    return out
