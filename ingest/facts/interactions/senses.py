"""How a verb is read: its PLOVER sense (from the verb lexicon, or from the noun a light verb carries), and
the readings that state no interaction at all (a vote, a count of votes, a contest between candidates)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ingest.facts.interactions.appeals import addressees
from ingest.facts.plover_lexicon import PloverLexicon, Sense
from ingest.facts.syntax import prepositional_objects, words


def sense_of(verb: Token, lex: PloverLexicon) -> Sense | None:
    # A phrase of time is no particle of the verb: "called X on Monday" is no "call on".
    preps = [c.lower_ for c in verb.children if c.dep_ in ("prt", "prep") and not _of_time(c)]
    objs = [c.lemma_.lower() for c in verb.children if c.dep_ in ("dobj", "attr")]
    objs += [c.lower_ for c in verb.children if c.dep_ in ("dobj", "attr")]
    for prep in verb.children:
        if prep.dep_ == "prep":
            objs += [p.lemma_.lower() for p in prep.children if p.dep_ == "pobj"]
    sense = lex.verb_sense(verb.lemma_.lower(), preps, objs)
    if sense is not None and sense.mode == "seize" and _figurative(verb, lex):
        return None  # "captured the imagination of X": no seizure
    if _lays_sanctions(verb, lex):
        return Sense("SANCTION", "", "light-verb")  # "put sanctions on X", "slapped an embargo on X"
    if sense is not None and sense.type == "REQUEST" and _asks_for_protest(verb, lex):
        return Sense("THREATEN", "protest", sense.src)  # a protest called for is still to come
    return sense


def _lays_sanctions(verb: Token, lex: PloverLexicon) -> bool:
    """A light verb whose object is a sanction or an embargo lays it on whom its "on" or "against" names,
    whatever the verb alone would mean ("put ... on" is otherwise a call to arms)."""
    if verb.lemma_.lower() not in lex.words("light_verbs") | {"put"}:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return any(
        (noun := lex.nouns.get(o.lemma_.lower())) is not None and noun.type == "SANCTION" for o in objects
    ) and any(c.dep_ == "prep" and c.lower_ in ("on", "against") for c in verb.children)


def _asks_for_protest(verb: Token, lex: PloverLexicon) -> bool:
    """ "called for protests against X", "urged a general strike": the call announces a protest."""
    asked = [c for c in verb.children if c.dep_ == "dobj"]
    asked += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children]
    for tok in asked:
        noun = lex.nouns.get(tok.lemma_.lower())
        if noun is not None and noun.type == "PROTEST":
            return True
        # "the day of action", "a week of protests"
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                inner = [p.lemma_.lower() for p in c.children if p.dep_ == "pobj"]
                if any(
                    w in lex.words("protest_action_nouns")
                    or (w in lex.nouns and lex.nouns[w].type == "PROTEST")
                    for w in inner
                ):
                    return True
    return False


def _figurative(verb: Token, lex: PloverLexicon) -> bool:
    direct = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(direct) and all(c.lemma_.lower() in lex.words("figurative_objects") for c in direct)


def _of_time(prep: Token) -> bool:
    # "called for the day of action": what "for" asks for may be a day; it is still the verb's particle.
    if prep.lower_ == "for":
        return False
    return any(p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME") for p in prep.children)


def by_the_state(verb: Token, rtype: str, state_subjects: list[bool], lex: PloverLexicon) -> bool:
    """Whether an agentless passive is the state's act: arrest, detention, imprisonment, sentencing, release,
    and a charge ("X is accused of treason") unless it is common talk ("widely accused") or made against
    the state itself ("the government is accused"). "Barred from running" or "banned" has too many possible
    agents."""
    lemma = verb.lemma_.lower()
    if rtype == "COERCE" and lemma in lex.words("state_coercion_verbs"):
        return True
    if lemma in lex.words("state_release_verbs"):
        return True
    return (
        rtype == "ACCUSE"
        and lemma in lex.words("state_accusation_verbs")
        and not any(c.lower_ in lex.words("hearsay_adverbs") for c in verb.children)
        and not any(state_subjects)
    )


def received(noun: Token, lex: PloverLexicon) -> bool:
    """A noun of a cooperative act that is given ("support", "aid", "backing"): its receiver is the subject
    of "received", "enjoyed", "has"."""
    spec = lex.nouns.get(noun.lemma_.lower())
    return spec is not None and spec.type in ("SUPPORT", "AID", "COOPERATE")


def armed(sent: Span, lex: PloverLexicon) -> bool:
    """Whether the sentence speaks of fighting: armed actors or combat."""
    return cued(sent, "armed_cues", lex)


def cued(sent: Span, cues_key: str, lex: PloverLexicon) -> bool:
    cues = lex.words(cues_key)
    return any(t.lower_ in cues or t.lemma_.lower() in cues for t in sent)


def about_a_vote(verb: Token, lex: PloverLexicon) -> bool:
    """Whether the verb's object, or a phrase on it, is an election ("won the runoff", "beat X in the
    poll")."""
    nouns = lex.words("contest_nouns")
    phrases = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
    phrases += [p for p, _ in prepositional_objects(verb)]
    return any(p.lemma_.lower() in nouns or p.lower_ in nouns for p in phrases)


