"""Clause structure over spaCy's dependency parse, one rule each, shared by every fact extractor: a word's
lemma, whether it is negated, the verb of its clause, a verb's subjects and objects, coordinated phrases.

Nothing here knows about actors or entities; who a pronoun stands for is coref.py's question.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from lemminflect import getLemma
from spacy.tokens import Span, Token

from ingest.facts.dates import sentence_prefers_future
from ingest.lexicons import load

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
OBJECT_DEPS = frozenset({"dobj", "dative", "iobj", "attr", "oprd"})
# How deep a walk up the tree may go: a clause's verb is never further up than this in a news sentence, and
# the bound keeps a malformed parse from costing a walk to the root.
MAX_CLIMB = 8


def words(key: str) -> frozenset[str]:
    """A closed-class word list of ingest/lexicons/grammar.yaml."""
    return load("grammar").words(key)


@cache
def _approximators() -> re.Pattern[str]:
    phrases = sorted(words("approximators"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")


def without_approximators(text: str) -> str:
    """The text with words that make a number approximate removed ("at least 12" -> "12")."""
    return " ".join(_approximators().sub(" ", text.lower()).split())


def number_value(text: str) -> float | None:
    """The number a phrase writes: digits with separators and a scale ("1,200", "1.5 million") or a number
    word ("twelve")."""
    scales: dict[str, int] = load("grammar")["number_scales"]
    parts = text.lower().split()
    if not parts:
        return None
    scale = 1
    if len(parts) == 2 and parts[1] in scales:
        scale = scales[parts[1]]
        parts = parts[:1]
    if len(parts) != 1:
        return None
    word = parts[0]
    number_words: dict[str, int] = load("grammar")["number_words"]
    if word in number_words:
        return float(number_words[word] * scale)
    if not re.fullmatch(r"\d[\d,]*(?:\.\d+)?", word):
        return None
    return float(word.replace(",", "")) * scale


def lemma(tok: Token) -> str:
    """The lower-case lemma; the word itself where the lemmatizer gives none."""
    return (tok.lemma_ or tok.text).lower()


def verb_lemma(tok: Token) -> str:
    """The verb a participle comes from, also where the tagger made it an adjective and left its lemma the
    word itself ("the jailed leader" -> "jail")."""
    own = lemma(tok)
    if tok.pos_ == "ADJ" and own == tok.lower_ and own.endswith(("ed", "en")):
        found = getLemma(tok.lower_, upos="VERB")
        if found:
            return str(found[0]).lower()
    return own


def after_comma(tok: Token) -> int | None:
    """The index of the word after the comma that closes `tok`'s phrase ("the president, Ana Lusk"; "the
    lawmakers, A and B"), whether the parser hung the comma on the phrase or after it; None without one."""
    doc = tok.doc
    end = tok.right_edge.i
    if doc[end].text == "," and end > tok.i and all(t.is_punct for t in doc[tok.i + 1 : end + 1]):
        nxt = end + 1
    elif end + 1 < len(doc) and doc[end + 1].text == ",":
        nxt = end + 2
    else:
        return None
    return nxt if nxt < len(doc) else None


def is_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX")


def negated(tok: Token) -> bool:
    """Whether a verb or noun is denied: a negation dependent, or a negator word modifying it ("did not back",
    "never met", "no support", "without returning", "failed to approve")."""
    if tok.dep_ == "pcomp" and tok.head.lower_ == "without":
        return True  # "agreed to resign without returning"
    if tok.dep_ == "xcomp" and lemma(tok.head) in words("unrealised_verbs"):
        return True  # "failed to approve"
    if tok.dep_ == "xcomp" and lemma(tok.head) == "be" and any(c.lower_ == "yet" for c in tok.head.children):
        return True  # "is yet to concede": not so far
    negators = words("negators")

    def denies(c: Token) -> bool:
        return c.dep_ == "neg" or (c.lower_ in negators and c.dep_ in ("advmod", "det"))

    # "will no longer tolerate": the negator hangs on the adverb.
    return any(denies(c) or (c.dep_ == "advmod" and any(denies(g) for g in c.children)) for c in tok.children)


def clause_verb(tok: Token) -> Token | None:
    """The verb heading the clause a token stands in: the token itself for a verb. A participle used as an
    adjective ("the jailed leader") heads no clause."""
    t = tok
    for _ in range(MAX_CLIMB):
        if is_verb(t) and t.dep_ != "amod":
            return t
        if t.head == t:
            return None
        t = t.head
    return None


def conjuncts(tok: Token) -> list[Token]:
    """A phrase and the phrases coordinated with it ("X and Y"), in order."""
    return [tok, *tok.conjuncts]


def objects(verb: Token) -> list[Token]:
    """The verb's direct and indirect objects and predicate nominals (not prepositional objects)."""
    return [c for c in verb.children if c.dep_ in OBJECT_DEPS and c.tag_ not in ("IN", "TO")]


