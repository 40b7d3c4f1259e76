"""Personal names the model cut up or typed as places and bodies, found again from their given name or
their particles ("von der", join_particle_names).

The small English model labels "Maria Elena Soto Rivas" as a person "Maria Elena Soto" and a town
"Rivas", and misses a name after a capitalised word ("Hardliner Yared Tessema"); later a bare surname is
read as a place. A capitalised run that opens with a given name is a person's name, whatever the model
said of its pieces.

The given names are the first words of the political actors' full names in the Phoenix actor dictionary
(data/actors/phoenix_people.tsv, thousands of people from every country), less the titles, particles and
place words that also open entries there: a list of real names from every region, not one written for a
text.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from spacy.tokens import Doc, Span, Token

from ingest.candidates import lexicon
from ingest.gazetteer import PEOPLE, gazetteer
from ingest.lexicons import load

# Up to four words after the given name: "Juan Pablo Ortega Garcia".
_MAX_AFTER = 4


@cache
def given_names() -> frozenset[str]:
    lex = lexicon()
    names = load("names")
    not_given = (
        lex.title_words
        | lex.institution_heads
        | lex.party_words
        | lex.headline_words
        | names.words("particles")
        | names.words("place_name_openers")
        | set(lex.person_titles)
        | set(lex.kept_honorifics)
    )
    firsts: Counter[str] = Counter()
    with PEOPLE.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or line.startswith("name\t"):
                continue
            fields = line.rstrip("\n").split("\t")
            for surface in (fields[0], *(a for a in (fields[1] if len(fields) > 1 else "").split("|") if a)):
                words = surface.split()
                if len(words) >= 2 and words[0].isalpha() and len(words[0]) > 1:
                    firsts[words[0].lower()] += 1
    gz = gazetteer()
    return frozenset(
        w
        for w in firsts
        if w not in not_given and gz.country_by_name(w) is None and gz.demonym(w.title()) is None
    )


def _name_word(tok: Token) -> bool:
    lex = lexicon()
    low = tok.lower_
    return (
        tok.is_title
        and tok.is_alpha
        and tok.pos_ in ("PROPN", "NOUN", "ADJ")
        and low not in lex.title_words
        and low not in lex.institution_heads
        and low not in lex.party_words
        and low not in lex.headline_words
        and gazetteer().country_by_name(tok.text) is None
        and gazetteer().demonym(tok.text) is None
    )


def modifies_a_common_noun(span: Span) -> bool:
    """ "the Alma Ata declaration": a capitalised run modifying a common noun names a place or a thing far
    more often than a person."""
    last = span[-1]
    return last.dep_ in ("compound", "amod") and last.head.i >= span.end and not last.head.is_title


def _chain(doc: Doc, i: int) -> int | None:
    """End of the personal name opening at token i, or None."""
    tok = doc[i]
    if not (tok.is_title and tok.is_alpha and tok.lower_ in given_names()):
        return None
    if i > 0 and doc[i - 1].is_title and doc[i - 1].is_alpha and not doc[i - 1].is_sent_start:
        return None  # inside a longer capitalised run whose start is not a given name
    end = i + 1
    while end < len(doc) and end - i <= _MAX_AFTER and _name_word(doc[end]) and doc[end - 1].whitespace_:
        if doc[end].is_sent_start or "\n" in doc[end - 1].text_with_ws:
            break
        end += 1
    if end == i + 1:
        return None
    # A capitalised word still following: a longer name ("... Street", "... Foundation") this is part of.
    if end < len(doc) and doc[end].is_title and doc[end].is_alpha:
        return None
    if modifies_a_common_noun(doc[i:end]):
        return None
    if gazetteer().lookup(doc[i:end].text) is not None:
        return None  # a known place or body ("Victoria Falls")
    return end


def with_given_name_chains(doc: Doc, ents: list[Span]) -> list[Span]:
    """`ents` with every personal name found from its given name made one PERSON span, in place of the
    pieces the model labelled otherwise. Spans the gazetteer fixed as a country or a body are kept; a body
    the model ran into an apposed name ("the Democratic Front, Ana Lusk") keeps its part before the comma."""
    out = list(ents)
    i = 0
    while i < len(doc):
        end = _chain(doc, i)
        if end is None:
            i += 1
            continue
        overlapping = [e for e in out if e.start < end and i < e.end]
        kept: list[Span] = []
        fixed = False
        for e in overlapping:
            past = e.end > end and not _only_possessive(doc, end, e.end)
            if (e.ent_id_ and not e.ent_id_.startswith("place:")) or past:
                fixed = True
            elif e.start < i:
                if doc[i - 1].text != "," or i - 1 <= e.start:
                    fixed = True
                else:
                    kept.append(Span(doc, e.start, i - 1, label=e.label_))
        whole = any(e.label_ == "PERSON" and e.start == i and e.end == end for e in overlapping)
        if not fixed and not whole:
            out = [e for e in out if e not in overlapping] + kept
            out.append(Span(doc, i, end, label="PERSON"))
        i = end
    return sorted(out, key=lambda e: e.start)


def _only_possessive(doc: Doc, start: int, end: int) -> bool:
    """ "Ana Lusk's": the model took the possessive into the name; it adds no word to it."""
    return all(doc[k].text in ("'s", "\u2019s", "'", "\u2019") for k in range(start, end))


def join_particle_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """A name with particles is one person: the model cuts "Ursula von der Leyen" into a person "Ursula von
    der" and a place "Leyen", and "Hans van der Berg" into two people."""
    particles = load("names").words("particles")

    def particle(i: int) -> bool:
        return doc[i].lower_ in particles and doc[i].is_lower

    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == "PERSON" and doc[ent.start].is_title:
            gap = range(prev.end, ent.start)
            # "Mirza Fakhrul" + "Islam Alamgir": a long name the model cut in two, nothing between the halves.
            if ((len(gap) > 0 or particle(prev.end - 1)) and all(particle(i) for i in gap)) or (
                ent.label_ == "PERSON" and not gap and doc[prev.end - 1].whitespace_ and "\n" not in prev.text
            ):
                out[-1] = Span(doc, prev.start, ent.end, label="PERSON")
                continue
        if ent.label_ == "PERSON":
            end = ent.end
            while end < len(doc) and particle(end):
                end += 1
            # "Ursula" + "von der Leyen": the particles and the surname the model left outside.
            if end > ent.end and end < len(doc) and doc[end].is_title and doc[end].ent_iob_ != "B":
                ent = Span(doc, ent.start, end + 1, label="PERSON")
        out.append(ent)
    return out
