"""The words that report an event, whether the event took place, is planned or only talked about, and
its date and proper name."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Span, Token

from ingest.facts.context import FactContext
from ingest.facts.dates import (
    date_entities,
    date_modifier,
    date_of_span,
    line_date,
    sentence_date,
)
from ingest.facts.events.lexicon import lexicon
from ingest.facts.syntax import clause_verb, lemma, negated, words
from ingest.models import FuzzyDate

# ------------------------------------------------------------------------------------------- triggers


@dataclass
class Trigger:
    token: Token
    type: str
    is_verb: bool


def not_occurred(tok: Token) -> bool:
    """ "urged him to resign", "demanded his resignation", "refused to step down", "calling for X to step
    down"."""
    heads = lexicon().words("not_occurred_heads")
    t = tok
    for _ in range(3):
        if t.dep_ in ("xcomp", "dobj", "pobj", "ccomp", "prep", "advcl") and t.head != t:
            t = t.head
            if lemma(t) in heads:
                return True
        else:
            break
    return negated(tok)


def trigger(tok: Token) -> Trigger | None:
    lex = lexicon()
    lem = lemma(tok)
    if tok.ent_type_ in ("DATE", "TIME"):
        return None
    excluded = lex.raw.get("excluded_modifiers", {})
    if tok.pos_ in ("NOUN", "PROPN") and (lem in lex.noun_type or tok.lower_ in lex.noun_type):
        etype = lex.noun_type.get(lem) or lex.noun_type[tok.lower_]
        if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
            return None  # "riot police", "protest movement": the word describes another noun
        mods = {lemma(c) for c in tok.children if c.dep_ in ("amod", "compound", "nmod")}
        mods |= {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nmod")}
        if mods & {str(m).lower() for m in excluded.get(lem, [])}:
            return None
        if lem in lex.words("excluded_prep_of") and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in tok.children
        ):
            return None
        return Trigger(tok, etype, False)
    if tok.pos_ == "VERB":
        if tok.dep_ == "amod":
            return None  # "a formerly imprisoned politician": an attribute, not a report of the arrest
        if lem in lex.phrasal:
            particle, etype = lex.phrasal[lem]
            if any(c.dep_ == "prt" and c.lower_ == particle for c in tok.children):
                return Trigger(tok, etype, True)
        if lem in lex.verb_objects:
            for obj in (c for c in tok.children if c.dep_ == "dobj"):
                acted = lex.verb_objects[lem].get(lemma(obj)) or lex.verb_objects[lem].get(obj.lower_)
                if acted is not None:
                    return Trigger(tok, acted, True)
        if lem in lex.verb_type:
            etype = lex.verb_type[lem]
            objs = [c for c in tok.children if c.dep_ == "dobj"]
            if any(lemma(o) in lex.words("excluded_objects") for o in objs):
                return None
            if objs and lem in lex.words("transitive_not_event"):
                return None
            return Trigger(tok, etype, True)
    return None


# ----------------------------------------------------------------------------------- clauses and modality


