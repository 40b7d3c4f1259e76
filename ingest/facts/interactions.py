"""PLOVER-coded interactions between actors, from dependency patterns over each sentence.

Who acts on whom comes from the parse: the subject (or the passive's agent) is the source, the object, the
object of a governing preposition, or the passive subject is the target. What happened comes from the verb
lexicon derived from the CAMEO dictionaries (plover_verbs.jsonl) or, for nominalisations ("X's support for Y",
"talks between X and Y"), from plover_nouns.yaml. Actors are the resolved mentions of the article; a phrase
that resolves to nothing is not an actor and yields no relation.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span, Token

from ingest.facts.context import FactContext
from ingest.facts.plover_lexicon import PloverLexicon, Sense, load_plover_lexicon
from ingest.models import EntityType, Relation

# Places are actors: PLOVER codes a city or region as the authority acting there or acted upon ("troops
# shelled Kabul", "Baghdad protested"). An office is never an actor; its holder is.
NON_ACTOR_TYPES = {EntityType.OFFICE}
PLACE_TYPES = {EntityType.COUNTRY, EntityType.LOCATION}
# PLOVER's reading of a promised or threatened act: a promise of a cooperative act is AGREE, a threat of a
# coercive one is THREATEN ("will send aid" is AGREE, "plans to impose sanctions" is THREATEN).
COOPERATIVE_TYPES = {"SUPPORT", "AID", "COOPERATE", "CONSULT", "CONCEDE", "RETREAT"}
COERCIVE_TYPES = {"COERCE", "ASSAULT", "SANCTION", "MOBILIZE"}
FUTURE_MODALS = {"will", "would", "shall", "may", "might", "could", "'ll"}
OBLIGATION_MODALS = {"must", "should"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
# Prepositions whose object can be the target of a verb with no preposition of its own in the lexicon.
TARGET_PREPS = {"with", "to", "against", "on", "at", "toward", "towards", "from", "into", "upon", "for"}
# Prepositions under an object noun that name the actor the object is about ("sanctions against Y").
# "by" names whose call or offer it was ("rejected calls by Y").
INNER_PREPS = {"against", "on", "of", "with", "to", "for", "from", "toward", "towards", "upon", "by"}
# Dependents of a verb that begin a phrase of their own (a clause with its own subject, reported speech, a
# coordinated verb): the verb's target is not looked for inside them.
OWN_PHRASE_DEPS = {"ccomp", "parataxis", "conj", "cc", "advcl", "relcl", "mark", "punct", "npadvmod", "csubj"}
MODIFIER_DEPS = ("compound", "amod", "poss", "nmod", "npadvmod", "appos")
PERSONAL_PRONOUNS = {"it", "he", "she", "they", "we"}
RELATIVE_PRONOUNS = {"who", "whom", "which", "that", "whose"}
# Third-person pronouns and the entity types they can stand for; "he"/"she" name people, "it"/"they" name
# states and organisations ("they" also groups of people, but a group is rarely a resolved actor).
PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
COLLECTIVE_PRONOUNS = {"it", "its", "they", "them", "their"}
OBJECT_PRONOUNS = {"him", "her", "them"}
COLLECTIVE_TYPES = {EntityType.COUNTRY, EntityType.ORGANIZATION, EntityType.PARTY}

CONFIDENCE = {
    "verb:active": 0.7,
    "verb:passive-agent": 0.7,
    "verb:passive-state": 0.4,
    "verb:reciprocal": 0.55,
    "verb:intent": 0.5,
    "verb:refusal": 0.65,
    "noun:nominal": 0.6,
    "noun:light-verb": 0.6,
    "noun:thanks": 0.6,
    "noun:symmetric": 0.6,
    "appos:backed": 0.55,
    "participle:backed": 0.6,
    "verb:promise": 0.5,
    "verb:threat": 0.5,
    "verb:demand-that": 0.55,
    "verb:object-phrase": 0.45,
}
CLAIM_FACTOR = 0.75


@dataclass
class _Found:
    type: str
    source: str
    target: str
    rule: str
    claimed_by: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    confidence: float | None = None


def extract_interactions(ctx: FactContext) -> list[Relation]:
    """PLOVER relations found in every sentence of the article."""
    lex = load_plover_lexicon()
    extractor = _Extractor(ctx, lex)
    out: list[Relation] = []
    for sent in ctx.doc.sents:
        found = list(extractor.sentence(sent))
        if not found:
            continue
        when = ctx.sentence_date(sent)
        seen: set[tuple[str, str, str, str | None]] = set()
        for f in found:
            key = (f.type, f.source, f.target, f.claimed_by)
            if f.source == f.target or key in seen:
                continue
            seen.add(key)
            confidence = f.confidence if f.confidence is not None else CONFIDENCE.get(f.rule, 0.5)
            if f.claimed_by:
                confidence *= CLAIM_FACTOR
            out.append(
                Relation(
                    type=f.type,
                    source=f.source,
                    target=f.target,
                    date=when,
                    evidence=ctx.evidence(sent, f.rule),
                    claimed_by=f.claimed_by,
                    confidence=round(confidence, 3),
                    attributes=f.attributes,
                )
            )
    return out


class _Extractor:
    def __init__(self, ctx: FactContext, lex: PloverLexicon) -> None:
        self.ctx = ctx
        self.lex = lex
        self.state_agents = lex.words("state_agents")
        self._article_country: str | bool | None = False

    # ------------------------------------------------------------------------------------------ actors

    def valid(self, eid: str | None) -> str | None:
        if eid is None or eid.startswith("election:"):
            return None
        etype = self.ctx.entity_type(eid)
        if etype is None:
            new = self.ctx.new_entities.get(eid)
            etype = new.type if new else None
        if etype in NON_ACTOR_TYPES:
            return None
        return eid

    def actor(self, tok: Token, depth: int = 0) -> str | None:
        """The actor a noun phrase headed by `tok` names, looking at its head and then its modifiers."""
        tok = self.antecedent(tok)
        eid = self.valid(self.ctx.entity_for_token(tok))
        if eid:
            return eid
        if tok.pos_ == "PRON":
            return self.pronoun_entity(tok)
        if depth > 2:
            return None
        # "legislators, including X": the named member acts for the group.
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in ("including", "led"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        eid = self.valid(self.ctx.entity_for_token(pobj))
                        if eid and self.ctx.entity_type(eid) == EntityType.PERSON:
                            return eid
        for child in tok.children:
            if child.dep_ in MODIFIER_DEPS:
                eid = self.valid(self.ctx.entity_for_token(child)) or (
                    self.actor(child, depth + 1) if child.dep_ in ("poss", "compound") else None
                )
                if eid:
                    return eid
        groups = self.state_agents | self.lex.words("group_nouns")
        if tok.lemma_.lower() in groups or tok.lower_ in groups:
            for child in tok.children:
                if child.dep_ == "prep" and child.lower_ in ("of", "in", "from"):
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            eid = self.actor(pobj, depth + 1)
                            if eid:
                                return eid
        return None

    def antecedent(self, tok: Token) -> Token:
        """The noun a relative pronoun stands for ("X, who backed Y": who -> X)."""
        if tok.lower_ in RELATIVE_PRONOUNS and tok.tag_ in ("WP", "WDT", "WP$"):
            verb = tok.head
            while verb.dep_ not in ("relcl", "ROOT") and verb.head is not verb:
                verb = verb.head
            if verb.dep_ == "relcl":
                return verb.head
        return tok

    def pronoun_entity(self, tok: Token) -> str | None:
        """The entity a third-person pronoun refers to: the last compatible mention before it in its sentence
        or the previous one. An object pronoun never refers to its own clause's subject ("X urged him": him
        is not X), which is what English binding requires of a non-reflexive pronoun.

        A coreference library (coreferee, fastcoref) would do better but needs models this project cannot
        download; the recency rule is right for the common news pattern "X said ... He added ...".
        """
        word = tok.lower_
        if word in PERSON_PRONOUNS:
            types = {EntityType.PERSON}
        elif word in COLLECTIVE_PRONOUNS:
            types = COLLECTIVE_TYPES
        else:
            return None
        excluded: set[str] = set()
        if word in OBJECT_PRONOUNS and tok.dep_ in ("dobj", "dative", "iobj", "pobj"):
            verb = tok.head.head if tok.dep_ == "pobj" else tok.head
            for subj in verb.children:
                if subj.dep_ in ("nsubj", "nsubjpass") and subj.pos_ != "PRON":
                    eid = self.ctx.entity_for_token(subj)
                    if eid is None:
                        eid = self.actor(subj)
                    if eid:
                        excluded.add(eid)
            if not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
                subj_toks, _ = self.subjects(verb)
                for subj in subj_toks:
                    if subj.pos_ != "PRON":
                        eid = self.actor(subj)
                        if eid:
                            excluded.add(eid)
        sent = tok.sent
        start = sent.start_char
        prev_start = sent.start
        if sent.start > 0:
            prev_start = self.ctx.doc[sent.start - 1].sent.start
            start = self.ctx.doc[prev_start].idx
        if word not in OBJECT_PRONOUNS and tok.dep_ in ("nsubj", "nsubjpass"):
            # A subject pronoun continues the topic: the nearest earlier subject of a compatible kind
            # ("The commission says it will ...": it is the commission, not a country named in between).
            for cand in reversed(self.ctx.doc[prev_start : tok.i]):
                if cand.dep_ in ("nsubj", "nsubjpass") and cand.pos_ != "PRON":
                    # A person must be the subject itself, not its possessor ("X's defiance").
                    eid = self.ctx.entity_for_token(cand) if word in PERSON_PRONOUNS else self.actor(cand)
                    if eid and self.ctx.entity_type(eid) in types:
                        return eid
        for span in reversed(self.ctx.entities_in(start, tok.idx)):
            if span.entity_id in excluded:
                continue
            etype = self.ctx.entity_type(span.entity_id)
            if etype in types:
                return span.entity_id
        return None

    def phrase_actors(self, tok: Token) -> list[str]:
        """Actors of a phrase, or, for a phrase naming a deed ("abuses by X", "X's decision"), its doer."""
        found = self.actors(tok)
        if found:
            return found
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("by", "of"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        found += self.actors(p)
            elif c.dep_ == "acl" and c.tag_ == "VBN":
                # "the demonstration staged by X"
                for a in c.children:
                    if a.dep_ == "agent":
                        found += [e for p in a.children if p.dep_ == "pobj" for e in self.actors(p)]
        return found

    def actors(self, tok: Token) -> list[str]:
        """Actors of a phrase and of the phrases conjoined with it ("X and Y")."""
        out = []
        for t in [tok, *tok.conjuncts]:
            eid = self.actor(t)
            if eid and eid not in out:
                out.append(eid)
        return out

    def is_state_agent(self, tok: Token) -> bool:
        tok = self.antecedent(tok)
        return tok.lemma_.lower() in self.state_agents or tok.lower_ in self.state_agents

    def is_crowd(self, tok: Token) -> bool:
        tok = self.antecedent(tok)
        crowd = self.lex.words("crowd_nouns")
        return tok.lemma_.lower() in crowd or tok.lower_ in crowd

    def sentence_country(self, sent: Span, exclude: Iterable[str]) -> str | None:
        excluded = set(exclude)
        for span in self.ctx.entities_in(sent.start_char, sent.end_char):
            eid = span.entity_id
            if eid not in excluded and self.ctx.entity_type(eid) == EntityType.COUNTRY:
                return eid
        return None

    def article_country(self) -> str | None:
        if self._article_country is False:
            # Places count for their country: a story set in a country's towns is about that country even when
            # another country is named more often.
            counts: Counter[str] = Counter()
            for span in self.ctx.spans:
                ent = self.ctx.entities.get(span.entity_id)
                if ent is None:
                    continue
                if ent.type == EntityType.COUNTRY:
                    counts[ent.id] += 1
                elif ent.type == EntityType.LOCATION and ent.country:
                    counts[ent.country] += 1
            self._article_country = counts.most_common(1)[0][0] if counts else None
        value = self._article_country
        return value if isinstance(value, str) else None

    # ------------------------------------------------------------------------------------------- verbs

    def sense_of(self, verb: Token) -> Sense | None:
        preps = [c.lower_ for c in verb.children if c.dep_ in ("prt", "prep")]
        objs = [c.lemma_.lower() for c in verb.children if c.dep_ in ("dobj", "attr")]
        objs += [c.lower_ for c in verb.children if c.dep_ in ("dobj", "attr")]
        for prep in verb.children:
            if prep.dep_ == "prep":
                objs += [p.lemma_.lower() for p in prep.children if p.dep_ == "pobj"]
        return self.lex.verb_sense(verb.lemma_.lower(), preps, objs)

    def subjects(self, verb: Token) -> tuple[list[Token], bool]:
        """Subject tokens of a verb (inherited through xcomp/conj chains) and whether it is passive."""
        subj = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if subj:
            passive = any(c.dep_ == "nsubjpass" for c in subj) or self.headline_passive(verb, subj)
            if passive and verb.lemma_.lower() in self.lex.words("stative_participles"):
                # "X is opposed to Y" states X's stance: X is the actor, not the one acted on.
                passive = not any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)
            return [self.pronoun_antecedent(verb, c) for c in subj], passive
        head = verb.head
        if (
            verb.dep_ == "xcomp"
            and head.pos_ == "ADJ"
            and head.dep_ in ("acomp", "amod")
            and head.head is not head
        ):
            # "X is ready to send Y": the adjective's clause supplies the subject.
            return self.subjects(head.head)[0], False
        if verb.dep_ == "xcomp" and head is not verb:
            objs = [c for c in head.children if c.dep_ == "dobj"]
            if objs and head.lemma_.lower() in self.lex.words("object_control_verbs"):
                return objs, False
            return self.subjects(head)[0], False
        if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX") and head is not verb:
            inherited, passive = self.subjects(head)
            if head.dep_ == "ccomp" and self.binds_own_object(verb, inherited):
                # "A said B was trying to X and urged him to Y": "him" is B, so "urged" cannot have B as its
                # subject; the conjunct belongs to the reporting verb, whose subject it takes.
                return self.subjects(head.head)
            if passive and self.active_form(verb):
                # "X was barred from running and has backed Y": the passive subject acts in the active verb.
                return inherited, False
            return inherited, passive
        if (
            verb.dep_ in ("advcl", "pcomp", "acl")
            and verb.tag_ == "VBG"
            and head is not verb
            and head.pos_ in ("VERB", "AUX")
        ):
            return self.subjects(head)[0], False
        if verb.dep_ == "advcl" and verb.tag_ == "VB" and head.pos_ in ("VERB", "AUX") and head is not verb:
            # Purpose clause: "X staged a strike to protest Y".
            return self.subjects(head)[0], False
        return [], False

    def active_form(self, verb: Token) -> bool:
        """Whether a verb with no subject of its own reads as active ("has backed", "backs")."""
        if any(c.dep_ == "auxpass" for c in verb.children):
            return False
        if verb.tag_ != "VBN":
            return True
        return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)

    def binds_own_object(self, verb: Token, subj_toks: list[Token]) -> bool:
        """Whether the verb's object pronoun refers (by recency) to the subject it would inherit."""
        objs = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ in OBJECT_PRONOUNS]
        if not objs:
            return False
        subj_ids = {self.ctx.entity_for_token(s) for s in subj_toks if s.pos_ != "PRON"} - {None}
        word = objs[0].lower_
        types = {EntityType.PERSON} if word in PERSON_PRONOUNS else COLLECTIVE_TYPES
        sent = verb.sent
        for span in reversed(self.ctx.entities_in(sent.start_char, objs[0].idx)):
            if self.ctx.entity_type(span.entity_id) in types:
                return span.entity_id in subj_ids
        return False

    def headline_passive(self, verb: Token, subj: list[Token]) -> bool:
        """ "X jailed for eight years": a coercion verb with a subject but no object and no auxiliary is the
        passive of headlines and timelines, not X jailing someone."""
        if verb.lemma_.lower() not in self.lex.words("state_coercion_verbs"):
            return False
        if not subj or any(c.dep_ in ("dobj", "aux", "auxpass", "dative") for c in verb.children):
            return False
        return verb.tag_ in ("VBN", "VBD") and all(s.dep_ == "nsubj" for s in subj)

    def pronoun_antecedent(self, verb: Token, subj: Token) -> Token:
        """ "X said it would ...": a pronoun subject under a reporting verb is that verb's subject."""
        if subj.pos_ != "PRON" or subj.lower_ not in PERSONAL_PRONOUNS:
            return subj
        tok = verb
        for _ in range(4):
            if tok.dep_ not in ("ccomp", "conj", "xcomp") or tok.head is tok:
                break
            tok = tok.head
            if tok.lemma_.lower() in self.lex.words("reporting_verbs") or tok.dep_ == "ROOT":
                outer = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                if outer is not None and outer.pos_ != "PRON":
                    return outer
        return subj

    def accused_chain(self, verb: Token) -> tuple[list[Token], Token | None] | None:
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
        if accuse.lemma_.lower() not in self.lex.words("accusing_verbs"):
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

    def speaker(self, tok: Token) -> str | None:
        """The actor a reporting verb's subject names; a place (a dateline, "PARIS --") never speaks."""
        eid = self.actor(tok)
        if eid and self.ctx.entity_type(eid) == EntityType.LOCATION:
            return None
        return eid

    def claimer(self, verb: Token, sources: list[str]) -> str | None:
        """The actor who reports or alleges what the verb says, when the verb sits under a reporting verb."""
        tok = verb
        via_complement = False
        for _ in range(6):
            if tok.dep_ in ("ccomp", "parataxis") or (tok.dep_ == "ROOT" and via_complement):
                via_complement = True
            head = tok.head
            if head is tok:
                break
            if tok.dep_ in ("ccomp",) and head.lemma_.lower() in self.lex.words("reporting_verbs"):
                subj = [c for c in head.children if c.dep_ == "nsubj"]
                for s in subj:
                    eid = self.speaker(s)
                    if eid and eid not in sources:
                        return eid
                return None
            if tok.dep_ not in ("xcomp", "conj", "ccomp", "advcl"):
                break
            tok = head
        # "X said Y had done Z" where "said" is parenthetical ("Y had done Z, X said").
        for child in verb.children:
            if child.dep_ in ("parataxis", "ccomp") and child.lemma_.lower() in self.lex.words(
                "reporting_verbs"
            ):
                for s in child.children:
                    if s.dep_ == "nsubj":
                        eid = self.speaker(s)
                        if eid and eid not in sources:
                            return eid
        return None

    def negated(self, verb: Token) -> bool:
        return any(c.dep_ == "neg" or c.lower_ in ("never",) for c in verb.children)

    def target_tokens(self, verb: Token, sense: Sense) -> list[tuple[Token, str]]:
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

    def resolve_targets(self, tokens: list[tuple[Token, str]]) -> list[str]:
        """Actors named by the target phrases, or by their inner prepositions ("sanctions against Y")."""
        out: list[str] = []
        for tok, _via in tokens:
            found = self.phrase_actors(tok)
            if not found:
                for c in tok.children:
                    if c.dep_ == "prep" and c.lower_ in INNER_PREPS:
                        for p in c.children:
                            if p.dep_ == "pobj":
                                found += self.actors(p)
            for eid in found:
                if eid not in out:
                    out.append(eid)
        return out

    def verb_relations(self, verb: Token, sent: Span) -> Iterator[_Found]:
        lex = self.lex
        lemma = verb.lemma_.lower()
        sense = self.sense_of(verb)
        head = verb.head
        refusal = verb.dep_ == "xcomp" and head.lemma_.lower() in lex.words("refusal_verbs")
        if sense is None and not refusal:
            return
        if self.negated(verb) or (refusal and self.negated(head)):
            return
        if lemma in lex.words("refusal_verbs") and any(c.dep_ == "xcomp" for c in verb.children):
            return  # the refused act carries the relation (REJECT), see `refusal` below
        accused = self.accused_chain(verb)
        claimed_by: str | None = None
        if accused is not None:
            subj_toks, passive = accused[0], False
            claimed_by = self.actor(accused[1]) if accused[1] is not None else None
        else:
            subj_toks, passive = self.subjects(verb)
        if verb.dep_ in ("amod", "acl") and verb.tag_ == "VBN" and head.pos_ in ("NOUN", "PROPN"):
            # "the Kremlin-backed candidate", "a candidate backed by X": the noun is the passive subject.
            subj_toks, passive = [head], True
        attributes: dict[str, Any] = {}
        if sense is not None and sense.mode:
            attributes["mode"] = sense.mode
        rtype = sense.type if sense is not None else "REJECT"
        if rtype == "COERCE" and lemma in lex.words("crowd_action_verbs") and not passive:
            # "Demonstrators blocked roads": a crowd blocking or occupying is protest, not state coercion.
            crowd = lex.words("crowd_nouns")
            if any(self.antecedent(s).lemma_.lower() in crowd or s.lower_ in crowd for s in subj_toks):
                rtype = "PROTEST"
        rule = "verb:active"
        if refusal:
            rtype = "REJECT"
            rule = "verb:refusal"
            attributes = {"refused": lemma}
            if sense is not None:
                attributes["refused_type"] = sense.type
        elif verb.dep_ == "xcomp" and head.lemma_.lower() in lex.words("intent_verbs"):
            attributes["intent"] = head.lemma_.lower()
            rule = "verb:intent"
        if any(c.lower_ in lex.words("allegation_adverbs") for c in verb.children):
            attributes["alleged"] = True

        sources: list[str] = []
        targets: list[str] = []
        if passive:
            targets = [e for t in subj_toks for e in self.actors(t)]
            agent_toks = [
                p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
            ]
            if agent_toks:
                rule = "verb:passive-agent" if rule == "verb:active" else rule
                for a in agent_toks:
                    sources += self.actors(a)
                    if not sources and self.is_state_agent(a):
                        country = self.sentence_country(sent, targets)
                        if country:
                            sources.append(country)
                            attributes["source_role"] = self.antecedent(a).lemma_.lower()
            elif rtype == "COERCE" and lemma in lex.words("state_coercion_verbs"):
                # Only arrest, detention, imprisonment and sentencing are the state's by default; "barred
                # from running" or "banned" has too many possible agents.
                state = self.sentence_country(sent, targets) or self.article_country()
                if state:
                    sources = [state]
                    rule = "verb:passive-state"
            targets += self.resolve_targets(
                [(t, v) for t, v in self.target_tokens(verb, sense or Sense(rtype)) if v != "obj"]
            )
        else:
            for s in subj_toks:
                found = self.actors(s)
                if not found and self.is_state_agent(s):
                    country = self.sentence_country(sent, [])
                    if country:
                        found = [country]
                        attributes["source_role"] = self.antecedent(s).lemma_.lower()
                if not found and self.is_crowd(s):
                    # "Thousands of people blocked streets in X": an unnamed crowd acts for the place it
                    # acts in, as PLOVER codes it.
                    found = self.place_targets(verb)[:1]
                    if found:
                        attributes["source_role"] = self.antecedent(s).lemma_.lower()
                sources += found
            targets = self.resolve_targets(self.target_tokens(verb, sense or Sense(rtype)))
            if not targets and lemma in lex.words("intent_verbs"):
                for c in verb.children:
                    if c.dep_ == "xcomp":
                        targets = self.resolve_targets(
                            self.target_tokens(c, sense or Sense(rtype))
                        ) or self.place_targets(c)
                        if targets:
                            rule = "verb:intent"
                            break
        if not sources:
            return
        if not targets and not passive:
            targets = [t for t in self.place_targets(verb) if t not in sources]
        if not targets and not passive:
            targets = self.object_phrase_targets(verb, sources)
            if targets:
                rule = "verb:object-phrase"
        if claimed_by is None:
            claimed_by = self.claimer(verb, sources)
        if claimed_by in sources:
            claimed_by = None
        if not targets and len(sources) > 1 and rtype.lower() in self.lex.words("reciprocal_types"):
            for one in sources:
                for other in sources:
                    if one != other:
                        yield _Found(rtype, one, other, "verb:reciprocal", claimed_by, dict(attributes))
            return
        prospect = self.prospective_type(verb, rtype) if not refusal else None
        for src in sources:
            for tgt in targets:
                yield _Found(rtype, src, tgt, rule, claimed_by, dict(attributes))
                if prospect is not None:
                    rule_p = "verb:promise" if prospect == "AGREE" else "verb:threat"
                    yield _Found(prospect, src, tgt, rule_p, claimed_by, {**attributes, "promised": rtype})

    def object_phrase_targets(self, verb: Token, sources: list[str]) -> list[str]:
        """The first actor named in the verb's own phrase after it, when no dependency rule found a target.

        The event coders this lexicon comes from (PETRARCH) take the target from the verb phrase this way;
        it recovers targets the parser hangs in odd places ("denounced as a crime X's suppression of ...",
        "granted asylum to five officers holed up ..."). Clauses with a subject of their own, reported
        speech and coordinated verbs are their own phrases and are not looked into."""
        for child in verb.children:
            if child.i < verb.i or child.dep_ in OWN_PHRASE_DEPS:
                continue
            for tok in child.subtree:
                if tok.dep_ in OWN_PHRASE_DEPS and tok is not child:
                    break
                eid = self.valid(self.ctx.entity_for_token(tok))
                if eid is None or eid in sources:
                    continue
                # A place deep in the phrase is mostly where something happened ("set fire to ballots on
                # the square"); only a place the verb acts on directly is its target.
                direct = tok is child and tok.dep_ == "dobj"
                if self.ctx.entity_type(eid) == EntityType.LOCATION and not direct:
                    continue
                return [eid]
        return []

    def place_targets(self, verb: Token) -> list[str]:
        """ "lifted the curfew in X", "will resume attacks in X": with no other target, the country or place
        where the act is done is what it is done to (PLOVER codes the place's authority as the target)."""
        out: list[str] = []
        # "blocked roads in X": the place may hang on the object.
        holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
        for c in (c for h in holders for c in h.children):
            if c.dep_ == "prep" and c.lower_ in ("in", "inside", "within"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        for eid in self.actors(p):
                            if self.ctx.entity_type(eid) in PLACE_TYPES and eid not in out:
                                out.append(eid)
        return out

    def prospective_type(self, verb: Token, rtype: str) -> str | None:
        """AGREE for a promised cooperative act, THREATEN for a threatened coercive one, else None.

        The act is prospective when its verb, or a verb it is the purpose or complement of ("willing to send
        aid to help defend Y"), carries a future modal ("will", "may"), hangs under a verb of intent ("plans
        to", "threatened to") or under a readiness adjective ("ready to", "willing to")."""
        lex = self.lex
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

    def demand_relations(self, verb: Token) -> Iterator[_Found]:
        """ "X demanded that Y end Z", "X said Y must stop Z": X REQUESTs of Y.

        A demand verb's clausal complement names whom the demand is made of; any reporting verb does the same
        when its complement says what someone must or should do."""
        lemma = verb.lemma_.lower()
        lex = self.lex
        is_demand = lemma in lex.words("demand_verbs")
        if not is_demand and lemma not in lex.words("reporting_verbs"):
            return
        if self.negated(verb):
            return
        for comp in verb.children:
            if comp.dep_ != "ccomp":
                continue
            obliged = any(c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS for c in comp.children)
            if not (is_demand or obliged):
                continue
            subj_toks, passive = self.subjects(verb)
            if passive:
                continue
            sources = [e for s in subj_toks for e in self.actors(s)]
            targets = [e for c in comp.children if c.dep_ == "nsubj" for e in self.actors(c)]
            if not targets:
                # "demanded that control be taken from Y": the passive complement's agent or "from" object.
                targets = self.resolve_targets(
                    [
                        (p, c.lower_)
                        for c in comp.children
                        if c.dep_ in ("prep", "agent")
                        for p in c.children
                        if p.dep_ == "pobj"
                    ]
                )
            for src in sources:
                for tgt in targets:
                    yield _Found("REQUEST", src, tgt, "verb:demand-that", None, {"demand": lemma})

    # ------------------------------------------------------------------------------------------- nouns

    def governing_subjects(self, tok: Token) -> tuple[Token | None, list[str]]:
        """The nearest verb above a noun and the actors of its subject."""
        cur = tok
        for _ in range(6):
            cur = cur.head
            if cur.pos_ in ("VERB", "AUX"):
                subj_toks, passive = self.subjects(cur)
                if passive:
                    return cur, []
                return cur, [e for s in subj_toks for e in self.actors(s)]
            if cur.head is cur:
                break
        return None, []

    def noun_relations(self, noun: Token, sent: Span) -> Iterator[_Found]:
        lemma = noun.lemma_.lower()
        spec = self.lex.nouns.get(lemma)
        if spec is None or noun.pos_ not in ("NOUN", "PROPN"):
            return
        if any(c.dep_ == "neg" or c.lower_ == "no" for c in noun.children):
            return
        attributes: dict[str, Any] = {}
        if spec.mode:
            attributes["mode"] = spec.mode
        for c in noun.children:
            mode = self.lex.modifiers.get(c.lower_)
            if mode and c.dep_ in ("compound", "amod"):
                attributes["mode"] = mode
        sources: list[str] = []
        targets: list[str] = []
        between: list[str] = []
        for c in noun.children:
            if c.dep_ == "poss":
                (targets if spec.possessive_is_target else sources).extend(self.actors(c))
            elif c.dep_ in ("compound", "amod", "nmod"):
                eid = self.valid(self.ctx.entity_for_token(c))
                if eid:
                    (targets if spec.possessive_is_target else sources).append(eid)
            elif c.dep_ == "prep":
                pobjs = [p for p in c.children if p.dep_ == "pobj"]
                for p in pobjs:
                    if c.lower_ == "between" or c.lower_ == "among":
                        between += self.actors(p)
                    elif c.lower_ in spec.source_preps:
                        sources += self.actors(p)
                    elif c.lower_ in spec.target_preps:
                        targets += self.phrase_actors(p)
        rule = "noun:nominal"
        verb = noun.head if noun.dep_ in ("dobj", "attr") else None
        if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "VERB":
            thanker = noun.head.head
            if thanker.lemma_.lower() in self.lex.words("thanking_verbs") and noun.head.lower_ == "for":
                # "X thanked Y for its support": Y supported X.
                thanked = [e for c in thanker.children if c.dep_ == "dobj" for e in self.actors(c)]
                subj_toks, _ = self.subjects(thanker)
                by = [e for s in subj_toks for e in self.actors(s)]
                for s in thanked:
                    for t in by:
                        yield _Found(spec.type, s, t, "noun:thanks", None, dict(attributes))
                return
        if between:
            for a in between:
                for b in between:
                    if a != b:
                        yield _Found(spec.type, a, b, "noun:symmetric", None, dict(attributes))
            return
        if not sources:
            if verb is not None and verb.pos_ == "VERB":
                vlemma = verb.lemma_.lower()
                subj_toks, passive = self.subjects(verb)
                subj = [e for s in subj_toks for e in self.actors(s)]
                if vlemma in self.lex.words("receiving_verbs"):
                    if not passive and not targets:
                        targets = subj
                    rule = "noun:light-verb"
                elif vlemma in self.lex.words("light_verbs") or self.sense_of(verb) is None:
                    if not passive:
                        sources = subj
                    rule = "noun:light-verb"
                    if not targets:
                        # "X staged rallies against Y": the preposition hangs on the light verb.
                        for c in verb.children:
                            if c.dep_ == "prep" and c.lower_ in spec.target_preps:
                                targets += [e for p in c.children if p.dep_ == "pobj" for e in self.actors(p)]
                else:
                    return  # the verb's own sense speaks for the sentence
            else:
                gov, subj = self.governing_subjects(noun)
                adjunct = noun.dep_ == "pobj" and noun.head.lower_ in ("in", "during", "after")
                if (
                    not adjunct
                    and gov is not None
                    and self.sense_of(gov) is not None
                    and gov.lemma_.lower()
                    not in (self.lex.words("light_verbs") | self.lex.words("reporting_verbs"))
                ):
                    return
                sources = subj
        if not targets and spec.symmetric and len(sources) > 1:
            for a in sources:
                for b in sources:
                    if a != b:
                        yield _Found(spec.type, a, b, "noun:symmetric", None, dict(attributes))
            return
        claimed_by = self.claimer(noun.head, sources) if noun.head.pos_ == "VERB" else None
        # "X will impose a curfew on Y": the light verb's modal makes the act a threat or a promise.
        prospect = self.prospective_type(noun.head, spec.type) if noun.head.pos_ == "VERB" else None
        for s in sources:
            for t in targets:
                yield _Found(spec.type, s, t, rule, claimed_by, dict(attributes))
                if prospect is not None:
                    rule_p = "verb:promise" if prospect == "AGREE" else "verb:threat"
                    yield _Found(prospect, s, t, rule_p, claimed_by, {**attributes, "promised": spec.type})

    # -------------------------------------------------------------------------------------- appositives

    def appositive_relations(self, tok: Token) -> Iterator[_Found]:
        """ "X, the chosen successor of Y" / "X, an ally of Y" -> SUPPORT Y -> X."""
        if tok.dep_ != "appos":
            return
        lemma = tok.lemma_.lower()
        backed = lemma in self.lex.words("backed_nouns")
        if lemma in self.lex.words("qualified_backed_nouns"):
            backed = any(c.lower_ in self.lex.words("backing_qualifiers") for c in tok.children)
        if not backed:
            return
        named = self.actor(tok.head)
        if not named:
            return
        backers: list[str] = []
        for c in tok.children:
            if c.dep_ == "poss":
                backers += self.actors(c)
            if c.dep_ == "prep" and c.lower_ == "of":
                backers += [e for p in c.children if p.dep_ == "pobj" for e in self.actors(p)]
        for b in backers:
            yield _Found("SUPPORT", b, named, "appos:backed", None, {"as": lemma})

    # ------------------------------------------------------------------------------------------ driver

    def sentence(self, sent: Span) -> Iterator[_Found]:
        for tok in sent:
            if tok.pos_ == "VERB" or (tok.pos_ == "ADJ" and tok.tag_ == "VBN"):
                yield from self.verb_relations(tok, sent)
                yield from self.demand_relations(tok)
            elif tok.pos_ in ("NOUN", "PROPN"):
                yield from self.noun_relations(tok, sent)
                yield from self.appositive_relations(tok)
