"""An election's results in a sentence: vote shares, vote counts, turnout, who won and who lost."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Span, Token

from ingest.facts.context import FactContext
from ingest.facts.elections.clusters import current
from ingest.facts.elections.mentions import Cluster
from ingest.facts.elections.phrases import actor_in, lexicon, negated, subject_of
from ingest.facts.elections.shares import (
    RESULT_TYPES,
    linked_count,
    not_a_share,
    number_token,
    pair_holder,
    party_candidate,
    percents,
    vote_counts,
    written_holder,
)
from ingest.facts.syntax import clause_verb, conjuncts, lemma
from ingest.models import ElectionResult, EntityType, FuzzyDate

_SHARE_PREPS = frozenset({"with", "at", "on"})
SHARE_OF_COUNT = "election:share-of-count"
_RESULT_TYPES = RESULT_TYPES


def _attached_participant(ctx: FactContext, anchor: Token) -> str | None:
    """ "A with 41 percent, B with 23 percent", "followed by B at 23 percent": a share hung by a preposition
    on a candidate's or party's name belongs to it, whatever verb (or none) the sentence has."""
    number = anchor if anchor.dep_ == "pobj" else anchor.head
    prep = number.head
    if (
        number.dep_ != "pobj"
        or prep.lower_ not in _SHARE_PREPS
        or prep.head.pos_ not in ("PROPN", "NOUN", "VERB")
    ):
        return None
    holder = prep.head
    if holder.pos_ == "VERB":
        # "followed by B at 23 percent": the share hangs on the verb whose agent names who got it.
        holder = next((p for c in holder.children if c.dep_ == "agent" for p in c.children), holder)
    if holder.pos_ == "VERB" and (followed := _followed_by(prep)) is not None:
        holder = followed  # "..., followed by B, a former mayor, with 28 percent": hung on the main verb
    if holder.pos_ == "VERB" and not _actor_subject(ctx, holder):
        # "results show / media put B ahead with 57%": the one shown ahead, not the results, holds it.
        shown = (actor_in(ctx, c, _RESULT_TYPES) for c in holder.children if c.dep_ == "dobj")
        if named := next((e for e in shown if e), None):
            return named  # "put the incumbent, Y, in first place, on 41%"
    own = ctx.entity_for_token(holder)
    if own is None and prep.i > 0:
        # In a list the parser often hangs each "with P" on the list's head: the name just before it is
        # the one it belongs to.
        own = ctx.entity_for_token(prep.doc[prep.i - 1])
    return own if own and ctx.entity_type(own) in _RESULT_TYPES else None


def _followed_by(prep: Token) -> Token | None:
    """The agent of a "followed by" that stands between the preposition and the clause's verb."""
    for i in range(prep.i - 1, prep.sent.start - 1, -1):
        tok = prep.doc[i]
        if lemma(tok) == "follow" and tok.tag_ == "VBN":
            return next((p for c in tok.children if c.dep_ == "agent" for p in c.children), None)
        if tok == prep.head:
            return None
    return None


def _gerund_doer(verb: Token) -> Token | None:
    """ "X congratulated Y on winning", "X praised Y for winning": the one praised won, not the speaker."""
    if (
        verb.tag_ != "VBG"
        or verb.dep_ != "pcomp"
        or verb.head.dep_ != "prep"
        or verb.head.lower_ not in ("on", "for")
    ):
        return None  # "X resigned before winning": X won
    return next((c for c in verb.head.head.children if c.dep_ == "dobj"), None)


def _actor_subject(ctx: FactContext, verb: Token) -> bool:
    subj = subject_of(verb)
    return subj is not None and actor_in(ctx, subj, _RESULT_TYPES) is not None


