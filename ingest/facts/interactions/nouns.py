"""Relations a noun states: nominalisations ("X's support for Y", "talks between X and Y") coded from
plover_nouns.yaml, and appositives that name a backer ("X, an ally of Y")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.tokens import Span, Token

from ingest.facts.interactions.actors import Actors
from ingest.facts.interactions.clauses import claimer, prospective_type, subjects
from ingest.facts.interactions.found import Found
from ingest.facts.interactions.senses import received, sense_of, spoken_type
from ingest.facts.plover_lexicon import PloverLexicon
from ingest.facts.syntax import clause_verb, negated, planned, words


class NounRules:
    """The relations each noun of a sentence states, between the actors `who` finds in its phrases."""

    def __init__(self, who: Actors) -> None:
        self.who = who
        self.ctx = who.ctx
        self.lex = who.lex

    def noun_relations(self, noun: Token, sent: Span) -> Iterator[Found]:
        lemma = noun.lemma_.lower()
        spec = self.lex.nouns.get(lemma)
        if spec is None or noun.pos_ not in ("NOUN", "PROPN"):
            return
        if negated(noun):
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
        # "X's arrest" undergoes it; "Y's arrest of X" names the doer in the possessive.
        of_target = spec.possessive_is_target and any(
            c.dep_ == "prep" and c.lower_ == "of" and "of" in spec.target_preps for c in noun.children
        )
        for c in noun.children:
            if c.dep_ == "poss":
                (targets if spec.possessive_is_target and not of_target else sources).extend(
                    self.who.actors(c)
                )
            elif c.dep_ in ("compound", "amod", "nmod"):
                eid = self.who.valid(self.ctx.entity_for_token(c))
                if eid:
                    (targets if spec.possessive_is_target else sources).append(eid)
            elif c.dep_ == "prep":
                pobjs = [p for p in c.children if p.dep_ == "pobj"]
                for p in pobjs:
                    if c.lower_ == "between" or c.lower_ == "among":
                        between += self.who.actors(p)
                    elif c.lower_ in spec.source_preps:
                        sources += self.who.actors(p)
                    elif c.lower_ in spec.target_preps:
                        targets += self.who.phrase_actors(p)
                    elif c.lower_ == "of":
                        # "the withdrawal of troops from Y": the target may hang on what is withdrawn
                        targets += [
                            e
                            for inner in p.children
                            if inner.dep_ == "prep" and inner.lower_ in spec.target_preps - {"of"}
                            for q in inner.children
                            if q.dep_ == "pobj"
                            for e in self.who.phrase_actors(q)
                        ]
        rule = "noun:nominal"
        verb = noun.head if noun.dep_ in ("dobj", "attr") else None
        if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "VERB":
            thanker = noun.head.head
            if thanker.lemma_.lower() in self.lex.words("thanking_verbs") and noun.head.lower_ == "for":
                # "X thanked Y for its support": Y supported X.
                thanked = [e for c in thanker.children if c.dep_ == "dobj" for e in self.who.actors(c)]
                subj_toks, _ = subjects(thanker, self.lex, self.ctx)
                by = [e for s in subj_toks for e in self.who.actors(s)]
                for s in thanked:
                    for t in by:
                        yield Found(spec.type, s, t, "noun:thanks", None, dict(attributes))
                return
        if between:
            for a in between:
                for b in between:
                    if a != b:
                        yield Found(spec.type, a, b, "noun:symmetric", None, dict(attributes))
            return
        if (
            verb is not None
            and verb.lemma_.lower() in self.lex.words("receiving_verbs")
            and received(noun, self.lex)
        ):
            # "Y received support from X": the giver may hang on the verb; the receiver is the target.
            sources = sources or [
                e
                for c in verb.children
                if c.dep_ in ("prep", "agent") and c.lower_ in ("from", "by")
                for p in c.children
                if p.dep_ == "pobj"
                for e in self.who.actors(p)
            ]
            subj_toks, passive = subjects(verb, self.lex, self.ctx)
            if sources and not targets and not passive:
                targets = [e for t in subj_toks for e in self.who.actors(t)]
                rule = "noun:light-verb"
        if not sources:
            if verb is not None and verb.pos_ == "VERB":
                vlemma = verb.lemma_.lower()
                subj_toks, passive = subjects(verb, self.lex, self.ctx)
                subj = [e for s in subj_toks for e in self.who.actors(s)]
                giver = self.given_by(noun)
                if vlemma in self.lex.words("receiving_verbs") or (vlemma == "have" and giver):
                    if giver:
                        # "Y enjoyed / received / has the support of X": X gives it, Y has it.
                        sources, targets = giver, []
                    if not passive and not targets:
                        targets = subj
                    rule = "noun:light-verb"
                elif vlemma in self.lex.words("light_verbs") or sense_of(verb, self.lex) is None:
                    if not passive:
                        sources = subj
                    rule = "noun:light-verb"
                    if not targets:
                        # "X staged rallies against Y": the preposition hangs on the light verb.
                        for c in verb.children:
                            if c.dep_ == "prep" and c.lower_ in spec.target_preps:
                                targets += [
                                    e for p in c.children if p.dep_ == "pobj" for e in self.who.actors(p)
                                ]
                else:
                    return  # the verb's own sense speaks for the sentence
            elif appealed_for(noun) is not None:
                # "X called for protests on Tuesday against Y": the act's target may hang on the appeal.
                appeal = noun.head.head
                sources = self.governing_subjects(noun)[1]
                if not targets:
                    targets = [
                        e
                        for c in appeal.children
                        if c.dep_ == "prep" and c.lower_ in spec.target_preps
                        for p in c.children
                        if p.dep_ == "pobj"
                        for e in self.who.actors(p)
                    ]
            else:
                gov, subj = self.governing_subjects(noun)
                if topic_of_an_act(noun, gov, self.lex):
                    return
                adjunct = noun.dep_ == "pobj" and noun.head.lower_ in ("in", "during", "after")
                if (
                    not adjunct
                    and gov is not None
                    and sense_of(gov, self.lex) is not None
                    and gov.lemma_.lower()
                    not in (self.lex.words("light_verbs") | self.lex.words("reporting_verbs"))
                ):
                    return
                sources = subj
        to_come = noun.head.pos_ == "VERB" and prospective_type(noun.head, spec.type, self.lex) is not None
        if not targets and spec.symmetric and len(sources) > 1 and not to_come:
            for a in sources:
                for b in sources:
                    if a != b:
                        yield Found(spec.type, a, b, "noun:symmetric", None, dict(attributes))
            return
        rtype = spoken_type(noun, spec.type, self.lex)
        if rtype != "PROTEST" and self.requested(noun):
            asker = noun.head.head if noun.head.lower_ == "for" else noun.head
            if rtype in ("SANCTION", "COERCE", "ASSAULT") and asker.lemma_.lower() not in (
                "order",
                "require",
            ):
                # "called for sanctions against X": whoever asks for a punishment of X condemns X
                for s in sources:
                    for t in targets:
                        yield Found("ACCUSE", s, t, "noun:punishment-asked", None, {"asked": rtype})
            return  # "called for the release of X", "urged talks with Y": asked for, not done (a REQUEST)
        if rtype == "PROTEST" and planned(sent, noun):
            # "called for protests against X next week": a protest still to come is a threat of one.
            rtype = "THREATEN"
            attributes["planned"] = "PROTEST"
        claimed_by = (
            claimer(noun.head, sources, self.lex, self.who.speaker) if noun.head.pos_ == "VERB" else None
        )
        # "X will impose a curfew on Y": the light verb's modal makes the act a threat or a promise, and
        # nothing else: it has not happened.
        prospect = prospective_type(noun.head, spec.type, self.lex) if noun.head.pos_ == "VERB" else None
        if prospect is not None:
            if not prospect:
                return
            attributes = {**attributes, "promised": spec.type}
            rtype, rule = prospect, "verb:promise" if prospect == "AGREE" else "verb:threat"
        for s in sources:
            for t in targets:
                yield Found(rtype, s, t, rule, claimed_by, dict(attributes))

    def given_by(self, noun: Token) -> list[str]:
        """The giver of a cooperative act its noun says is had or received: "the support of X"."""
        if not received(noun, self.lex):
            return []
        return [
            e
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj"
            for e in self.who.actors(p)
        ]

    def requested(self, noun: Token) -> bool:
        """Whether the act a noun names is what someone asks for ("demanded the release of X", "called for
        talks"), not what happened."""
        asking = words("appeal_verbs") | self.lex.words("demand_verbs")
        if protested(noun, self.lex):
            return True
        head = noun.head
        if noun.dep_ == "pobj" and head.lower_ == "for":
            head = head.head
        elif noun.dep_ != "dobj":
            return False
        return head.pos_ == "VERB" and head.lemma_.lower() in asking

    def governing_subjects(self, tok: Token) -> tuple[Token | None, list[str]]:
        """The nearest verb above a noun and the actors of its subject."""
        verb = clause_verb(tok.head) if tok.head != tok else None
        if verb is None:
            return None, []
        subj_toks, passive = subjects(verb, self.lex, self.ctx)
        if passive:
            return verb, []
        return verb, [e for s in subj_toks for e in self.who.actors(s)]

    # -------------------------------------------------------------------------------------- appositives

    def appositive_relations(self, tok: Token) -> Iterator[Found]:
        """ "X, the chosen successor of Y" / "X, an ally of Y" -> SUPPORT Y -> X."""
        if tok.dep_ != "appos":
            return
        lemma = tok.lemma_.lower()
        backed = lemma in self.lex.words("backed_nouns")
        if lemma in self.lex.words("qualified_backed_nouns"):
            backed = any(c.lower_ in self.lex.words("backing_qualifiers") for c in tok.children)
        if not backed:
            return
        named = self.who.actor(tok.head)
        if not named:
            return
        backers: list[str] = []
        for c in tok.children:
            if c.dep_ == "poss":
                backers += self.who.actors(c)
            if c.dep_ == "prep" and c.lower_ == "of":
                backers += [e for p in c.children if p.dep_ == "pobj" for e in self.who.actors(p)]
        for b in backers:
            yield Found("SUPPORT", b, named, "appos:backed", None, {"as": lemma})


def protested(noun: Token, lex: PloverLexicon) -> bool:
    """ "protests against fraud and for the release of X", "rallied over the dismissal of Y": what a
    protest is about is what its crowd wants done or undone, not an act of the crowd."""
    t = noun
    while t.dep_ == "conj" and t.head != t:
        t = t.head
    if t.dep_ != "pobj" or t.head.lower_ not in ("against", "over", "for"):
        return False
    protest = t.head.head

    def protest_noun(tok: Token) -> bool:
        noun_sense = lex.nouns.get(tok.lemma_.lower())
        return noun_sense is not None and noun_sense.type == "PROTEST"

    if protest.pos_ == "VERB":
        # "marched against X", "rallied for X", "held protests over X"
        verb_sense = lex.verb_sense(protest.lemma_.lower(), [], [])
        if verb_sense is not None and verb_sense.type in ("PROTEST", "MOBILIZE"):
            return True
        return any(c.dep_ == "dobj" and protest_noun(c) for c in protest.children)
    return protest_noun(protest)


def topic_of_an_act(noun: Token, gov: Token | None, lex: PloverLexicon) -> bool:
    """ "held talks over the arrest of X", "staged a walkout about the dismissal of Y": the act a noun
    names there is what another act (the verb's object) is about, not something its subject did."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in ("over", "about", "on", "against"):
        return False
    owner = noun.head.head
    if owner.pos_ == "NOUN" and owner.lemma_.lower() in lex.nouns:
        return True  # "talks over the arrest"
    return (
        gov is not None
        and owner == gov
        and any(c.dep_ == "dobj" and c.lemma_.lower() in lex.nouns for c in gov.children)
    )


def appealed_for(noun: Token) -> Token | None:
    """The appeal verb of "called for <noun>", "appealed for <noun>"."""
    if (
        noun.dep_ == "pobj"
        and noun.head.lower_ == "for"
        and noun.head.head.lemma_.lower() in words("appeal_verbs")
    ):
        return noun.head.head
    return None
