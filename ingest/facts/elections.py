"""Elections an article reports: kind, country, date, results, annulment, turnout, allegations, and who
rejected or accused them. Words live in ingest/lexicons/elections.yaml; this module walks the parse."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, cast

import yaml
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
from ingest.models import Election, ElectionResult, EntityType, Evidence, FuzzyDate, Relation

Kind = Literal["presidential", "parliamentary", "referendum", "local", "other"]
_LEXICON_PATH = Path(__file__).resolve().parent.parent / "lexicons" / "elections.yaml"


@dataclass(frozen=True)
class _Lexicon:
    raw: dict[str, Any]
    allegations: dict[str, list[re.Pattern[str]]]

    word_sets: dict[str, frozenset[str]] = field(default_factory=dict, compare=False)

    def words(self, key: str) -> frozenset[str]:
        # Asked for per token, so each list is lowered once.
        if key not in self.word_sets:
            self.word_sets[key] = frozenset(str(w).lower() for w in self.raw.get(key, []))
        return self.word_sets[key]


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    raw = yaml.safe_load(_LEXICON_PATH.read_text(encoding="utf-8"))
    allegations = {
        label: [re.compile(p, re.I) for p in patterns] for label, patterns in raw["allegations"].items()
    }
    return _Lexicon(raw=raw, allegations=allegations)


# --------------------------------------------------------------------------------------- small helpers


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower() if tok.lemma_ else tok.lower_


def _country_slug(country_id: str) -> str:
    return country_id.split(":", 1)[1] if ":" in country_id else country_id


def election_id(country: str, kind: str, when: FuzzyDate | None) -> str:
    return f"election:{_country_slug(country)}:{kind}:{when.value if when else 'undated'}"


def _country_of_entity(ctx: FactContext, eid: str) -> str | None:
    ent = ctx.entities.get(eid)
    if ent is None:
        return None
    if ent.type == EntityType.COUNTRY:
        return ent.id
    return ent.country


def _demonym_country(ctx: FactContext, tok: Token) -> str | None:
    """ "Kyrgyz", "Moldovan": a NORP word whose country the resolver did not attach; matched on the stem of a
    country entity the article mentions."""
    if tok.ent_type_ != "NORP" or len(tok.text) < 4:
        return None
    stem = tok.lower_[:4]
    for ent in ctx.entities.values():
        if ent.type == EntityType.COUNTRY and ent.name.lower().startswith(stem):
            return ent.id
    return None


_PLACE_PREPS = {"in", "across", "throughout", "inside", "around"}


def main_country(ctx: FactContext) -> str | None:
    """The country the article is about: the one most mentioned as a place ("in X", its towns) or in the
    headline, rather than a foreign government the story reports on ("went to Moscow to tell Russia's
    leaders")."""
    counts: Counter[str] = Counter()
    doc = ctx.doc
    first_end = next(iter(doc.sents)).end_char if len(doc) else 0
    for span in ctx.spans:
        ent = ctx.entities.get(span.entity_id)
        if ent is None:
            continue
        country = ent.id if ent.type == EntityType.COUNTRY else ent.country
        if not country:
            continue
        weight = 1
        if ent.type == EntityType.LOCATION:
            weight = 2
        tok = doc.char_span(span.start_char, span.end_char, alignment_mode="expand")
        root = tok.root if tok is not None else None
        if root is not None:
            head = root
            while head.dep_ in ("poss", "compound", "amod") and head.head != head:
                head = head.head  # "in Kazakhstan's largest city"
            if head.dep_ == "pobj" and head.head.lower_ in _PLACE_PREPS:
                weight += 2
        if span.start_char < first_end:
            weight += 2
        counts[country] += weight
    title = ctx.article.title or ""
    for country_id in list(counts):
        ent = ctx.entities.get(country_id)
        names = {ent.name, *ent.aliases} if ent is not None else set()
        if any(re.search(rf"\b{re.escape(n)}\b", title) for n in names if n):
            counts[country_id] += 3
    if not counts:
        return None
    return counts.most_common(1)[0][0]


def _entity_tokens(ctx: FactContext, tokens: list[Token]) -> list[tuple[Token, str]]:
    out: list[tuple[Token, str]] = []
    seen: set[str] = set()
    for tok in tokens:
        eid = ctx.entity_for_token(tok)
        if eid and eid not in seen:
            seen.add(eid)
            out.append((tok, eid))
    return out


_ACTOR_TYPES = (EntityType.PARTY, EntityType.PERSON, EntityType.ORGANIZATION, EntityType.COUNTRY)
_PARTY_HEADS = {"party", "bloc", "alliance", "coalition", "movement", "list", "front"}


def _actor_in(ctx: FactContext, head: Token, types: tuple[EntityType, ...] = _ACTOR_TYPES) -> str | None:
    """The actor a noun phrase names: its own entity, else the best entity inside it (a party for "the X
    party", a person for "X's supporters")."""
    own = ctx.entity_for_token(head)
    if own and ctx.entity_type(own) in types:
        return own
    # "X's main challenger, Y, ...": the apposition names the noun itself, the possessor is someone else.
    for appos in (c for c in head.children if c.dep_ == "appos"):
        for _, eid in _entity_tokens(ctx, list(appos.subtree)):
            if ctx.entity_type(eid) in types:
                return eid
    if head.pos_ in ("NOUN", "PRON") and any(
        c.dep_ == "det" and c.lower_ in ("the", "this") for c in head.children
    ):
        back = _definite_actor(ctx, head, types)
        if back:
            return back
    subtree = [t for t in head.subtree if _in_phrase(t, head)]
    found = _entity_tokens(ctx, subtree)
    if not found:
        return None
    order = [EntityType.PARTY, EntityType.PERSON, EntityType.ORGANIZATION, EntityType.COUNTRY]
    if _lemma(head) not in _PARTY_HEADS:
        order = [EntityType.PERSON, EntityType.PARTY, EntityType.ORGANIZATION, EntityType.COUNTRY]
    for wanted in order:
        if wanted not in types:
            continue
        for _, eid in found:
            if ctx.entity_type(eid) == wanted:
                return eid
    return None


def _in_phrase(tok: Token, head: Token) -> bool:
    """Whether a token is part of the noun phrase of `head` itself, not of a clause or apposition on it."""
    t = tok
    for _ in range(8):
        if t == head:
            return True
        if t.dep_ in ("relcl", "acl", "appos"):
            return False
        t = t.head
    return False


def _definite_actor(ctx: FactContext, head: Token, types: tuple[EntityType, ...]) -> str | None:
    """ "The party has refused to recognise the results": a definite party noun with no name of its own
    stands for the party named most recently before it (in this sentence or the three before)."""
    wanted = EntityType.PARTY
    if _lemma(head) not in _PARTY_HEADS or wanted not in types or _entity_tokens(ctx, list(head.subtree)):
        return None
    doc = head.doc
    sent = head.sent
    start = sent.start
    for _ in range(3):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    for t in reversed(list(doc[start : head.i])):
        eid = ctx.entity_for_token(t)
        if eid and ctx.entity_type(eid) == wanted:
            return eid
    return None


def _subject_of(verb: Token) -> Token | None:
    v: Token | None = verb
    for _ in range(4):
        if v is None:
            return None
        for child in v.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return child
        # "X won and was re-elected", "X refused to recognise": the subject sits on the governing verb.
        if v.dep_ in ("conj", "xcomp", "advcl") and v.head != v:
            v = v.head
        else:
            return None
    return None


def _governing_verb(tok: Token) -> Token | None:
    t = tok
    for _ in range(6):
        if t.pos_ in ("VERB", "AUX") and t.dep_ != "amod":
            return t
        if t.head == t:
            return t if t.pos_ in ("VERB", "AUX") else None
        t = t.head
    return None


def _negated(tok: Token) -> bool:
    neg = lexicon().words("negation_words")
    for t in (tok, tok.head):
        if any(c.dep_ == "neg" or (c.lower_ in neg and c.dep_ == "advmod") for c in t.children):
            return True
    return False


# ----------------------------------------------------------------------------------------- mentions


@dataclass
class _Mention:
    sent: Span
    token: Token
    kind: Kind | None
    country: str | None
    date: FuzzyDate | None
    key: int = -1  # cluster index
    phrase_kind: bool = False  # the kind is written in the election's own phrase ("presidential vote")


@dataclass
class _Cluster:
    country: str
    kind: Kind
    date: FuzzyDate | None
    mentions: list[_Mention] = field(default_factory=list)
    results: dict[str, ElectionResult] = field(default_factory=dict)
    annulled: bool | None = None
    turnout: float | None = None
    allegations: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


def _is_election_noun(tok: Token) -> bool:
    lex = lexicon()
    lem = _lemma(tok)
    if tok.ent_type_ == "ORG":
        return False  # "the Central Election Commission"
    if tok.pos_ not in ("NOUN", "PROPN") or (
        lem not in lex.words("nouns") and tok.lower_ not in lex.words("nouns")
    ):
        return False
    mods = {_lemma(c) for c in tok.children if c.dep_ in ("amod", "compound", "nmod")}
    if mods & lex.words("not_election_modifiers"):
        return False
    if lem in ("poll",) and tok.dep_ in ("nsubj",) and _lemma(tok.head) in lex.words("not_election_heads_of"):
        return False
    if lem in lex.words("nouns_needing_kind") and _kind_of_phrase(tok) is None:
        return False
    if lem == "vote" and any(_legislative_prep(c) for c in tok.children):
        # "a vote on the bill", "a vote in parliament": a legislative vote, not an election
        return any(_lemma(c) in ("referendum",) for c in tok.subtree)
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
    return prep.lower_ == "in" and any(_lemma(p) in chambers for p in prep.children if p.dep_ == "pobj")


def _kind_of_phrase(tok: Token) -> Kind | None:
    kinds = cast(dict[str, list[str]], lexicon().raw["kinds"])
    lem = _lemma(tok)
    if lem in ("referendum", "plebiscite"):
        return "referendum"
    words = {_lemma(t) for t in tok.subtree if t.i < tok.i or t.dep_ in ("compound", "amod")}
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
            c = _country_of_entity(ctx, eid)
            if c:
                return c
        c = _demonym_country(ctx, t)
        if c:
            return c
    # "elections were held in Moldova": the place hangs off the verb
    verb = tok.head if tok.dep_ in ("nsubj", "nsubjpass") else None
    if verb is not None:
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "across", "throughout"):
                for t in prep.subtree:
                    eid = ctx.entity_for_token(t)
                    c = _country_of_entity(ctx, eid) if eid else None
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
            c = _country_of_entity(ctx, eid)
        c = c or _demonym_country(ctx, t)
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
    if verb is not None and (_lemma(verb) in _HOLD_VERBS or _lemma(verb) in lexicon().words("win_verbs")):
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


