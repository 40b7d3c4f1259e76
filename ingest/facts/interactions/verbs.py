"""Relations a verb states: its PLOVER sense from the verb lexicon, the actors it goes from and to, and the
requests made by a demand or by a report of what someone must do."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.tokens import Span, Token

from ingest.facts.interactions.actors import Actors
from ingest.facts.interactions.claims import grievance_targets
from ingest.facts.interactions.clauses import (
    claimer,
    prospective_type,
    seizes_nothing,
    subjects,
    target_tokens,
)
from ingest.facts.interactions.found import Found
from ingest.facts.interactions.senses import (
    about_a_vote,
    armed,
    asks_for_an_act,
    by_the_state,
    carried_sense,
    cued,
    received,
    sense_of,
    tells_a_tally,
)
from ingest.facts.interactions.targets import Targets
from ingest.facts.plover_lexicon import Sense
from ingest.facts.syntax import accused_chain, negated, relative_antecedent, words
from ingest.models import EntityType

# The target of a denial whose accuser the sentence does not name: the article's accusation resolves it.
DENIED = "denied:accuser"


class VerbRules:
    """The relations each verb of a sentence states, between the actors `who` finds in its phrases."""

    def __init__(self, who: Actors) -> None:
        self.who = who
        self.ctx = who.ctx
        self.lex = who.lex
        self.targets = Targets(who)

    def denial_targets(self, verb: Token) -> list[str] | None:
        """Whom a denial answers. "X denied the charges" rejects whoever made them: the charges' author when
        the phrase names one ("dismissed claims by Y"), else DENIED, which the article's earlier accusations
        resolve (interactions/__init__.py). "Denied receiving arms from Y" rejects no one. None when the verb
        is no denial."""
        lex = self.lex
        if verb.lemma_.lower() not in lex.words("denial_verbs"):
            return None
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        charges = [o for o in objects if o.lemma_.lower() in lex.words("accusation_nouns")]
        if not charges:
            if verb.lemma_.lower() != "deny":
                return None  # "rejected calls by Y", "dismissed the minister": the verb's own targets
            return [e for o in objects for e in self.who.actors(o)]  # "denied X entry", or no one
        authors = [
            e
            for o in charges
            for t in o.subtree
            if t != o and (t.dep_ == "poss" or (t.dep_ == "pobj" and t.head.lower_ in ("by", "from")))
            for e in self.who.actors(t)
        ]
        return authors or [DENIED]

    def verb_relations(self, verb: Token, sent: Span) -> Iterator[Found]:
        lex = self.lex
        lemma = verb.lemma_.lower()
        if verb.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in words("conditional_marks") for c in verb.children
        ):
            return  # "unless Y released X", "if Y attacks": a condition, not something that happened
        sense = carried_sense(verb, self.lex) or sense_of(verb, self.lex)
        head = verb.head
        refusal = verb.dep_ == "xcomp" and head.lemma_.lower() in lex.words("refusal_verbs")
        if refusal and negated(head):
            return
        intolerance = False
        if negated(verb) or (verb.dep_ == "xcomp" and negated(head) and not refusal):
            said_no = _said_no(verb) or _said_no(head)
            intolerance = lemma in lex.words("tolerance_verbs") and any(
                c.dep_ == "aux" and c.lower_ in ("will", "'ll", "would") for c in verb.children
            )
            if (lemma not in lex.words("acceptance_verbs") and not intolerance) or not said_no:
                return  # "failed to endorse" is no refusal
            refusal = True  # "would not accept", "did not want to accept": a refusal of it
        if sense is None and not refusal:
            return
        if asks_for_an_act(verb, lex):
            return  # "called for protests against X": the act asked for (nouns.py), not a request of X
        if lemma in lex.words("refusal_verbs") and any(c.dep_ == "xcomp" for c in verb.children):
            return  # the refused act carries the relation (REJECT), see `refusal` below
        accused = accused_chain(verb)
        claimed_by: str | None = None
        if accused is not None:
            subj_toks, passive = accused[0], False
            claimed_by = self.who.actor(accused[1]) if accused[1] is not None else None
        else:
            subj_toks, passive = subjects(verb, self.lex, self.ctx)
            subj_toks = self.who.without_split_titles(subj_toks)
        if verb.dep_ in ("amod", "acl") and verb.tag_ == "VBN" and head.pos_ in ("NOUN", "PROPN"):
            # "the Kremlin-backed candidate", "a candidate backed by X": the noun is the passive subject.
            subj_toks, passive = [head], True
        attributes: dict[str, Any] = {}
        if sense is not None and sense.mode:
            attributes["mode"] = sense.mode
        rtype = sense.type if sense is not None else "REJECT"
        if lemma in lex.words("receiving_verbs") | {"have"} and any(
            c.dep_ == "dobj" and received(c, lex) for c in verb.children
        ):
            return  # "received the backing of X": the noun says who gave what to whom (nouns.py)
        if rtype == "CONSULT" and any(c.dep_ == "oprd" for c in verb.children):
            return  # "called X a farce", "what he called X's repression": naming, not a call
        if rtype != "ASSAULT" and any(
            c.dep_ == "dobj" and c.lower_ in words("reflexive_pronouns") for c in verb.children
        ):
            return  # "freed itself from Y's control" acts on itself; "blew themselves up in Z" attacks Z
        if lemma in lex.words("contest_verbs") and (
            (rtype == "ASSAULT" and not armed(sent, lex)) or about_a_vote(verb, lex)
        ):
            return  # who beat whom in a vote is the election's result, not an attack or a cooperation
        if (
            lemma in lex.words("vote_verbs") | lex.words("leading_verbs")
            or tells_a_tally(verb, lex)
            or (rtype.lower() in lex.words("contest_misread_types") and about_a_vote(verb, lex))
        ):
            return  # a vote, a count of votes, a contest of candidates, who heads a body: no interaction
        if lemma in lex.words("travel_verbs") and not any(c.dep_ == "dobj" for c in verb.children):
            # "flew to Paris", "left for London": a journey, not an interaction, unless it is a visit.
            if not cued(sent, "visit_cues", lex):
                return
            rtype = "CONSULT"
        if rtype == "COERCE" and lemma in lex.words("crowd_action_verbs") and not passive:
            # "Demonstrators blocked roads": a crowd blocking or occupying is protest, not state coercion.
            crowd = lex.words("crowd_nouns")
            if any(relative_antecedent(s).lemma_.lower() in crowd or s.lower_ in crowd for s in subj_toks):
                rtype = "PROTEST"
        rule = "verb:active"
        if refusal:
            # "will not tolerate interference by Y": a warning to Y, not yet a refusal of anything.
            rtype = "THREATEN" if intolerance else "REJECT"
            rule = "verb:refusal"
            attributes = {"refused": lemma}
            if sense is not None:
                attributes["refused_type"] = sense.type
        elif verb.dep_ == "xcomp" and head.lemma_.lower() in lex.words("intent_verbs"):
            attributes["intent"] = head.lemma_.lower()
            rule = "verb:intent"
        if any(c.lower_ in words("hedges") for c in verb.children):
            attributes["alleged"] = True

        sources: list[str] = []
        targets: list[str] = []
        denial: list[str] | None = None
        by_crowd = False  # the source is an unnamed crowd standing for the country it acts in
        if passive:
            targets = [e for t in subj_toks for e in self.who.actors(t)]
            agent_toks = [
                p
                for c in verb.children
                if c.dep_ == "agent"
                or (c.dep_ == "prep" and c.lower_ == "by")  # "X sanctioned by Y", parsed as a preposition
                for p in c.children
                if p.dep_ == "pobj"
                and (c.dep_ == "agent" or self.who.actors(p) or self.who.is_state_agent(p))
            ]
            if agent_toks:
                rule = "verb:passive-agent" if rule == "verb:active" else rule
                for a in agent_toks:
                    sources += self.who.actors(a)
                    state = None if sources else self.who.state_of(a, targets)
                    if state:
                        sources.append(state)
                        attributes["source_role"] = relative_antecedent(a).lemma_.lower()
            elif by_the_state(verb, rtype, [self.who.is_state_agent(t) for t in subj_toks], lex):
                state = self.who.place_country(verb, targets) or self.who.ctx.main_country
                if state:
                    sources = [state]
                    rule = "verb:passive-state"
            if not targets:  # "X was arrested at the end of a Y rally": X is the one acted on, not Y
                targets = self.targets.resolve(
                    [(t, v) for t, v in target_tokens(verb, sense or Sense(rtype)) if v != "obj"]
                )
        else:
            titled: list[str] = []  # countries read from a title ("Norland's president"): the person's
            for s in subj_toks:
                found = self.who.actors(s)
                if self.who.is_title(s) or any(c.dep_ == "case" for c in s.children):
                    # a title, or a possessor the parser made a subject of its own ("Norland 's")
                    titled += [e for e in found if self.ctx.entity_type(e) == EntityType.COUNTRY]
                state = None if found else self.who.state_of(s)
                if state:
                    found = [state]
                    attributes["source_role"] = relative_antecedent(s).lemma_.lower()
                if not found and self.who.is_crowd(s):
                    # "Thousands of people blocked streets in X": an unnamed crowd acts for the country it
                    # acts in, as PLOVER codes it (its civilians); a crowd in a town is not the town.
                    countries = [self.who.country_of_place(e) for e in self.targets.places(verb)][:1]
                    found = [e for e in countries if e is not None]
                    by_crowd = True
                    if found:
                        attributes["source_role"] = relative_antecedent(s).lemma_.lower()
                sources += found
            if titled and any(self.ctx.entity_type(e) == EntityType.PERSON for e in sources):
                # "Norland's Vice-President, Ana Lusk, conceded": the title and the name are one subject
                # that the parser split; the person acts, not the country of the title.
                sources = [e for e in sources if e not in titled]
            denial = self.denial_targets(verb)
            targets = grievance_targets(self.who, verb) or (
                denial
                if denial is not None
                else self.targets.resolve(target_tokens(verb, sense or Sense(rtype)))
            )
            if denial is not None and any(
                c.dep_ == "dobj" and c.lemma_.lower() in lex.words("accusation_nouns") for c in verb.children
            ):
                rtype = "REJECT"  # an answer to an accusation, whatever else the verb can mean ("dismiss")
                attributes["denied"] = True
            if not targets and lemma in lex.words("intent_verbs"):
                for c in verb.children:
                    if c.dep_ == "xcomp":
                        targets = self.targets.resolve(
                            target_tokens(c, sense or Sense(rtype))
                        ) or self.targets.places(c)
                        if targets:
                            rule = "verb:intent"
                            break
        if not sources:
            return
        if not passive and denial is not None and not targets:
            return  # "denied receiving arms from Y": no one is rejected
        if rtype == "MOBILIZE":
            targets = [t for t in targets if t not in sources]  # "reinforced its troops near Y": its own
        if not targets and not passive:
            # Where a crowd acts is its own place, not what it acts against.
            targets = [
                t
                for t in self.targets.places(verb)
                if t not in sources and not (by_crowd and self.who.is_town(t))
            ]
        if not targets and not passive and not seizes_nothing(verb, sense):
            targets = self.targets.object_phrase(verb, sources, rtype)
            if targets:
                rule = "verb:object-phrase"
        if claimed_by is None:
            claimed_by = claimer(verb, sources, self.lex, self.who.speaker)
        if claimed_by in sources:
            claimed_by = None
        prospect = prospective_type(verb, rtype, self.lex) if not refusal else None
        if prospect is not None:
            # What is still to come did not happen: a promise or a threat of it is the fact, if anything.
            if not prospect:
                return
            attributes = {**attributes, "promised": rtype}
            rtype, rule = prospect, "verb:promise" if prospect == "AGREE" else "verb:threat"
        # "A and B supported the protests": backing or punishing something else is not each other's act; only
        # talk and agreement about something ("A and B discussed X") join them.
        aimed_elsewhere = rtype in ("SUPPORT", "SANCTION") and any(
            c.dep_ == "dobj" and c.lemma_.lower() not in lex.words("joint_objects") for c in verb.children
        )
        if (
            not targets
            and not aimed_elsewhere
            and len(sources) > 1
            and rtype.lower() in self.lex.words("reciprocal_types")
        ):
            for one in sources:
                for other in sources:
                    if one != other:
                        yield Found(rtype, one, other, "verb:reciprocal", claimed_by, dict(attributes))
            return
        forces = lex.words("force_agents")
        if rtype == "CONSULT" and any(relative_antecedent(s).lemma_.lower() in forces for s in subj_toks):
            return  # "police came to X's door": forces come to do something else than talk
        givers = self.targets.givers(verb, sense or Sense(rtype))
        for src in sources:
            for tgt in targets:
                if tgt in givers:  # "X received arms from Y": Y gives
                    given = "AID" if rtype in ("AGREE", "AID") else rtype
                    yield Found(given, tgt, src, "verb:received-from", claimed_by, dict(attributes))
                else:
                    yield Found(rtype, src, tgt, rule, claimed_by, dict(attributes))


def _said_no(verb: Token) -> bool:
    """ "did not accept", "will no longer tolerate" (the negator hangs on "longer"): a "no" said outright, not
    a verb of failing."""
    return any(c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "longer") for c in verb.children)