def tells_a_tally(verb: Token, lex: PloverLexicon) -> bool:
    """Whether the verb's object is a count of votes ("won a third of the ballots", "polled
    1.2 million votes", "kept a narrow lead over X", "had 48% support")."""
    tally = lex.words("tally_nouns")
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "attr")):
        if obj.pos_ == "NUM" or obj.lemma_.lower() in tally or obj.lower_ in tally:
            return True
        shares = ("%", "percent", "per")
        marks = [c for c in obj.children if c.dep_ in ("nummod", "compound", "amod")]
        if any(c.lower_ in shares or any(g.lower_ in shares for g in c.children) for c in marks):
            return True  # "had 48% support": a share of the vote or of a poll
        for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"):
            if any(p.lemma_.lower() in tally for p in prep.children if p.dep_ == "pobj"):
                return True
    return False


def carried_sense(verb: Token, lex: PloverLexicon) -> Sense | None:
    """ "placed sanctions on X", "ordered sanctions against X": a light verb's object noun carries the
    act; the verb's own sense ("place" troops, "order") does not. A phrasal verb ("called off a strike")
    has a sense of its own."""
    if verb.lemma_.lower() not in lex.words("light_verbs") or any(c.dep_ == "prt" for c in verb.children):
        return None
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        spec = lex.nouns.get(obj.lemma_.lower()) or lex.nouns.get(obj.lower_)
        if spec is not None:
            spoken = spoken_type(obj, spec.type, lex)
            return Sense(spoken, "disapprove" if spoken != spec.type else spec.mode, "noun")
    return None


def spoken_type(noun: Token, rtype: str, lex: PloverLexicon) -> str:
    """ "verbal attacks on X": an attack of words accuses X; it does not assault it."""
    if rtype == "ASSAULT" and any(
        c.dep_ == "amod" and c.lower_ in lex.words("verbal_modifiers") for c in noun.children
    ):
        return "ACCUSE"
    return rtype


def asks_for_an_act(verb: Token, lex: PloverLexicon) -> bool:
    """ "X called for protests / sanctions against Y": an appeal for an act, addressed to no one the
    sentence names; Y is the act's target, not the appeal's."""
    if any(c.dep_ == "dobj" and addressees(c, lex) for c in verb.children):
        return True  # "renewed the call for Y to resign": the appeal noun names whom it asks (appeals.py)
    if verb.lemma_.lower() not in words("appeal_verbs"):
        return False
    if any(
        c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("on", "upon") and not _of_time(c))
        for c in verb.children
    ):
        return False  # "urged X to", "called on X to": the appeal has an addressee
    return any(
        p.lemma_.lower() in lex.nouns
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "for"
        for p in c.children
        if p.dep_ == "pobj"
    )
