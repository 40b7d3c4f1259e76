"""How many took part, died, were hurt or were arrested: the numbers of a sentence and what each counts."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ingest.facts.events.lexicon import lexicon
from ingest.facts.events.participants import clause_subject
from ingest.facts.events.triggers import Trigger
from ingest.facts.syntax import lemma, number_value, without_approximators


def _number_value(tokens: list[Token]) -> int | None:
    text = without_approximators(" ".join(t.lower_ for t in tokens))
    for phrase, value in lexicon().quantities:
        if re.fullmatch(rf"(?:{re.escape(phrase)})(?: of)?", text):
            return int(value)
    number = number_value(text)
    return int(number) if number is not None else None


def _numbers(sent: Span) -> list[tuple[int, int, int]]:
    """(start token, end token, value) for each head count in the sentence: digits, number words, and
    vague quantities like "hundreds" or "tens of thousands"."""
    lex = lexicon()
    out = []
    i = sent.start
    quantity_first = {p.split()[0] for p, _ in lex.quantities}
    while i < sent.end:
        tok = sent.doc[i]
        if tok.ent_type_ in ("DATE", "TIME", "PERCENT", "MONEY", "ORDINAL"):
            i += 1
            continue
        if tok.lower_ in quantity_first:
            for phrase, value in lex.quantities:
                n = len(phrase.split())
                if i + n <= sent.end and " ".join(t.lower_ for t in sent.doc[i : i + n]) == phrase:
                    out.append((i, i + n, int(value)))
                    i += n
                    break
            else:
                i += 1
            continue
        if tok.like_num and tok.pos_ == "NUM":
            j = i + 1
            while j < sent.end and sent.doc[j].lower_ in ("million", "thousand"):
                j += 1
            found = _number_value(list(sent.doc[i:j]))
            # a bare four-digit number near 2000 is a year
            if found is not None and not (1900 <= found <= 2100 and "," not in tok.text and j == i + 1):
                out.append((i, j, found))
            i = j
            continue
        i += 1
    return out


def _count_kind(sent: Span, start: int, end: int) -> str | None:
    """What a number counts, from the words right after it ("75 people dead", "14 activists were arrested")
    or right before it ("killing 16", "injuring more than 300")."""
    lex = lexicon()
    kinds: dict[str, list[str]] = lex.raw["count_words"]
    people = lex.words("people_nouns")
    skip = {
        "of",
        "were",
        "was",
        "have",
        "has",
        "had",
        "been",
        "be",
        "are",
        "reportedly",
        "other",
        "more",
        "being",
        "later",
        "also",
        "subsequently",
        "the",
        "opposition",
        "police",
        "security",
    }

    def kind_of(tok: Token) -> str | None:
        for kind, ws in kinds.items():
            if lemma(tok) in ws or tok.lower_ in ws:
                return kind
        return None

    # The parse first: the verb whose subject or object the counted noun is ("thousands of X rallied",
    # "police arrested 14 activists").
    num = sent.doc[end - 1]
    noun = num.head if num.dep_ in ("nummod", "quantmod", "amod") else num
    for _ in range(2):
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in ("NOUN", "PRON"):
            noun = noun.head.head
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj") and noun.head.pos_ == "VERB":
        k = kind_of(noun.head)
        if k:
            return k
    for c in noun.children:
        if c.dep_ in ("amod", "acl") and kind_of(c):
            return kind_of(c)

    j = end
    steps = 0
    while j < sent.end and steps < 5:
        tok = sent.doc[j]
        k = kind_of(tok)
        if k:
            return k
        if lemma(tok) in people or tok.lower_ in skip or tok.pos_ in ("ADV", "AUX", "ADJ"):
            j += 1
            steps += 1
            continue
        break
    j = start - 1
    steps = 0
    lead = {
        "at",
        "least",
        "more",
        "than",
        "about",
        "around",
        "some",
        "nearly",
        "almost",
        "over",
        "an",
        "estimated",
        "to",
        "of",
        "up",
        "rose",
        "reached",
        "stood",
    }
    while j >= sent.start and steps < 5:
        tok = sent.doc[j]
        k = kind_of(tok)
        if k:
            return k
        if tok.lower_ in lead:
            j -= 1
            steps += 1
            continue
        break
    return None


def event_counts(sent: Span, etype: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for start, end, value in _numbers(sent):
        kind = _count_kind(sent, start, end)
        if kind is None:
            continue
        if kind == "size" and etype not in ("Protest", "Strike", "Uprising", "Revolution", "Clash"):
            continue
        out.setdefault(kind, value)
    return out


def victim_count(sent: Span, trig: Trigger) -> int | None:
    """ "14 activists were arrested", "police detained 32 people", "14 of them were arrested": the number
    on the arrested noun."""
    tok = trig.token
    if not trig.is_verb:
        return None
    subj, passive = clause_subject(tok)
    victims = ([subj] if passive and subj is not None else []) + [c for c in tok.children if c.dep_ == "dobj"]
    for _start, end, value in _numbers(sent):
        num = sent.doc[end - 1]
        for v in victims:
            if num == v or (num.head == v and num.dep_ in ("nummod", "quantmod")):
                return value
            if num.head == v and num.dep_ == "amod":
                return value
    return None
