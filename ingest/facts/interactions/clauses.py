"""The clause around a verb, read from the dependency parse: its subjects and whether it is passive, whether
it is negated, who reports or alleges it, whether it is promised or threatened, and which phrases can be its
target."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ingest.facts import syntax
from ingest.facts.context import FactContext
from ingest.facts.coref import Coreference
from ingest.facts.plover_lexicon import PloverLexicon, Sense, load_plover_lexicon

# PLOVER's reading of a promised or threatened act: a promise of a cooperative act is AGREE, a threat of a
# coercive one is THREATEN ("will send aid" is AGREE, "plans to impose sanctions" is THREATEN).
COOPERATIVE_TYPES = {"SUPPORT", "AID", "COOPERATE", "CONSULT", "CONCEDE", "RETREAT"}
COERCIVE_TYPES = {"COERCE", "ASSAULT", "SANCTION", "MOBILIZE"}
# Prepositions whose object can be the target of a verb with no preposition of its own in the lexicon.
TARGET_PREPS = {"with", "to", "against", "on", "at", "toward", "towards", "from", "into", "upon", "for"}

# The actor a reporting verb's subject names, or None when it names no one who can speak.
Speaker = Callable[[Token], str | None]

# ------------------------------------------------------------------------------------------------ subjects


def subjects(verb: Token, lex: PloverLexicon, ctx: FactContext) -> tuple[list[Token], bool]:
    """Subject tokens of a verb (its own or inherited, see syntax.subjects) and whether it is passive; a
    pronoun subject under a reporting verb is that verb's subject."""
    found = Coreference(ctx).subjects(verb)
    if found.owner is None:
        return found.tokens, found.passive
    return [pronoun_antecedent(found.owner, t, lex) for t in found.tokens], found.passive


def pronoun_antecedent(verb: Token, subj: Token, lex: PloverLexicon) -> Token:
    """ "X said it would ...": a pronoun subject under a reporting verb is that verb's subject."""
    if subj.pos_ != "PRON" or subj.lower_ not in syntax.words("subject_pronouns"):
        return subj
    tok = verb
    for _ in range(4):
        if tok.dep_ not in ("ccomp", "conj", "xcomp") or tok.head == tok:
            break
        tok = tok.head
        if tok.lemma_.lower() in lex.words("reporting_verbs") or tok.dep_ == "ROOT":
            outer = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if outer is not None and outer.pos_ != "PRON":
                return outer
    return subj


# ----------------------------------------------------------------------------------- reporting and accusation


def claimer(verb: Token, sources: list[str], lex: PloverLexicon, speaker: Speaker) -> str | None:
    """The actor who reports or alleges what the verb says, when the verb sits under a reporting verb."""
    tok = verb
    via_complement = False
    for _ in range(6):
        if tok.dep_ in ("ccomp", "parataxis") or (tok.dep_ == "ROOT" and via_complement):
            via_complement = True
        head = tok.head
        if head == tok:
            break
        if tok.dep_ in ("ccomp",) and head.lemma_.lower() in lex.words("reporting_verbs"):
            subj = [c for c in head.children if c.dep_ == "nsubj"]
            for s in subj:
                eid = speaker(s)
                if eid and eid not in sources:
                    return eid
            return None
        if tok.dep_ not in ("xcomp", "conj", "ccomp", "advcl"):
            break
        tok = head
    # "X said Y had done Z" where "said" is parenthetical ("Y had done Z, X said").
    for child in verb.children:
        if child.dep_ in ("parataxis", "ccomp") and child.lemma_.lower() in lex.words("reporting_verbs"):
            for s in child.children:
                if s.dep_ == "nsubj":
                    eid = speaker(s)
                    if eid and eid not in sources:
                        return eid
    return None


# ----------------------------------------------------------------------------- negation, prospect and targets


def own_stance(obj: Token, sense: Sense) -> list[tuple[Token, str]] | None:
    """ "reaffirmed X's solidarity with Y", "expressed X's support for Y": an object noun of the verb's own
    kind is the act itself, whose possessor holds it; only its own prepositions name whom it is for. None
    when the object is no such noun, or names no holder."""
    noun = load_plover_lexicon().nouns.get(obj.lemma_.lower())
    if noun is None or noun.type != sense.type or noun.possessive_is_target:
        return None
    if not any(c.dep_ == "poss" for c in obj.children):
        return None  # "paid a call on X": no holder named, the object's phrase is read as any other
    return [
        (p, c.lower_)
        for c in obj.children
        if c.dep_ == "prep" and c.lower_ in noun.target_preps
        for p in c.children
        if p.dep_ == "pobj"
    ]


def seizes_nothing(verb: Token, sense: Sense | None) -> bool:
    """A seizure takes something: with no object, "X took over from Y" is a succession, and Y no victim."""
    return sense is not None and sense.mode == "seize" and not any(c.dep_ == "dobj" for c in verb.children)


