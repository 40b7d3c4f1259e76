"""The clause around a verb, read from the dependency parse: its subjects and whether it is passive, whether
it is negated, who reports or alleges it, whether it is promised or threatened, and which phrases can be its
target."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ingest.facts.context import FactContext
from ingest.facts.plover_lexicon import PloverLexicon, Sense
from ingest.models import EntityType

# PLOVER's reading of a promised or threatened act: a promise of a cooperative act is AGREE, a threat of a
# coercive one is THREATEN ("will send aid" is AGREE, "plans to impose sanctions" is THREATEN).
COOPERATIVE_TYPES = {"SUPPORT", "AID", "COOPERATE", "CONSULT", "CONCEDE", "RETREAT"}
COERCIVE_TYPES = {"COERCE", "ASSAULT", "SANCTION", "MOBILIZE"}
FUTURE_MODALS = {"will", "would", "shall", "may", "might", "could", "'ll"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
# Prepositions whose object can be the target of a verb with no preposition of its own in the lexicon.
TARGET_PREPS = {"with", "to", "against", "on", "at", "toward", "towards", "from", "into", "upon", "for"}
PERSONAL_PRONOUNS = {"it", "he", "she", "they", "we"}
# Third-person pronouns and the entity types they can stand for; "he"/"she" name people, "it"/"they" name
# states and organisations ("they" also groups of people, but a group is rarely a resolved actor).
PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
COLLECTIVE_PRONOUNS = {"it", "its", "they", "them", "their"}
OBJECT_PRONOUNS = {"him", "her", "them"}
COLLECTIVE_TYPES = {EntityType.COUNTRY, EntityType.ORGANIZATION, EntityType.PARTY}

# The actor a reporting verb's subject names, or None when it names no one who can speak.
Speaker = Callable[[Token], str | None]

# ------------------------------------------------------------------------------------------------ subjects


def subjects(verb: Token, lex: PloverLexicon, ctx: FactContext) -> tuple[list[Token], bool]:
    """Subject tokens of a verb (inherited through xcomp/conj chains) and whether it is passive."""
    subj = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if subj:
        passive = any(c.dep_ == "nsubjpass" for c in subj) or headline_passive(verb, subj, lex)
        if passive and verb.lemma_.lower() in lex.words("stative_participles"):
            # "X is opposed to Y" states X's stance: X is the actor, not the one acted on.
            passive = not any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)
        return [pronoun_antecedent(verb, c, lex) for c in subj], passive
    head = verb.head
    if (
        verb.dep_ == "xcomp"
        and head.pos_ == "ADJ"
        and head.dep_ in ("acomp", "amod")
        and head.head is not head
    ):
        # "X is ready to send Y": the adjective's clause supplies the subject.
        return subjects(head.head, lex, ctx)[0], False
    if verb.dep_ == "xcomp" and head is not verb:
        objs = [c for c in head.children if c.dep_ == "dobj"]
        if objs and head.lemma_.lower() in lex.words("object_control_verbs"):
            return objs, False
        return subjects(head, lex, ctx)[0], False
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX") and head is not verb:
        inherited, passive = subjects(head, lex, ctx)
        if head.dep_ == "ccomp" and binds_own_object(verb, inherited, ctx):
            # "A said B was trying to X and urged him to Y": "him" is B, so "urged" cannot have B as its
            # subject; the conjunct belongs to the reporting verb, whose subject it takes.
            return subjects(head.head, lex, ctx)
        if passive and active_form(verb):
            # "X was barred from running and has backed Y": the passive subject acts in the active verb.
            return inherited, False
        return inherited, passive
    if (
        verb.dep_ in ("advcl", "pcomp", "acl")
        and verb.tag_ == "VBG"
        and head is not verb
        and head.pos_ in ("VERB", "AUX")
    ):
        return subjects(head, lex, ctx)[0], False
    if verb.dep_ == "advcl" and verb.tag_ == "VB" and head.pos_ in ("VERB", "AUX") and head is not verb:
        # Purpose clause: "X staged a strike to protest Y".
        return subjects(head, lex, ctx)[0], False
    return [], False


def active_form(verb: Token) -> bool:
    """Whether a verb with no subject of its own reads as active ("has backed", "backs")."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        return False
    if verb.tag_ != "VBN":
        return True
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


def binds_own_object(verb: Token, subj_toks: list[Token], ctx: FactContext) -> bool:
    """Whether the verb's object pronoun refers (by recency) to the subject it would inherit."""
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ in OBJECT_PRONOUNS]
    if not objs:
        return False
    subj_ids = {ctx.entity_for_token(s) for s in subj_toks if s.pos_ != "PRON"} - {None}
    word = objs[0].lower_
    types = {EntityType.PERSON} if word in PERSON_PRONOUNS else COLLECTIVE_TYPES
    sent = verb.sent
    for span in reversed(ctx.entities_in(sent.start_char, objs[0].idx)):
        if ctx.entity_type(span.entity_id) in types:
            return span.entity_id in subj_ids
    return False