def _find_mentions(ctx: FactContext) -> list[_Mention]:
    lex = lexicon()
    out: list[_Mention] = []
    for sent in ctx.doc.sents:
        found_here = False
        for tok in sent:
            if not _is_election_noun(tok):
                continue
            own_kind = _kind_of_phrase(tok)
            kind = own_kind or _kind_from_office(ctx, tok) or _kind_from_sentence(sent, tok)
            country = _country_of_phrase(ctx, tok) or _country_of_sentence(ctx, sent, tok)
            when = _mention_date(ctx, sent, tok)
            out.append(_Mention(sent, tok, kind, country, when, phrase_kind=own_kind is not None))
            found_here = True
        if found_here:
            continue
        # "X was re-elected", "July 2009: X re-elected president": an election without the word.
        for tok in sent:
            if _lemma(tok) in lex.words("elected_verbs") or tok.lower_ in ("re-elected", "reelected"):
                if tok.lower_ in ("elected", "elect") and not any(
                    c.dep_ in ("auxpass", "nsubjpass") for c in tok.children
                ):
                    continue
                kind = _kind_from_sentence(sent, tok) or "other"
                country = None
                for t in sent:
                    eid = ctx.entity_for_token(t)
                    c = _country_of_entity(ctx, eid) if eid else None
                    if c and ctx.entity_type(eid or "") in (EntityType.COUNTRY, EntityType.OFFICE):
                        country = c
                        break
                when = (
                    line_date(tok, ctx.published)
                    or _timeline_date(sent, ctx.published)
                    or sentence_date(sent, ctx.published)
                )
                out.append(_Mention(sent, tok, kind, country, when))
                break
    return out