def target_tokens(verb: Token, sense: Sense) -> list[tuple[Token, str]]:
    """(token, via) pairs: direct objects, datives and prepositional objects that can be the target."""
    out: list[tuple[Token, str]] = []
    # Talks, agreements and cooperation "on" something are about it ("discussed with Y on the border"),
    # where sanctions, crackdowns and calls "on" someone are done to them.
    preps = TARGET_PREPS - {"on"} if sense.type in ("CONSULT", "AGREE", "COOPERATE") else TARGET_PREPS
    if seizes_nothing(verb, sense):
        preps = preps - {"from"}
    topic = sense.type == "CONSULT" and syntax.lemma(verb) in syntax.words("topic_verbs")
    for c in verb.children:
        if c.dep_ in ("dobj", "dative", "iobj", "attr", "oprd") and c.tag_ not in ("IN", "TO"):
            held = own_stance(c, sense)
            if held is not None:
                out.extend(held)
            elif not (topic and c.dep_ == "dobj"):
                out.append((c, "obj"))
        elif c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ in preps):
            out.extend((p, c.lower_) for p in c.children if p.dep_ == "pobj")
        elif c.dep_ == "prt":
            for p in c.children:
                if p.dep_ == "pobj":
                    out.append((p, c.lower_))
        elif c.dep_ in ("ccomp", "xcomp") and syntax.lemma(verb) in syntax.words("permission_verbs"):
            # "allowed Y's ships to dock": the one let do it is the subject the parser gave the complement.
            out.extend((s, "obj") for s in c.children if s.dep_ == "nsubj")
    return out


def prospective_type(verb: Token, rtype: str, lex: PloverLexicon) -> str | None:
    """For an act still to come: AGREE when it is a cooperative one (promised), THREATEN when it is a coercive
    one (threatened), and "" for any other (an accusation that "will" come is no fact yet). None for an act
    that happened.

    The act is prospective when its verb, or a verb it is the purpose or complement of ("willing to send
    aid to help defend Y"), carries a future modal ("will", "may"), hangs under a verb of intent ("plans
    to", "threatened to") or under a readiness adjective ("ready to", "willing to")."""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if not passive and any(
        c.dep_ == "aux" and c.lower_ in syntax.words("obligation_modals") for c in verb.children
    ):
        # "Y must recognise Z", "Y should resign": what someone ought to do is no fact. A passive one ("X
        # should be released", said by a court) is how orders are worded, and stays.
        return ""
    modal = False
    tok = verb
    for _ in range(4):
        modals = [
            c.lower_ for c in tok.children if c.dep_ == "aux" and c.lower_ in syntax.words("future_modals")
        ]
        if (
            modals == ["would"]
            and tok.dep_ == "ccomp"
            and syntax.lemma(tok.head) in syntax.words("decision_verbs")
        ):
            break  # "announced it would suspend talks": a decision made known, the act itself
        if modals:
            modal = True
            break
        head = tok.head
        if head == tok or tok.dep_ not in ("xcomp", "advcl", "conj"):
            break
        if tok.dep_ == "advcl" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            break  # only a purpose clause ("to help") carries its governor's prospect
        hlemma = head.lemma_.lower()
        if tok.dep_ == "xcomp" and hlemma in syntax.words("continuation_verbs"):
            return None  # "will continue to back Y": the backing goes on now
        if hlemma in lex.words("schedule_adjectives") and head.pos_ in ("ADJ", "VERB"):
            return ""  # "is due to speak at Y": on a timetable, not yet a fact of any kind
        if head.pos_ == "ADJ" and hlemma in lex.words("readiness_adjectives"):
            modal = True
            break
        if tok.dep_ == "xcomp" and hlemma in lex.words("threat_verbs"):
            return "THREATEN"
        if asked_of(tok, head, lex):
            return ""  # "urged X to back Y", "called on X to free Y": asked for, not done
        if tok.dep_ == "xcomp" and hlemma in lex.words("promise_verbs"):
            modal = True
            break
        tok = head
    if not modal:
        return None
    if rtype in COOPERATIVE_TYPES or rtype == "AGREE":
        return "AGREE"
    if rtype in COERCIVE_TYPES or rtype == "THREATEN":
        return "THREATEN"
    return ""


def asked_of(comp: Token, head: Token, lex: PloverLexicon) -> bool:
    """Whether an infinitive is what someone was asked to do: "urged X to", "asked X to", "called on X to".
    "Called X to congratulate him" is a telephone call made for it, and it happened."""
    if comp.dep_ not in ("xcomp", "advcl") or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in comp.children
    ):
        return False
    if syntax.lemma(head) not in lex.words("demand_verbs"):
        return False
    if syntax.lemma(head) == "call":
        return any(c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in head.children)
    return True


def mandative(comp: Token, demanded: bool) -> bool:
    """Whether a that-clause says what someone must do ("that Y resign", "Y must free Z", "that Z be
    freed") rather than what is so ("insists he was the winner", "Y should be proud").

    Under a verb of demand the bare verb form is the mark ("demanded that Y step down"); under any other
    reporting verb only an obligation modal is. A modal before its subject is a condition, not an obligation
    ("should Y refuse, ..."), and a state ("be", "have") is nothing anyone can be asked to do unless it
    leads to an act ("must be ready to mediate")."""
    if comp.lemma_.lower() in ("be", "have") and not any(t.dep_ == "xcomp" for t in comp.subtree):
        return False
    subj = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    auxes = [c for c in comp.children if c.dep_ in ("aux", "auxpass")]
    modals = [a for a in auxes if a.lower_ in syntax.words("obligation_modals")]
    if modals:
        return subj is None or all(m.i > subj.i for m in modals)
    if not demanded:
        return False
    if auxes:
        return all(a.tag_ == "VB" for a in auxes)  # "that Z be freed"
    return comp.tag_ in ("VB", "VBP")
