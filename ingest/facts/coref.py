"""Who a pronoun or a definite description stands for: one antecedent resolver for every fact extractor.

A coreference library (coreferee, fastcoref) would do better but needs models that cannot be downloaded here,
so the rules are the ones news prose rewards: a subject pronoun continues the topic (the nearest earlier
subject of a fitting kind: "X said ... He added ..."), any other pronoun takes the nearest fitting actor
before it, an object pronoun is never its own clause's subject ("X urged him": him is not X), and a
definite noun with no name of its own ("the party", "the bloc") takes the last actor of its kind.

One look-back policy: the sentence itself and the `LOOKBACK` sentences before it that name an actor. A
sentence that names nobody (a quotation, a one-line paragraph) does not use up the window, up to
`MAX_SENTENCES` sentences back.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from spacy.tokens import Span, Token

from ingest.facts.context import FactContext
from ingest.facts.syntax import Subjects, lemma, subjects, words
from ingest.lexicons import load
from ingest.models import EntityType, ResolvedSpan

LOOKBACK = 3
MAX_SENTENCES = 8
PERSON_TYPES = frozenset({EntityType.PERSON})
COLLECTIVE_TYPES = frozenset({EntityType.COUNTRY, EntityType.ORGANIZATION, EntityType.PARTY})
# What a title can name its holder by: "the Georgian premier", "the UN secretary-general", "the city's mayor".
BODY_TYPES = COLLECTIVE_TYPES | {EntityType.LOCATION}
OBJECT_DEPS = ("dobj", "dative", "iobj", "pobj")
SUBJECT_DEPS = ("nsubj", "nsubjpass")

# The actor a noun phrase names, as the calling extractor reads phrases ("Russia's leaders" -> Russia).
PhraseActor = Callable[[Token], str | None]


def pronoun_types(word: str) -> frozenset[EntityType] | None:
    """What a third-person pronoun can stand for, or None for any other word."""
    word = word.lower()
    if word in words("person_pronouns"):
        return PERSON_TYPES
    if word in words("collective_pronouns"):
        return COLLECTIVE_TYPES
    return None


def pair_kinds(noun: Token) -> list[str]:
    """The kinds of actor a plural noun can name a pair or group of ("countries": Country)."""
    kinds: list[str] = load("grammar").data.get("pair_nouns", {}).get(lemma(noun), [])
    return kinds


def description_type(head: Token) -> EntityType | None:
    """The kind of actor a definite noun such as "the party" stands for, when it has one (the first listed,
    for a noun of several kinds)."""
    return next(iter(description_types(head)), None)


def description_types(head: Token) -> tuple[EntityType, ...]:
    """Every kind a definite noun can stand for: "the bloc" is a party bloc or a bloc of states."""
    return tuple(
        EntityType(etype)
        for etype, nouns in load("grammar")["descriptions"].items()
        if lemma(head) in nouns or head.lower_ in nouns
    )


class Coreference:
    def __init__(self, ctx: FactContext, phrase_actor: PhraseActor | None = None) -> None:
        self.ctx = ctx
        self.phrase_actor: PhraseActor = phrase_actor or ctx.entity_for_token

    def _type(self, eid: str) -> EntityType | None:
        etype = self.ctx.entity_type(eid)
        if etype is None and eid in self.ctx.new_entities:
            etype = self.ctx.new_entities[eid].type
        return etype

    def window_start(self, tok: Token) -> Token:
        """The first token the antecedent of `tok` may be looked for from (see the module's policy)."""
        doc = tok.doc
        sent = tok.sent
        start = sent.start
        counted = 0
        for _ in range(MAX_SENTENCES):
            if start == 0 or counted >= LOOKBACK:
                break
            prev: Span = doc[start - 1].sent
            start = prev.start
            if self.ctx.entities_in(prev.start_char, prev.end_char):
                counted += 1
        return doc[start]

    def pronoun(self, tok: Token, allowed: Collection[EntityType] | None = None) -> str | None:
        """The entity a third-person pronoun refers to; `allowed` narrows the kinds the caller can use."""
        types = pronoun_types(tok.lower_)
        if types is None:
            return None
        if allowed is not None:
            types = frozenset(t for t in types if t in allowed)
        excluded = self._clause_subjects(tok)
        first = self.window_start(tok)
        person = types == PERSON_TYPES
        if tok.lower_ not in words("object_pronouns") and tok.dep_ in SUBJECT_DEPS:
            # A subject pronoun continues the topic: the nearest earlier subject of a fitting kind ("The
            # commission says it will ...": it is the commission, not a country named in between). A person
            # must be the subject itself, not its possessor ("X's defiance").
            for cand in reversed(tok.doc[first.i : tok.i]):
                if cand.dep_ in SUBJECT_DEPS and cand.pos_ != "PRON":
                    eid = self.ctx.entity_for_token(cand) if person else self.phrase_actor(cand)
                    if eid and self._type(eid) in types:
                        return eid
        if tok.lower_ in ("them", "they") and self._crowd_before(tok):
            return None  # "detained dozens of people and took them away": the people, no one named
        return self.nearest(tok, types, first, excluded)

    def _crowd_before(self, tok: Token) -> bool:
        """Whether a plural common noun that names no actor is an argument earlier in the pronoun's sentence
        ("people", "protesters", "a number of students"), with no actor named after it."""
        for cand in reversed(tok.doc[tok.sent.start : tok.i]):
            if self.ctx.entity_for_token(cand):
                return False
            if cand.tag_ == "NNS" and cand.dep_ in OBJECT_DEPS + SUBJECT_DEPS and not self.phrase_actor(cand):
                return True
        return False

    def nearest(
        self, tok: Token, types: Collection[EntityType], first: Token, excluded: Collection[str] = ()
    ) -> str | None:
        """The last actor of one of `types` named between `first` and `tok`."""
        for span in reversed(self.ctx.entities_in(first.idx, tok.idx)):
            if span.entity_id not in excluded and self._type(span.entity_id) in types:
                return span.entity_id
        return None

    def _clause_subjects(self, tok: Token) -> set[str]:
        """Entities an object pronoun cannot stand for: the subjects of its own clause."""
        if tok.lower_ not in words("object_pronouns") or tok.dep_ not in OBJECT_DEPS:
            return set()
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head
        out: set[str] = set()
        own = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        for subj in own or self.subjects(verb).tokens:
            if subj.pos_ != "PRON":
                eid = (self.ctx.entity_for_token(subj) if own else None) or self.phrase_actor(subj)
                if eid:
                    out.add(eid)
        return out

    def subjects(self, verb: Token) -> Subjects:
        """The verb's subjects (syntax.subjects), with the binding rule below for coordinated verbs."""
        return subjects(verb, binds_object=self.binds_own_object)

    def binds_own_object(self, verb: Token, inherited: list[Token]) -> bool:
        """Whether the verb's object pronoun refers (by recency within its sentence) to the subject the verb
        would inherit: then that subject cannot be the verb's own ("A said B was hiding and urged him to
        go": him is B, so B did not urge)."""
        objs = [c for c in verb.children if c.dep_ == "dobj" and c.lower_ in words("object_pronouns")]
        if not objs:
            return False
        types = pronoun_types(objs[0].lower_) or frozenset()
        subj_ids = {self.ctx.entity_for_token(s) for s in inherited if s.pos_ != "PRON"} - {None}
        nearest = self.nearest(objs[0], types, objs[0].sent[0])
        return nearest is not None and nearest in subj_ids

    def definite(self, head: Token, allowed: Collection[EntityType] | None = None) -> str | None:
        """ "The party has refused to recognise the results": a definite noun with no name of its own stands
        for the last actor of its kind named before it."""
        kinds = [t for t in description_types(head) if allowed is None or t in allowed]
        if not kinds:
            return None
        if not any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this") for c in head.children):
            return None
        if any(self.ctx.entity_for_token(t) for t in head.subtree):
            return None
        first = self.window_start(head)
        for span in reversed(self.ctx.entities_in(first.idx, head.idx)):
            if self._type(span.entity_id) in kinds:
                return span.entity_id
        return None

    def titled(self, head: Token) -> str | None:
        """ "The president said ...", "the Georgian premier": a definite title with no name of its own
        stands for the last person named with that title ("President Ana Lusk", "Ana Lusk, the president"),
        of the country it names when it names one."""
        # "the UN secretary-general": a hyphenated title's last word is tagged an adjective.
        nominal = head.pos_ in ("NOUN", "PROPN") or (
            head.pos_ == "ADJ" and head.dep_ in SUBJECT_DEPS + OBJECT_DEPS
        )
        if lemma(head) not in words("person_titles") or not nominal:
            return None
        if self.ctx.entity_for_token(head) is not None:
            return None  # "The Secretary" may be capitalised; a name is not a title
        if not any(
            (c.dep_ == "det" and c.lower_ in ("the", "this"))
            or (c.dep_ == "poss" and self._type(self.ctx.entity_for_token(c) or "") in BODY_TYPES)
            for c in head.children
        ):
            return None
        named = [e for t in head.subtree if t != head and (e := self.ctx.entity_for_token(t))]
        if any(self._type(e) not in BODY_TYPES for e in named):
            return None  # "Lusk's spokesman": someone else, whom the text does not name
        qualifiers = {lemma(c) for c in head.children if c.dep_ in ("compound", "amod")}
        qualifiers -= {lemma(t) for t in head.subtree if self.ctx.entity_for_token(t)}
        # A title its body qualifies ("the UN secretary-general") names one person however far back; a bare
        # one ("the president") someone named recently, or else the only person the article titled so.
        first = head.doc[0] if named else self.window_start(head)
        holders: list[str] = []
        for span in reversed(self.ctx.entities_in(head.doc[0].idx, head.idx)):
            if self._type(span.entity_id) != EntityType.PERSON:
                continue
            titles = self._title_words(span)
            if (
                lemma(head) in titles
                and qualifiers <= titles
                and (not named or set(named) & self._bodies_by(span))
            ):
                if span.start_char >= first.idx:
                    return span.entity_id
                if span.entity_id not in holders:
                    holders.append(span.entity_id)
        return holders[0] if len(holders) == 1 else None

    def _title_tokens(self, span: ResolvedSpan) -> list[Token]:
        """The words that title a named person: before the name, and in an apposition on it."""
        doc = self.ctx.doc
        name = doc.char_span(span.start_char, span.end_char, alignment_mode="expand")
        if name is None:
            return []
        root = name.root
        # "King Abdullah II": a monarch's title may be written as part of the name.
        own = [t for t in name if lemma(t) in words("person_titles")]
        return (
            list(doc[root.left_edge.i : name.start])
            + own
            + [
                t
                for c in root.children
                if c.dep_ == "appos" and self.ctx.entity_for_token(c) is None
                for t in c.subtree
            ]
        )

    def _title_words(self, span: ResolvedSpan) -> set[str]:
        return {lemma(t) for t in self._title_tokens(span)}

    def _bodies_by(self, span: ResolvedSpan) -> set[str]:
        """The countries and bodies a person is titled by: "the UN secretary-general" is the one titled
        "United Nations Secretary-General", "the party's leader" the one titled its leader."""
        found = (self.ctx.entity_for_token(t) for t in self._title_tokens(span))
        return {e for e in found if e and self._type(e) in BODY_TYPES}

    def pair(self, head: Token) -> list[str]:
        """ "The two countries agreed ...", "both sides": the last two actors of that kind named before."""
        kinds = pair_kinds(head)
        if not kinds or head.tag_ not in ("NNS", "NNPS"):
            return []
        two = any(c.dep_ == "nummod" and c.lower_ in ("two", "2") for c in head.children) and any(
            c.dep_ == "det" and c.lower_ == "the" for c in head.children
        )
        both = any(c.dep_ in ("det", "predet") and c.lower_ == "both" for c in head.children)
        if not (two or both):
            return []
        doc = head.doc
        for kind in kinds:
            found: list[str] = []
            for span in reversed(self.ctx.entities_in(self.window_start(head).idx, head.idx)):
                name = doc.char_span(span.start_char, span.end_char, alignment_mode="expand")
                if name is not None and name.root.dep_ == "poss":
                    continue  # "to discuss X's trial": X is talked about, not one of the pair
                etype = self._type(span.entity_id)
                if etype is not None and etype.value == kind and span.entity_id not in found:
                    found.append(span.entity_id)
                if len(found) == 2:
                    return found[::-1]
        return []

    def antecedent(self, tok: Token, allowed: Collection[EntityType] | None = None) -> str | None:
        """The actor a pronoun or a definite description stands for, if the text says."""
        if tok.pos_ == "PRON":
            return self.pronoun(tok, allowed)
        found = self.definite(tok, allowed)
        if found is None and (allowed is None or EntityType.PERSON in allowed):
            found = self.titled(tok)
        return found