# ------------------------------------------------------------------------------------------- clustering


def dates_compatible(a: FuzzyDate | None, b: FuzzyDate | None) -> bool:
    """Same day, or one date is a month/year that contains the other."""
    if a is None or b is None:
        return True
    return a.value.startswith(b.value) or b.value.startswith(a.value)


def _more_precise(a: FuzzyDate | None, b: FuzzyDate | None) -> FuzzyDate | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if len(a.value) >= len(b.value) else b


def _cluster(ctx: FactContext, mentions: list[_Mention]) -> list[_Cluster]:
    default_country = main_country(ctx)
    clusters: list[_Cluster] = []
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
            c.date = _more_precise(c.date, m.date)
        else:
            clusters.append(_Cluster(country=m.country, kind=kind, date=m.date))
            ci = len(clusters) - 1
        clusters[ci].mentions.append(m)
        m.key = ci
    return clusters


def _cluster_for_sentence(sent: Span, mentions: list[_Mention]) -> int | None:
    here = [m.key for m in mentions if m.sent.start == sent.start and m.key >= 0]
    if here:
        return here[0]
    before = [m for m in mentions if m.token.i < sent.start and m.key >= 0]
    if before:
        return before[-1].key
    after = [m for m in mentions if m.key >= 0]
    return after[0].key if after else None