def headline_passive(verb: Token, subj: list[Token], lex: PloverLexicon) -> bool:
    """ "X jailed for eight years": a coercion verb with a subject but no object and no auxiliary is the
    passive of headlines and timelines, not X jailing someone."""
    if verb.lemma_.lower() not in lex.words("state_coercion_verbs"):
        return False
    if not subj or any(c.dep_ in ("dobj", "aux", "auxpass", "dative") for c in verb.children):
        return False
    return verb.tag_ in ("VBN", "VBD") and all(s.dep_ == "nsubj" for s in subj)


def pronoun_antecedent(verb: Token, subj: Token, lex: PloverLexicon) -> Token:
    """ "X said it would ...": a pronoun subject under a reporting verb is that verb's subject."""
    if subj.pos_ != "PRON" or subj.lower_ not in PERSONAL_PRONOUNS:
        return subj
    tok = verb
    for _ in range(4):
        if tok.dep_ not in ("ccomp", "conj", "xcomp") or tok.head is tok:
            break
        tok = tok.head
        if tok.lemma_.lower() in lex.words("reporting_verbs") or tok.dep_ == "ROOT":
            outer = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if outer is not None and outer.pos_ != "PRON":
                return outer
    return subj


# ----------------------------------------------------------------------------------- reporting and accusation


def accused_chain(verb: Token, lex: PloverLexicon) -> tuple[list[Token], Token | None] | None:
    """For "A accused B of supporting C": the subject of "supporting" (B) and the accuser (A)."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ not in ("of", "for"):
        return None
    # "accused X of meddling and of supporting Y": the second "of" is a conjunct of the first.
    while prep.dep_ == "conj" and prep.head.pos_ == "ADP" and prep.head is not prep:
        prep = prep.head
    if prep.dep_ != "prep":
        return None
    accuse = prep.head
    accused: list[Token] = []
    if accuse.dep_ == "dobj" and accuse.pos_ in ("NOUN", "PROPN"):
        # The parser often hangs "of ..." on the object: "accused [officials of meddling]".
        accused = [accuse]
        accuse = accuse.head
    if accuse.lemma_.lower() not in lex.words("accusing_verbs"):
        return None
    accused = accused or [c for c in accuse.children if c.dep_ in ("dobj", "nsubjpass")]
    accuser: Token | None = None
    for c in accuse.children:
        if c.dep_ == "nsubj":
            accuser = c
        if c.dep_ == "agent":
            accuser = next((p for p in c.children if p.dep_ == "pobj"), None)
    if not accused and accuse.dep_ == "conj":
        accused = [c for c in accuse.head.children if c.dep_ in ("dobj", "nsubjpass")]
    return accused, accuser


def claimer(verb: Token, sources: list[str], lex: PloverLexicon, speaker: Speaker) -> str | None:
    """The actor who reports or alleges what the verb says, when the verb sits under a reporting verb."""
    tok = verb
    via_complement = False
    for _ in range(6):
        if tok.dep_ in ("ccomp", "parataxis") or (tok.dep_ == "ROOT" and via_complement):
            via_complement = True
        head = tok.head
        if head is tok:
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


def negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never",) for c in verb.children)


def target_tokens(verb: Token, sense: Sense) -> list[tuple[Token, str]]:
    """(token, via) pairs: direct objects, datives and prepositional objects that can be the target."""
    out: list[tuple[Token, str]] = []
    for c in verb.children:
        if c.dep_ in ("dobj", "dative", "iobj", "attr", "oprd") and c.tag_ not in ("IN", "TO"):
            out.append((c, "obj"))
        elif c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ in TARGET_PREPS):
            out.extend((p, c.lower_) for p in c.children if p.dep_ == "pobj")
        elif c.dep_ == "prt":
            for p in c.children:
                if p.dep_ == "pobj":
                    out.append((p, c.lower_))
    return out


def prospective_type(verb: Token, rtype: str, lex: PloverLexicon) -> str | None:
    """AGREE for a promised cooperative act, THREATEN for a threatened coercive one, else None.

    The act is prospective when its verb, or a verb it is the purpose or complement of ("willing to send
    aid to help defend Y"), carries a future modal ("will", "may"), hangs under a verb of intent ("plans
    to", "threatened to") or under a readiness adjective ("ready to", "willing to")."""
    modal = False
    tok = verb
    for _ in range(4):
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_MODALS for c in tok.children):
            modal = True
            break
        head = tok.head
        if head is tok or tok.dep_ not in ("xcomp", "advcl", "conj"):
            break
        if tok.dep_ == "advcl" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            break  # only a purpose clause ("to help") carries its governor's prospect
        hlemma = head.lemma_.lower()
        if head.pos_ == "ADJ" and hlemma in lex.words("readiness_adjectives"):
            modal = True
            break
        if tok.dep_ == "xcomp" and hlemma in lex.words("threat_verbs"):
            return "THREATEN" if rtype != "THREATEN" else None
        if tok.dep_ == "xcomp" and hlemma in lex.words("promise_verbs"):
            modal = True
            break
        tok = head
    if not modal:
        return None
    if rtype in COOPERATIVE_TYPES:
        return "AGREE"
    if rtype in COERCIVE_TYPES:
        return "THREATEN"
    return None