def clause_modality(tok: Token) -> Literal["hypothetical", "announced"] | None:
    """Whether the trigger's clause is hypothetical ("would not have been possible", "could spark protests",
    "even if they arrest us", "has to lead people to demonstrations") or an announcement told in reported
    speech ("said it would hold a rally")."""
    lex = lexicon()
    modals = words("hypothetical_modals")
    marks = words("conditional_marks")
    verb = clause_verb(tok)
    if verb is None:
        return None
    v: Token = verb
    for depth in range(3):
        if any(c.dep_ == "mark" and c.lower_ in marks for c in v.children):
            return "hypothetical"
        aux = [c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")]
        if depth == 0 and any(a in modals for a in aux):
            if "would" in aux and v.dep_ == "ccomp" and lemma(v.head) in lex.words("reporting_verbs"):
                return "announced"
            return "hypothetical"
        if depth == 0 and v.dep_ == "xcomp" and lemma(v.head) in ("have", "need", "ought"):
            return "hypothetical"
        if v.dep_ not in ("xcomp", "conj", "advcl") or v.head == v:
            break
        v = v.head
    return None


def generic(tok: Token) -> bool:
    """Talk about events in general: "a history of protests", "fearing police violence", "laws that
    facilitate the arrest of bloggers"."""
    lex = lexicon()
    heads, verbs = lex.words("non_event_heads"), lex.words("non_event_verbs")
    if date_modifier(tok) is not None:
        return False
    t = tok
    # Through conjunctions: "the elections and ensuing protests" stand where their first conjunct does.
    while t.dep_ == "conj" and t.head != t:
        t = t.head
    if t.dep_ == "pobj" and t.head.lower_ in ("of", "for", "about", "on", "against"):
        owner = t.head.head
        if lemma(owner) in heads or lemma(owner) in verbs:
            return True
    if t.dep_ in ("dobj", "nsubjpass", "xcomp", "ccomp") and lemma(t.head) in verbs:
        return True
    verb = clause_verb(t)
    return verb is not None and verb != t and lemma(verb) in verbs and t.dep_ == "dobj"


# -------------------------------------------------------------------------------------------- dates


def event_date(ctx: FactContext, sent: Span, trig: Token, future: bool) -> FuzzyDate | None:
    """The date of the event's own phrase, of the verb it is the subject or object of, or of a chronology
    line; the sentence's date only when the event stands in the sentence's main clause."""
    prefer: Literal["past", "future"] = "future" if future else "past"
    heading = line_date(trig, ctx.published)
    if heading is not None:
        return heading
    mod = date_modifier(trig)
    if mod is not None:
        fd = date_of_span(mod, ctx.published, prefer=prefer)
        if fd is not None:
            return fd
    verb = clause_verb(trig)
    if verb is not None and verb != trig:
        mod = date_modifier(verb)
        if mod is not None:
            fd = date_of_span(mod, ctx.published, prefer=prefer)
            if fd is not None:
                return fd
    main = sent.root
    if verb is not None and (verb == main or (verb.dep_ == "conj" and verb.head == main)):
        return sentence_date(sent, ctx.published, prefer=prefer)
    # A date a few arcs away in the parse ("hundreds of people on Tuesday protested", "the previous year, when
    # clashes broke out") belongs to the event; one in another clause of a long sentence does not.
    best: tuple[int, FuzzyDate] | None = None
    for ent in date_entities(sent.doc, sent.start, sent.end):
        dist = min(_distance(ent.root, trig), _distance(ent.root, verb) if verb is not None else 99)
        if dist > 3:
            continue
        fd = date_of_span(ent, ctx.published, prefer=prefer)
        if fd is not None and (best is None or dist < best[0]):
            best = (dist, fd)
    return best[1] if best else None


def _distance(a: Token, b: Token) -> int:
    """Number of arcs between two tokens of one sentence's parse."""
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    index_b = {t.i: n for n, t in enumerate(up_b)}
    for n, t in enumerate(up_a):
        if t.i in index_b:
            return n + index_b[t.i]
    return 99


def event_name(trig: Token) -> str | None:
    """A proper name for a revolution or uprising: "the Tulip Revolution" -> "Tulip Revolution"; a quoted
    capitalised word before a lower-case trigger ("the 'Rose' revolution") names it too."""
    mods = [c for c in trig.lefts if c.dep_ in ("compound", "amod", "nmod") and c.text[:1].isupper()]
    mods = [c for c in mods if c.ent_type_ not in ("DATE", "CARDINAL", "NORP", "GPE")]
    if not mods:
        return None
    if trig.text[:1].isupper():
        first = min(m.i for m in mods)
        return trig.doc[first : trig.i + 1].text
    quoted = [m for m in mods if m.i > 0 and trig.doc[m.i - 1].text in ('"', "\u201c", "'", "\u2018")]
    if not quoted:
        return None
    return f"{quoted[-1].text} {trig.text.capitalize()}"