def prepositional_objects(
    head: Token, preps: frozenset[str] | set[str] | None = None
) -> list[tuple[Token, str]]:
    """(object, preposition) for each "prep + pobj" under `head`, optionally only for the given ones."""
    return [
        (p, c.lower_)
        for c in head.children
        if c.dep_ == "prep" and (preps is None or c.lower_ in preps)
        for p in c.children
        if p.dep_ == "pobj"
    ]


def relative_antecedent(tok: Token) -> Token:
    """The noun a relative pronoun stands for ("X, who backed Y": who -> X); any other token is itself."""
    if tok.lower_ in words("relative_pronouns") and tok.tag_ in ("WP", "WDT", "WP$"):
        verb = tok.head
        for _ in range(MAX_CLIMB):
            if verb.dep_ in ("relcl", "ROOT") or verb.head == verb:
                break
            verb = verb.head
        if verb.dep_ == "relcl":
            return verb.head
    return tok


@dataclass(frozen=True)
class Subjects:
    """Who a verb is predicated of, whether the verb is passive (its subject undergoes it), and the verb whose
    own subjects they are (None when they are not a verb's subjects: an object that controls the verb, the
    noun a relative clause describes)."""

    tokens: list[Token]
    passive: bool = False
    owner: Token | None = None

    @property
    def first(self) -> Token | None:
        return self.tokens[0] if self.tokens else None


# A check a caller may add on coordinated verbs: whether the inherited subject cannot be this verb's own
# (see `subjects`).
BindsObject = Callable[[Token, list[Token]], bool]