def _respective(ctx: FactContext, sent: Span, shares: list[tuple[Token, float]]) -> list[tuple[str, float]]:
    """ "A and B won 41 and 23 percent respectively": the coordinated names and the shares in order."""
    if not any(t.lower_ == "respectively" for t in sent) or len(shares) < 2:
        return []
    verb = clause_verb(shares[0][0])
    subj = subject_of(verb) if verb is not None else None
    if subj is None:
        return []
    names = [e for t in conjuncts(subj) if (e := actor_in(ctx, t, _RESULT_TYPES))]
    if len(names) != len(shares):
        return []
    return [(name, value) for name, (_anchor, value) in zip(names, shares, strict=True)]


def _participant_for(ctx: FactContext, anchor: Token) -> tuple[str | None, Token | None]:
    """Who received a share: the subject of the verb governing it ("X won 76 percent", "Y was second with
    8.4 percent"), or the possessor/noun it qualifies ("X's 76 percent")."""
    verb = clause_verb(anchor)
    if verb is None:
        return None, None
    subj = subject_of(verb)
    actor = actor_in(ctx, subj, _RESULT_TYPES) if subj is not None else None
    return actor or _stranded_subject(ctx, verb), verb


def _stranded_subject(ctx: FactContext, verb: Token) -> str | None:
    """ "X has been re-elected ... after winning 90 percent", parsed with "re-elected" broken up: X is left
    the subject of the auxiliary, or of a verb above, and the share's verb gets none. The nearest such
    subject before the verb is whose share it is."""
    above = set(verb.ancestors)
    for tok in reversed(verb.sent[: verb.i - verb.sent.start]):
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if tok.head.pos_ != "AUX" and tok.head not in above and tok.head.head not in above:
            return None  # the subject of a clause of its own: not this one's
        return actor_in(ctx, tok, _RESULT_TYPES)
    return None


def _verb_wins(verb: Token, sent: Span) -> bool | None:
    lex = lexicon()
    lem = lemma(verb)
    if lem in ("re-elect", "reelect", "sweep", "triumph") or verb.lower_ in ("re-elected", "reelected"):
        return True
    if lem == "elect" and any(c.dep_ == "auxpass" for c in verb.children):
        return True
    if (
        lem in lex.words("declare_verbs")
        and any(c.dep_ == "auxpass" for c in verb.children)
        and any(lemma(c) in lex.words("win_nouns") for c in verb.children if c.dep_ in ("oprd", "attr"))
    ):
        return True  # "Y was declared the winner": said of the one declared, not of who declared it
    if lem in ("win", "secure", "clinch"):
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        if any(lemma(o) in lex.words("win_objects") for o in objs):
            return True
        return None
    if lem in lex.words("loss_verbs"):
        return False
    if any(lemma(c) in lex.words("loss_words") or c.lower_ in lex.words("loss_words") for c in verb.children):
        return False
    return None


def _candidate_pronoun(ctx: FactContext, verb: Token, candidates: frozenset[str]) -> str | None:
    """ "X congratulated Y when officials announced she had 52%": of the people named before the pronoun,
    the one the election already has as a candidate is the one it stands for."""
    subj = subject_of(verb)
    if subj is None or subj.pos_ != "PRON" or subj.lower_ not in ("he", "she"):
        return None
    before = {
        eid
        for t in subj.sent[: subj.i - subj.sent.start]
        if (eid := ctx.entity_for_token(t)) and ctx.entity_type(eid) == EntityType.PERSON
    }
    named = before & candidates
    return named.pop() if len(named) == 1 else None