# --------------------------------------------------------------------------------------------- results

_PERCENT_WORDS = {"percent", "%", "per", "pct", "percentage"}


def _number(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def _percents(sent: Span) -> list[tuple[Token, float]]:
    """(anchor token, value) for each "76 percent", "8.4%", "76 per cent" in the sentence."""
    out = []
    for tok in sent:
        if not tok.like_num:
            continue
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.lower_ in _PERCENT_WORDS:
            value = _number(tok.text)
            if value is not None and 0 <= value <= 100:
                anchor = nxt if nxt.head == tok or tok.head == nxt else tok
                anchor = nxt if tok.head == nxt else anchor
                out.append((anchor, value))
        elif tok.text.endswith("%"):
            value = _number(tok.text[:-1])
            if value is not None:
                out.append((tok, value))
    return out


def _votes(sent: Span) -> list[tuple[Token, int]]:
    out = []
    for tok in sent:
        if tok.like_num and tok.i + 1 < len(tok.doc):
            nxt = tok.nbor(1)
            mult = 1
            if nxt.lower_ in ("million", "thousand") and tok.i + 2 < len(tok.doc):
                mult = 1_000_000 if nxt.lower_ == "million" else 1000
                nxt = tok.nbor(2)
            if _lemma(nxt) == "vote" and nxt.lower_ in ("votes",):
                value = _number(tok.text)
                if value is not None:
                    out.append((nxt, int(value * mult)))
    return out


def _participant_for(ctx: FactContext, anchor: Token) -> tuple[str | None, Token | None]:
    """Who received a share: the subject of the verb governing it ("X won 76 percent", "Y was second with
    8.4 percent"), or the possessor/noun it qualifies ("X's 76 percent")."""
    verb = _governing_verb(anchor)
    if verb is None:
        return None, None
    subj = _subject_of(verb)
    if subj is None:
        return None, verb
    return _actor_in(ctx, subj, (EntityType.PARTY, EntityType.PERSON, EntityType.ORGANIZATION)), verb


def _verb_wins(verb: Token, sent: Span) -> bool | None:
    lex = lexicon()
    lem = _lemma(verb)
    if lem in ("re-elect", "reelect", "sweep", "triumph") or verb.lower_ in ("re-elected", "reelected"):
        return True
    if lem == "elect" and any(c.dep_ == "auxpass" for c in verb.children):
        return True
    if lem in ("win", "secure", "clinch"):
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        if any(_lemma(o) in lex.words("win_objects") for o in objs):
            return True
        return None
    if lem in lex.words("loss_verbs"):
        return False
    if any(
        _lemma(c) in lex.words("loss_words") or c.lower_ in lex.words("loss_words") for c in verb.children
    ):
        return False
    return None


def _add_result(cluster: _Cluster, result: ElectionResult) -> None:
    old = cluster.results.get(result.participant)
    if old is None:
        cluster.results[result.participant] = result
        return
    cluster.results[result.participant] = old.model_copy(
        update={
            "vote_share": old.vote_share if old.vote_share is not None else result.vote_share,
            "votes": old.votes if old.votes is not None else result.votes,
            "won": old.won if old.won is not None else result.won,
            "evidence": old.evidence or result.evidence,
        }
    )


def _results_in(ctx: FactContext, sent: Span, cluster: _Cluster) -> None:
    lex = lexicon()
    turnout_nouns = lex.words("turnout_nouns")
    for anchor, value in _percents(sent):
        chain = [anchor, *list(anchor.ancestors)[:4]]
        near = sent.doc[max(sent.start, anchor.i - 6) : anchor.i]
        if any(_lemma(t) in turnout_nouns for t in chain) or any(_lemma(t) in turnout_nouns for t in near):
            cluster.turnout = value
            continue
        participant, verb = _participant_for(ctx, anchor)
        if participant is None or verb is None:
            continue
        if _lemma(verb) not in lex.words("share_verbs") and not any(
            _lemma(t) in ("vote", "ballot") for t in anchor.subtree
        ):
            continue
        share_won = _verb_wins(verb, sent)
        ev = ctx.evidence(sent, "election:share")
        _add_result(
            cluster,
            ElectionResult(participant=participant, vote_share=value, won=share_won, evidence=ev),
        )
    for anchor, count in _votes(sent):
        participant, verb = _participant_for(ctx, anchor)
        if participant is None or verb is None:
            continue
        _add_result(
            cluster,
            ElectionResult(
                participant=participant,
                votes=count,
                won=_verb_wins(verb, sent),
                evidence=ctx.evidence(sent, "election:votes"),
            ),
        )
    # Winners and losers without numbers: "X won the presidential election", "X was re-elected",
    # "Y conceded defeat", "X's victory".
    for tok in sent:
        won: bool | None = None
        subj: Token | None = None
        if tok.pos_ in ("VERB", "AUX") or tok.lower_ in ("re-elected", "reelected"):
            won = _verb_wins(tok, sent)
            if (
                won is True
                and _lemma(tok) in ("win", "secure", "clinch", "sweep")
                and not any(_lemma(o) in lex.words("win_objects") for o in tok.children if o.dep_ == "dobj")
            ):
                won = None
            if won is not None:
                subj = _subject_of(tok)
                if subj is None and tok.dep_ in ("amod", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
                    subj = tok.head  # "X, re-elected in July, ..."
                if subj is None and tok.dep_ == "amod":
                    subj = next((t for t in tok.head.subtree if ctx.entity_for_token(t)), None)
        elif _lemma(tok) in lex.words("win_nouns") and tok.pos_ == "NOUN":
            poss = [c for c in tok.children if c.dep_ == "poss"]
            if poss:
                won, subj = True, poss[0]
        if won is None or subj is None:
            continue
        if _negated(tok):
            continue
        participant = _actor_in(ctx, subj, (EntityType.PARTY, EntityType.PERSON, EntityType.ORGANIZATION))
        if participant:
            _add_result(
                cluster,
                ElectionResult(
                    participant=participant, won=won, evidence=ctx.evidence(sent, "election:outcome")
                ),
            )


def _settle_winner(cluster: _Cluster) -> None:
    """One winner: the declared one, else the majority share; everyone else lost."""
    results = cluster.results
    winners = [p for p, r in results.items() if r.won]
    if not winners:
        shares = [(r.vote_share, p) for p, r in results.items() if r.vote_share is not None]
        if shares:
            top, p = max(shares)
            if top > 50:
                results[p] = results[p].model_copy(update={"won": True})
                winners = [p]
    if len(winners) == 1:
        for p, r in results.items():
            if p != winners[0] and r.won is None:
                results[p] = r.model_copy(update={"won": False})


# --------------------------------------------------------------------------------- annulment, allegations


def _mentions_results(tok: Token) -> bool:
    nouns = lexicon().words("result_nouns")
    return any(_lemma(t) in nouns or t.lower_ in nouns for t in tok.subtree)


def _annulled(sent: Span) -> bool:
    lex = lexicon()
    for tok in sent:
        lem = _lemma(tok)
        if lem in lex.words("annul_verbs") and not _negated(tok):
            objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
            if any(_mentions_results(o) for o in objs):
                return True
        if lem in lex.words("annul_nouns") and any(
            _mentions_results(c) for c in tok.children if c.dep_ == "prep"
        ):
            return True
    return False


def _allegations(sent: Span) -> list[str]:
    text = sent.text
    return [label for label, pats in lexicon().allegations.items() if any(p.search(text) for p in pats)]


def _election_related(sent: Span) -> bool:
    words = lexicon().words("nouns") | lexicon().words("result_nouns") | {"voter", "polling", "observer"}
    return any(_lemma(t) in words for t in sent)


def _accuser(ctx: FactContext, sent: Span) -> tuple[str | None, str]:
    lex = lexicon()
    verbs = lex.words("accuse_verbs")
    for tok in sent:
        if _lemma(tok) in verbs and tok.pos_ in ("VERB", "AUX"):
            subj = _subject_of(tok)
            if subj is not None:
                actor = _actor_in(ctx, subj)
                if actor:
                    return actor, _lemma(tok)
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            if agent is not None:
                pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    actor = _actor_in(ctx, pobj)
                    if actor:
                        return actor, _lemma(tok)
    # "according to X"
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 2 < len(tok.doc) and tok.nbor(1).lower_ == "to":
            for t in tok.nbor(1).subtree:
                eid = ctx.entity_for_token(t)
                if eid:
                    return eid, "according-to"
    return None, ""


def _stance_relations(ctx: FactContext, sent: Span, target: str, when: FuzzyDate | None) -> list[Relation]:
    """REJECT / SUPPORT of the election by the subject of "rejected the results", "refused to recognise the
    vote", "recognised the outcome"."""
    lex = lexicon()
    out: list[Relation] = []
    reject, recognize = lex.words("reject_verbs"), lex.words("recognize_verbs")
    for tok in sent:
        lem = _lemma(tok)
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        if not any(_mentions_results(o) for o in objs):
            continue
        negated = _negated(tok)
        rtype: str | None = None
        rule = ""
        if lem in recognize:
            head = tok.head if tok.dep_ == "xcomp" else None
            if negated or (head is not None and (_lemma(head) in reject or _negated(head))):
                rtype, rule = "REJECT", "election:refuse-recognize"
            else:
                rtype, rule = "SUPPORT", "election:recognize"
        elif lem in reject and lem != "refuse" and not negated:
            rtype, rule = "REJECT", "election:reject"
        if rtype is None:
            continue
        subj = _subject_of(tok)
        if subj is None and tok.dep_ == "xcomp":
            subj = _subject_of(tok.head)
        actor = _actor_in(ctx, subj) if subj is not None else None
        if actor is None:
            continue
        conf = 0.75 if rtype == "REJECT" else 0.6
        out.append(
            Relation(
                type=rtype,
                source=actor,
                target=target,
                date=sentence_date(sent, ctx.published) or None,
                evidence=ctx.evidence(sent, rule),
                confidence=conf,
                attributes={"verb": tok.lower_},
            )
        )
    # "X rejects election results" in a headline-like fragment without a verb tag
    return out


# ------------------------------------------------------------------------------------------------ main


def extract_elections(ctx: FactContext) -> tuple[list[Election], list[Relation]]:
    mentions = _find_mentions(ctx)
    if not mentions:
        return [], []
    clusters = _cluster(ctx, mentions)
    if not clusters:
        return [], []
    relations_by_cluster: dict[int, list[tuple[Span, str, str | None, str]]] = {}
    stance: list[tuple[int, Span]] = []
    for sent in ctx.doc.sents:
        ci = _cluster_for_sentence(sent, mentions)
        if ci is None:
            continue
        has_mention = any(m.sent.start == sent.start and m.key == ci for m in mentions)
        related = has_mention or _election_related(sent)
        cluster = clusters[ci]
        if has_mention:
            cluster.evidence.append(ctx.evidence(sent, "election:mention"))
        if related or _percents(sent):
            _results_in(ctx, sent, cluster)
        if not related:
            continue
        if _annulled(sent):
            cluster.annulled = True
            if not has_mention:
                cluster.evidence.append(ctx.evidence(sent, "election:annulled"))
        found = _allegations(sent)
        for label in found:
            if label not in cluster.allegations:
                cluster.allegations.append(label)
        if found:
            accuser, verb = _accuser(ctx, sent)
            for label in found:
                relations_by_cluster.setdefault(ci, []).append((sent, label, accuser, verb))
        stance.append((ci, sent))

    elections: list[Election] = []
    ids: dict[int, str] = {}
    for ci, c in enumerate(clusters):
        _settle_winner(c)
        eid = election_id(c.country, c.kind, c.date)
        ids[ci] = eid
        elections.append(
            Election(
                id=eid,
                country=c.country,
                kind=c.kind,
                date=c.date,
                annulled=c.annulled,
                turnout=c.turnout,
                results=list(c.results.values()),
                allegations=c.allegations,
                evidence=_unique_evidence(c.evidence),
            )
        )
    relations: list[Relation] = []
    for ci, sent in stance:
        relations.extend(_stance_relations(ctx, sent, ids[ci], clusters[ci].date))
    for ci, items in relations_by_cluster.items():
        for sent, label, accuser, verb in items:
            if accuser is None:
                continue
            relations.append(
                Relation(
                    type="ACCUSE",
                    source=accuser,
                    target=ids[ci],
                    date=sentence_date(sent, ctx.published),
                    evidence=ctx.evidence(sent, f"election:allegation:{verb}"),
                    claimed_by=accuser,
                    confidence=0.6,
                    attributes={"allegation": label},
                )
            )
    merged, mapping = merge_elections(elections)
    # "the presidential election campaign", "elections are rarely free": an election with no date, no result
    # and no annulment is talk about elections, not one the graph can place.
    kept = [e for e in merged if e.date is not None or e.results or e.annulled]
    kept_ids = {e.id for e in kept}
    relations = [r.model_copy(update={"target": mapping.get(r.target, r.target)}) for r in relations]
    return kept, _dedupe([r for r in relations if r.target in kept_ids])


def _unique_evidence(items: list[Evidence]) -> list[Evidence]:
    seen: set[tuple[int, str]] = set()
    out = []
    for ev in items:
        key = (ev.start_char, ev.article_id)
        if key not in seen:
            seen.add(key)
            out.append(ev)
    return out


def _dedupe(relations: list[Relation]) -> list[Relation]:
    seen: set[tuple[str, str, str, int, str]] = set()
    out = []
    for r in relations:
        key = (r.type, r.source, r.target, r.evidence.start_char, str(r.attributes.get("allegation", "")))
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def merge_elections(elections: list[Election]) -> tuple[list[Election], dict[str, str]]:
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
            # An undated mention is that election only when the country held one of this kind.
            dated = [g for g in same if g[0].date is not None]
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
            when = _more_precise(when, el.date)
        base = g[0]
        new_id = election_id(base.country, base.kind, when)
        results: dict[str, ElectionResult] = {}
        holder = _Cluster(country=base.country, kind=base.kind, date=when, results=results)
        allegations: list[str] = []
        evidence: list[Evidence] = []
        annulled: bool | None = None
        turnout: float | None = None
        for el in g:
            for r in el.results:
                _add_result(holder, r)
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
                evidence=_unique_evidence(evidence),
            )
        )
    # Elections that merged into one id but were listed twice (same id) are one now.
    by_id: dict[str, Election] = {}
    for el in merged:
        by_id.setdefault(el.id, el)
    return list(by_id.values()), mapping