def active_form(verb: Token) -> bool:
    """Whether a verb with no subject of its own reads as active ("has backed", "backs")."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        return False
    if verb.tag_ != "VBN":
        return True
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


def _object_only(verb: Token) -> bool:
    """A verb that always takes the one acted on as object, used with no object and no auxiliary."""
    if lemma(verb) not in words("headline_passive_verbs"):
        return False
    if any(c.dep_ in ("dobj", "aux", "auxpass", "dative") for c in verb.children):
        return False
    return verb.tag_ in ("VBN", "VBD")


def headline_passive(verb: Token, own: list[Token]) -> bool:
    """ "X jailed for eight years": such a verb with a subject but no object is the passive of headlines and
    timelines, not X jailing someone; so is a bare participle with a "by" phrase ("officials sanctioned
    by Y"), whatever the verb."""
    if not own or not all(s.dep_ == "nsubj" for s in own):
        return False
    return _object_only(verb) or (
        verb.tag_ == "VBN"
        and not any(c.dep_ in ("dobj", "aux", "auxpass", "dative") for c in verb.children)
        and any(c.dep_ in ("prep", "agent") and c.lower_ == "by" for c in verb.children)
    )


def subjects(verb: Token, binds_object: BindsObject | None = None, _depth: int = 0) -> Subjects:
    """The subject tokens of a verb, its own or inherited through the clause it depends on, and its voice.

    A relative pronoun is returned as it is (`relative_antecedent` gives its noun). A verb without a subject
    takes it from: the verb it complements ("X refused to back Y"; under "urge"-like verbs the object: "urged
    Y to leave"), an adjective's clause ("X is ready to send"), the verb it is coordinated with ("X won and
    was re-elected"), the verb its participle or purpose clause hangs on ("X staged a strike to protest",
    "after being arrested"), or, in a relative clause, the noun the clause describes. `binds_object` lets a
    caller that knows who pronouns stand for reject a coordinated verb's inherited subject (coref.py).
    """
    own = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if own:
        passive = any(c.dep_ == "nsubjpass" for c in own) or headline_passive(verb, own)
        if passive and lemma(verb) in words("stative_participles"):
            # "X is opposed to Y", "X is allied with Y" state X's stance: X acts, nobody acts on X.
            passive = not any(c.dep_ == "prep" and c.lower_ in ("to", "with") for c in verb.children)
        return Subjects(own, passive, verb)
    head = verb.head
    if head == verb or _depth >= MAX_CLIMB:
        return Subjects([])
    deeper = _depth + 1
    # A subject taken from the clause above is this verb's own doer unless the verb is itself passive ("X
    # refused to be drawn into the row", "after being arrested", "surrounded by police, the crowd ...").
    voice = not active_form(verb)
    if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ in ("acomp", "amod") and head.head != head:
        # "X is ready to send Y": the adjective's clause supplies the subject.
        return _inherited(subjects(head.head, binds_object, deeper), voice)
    if verb.dep_ == "xcomp":
        objs = [c for c in head.children if c.dep_ == "dobj"]
        # "urged X to go": X goes. "Called X to congratulate him" is a telephone call made for it: the caller
        # congratulates; only "called on X to" asks X.
        if objs and lemma(head) in words("object_control_verbs") and lemma(head) != "call":
            return Subjects(objs, voice)
        # "called on X to respect Y", "prevailed upon X to": the one called on does what is asked.
        called = [
            p
            for c in head.children
            if c.dep_ == "prep" and c.lower_ in ("on", "upon") and c.i < verb.i
            for p in c.children
            if p.dep_ == "pobj"
        ]
        if called and lemma(head) in words("object_control_verbs"):
            return Subjects(called, voice)
        return _inherited(subjects(head, binds_object, deeper), voice)
    if verb.dep_ == "conj" and is_verb(head):
        inherited = subjects(head, binds_object, deeper)
        if head.dep_ == "ccomp" and binds_object is not None and binds_object(verb, inherited.tokens):
            # "A said B was trying to X and urged him to Y": "him" is B, so "urged" cannot have B as its
            # subject; the conjunct belongs to the reporting verb, whose subject it takes.
            return subjects(head.head, binds_object, deeper)
        if inherited.passive and active_form(verb) and not _object_only(verb):
            # "X was barred from running and has backed Y": the passive subject acts in the active verb.
            return Subjects(inherited.tokens, False, inherited.owner)
        if not inherited.passive and any(c.dep_ == "agent" for c in verb.children):
            # "X is allied to and backed by Y": a conjunct with an agent of its own is passive.
            return Subjects(inherited.tokens, True, inherited.owner)
        return inherited
    if verb.dep_ in ("advcl", "pcomp", "acl") and verb.tag_ == "VBG" and is_verb(head):
        controller = head.head
        if (
            verb.dep_ == "advcl"
            and head.dep_ == "xcomp"
            and controller != head
            and lemma(controller) in words("object_control_verbs")
            and verb.left_edge.i > 0
            and verb.doc[verb.left_edge.i - 1].text in (",", '"', "\u201d")
        ):
            # "X urged Y to leave, accusing him of ...": the participle set off after the complement is X's,
            # not that of Y, who was only asked to leave.
            return _inherited(subjects(controller, binds_object, deeper), voice)
        return _inherited(subjects(head, binds_object, deeper), voice)
    if verb.dep_ == "advcl" and verb.tag_ == "VBN" and is_verb(head):
        # A participle adjunct shares the clause's subject: "Elected in 2010, X ...", "X came, escorted by Y".
        return _inherited(subjects(head, binds_object, deeper), voice)
    if verb.dep_ == "advcl" and verb.tag_ == "VB" and is_verb(head):
        # Purpose clause: "X staged a strike to protest Y".
        return _inherited(subjects(head, binds_object, deeper), voice)
    accused = accused_chain(verb)
    if accused is not None and accused[0]:
        # "X accused Y of arresting Z": Y arrests, whoever says so.
        return Subjects(accused[0], voice)
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and is_verb(head.head):
        # "remained in detention after being arrested": the person is the one the clause is about.
        return _inherited(subjects(head.head, binds_object, deeper), voice)
    if verb.dep_ == "relcl" and head.pos_ in ("NOUN", "PROPN"):
        return Subjects([head], voice)
    return Subjects([])


def accused_chain(verb: Token) -> tuple[list[Token], Token | None] | None:
    """For "A accused B of supporting C": the subject of "supporting" (B) and the accuser (A)."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ not in ("of", "for"):
        return None
    # "accused X of meddling and of supporting Y": the second "of" is a conjunct of the first.
    while prep.dep_ == "conj" and prep.head.pos_ == "ADP" and prep.head != prep:
        prep = prep.head
    if prep.dep_ != "prep":
        return None
    accuse = prep.head
    accused: list[Token] = []
    if accuse.dep_ == "dobj" and accuse.pos_ in ("NOUN", "PROPN"):
        # The parser often hangs "of ..." on the object: "accused [officials of meddling]".
        accused = [accuse]
        accuse = accuse.head
    if accuse.lemma_.lower() not in words("accusing_verbs"):
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


def likewise_subjects(verb: Token) -> list[Token]:
    """ "A congratulated B, as did C", "A backed B, as did C": the subjects of an elliptical "as did" clause,
    who did what the verb says."""
    return [
        s
        for c in verb.children
        if c.dep_ == "advcl"
        and lemma(c) == "do"
        and any(m.dep_ == "mark" and m.lower_ == "as" for m in c.children)
        for s in c.children
        if s.dep_ == "nsubj"
    ]


def _inherited(found: Subjects, passive: bool) -> Subjects:
    return Subjects(found.tokens, passive, found.owner)


def planned(sent: Span, tok: Token) -> bool:
    """Whether what a word reports is still to come: planned or announced ("called for protests next week",
    "the planned rally", "will hold a strike") rather than done."""
    modifiers = words("planning_modifiers")
    if any(c.lower_ in modifiers or lemma(c) in modifiers for c in tok.children if c.dep_ == "amod"):
        return True
    t = tok
    for _ in range(3):
        if t.head == t:
            break
        if t.dep_ == "pobj" and t.head.lower_ == "for" and lemma(t.head.head) in words("appeal_verbs"):
            return True  # "called for protests": asked for, not yet held
        t = t.head
        if lemma(t) in words("planning_verbs") and (
            sentence_prefers_future(sent) or lemma(t) in ("plan", "announce", "schedule", "intend")
        ):
            return True
    future = words("future_auxiliaries")
    if any(c.dep_ == "aux" and c.lower_ in future for c in tok.children):
        return True
    if tok.dep_ in ("dobj", "nsubjpass") and any(
        c.dep_ == "aux" and c.lower_ in future for c in tok.head.children
    ):
        return True
    return sentence_prefers_future(sent) and tok.head == sent.root