def _holder(
    ctx: FactContext, figure: Token, depth: int = 0, candidates: frozenset[str] = frozenset()
) -> tuple[str | None, str, bool | None]:
    """Whose figure it is, the rule that says so, and whether the verb that gives it says they won. A
    percentage that restates a vote count is the count's holder's before any verb's subject."""
    paired = pair_holder(ctx, figure) if depth == 0 else None
    if paired is not None:
        return paired, "election:share-pair", None
    written = written_holder(ctx, figure)
    if written is not None:
        return written, "election:share-written", None
    attached = _attached_participant(ctx, figure)
    if attached is not None:
        return attached, "election:share-attached", None
    count = linked_count(figure) if depth == 0 else None
    if count is not None:
        holder, _rule, won = _holder(ctx, count, depth + 1)
        if holder is not None:
            return holder, SHARE_OF_COUNT, won
    participant, verb = _participant_for(ctx, figure)
    if participant is None and verb is not None and candidates:
        participant = _candidate_pronoun(ctx, verb, candidates)
    if participant is None or verb is None:
        return None, "", None
    if lemma(verb) not in lexicon().words("share_verbs") and not any(
        lemma(t) in ("vote", "ballot") for t in figure.subtree
    ):
        return None, "", None
    return participant, "election:share", _verb_wins(verb, figure.sent)


def _rough(anchor: Token) -> bool:
    """ "just over 50 percent", "about 38 per cent", "more than 61%": a figure told only roughly."""
    number = number_token(anchor)
    hedges = lexicon().words("rough_words")
    before = number.doc[max(number.sent.start, number.i - 2) : number.i]
    return any(t.lower_ in hedges for t in before if t.dep_ in ("quantmod", "advmod", "amod"))


def _decimals(value: float) -> int:
    return len(f"{value:.4f}".rstrip("0").split(".")[1])


def _refines(old: float, new: float) -> bool:
    """ "97 percent" in a headline, "97.08 percent" in the text: the same figure told more exactly."""
    return _decimals(new) > _decimals(old) and abs(new - old) < 1


def add_result(cluster: Cluster, result: ElectionResult, rough: bool = False) -> None:
    old = cluster.results.get(result.participant)
    if old is None:
        cluster.results[result.participant] = result
        if rough and result.vote_share is not None:
            cluster.rough.add(result.participant)
        return
    share = old.vote_share if old.vote_share is not None else result.vote_share
    if old.vote_share is None and rough:
        cluster.rough.add(result.participant)
    evidence = old.evidence or result.evidence
    if (
        old.vote_share is not None
        and result.vote_share is not None
        and (
            _refines(old.vote_share, result.vote_share)
            or (result.participant in cluster.rough and not rough)
            or _recounted(old, result)
        )
    ):
        share = result.vote_share
        cluster.rough.discard(result.participant)
        evidence = result.evidence if _recounted(old, result) else evidence
    cluster.results[result.participant] = old.model_copy(
        update={
            "vote_share": share,
            "votes": old.votes if old.votes is not None else result.votes,
            "won": old.won if old.won is not None else result.won,
            "evidence": evidence,
        }
    )


def _recounted(old: ElectionResult, new: ElectionResult) -> bool:
    """ "X leads on 52.6%" in the summary, "X had 812,400 votes (52.3%)" in the body: a share given with the
    votes it stands for is the tally's own figure; a bare one near it is a rounding or an earlier count."""
    return (
        old.vote_share is not None
        and new.vote_share is not None
        and new.evidence is not None
        and new.evidence.rule == SHARE_OF_COUNT
        and (old.evidence is None or old.evidence.rule != SHARE_OF_COUNT)
        and abs(old.vote_share - new.vote_share) < 1
    )


