"""What every fact extractor receives: the parsed article and where its resolved actors are."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

import numpy as np
from spacy.attrs import LEMMA, POS
from spacy.symbols import VERB
from spacy.tokens import Doc, Span, Token

from ingest.country import main_country
from ingest.facts.dates import sentence_date
from ingest.models import CleanArticle, Entity, EntityType, Evidence, FuzzyDate, ResolvedSpan
from ingest.resolve.offices import office_entity

# Prepositions through which a named country is where the story happens.
PLACE_PREPS = frozenset({"in", "across", "throughout", "inside", "around"})


@dataclass
class FactContext:
    doc: Doc
    article: CleanArticle
    entities: dict[str, Entity]
    spans: list[ResolvedSpan]  # sorted by start_char, non-overlapping
    # Offices the facts name ("President of Kazakhstan"), made by resolution on first use.
    new_entities: dict[str, Entity] = field(default_factory=dict)
    _starts: list[int] = field(init=False, repr=False)
    _lemma_pos: np.ndarray | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.spans = sorted(self.spans, key=lambda s: s.start_char)
        self._starts = [s.start_char for s in self.spans]

    @property
    def published(self) -> date | None:
        return self.article.published

    @cached_property
    def main_country(self) -> str | None:
        """The country the article is about: the one most named as a place ("in X", its towns), in the
        first sentence or in the headline, rather than a foreign government the story reports on ("went to
        Moscow to tell Russia's leaders"). A place counts for its country."""
        return main_country(self._country_votes())

    def _country_votes(self) -> Iterator[tuple[str, int]]:
        doc = self.doc
        first_end = next(iter(doc.sents)).end_char if len(doc) else 0
        title = self.article.title or ""
        named: dict[str, None] = {}  # the countries voted for, in order
        for span in self.spans:
            ent = self.entities.get(span.entity_id)
            if ent is None:
                continue
            country = ent.id if ent.type == EntityType.COUNTRY else ent.country
            if not country:
                continue
            named[country] = None
            weight = 2 if ent.type == EntityType.LOCATION else 1
            tokens = doc.char_span(span.start_char, span.end_char, alignment_mode="expand")
            if tokens is not None:
                head = tokens.root
                while head.dep_ in ("poss", "compound", "amod") and head.head != head:
                    head = head.head  # "in Kazakhstan's largest city"
                if head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPS:
                    weight += 2
            if span.start_char < first_end:
                weight += 2
            yield country, weight
        for country_id in named:
            ent = self.entities.get(country_id)
            names = {ent.name, *ent.aliases} if ent is not None else set()
            if any(re.search(rf"\b{re.escape(n)}\b", title) for n in names if n):
                yield country_id, 3

    def span_at_char(self, char: int) -> ResolvedSpan | None:
        i = bisect_right(self._starts, char) - 1
        if i >= 0 and self.spans[i].start_char <= char < self.spans[i].end_char:
            return self.spans[i]
        return None

    def entity_for_token(self, token: Token) -> str | None:
        """Entity id of the resolved mention covering this token, if any."""
        hit = self.span_at_char(token.idx)
        return hit.entity_id if hit else None

    def entities_in(self, start_char: int, end_char: int) -> list[ResolvedSpan]:
        """Resolved mentions lying inside [start_char, end_char)."""
        i = bisect_right(self._starts, start_char - 1)
        out = []
        while i < len(self.spans) and self.spans[i].start_char < end_char:
            if self.spans[i].end_char <= end_char:
                out.append(self.spans[i])
            i += 1
        return out

    def verbs_among(self, lemmas: set[str] | frozenset[str]) -> list[Token]:
        """The verbs whose lemma is one of `lemmas`, in document order. Read from spaCy's arrays: a walk over
        every word built a Python Token for each, which the profile showed for rules that want a few verbs."""
        if self._lemma_pos is None:
            self._lemma_pos = self.doc.to_array([LEMMA, POS])
        strings = self.doc.vocab.strings
        wanted = [strings[form] for lemma in lemmas for form in (lemma, lemma.capitalize(), lemma.upper())]
        arr = self._lemma_pos
        hits = np.flatnonzero(np.isin(arr[:, 0], np.array(wanted, dtype=arr.dtype)) & (arr[:, 1] == VERB))
        return [self.doc[int(i)] for i in hits]

    def entity_type(self, entity_id: str) -> EntityType | None:
        ent = self.entities.get(entity_id)
        return ent.type if ent else None

    def sentence_date(self, sent: Span) -> FuzzyDate | None:
        """The date of what the sentence reports, against the publication date."""
        try:
            return sentence_date(sent, self.published)
        except Exception:  # a date that cannot be read must not cost the fact that carries it
            return None

    def evidence(self, sent: Span, rule: str) -> Evidence:
        return Evidence(
            article_id=self.article.id,
            sentence=sent.text,
            start_char=sent.start_char,
            end_char=sent.end_char,
            rule=rule,
        )

    def office(self, title: str, country: str | None, place: str | None = None) -> str:
        """Id of the office a title names ("president" of Kyrgyzstan), made by resolution (resolve/offices.py)
        and kept in `new_entities` with the article's other actors. Its place is the town named (`place`),
        else the country."""
        holder = self.entities.get(country) or self.new_entities.get(country) if country else None
        ent = office_entity(title, place or (holder.name if holder else None), country)
        self.new_entities.setdefault(ent.id, ent)
        return ent.id
