"""Personal names the model cut up or typed as places and bodies, found again from their given name.

The small English model labels "Cristiana Chamorro Garcia" as an organisation "Cristiana" and a town
"Garcia", and misses "Ebrahim Raisi" after "Hardliner"; later a bare "Raisi" is read as a place. A
capitalised run that opens with a given name is a person's name, whatever the model said of its pieces.

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

# Up to four words after the given name: "Juan Sebastian Chamorro Garcia".
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
    pieces the model labelled otherwise. Spans the gazetteer fixed as a country or a body are kept."""
    out = list(ents)
    i = 0
    while i < len(doc):
        end = _chain(doc, i)
        if end is None:
            i += 1
            continue
        overlapping = [e for e in out if e.start < end and i < e.end]
        fixed = any(
            (e.ent_id_ and not e.ent_id_.startswith("place:")) or e.start < i or e.end > end
            for e in overlapping
        )
        whole = any(e.label_ == "PERSON" and e.start == i and e.end == end for e in overlapping)
        if not fixed and not whole:
            out = [e for e in out if e not in overlapping]
            out.append(Span(doc, i, end, label="PERSON"))
        i = end
    return sorted(out, key=lambda e: e.start)