def results_in(ctx: FactContext, sent: Span, cluster: Cluster) -> None:
    lex = lexicon()
    turnout_nouns = lex.words("turnout_nouns")
    shares: list[tuple[Token, float]] = []
    for anchor, value in percents(sent):
        chain = [anchor, *list(anchor.ancestors)[:4]]
        near = sent.doc[max(sent.start, anchor.i - 6) : anchor.i]
        if any(lemma(t) in turnout_nouns for t in chain) or any(lemma(t) in turnout_nouns for t in near):
            cluster.turnout = value
            continue
        if not_a_share(anchor):
            continue
        shares.append((anchor, value))
    respective = _respective(ctx, sent, shares)
    for name, value in respective:
        ev = ctx.evidence(sent, "election:share-respectively")
        add_result(cluster, ElectionResult(participant=name, vote_share=value, evidence=ev))
    for anchor, value in [] if respective else shares:
        holder, rule, share_won = _holder(ctx, anchor, candidates=frozenset(cluster.results))
        if (
            holder is not None
            and cluster.kind == "presidential"
            and ctx.entity_type(holder) == EntityType.PARTY
        ):
            holder = party_candidate(ctx, anchor) or holder
        if holder is not None:
            ev = ctx.evidence(sent, rule)
            result = ElectionResult(participant=holder, vote_share=value, won=share_won, evidence=ev)
            add_result(cluster, result, rough=_rough(anchor))
    for anchor, votes in vote_counts(sent):
        holder, _rule, by_verb = _holder(ctx, anchor)
        if holder is not None:
            ev = ctx.evidence(sent, "election:votes")
            add_result(cluster, ElectionResult(participant=holder, votes=votes, won=by_verb, evidence=ev))
    # Winners and losers without numbers: "X won the presidential election", "X was re-elected",
    # "Y conceded defeat", "X's victory".
    for tok in sent:
        won: bool | None = None
        subj: Token | None = None
        if tok.pos_ in ("VERB", "AUX") or tok.lower_ in ("re-elected", "reelected"):
            won = _verb_wins(tok, sent)
            if (
                won is True
                and lemma(tok) in ("win", "secure", "clinch", "sweep")
                and not any(lemma(o) in lex.words("win_objects") for o in tok.children if o.dep_ == "dobj")
            ):
                won = None
            if won is not None:
                subj = _gerund_doer(tok) or subject_of(tok)
                if subj is None and tok.dep_ in ("amod", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
                    subj = tok.head  # "X, re-elected in July, ..."
                if subj is None and tok.dep_ == "amod":
                    subj = next((t for t in tok.head.subtree if ctx.entity_for_token(t)), None)
        elif lemma(tok) in lex.words("win_nouns") and tok.pos_ == "NOUN":
            poss = [c for c in tok.children if c.dep_ == "poss"]
            if poss:
                won, subj = True, poss[0]
        if won is None or subj is None:
            continue
        if negated(tok):
            continue
        participant = actor_in(ctx, subj, (EntityType.PARTY, EntityType.PERSON, EntityType.ORGANIZATION))
        if participant:
            add_result(
                cluster,
                ElectionResult(
                    participant=participant, won=won, evidence=ctx.evidence(sent, "election:outcome")
                ),
            )


def settle_winner(cluster: Cluster) -> None:
    """One winner: the declared one, else the majority share; everyone else lost."""
    results = cluster.results
    winners = [p for p, r in results.items() if r.won]
    if not winners:
        shares = [(r.vote_share, p) for p, r in results.items() if r.vote_share is not None]
        if shares:
            top, p = max(shares)
            if top > 50:
                results[p] = results[p].model_copy(update={"won": True})
                winners = [p]
    if len(winners) == 1:
        for p, r in results.items():
            if p != winners[0] and r.won is None:
                results[p] = r.model_copy(update={"won": False})


def date_from_figures(cluster: Cluster, clusters: list[Cluster], published: date | None) -> None:
    """An undated election whose vote figures the article reports is this year's: figures are news while
    the count goes on or just after it. Not in the first days of January, when they may be December's, nor
    when the article dates another recent election of that country and kind."""
    if cluster.date is not None or published is None or (published.month == 1 and published.day <= 15):
        return
    if not any(r.vote_share is not None or r.votes is not None for r in cluster.results.values()):
        return
    if any(
        c.country == cluster.country
        and c.kind == cluster.kind
        and c.date is not None
        and current(c.date, published)
        for c in clusters
    ):
        return
    cluster.date = FuzzyDate(value=f"{published.year:04d}", precision="year")
