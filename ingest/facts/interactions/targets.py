"""The actors a verb acts on when its phrases name them: objects and their inner prepositions, the first actor
of the verb's own phrase, and the country or place the act is done in."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from ingest.facts.coref import pair_kinds
from ingest.facts.interactions.actors import Actors
from ingest.facts.interactions.clauses import own_stance, target_tokens
from ingest.facts.interactions.states import PLACE_TYPES
from ingest.facts.plover_lexicon import Sense
from ingest.facts.syntax import negated, words
from ingest.lexicons import load
from ingest.models import EntityType

# Prepositions under an object noun that name the actor the object is about ("sanctions against Y").
# "by" names whose call or offer it was ("rejected calls by Y").
INNER_PREPS = {"against", "on", "of", "with", "to", "for", "from", "toward", "towards", "upon", "by"}
# Dependents of a verb that begin a phrase of their own (a clause with its own subject, reported speech, a
# coordinated verb): the verb's target is not looked for inside them.
OWN_PHRASE_DEPS = {"ccomp", "parataxis", "conj", "cc", "advcl", "relcl", "mark", "punct", "npadvmod", "csubj"}


@cache
def contests() -> frozenset[str]:
    """Nouns of a vote ("conceded defeat in X's election"): the phrase names the contest, not a place."""
    return load("elections").words("nouns")


class Targets:
    """Target actors of a verb's phrases, for one article's actors."""

    def __init__(self, who: Actors) -> None:
        self.who = who
        self.ctx = who.ctx

    def resolve(self, tokens: list[tuple[Token, str]]) -> list[str]:
        """Actors named by the target phrases, or by their inner prepositions ("sanctions against Y")."""
        out: list[str] = []
        for tok, _via in tokens:
            if tok.lemma_.lower() in self.who.lex.words("release_nouns"):
                # "urged the release of X": the state that holds X is asked, not X.
                state = self.ctx.main_country
                if state and state not in out:
                    out.append(state)
                continue
            acts = self.who.lex.words("state_act_nouns")
            if tok.lemma_.lower() in acts or tok.lower_ in acts:
                for eid in self.state_doer(tok):
                    if eid not in out:
                        out.append(eid)
                continue
            found = self.proposer(tok) or self.who.phrase_actors(tok)
            if not found:
                for c in tok.children:
                    if c.dep_ == "prep" and c.lower_ in INNER_PREPS:
                        for p in c.children:
                            if p.dep_ == "pobj":
                                found += self.who.actors(p)
            state = None
            if not found:
                # "clashed with police", "denounced the police operation": the state is acted on.
                for t in (tok, *(c for c in tok.children if c.dep_ == "compound")):
                    state = state or self.who.state_of(t, acted_on=True)
            if state:
                found = [state]
            for eid in found:
                if eid not in out:
                    out.append(eid)
        return out

    def proposer(self, pronoun: Token) -> list[str]:
        """ "Y made an offer. X would not accept it.": "it" is the latest proposal named just before, and
        who refuses or takes it answers whoever made it ("an offer by Y", "Y's plan")."""
        if pronoun.lower_ != "it" or pronoun.dep_ != "dobj":
            return []
        sent = pronoun.sent
        start = sent.start
        if start > 0:
            start = pronoun.doc[start - 1].sent.start
        proposals = self.who.lex.words("proposal_nouns")
        for tok in reversed(pronoun.doc[start : pronoun.i]):
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in proposals:
                made = [e for c in tok.children if c.dep_ == "poss" for e in self.who.actors(c)]
                return made or self.who.phrase_actors(tok)
        return []

    def givers(self, verb: Token, sense: Sense) -> list[str]:
        """Who gave what a verb of receiving took ("received funds from Y", "obtained weapons from Y"): the
        act is the giver's, done to the verb's subject."""
        if verb.lemma_.lower() not in words("acquisition_verbs"):
            return []
        return self.resolve([(t, via) for t, via in target_tokens(verb, sense) if via == "from"])

    def state_doer(self, act: Token) -> list[str]:
        """Who did a state's act ("the arrest of X"): its "by" agent or possessor when named ("Norland's
        crackdown"), else an agent noun on it ("the police operation"), else the article's state."""
        named = [
            e
            for c in act.children
            if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by")
            for t in ([c] if c.dep_ == "poss" else [p for p in c.children if p.dep_ == "pobj"])
            for e in self.who.actors(t)
        ]
        if named:
            return named
        state = self.ctx.main_country
        return [state] if state else []

    def object_phrase(self, verb: Token, sources: list[str], rtype: str = "") -> list[str]:
        """The first actor named in the verb's own phrase after it, when no dependency rule found a target.

        The event coders this lexicon comes from (PETRARCH) take the target from the verb phrase this way;
        it recovers targets the parser hangs in odd places ("denounced as a crime X's suppression of ...",
        "granted asylum to five officers holed up ..."). Clauses with a subject of their own, reported
        speech and coordinated verbs are their own phrases and are not looked into. Under a verb of talk about
        something ("discussed the fallout of X's resignation") the object says what about; only a "with"
        phrase in it says with whom."""
        topic = rtype == "CONSULT" and verb.lemma_.lower() in words("topic_verbs")
        for child in verb.children:
            if child.i < verb.i:
                continue
            named = self.free_relative(child)
            if named is not None:
                child = named
            if child.dep_ in OWN_PHRASE_DEPS:
                continue
            if child.dep_ == "prep" and child.i > 0 and verb.doc[child.i - 1].text == ",":
                continue  # "condemned X, in a blow to Y's plans": set off by a comma, an aside
            partners = self.partners_in_topic(child, sources) if topic else []
            if partners:
                return (
                    partners  # "discussed on trade issues with X and Y": the parser hung "with" on the topic
                )
            if self.adjunct(child):
                continue  # "talked to X at a summit of the Y bloc", "in Z": when and where, not whom
            for tok in child.subtree:
                if any(
                    a.dep_ == "prep" and (a.lower_ in words("adjunct_preps") or self.occasion(a))
                    for a in tok.ancestors
                    if a.i > verb.i and a in child.subtree
                ):
                    continue  # deeper in the phrase, "in X" may still stand for X ("parties to the war in X")
                if any(a.dep_ == "agent" for a in tok.ancestors if a in child.subtree):
                    continue  # "a ceasefire brokered by X": X did the mediating, nobody acted on X
                if (tok.dep_ in OWN_PHRASE_DEPS and tok != child) or negated(tok):
                    break  # a clause of its own, or one that says what did not happen ("without returning")
                if (
                    tok != child
                    and tok.pos_ == "VERB"
                    and (
                        (tok.dep_ == "acl" and tok.tag_ == "VBG" and self.who.is_crowd(tok.head))
                        or any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
                    )
                ):
                    break  # "scuffled with marchers demanding that X go": what the protesters do is theirs
                if tok.dep_ == "poss" and own_stance(tok.head, Sense(rtype)) is not None:
                    continue  # "reaffirmed X's solidarity": X holds the stance, nobody receives it
                eid = self.who.valid(self.ctx.entity_for_token(tok))
                name = tok
                while name.dep_ == "compound" and self.ctx.entity_for_token(name.head) == eid:
                    name = name.head
                if eid and name.dep_ == "poss":
                    # "against X's government": the state X leads, as the phrase's head would be read
                    eid = self.who.government_of(name.head) or eid
                if eid is None and tok.dep_ == "pobj" and tok.head.lower_ == "by":
                    # "a campaign by the authorities": the state that did what the phrase names
                    eid = self.who.state_of(tok, exclude=sources)
                if eid is None or eid in sources:
                    continue
                if (
                    topic
                    and child.dep_ == "dobj"
                    and not any(a.lower_ == "with" for a in tok.ancestors if a in child.subtree)
                ):
                    continue
                # A place deep in the phrase is mostly where something happened ("set fire to ballots on
                # the square"); only a place the verb acts on directly is its target.
                direct = tok == child and tok.dep_ == "dobj"
                if self.ctx.entity_type(eid) == EntityType.LOCATION and not direct:
                    continue
                return [eid]
        return []

    @staticmethod
    def free_relative(clause: Token) -> Token | None:
        """ "denounced what it called X's abuses", "... what it described as X's campaign", "... what it
        said was a smear operation by X": the free relative is the verb's object, and what it is called names
        it."""
        if clause.dep_ != "ccomp":
            return None
        for c in (clause, *(c for c in clause.children if c.dep_ == "ccomp")):
            if not any(w.lower_ == "what" for w in c.children):
                continue
            named = [w for w in c.children if w.dep_ in ("oprd", "attr")] + [
                p for w in c.children if w.dep_ == "prep" and w.lower_ == "as" for p in w.children
            ]
            if named:
                return named[0]
        return None

    def partners_in_topic(self, phrase: Token, sources: list[str]) -> list[str]:
        """The actors of a "with" phrase inside what a talk was about, short of any clause of its own."""
        out: list[str] = []
        for tok in phrase.subtree:
            if tok.dep_ != "pobj" or tok.head.lower_ != "with" or tok.head == phrase:
                continue
            if any(
                a.dep_ in OWN_PHRASE_DEPS - {"conj", "cc", "punct"}
                for a in tok.ancestors
                if a in phrase.subtree
            ):
                continue
            out += [e for e in self.who.actors(tok) if e not in sources and e not in out]
        return out

    def adjunct(self, tok: Token) -> bool:
        """A phrase of when or where: its actors are not what the verb acts on."""
        return tok.dep_ == "prep" and (tok.lower_ in words("adjunct_preps") or self.place_or_time(tok))

    def place_or_time(self, prep: Token) -> bool:
        """An "in" phrase that says where, when or on what occasion ("in Z", "in the capital", "in March",
        "in the election")."""
        if prep.lower_ != "in":
            return False
        if self.occasion(prep):
            return True
        for pobj in (p for p in prep.children if p.dep_ == "pobj"):
            eid = self.ctx.entity_for_token(pobj)
            if (eid and self.ctx.entity_type(eid) in PLACE_TYPES) or pobj.ent_type_ in (
                "DATE",
                "TIME",
                "GPE",
                "LOC",
            ):
                return True
        return False

    @staticmethod
    def occasion(prep: Token) -> bool:
        """ "in X's election", "in the runoff": the phrase names the contest the act belongs to."""
        return prep.lower_ == "in" and any(
            p.dep_ == "pobj" and p.lemma_.lower() in contests() for p in prep.children
        )

    @staticmethod
    def is_states(noun: Token) -> bool:
        """ "asked countries in the region": unnamed states, of which the place says only where they are."""
        return noun.tag_ == "NNS" and pair_kinds(noun) == ["Country"]

    def places(self, verb: Token) -> list[str]:
        """ "lifted the curfew in X", "will resume attacks in X": with no other target, the country or place
        where the act is done is what it is done to (PLOVER codes the place's authority as the target)."""
        out: list[str] = []
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if any(self.who.is_crowd(o) or o.pos_ == "NUM" or self.is_states(o) for o in objects):
            # "arrested 25 people in X", "killed four in X": the act's target is the people, unnamed; the
            # place is only where it happened (the event keeps the place and the count).
            return out
        # "blocked roads in X": the place may hang on the object.
        holders = [verb, *objects]
        for c in (c for h in holders for c in h.children):
            if c.dep_ == "prep" and c.lower_ in ("in", "inside", "within"):
                for p in c.children:
                    if p.dep_ == "pobj" and p.lemma_.lower() not in contests():
                        for eid in self.who.actors(p):
                            if self.ctx.entity_type(eid) in PLACE_TYPES and eid not in out:
                                out.append(eid)
        return out
