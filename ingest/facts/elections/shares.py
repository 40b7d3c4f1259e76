"""The figures of a results sentence and whose they are: percentages and vote counts, the percentages that
are not anyone's share (the part of the count done, a threshold the law sets, a survey), and the holder a
figure is written next to ("N votes, or P percent", "P% for X", "X's P%", "X - P%")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ingest.facts import syntax
from ingest.facts.context import FactContext
from ingest.facts.elections.phrases import actor_in, lexicon, person_named
from ingest.facts.syntax import lemma
from ingest.lexicons import load
from ingest.models import EntityType

PERCENT_WORDS = frozenset({"percent", "%", "per", "pct", "percentage"})
RESULT_TYPES = (EntityType.PARTY, EntityType.PERSON, EntityType.ORGANIZATION)
_DASHES = frozenset({"-", "\u2013", "\u2014", ":", "--"})


def _number(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def percents(sent: Span) -> list[tuple[Token, float]]:
    """(anchor token, value) for each "76 percent", "8.4%", "76 per cent" in the sentence; a margin ("10
    percentage points") is no one's share."""
    out = []
    for tok in sent:
        if not tok.like_num:
            continue
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.lower_ in PERCENT_WORDS:
            after = tok.doc[nxt.i + 1] if nxt.i + 1 < len(tok.doc) else None
            if after is not None and lemma(after) == "point":
                continue
            value = _number(tok.text)
            if value is not None and 0 <= value <= 100:
                anchor = nxt if nxt.head == tok or tok.head == nxt else tok
                anchor = nxt if tok.head == nxt else anchor
                # "59.8 and 27.5 percent": the numbers coordinated with this one are shares too.
                for other in tok.conjuncts:
                    shared = _number(other.text) if other.like_num and other.i < tok.i else None
                    if shared is not None and 0 <= shared <= 100:
                        out.append((other, shared))
                out.append((anchor, value))
        elif tok.text.endswith("%"):
            value = _number(tok.text[:-1])
            if value is not None and 0 <= value <= 100:
                out.append((tok, value))
    return out


def vote_counts(sent: Span) -> list[tuple[Token, int]]:
    """(the votes token, count) for "976,644 votes", "1.2 million ballots"."""
    out = []
    for tok in sent:
        if tok.like_num and tok.i + 1 < len(tok.doc):
            nxt = tok.nbor(1)
            mult = 1
            if nxt.lower_ in ("million", "thousand") and tok.i + 2 < len(tok.doc):
                mult = 1_000_000 if nxt.lower_ == "million" else 1000
                nxt = tok.nbor(2)
            if nxt.lower_ in ("votes", "ballots"):
                value = _number(tok.text)
                if value is not None:
                    out.append((nxt, int(value * mult)))
    return out


def number_token(anchor: Token) -> Token:
    """The numeral of a percentage whose anchor may be its "percent" word."""
    if anchor.like_num or (anchor.text.endswith("%") and len(anchor.text) > 1):
        return anchor
    doc = anchor.doc
    return doc[anchor.i - 1] if anchor.i > 0 and doc[anchor.i - 1].like_num else anchor


def phrase_head(anchor: Token) -> Token:
    """The top of a percentage's own phrase ("76" and "percent" are one phrase whichever the parser heads)."""
    number = number_token(anchor)
    top = anchor
    while top.head != top and (top.head == number or top.head.lower_ in PERCENT_WORDS):
        top = top.head
    if number.head == top or top.head == number:
        return top
    return top if top.i >= number.i else number


def not_a_share(anchor: Token) -> bool:
    """A percentage that belongs to no candidate: the part of the vote counted ("with 99 percent of ballots
    counted", "90% of polling stations reporting", "the tally reached 71%"), a threshold ("must win more than
    50 percent", "none won more than 50%"), or a survey's figure."""
    lex = lexicon()
    count_verbs, count_units = lex.words("count_verbs"), lex.words("count_units")
    top = phrase_head(anchor)
    span = list(top.subtree)
    if top.head.lower_ in ("with", "after", "from") or top.dep_ in ("nsubj", "nsubjpass"):
        scope = list(top.head.subtree) if top.head.lower_ in ("with", "after", "from") else span
        if any(lemma(t) in count_verbs and t.pos_ in ("VERB", "AUX") for t in scope):
            return True
    after = top.doc[top.right_edge.i + 1] if top.right_edge.i + 1 < len(top.doc) else None
    if after is not None and lemma(after) in count_verbs and after.tag_ in ("VBN", "VBG"):
        return True
    for t in span:
        if t.dep_ == "pobj" and t.head.lower_ in ("of", "from") and lemma(t) in count_units:
            return True
        if (
            top.dep_ in ("nsubj", "nsubjpass")
            and t.dep_ == "pobj"
            and t.head.lower_ == "of"
            and lemma(t) in lex.words("population_units")
        ):
            return True  # "77% of eligible voters cast a ballot": turnout, not a share
    # "the processing of 50% of protocols", "the tally reached 71%"
    governor = top.head.head if top.head.lower_ == "of" else top.head
    if lemma(governor) in lex.words("count_nouns"):
        return True
    verb = syntax.clause_verb(top)
    if verb is not None:
        subj = syntax.subjects(verb).first
        if subj is not None and lemma(subj) in lex.words("count_nouns"):
            return True
        if _hypothetical(verb, subj):
            return True
    sent_low = top.sent.text.lower()
    return any(w in sent_low for w in lex.words("survey_words"))


def _hypothetical(verb: Token, subj: Token | None) -> bool:
    """A clause that states a condition, not a result: a modal, "if/whether", a denial, "none of them"."""
    grammar = load("grammar")
    if any(c.dep_ == "aux" and c.lower_ in grammar.words("hypothetical_modals") for c in verb.children):
        return True
    if any(c.dep_ == "mark" and c.lower_ in grammar.words("conditional_marks") for c in verb.children):
        return True
    if syntax.negated(verb):
        return True
    if subj is not None and (
        subj.lower_ in ("none", "neither", "nobody")
        or any(c.dep_ in ("det", "preconj") and c.lower_ in ("no", "neither") for c in subj.children)
    ):
        return True
    return verb.dep_ in ("xcomp", "advcl") and lemma(verb.head) in ("need", "require", "fail")


def _entity_of_result_type(ctx: FactContext, tok: Token) -> str | None:
    eid = ctx.entity_for_token(tok)
    if eid is None:
        # A name the resolver took only in part ("Ana Maria" of "Ana Maria Lusk") is named by its first words.
        parts = (ctx.entity_for_token(c) for c in tok.children if c.dep_ == "compound")
        eid = next((e for e in parts if e and ctx.entity_type(e) == EntityType.PERSON), None)
    if eid and ctx.entity_type(eid) in RESULT_TYPES:
        return eid
    # A name the tagger ran into its figure ("Y 43.2%" taken as one place) is still the person named.
    return person_named(ctx, tok) if tok.pos_ == "PROPN" else None


def written_holder(ctx: FactContext, figure: Token) -> str | None:
    """The candidate or party a figure is written next to, whatever the verb: "P% for X", "X's P%", a list
    row or a gapped clause ("X - P%", "and Y 31.5%")."""
    top = phrase_head(figure)
    if top.dep_ == "appos" and (eid := _entity_of_result_type(ctx, top.head)):
        return eid  # "and Y (in another script) 31.5 percent"
    number = number_token(figure)
    # "44.5 per cent for Y": the parser may make "cent" the phrase's head, above the anchor.
    heads = {top, figure, number, *([number.head] if number.head.lower_ == "cent" else [])}
    for head in heads:
        for child in head.children:
            if child.dep_ == "poss" and (eid := _entity_of_result_type(ctx, child)):
                return eid
            if child.dep_ == "prep" and child.lower_ == "for":
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    if eid := _entity_of_result_type(ctx, pobj) or actor_in(ctx, pobj, RESULT_TYPES):
                        return eid  # "P% for his challenger, Y"
    if top.dep_ == "nsubj" and lemma(top.head) == "vote":
        # "12.6% voted for Y": the ones who voted are the share, the one they voted for holds it.
        for prep in (c for c in top.head.children if c.dep_ == "prep" and c.lower_ == "for"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                if eid := actor_in(ctx, pobj, RESULT_TYPES):
                    return eid
    i = number_token(figure).i - 1
    # Past the figure's own hedges ("about", "just over"), not past a name the parser made its modifier.
    while i >= top.left_edge.i and top.doc[i].dep_ in ("quantmod", "advmod", "amod", "det", "cc"):
        i -= 1
    # Nothing but a dash or a colon between a name and its figure: "X - 4.1%", "and Y 31.5%".
    while i >= 0 and top.doc[i].text in _DASHES:
        i -= 1
    if i >= 0 and top.doc[i].text == ")":
        # "Y (a name in another script) 31.5 percent": the parenthesis says nothing of the figure.
        opening = next((j for j in range(i - 1, max(-1, i - 12), -1) if top.doc[j].text == "("), None)
        i = opening - 1 if opening is not None else i
    if i > 0 and top.doc[i].tag_ == "POS":
        i -= 1  # "to Y's 80%", however the parser hung the possessor
    if i < 0 or "\n" in top.doc[i].text:
        return None
    holder = _entity_of_result_type(ctx, top.doc[i])
    if holder is not None and holder == ctx.entity_for_token(number_token(figure)):
        # The tagger ran the name into its figure ("Y 31.5 percent" as one name): the person, not that span.
        return person_named(ctx, top.doc[i])
    return holder


def linked_count(figure: Token) -> Token | None:
    """The vote count a percentage restates: "412,300 votes, representing 51.2 percent", "2,104,556 votes
    - or 38.7 percent -", "88,012 ballots (12.5%)", "30,115 (3.4%)"."""
    doc = figure.doc
    i = number_token(figure).i - 1
    steps = 0
    # A list row may be parsed as sentences of its own: the row's line, not the sentence, bounds the look.
    while i >= 0 and steps < 4 and (doc[i].is_punct or doc[i].lower_ in _BRIDGES):
        i -= 1
        steps += 1
    if i < 0 or steps == 0 or "\n" in doc[i].text:
        return None
    tok = doc[i]
    if tok.lower_ in ("votes", "ballots") and i > 0 and doc[i - 1].like_num:
        return tok
    value = _number(tok.text) if tok.like_num else None
    return tok if value is not None and value >= 1000 else None


_BRIDGES = frozenset(
    {"or", "representing", "which", "is", "being", "at", "about", "around", "some", "roughly"}
)


def _is_figure(tok: Token) -> bool:
    return (
        tok.lower_ in PERCENT_WORDS or tok.lower_ == "cent" or (tok.text.endswith("%") and len(tok.text) > 1)
    )


def pair_holder(ctx: FactContext, figure: Token) -> str | None:
    """ "A beat B, 62% against 38%", "A defeated B by 57 to 41 percent": a pair of figures set against each
    other beside a verb of defeat is the winner's, then the beaten one's."""
    doc = figure.doc
    number = number_token(figure)
    top = phrase_head(figure)
    pairs = lexicon().words("pair_preps")
    after = doc[top.right_edge.i + 1] if top.right_edge.i + 1 < len(doc) else None
    first = (
        after is not None and after.lower_ in pairs and after.i + 1 < len(doc) and doc[after.i + 1].like_num
    )
    before = doc[number.i - 1] if number.i > 0 else None
    second = (
        before is not None
        and before.lower_ in pairs
        and before.i > 0
        and (_is_figure(doc[before.i - 1]) or doc[before.i - 1].like_num)
    )
    if first == second:
        return None
    for verb in (t for t in figure.sent if lemma(t) in lexicon().words("defeat_verbs") and t.pos_ == "VERB"):
        if syntax.negated(verb):
            continue
        side = (
            next((c for c in verb.children if c.dep_ == "dobj"), None)
            if second
            else syntax.subjects(verb).first
        )
        if side is not None and (eid := actor_in(ctx, side, RESULT_TYPES)):
            return eid
    return None


def party_candidate(ctx: FactContext, figure: Token) -> str | None:
    """ "The X Party won 3.2 percent with Y" in a race for president: the votes were cast for Y, whom the
    party ran."""
    verb = syntax.clause_verb(figure)
    if verb is None:
        return None
    for prep in verb.subtree:
        if prep.lower_ != "with" or prep.dep_ != "prep" or syntax.clause_verb(prep) != verb:
            continue
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            eid = ctx.entity_for_token(pobj)
            if eid and ctx.entity_type(eid) == EntityType.PERSON:
                return eid
    return None
