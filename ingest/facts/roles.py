"""Structural facts: who holds which office (HOLDS_ROLE), belongs to (MEMBER_OF) or leads (LEADS) what.

Titles come from ingest/lexicons/roles.yaml. A person's title is read from the words around the resolved
name: before it in the same noun phrase ("Kazakh President X", "former Prime Minister X", "Party leader X") or
in an appositive ("X, the country's prime minister", "X, leader of the Y party"). The country of a national
office is the country named with the title, else the article's most-mentioned country; a party post without a
named party refers to the party named last before it ("the party's general secretary").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from spacy.tokens import Span, Token

from ingest.facts.context import FactContext
from ingest.facts.coref import Coreference, description_type
from ingest.facts.role_titles import Descriptors, Title, TitleReader
from ingest.gazetteer import person_country
from ingest.ids import entity_id
from ingest.lexicons import load
from ingest.models import EntityType, Relation

ORG_TYPES = {EntityType.PARTY, EntityType.ORGANIZATION}


def extract_roles(ctx: FactContext) -> list[Relation]:
    """HOLDS_ROLE, MEMBER_OF and LEADS relations of the article's people."""
    return list(_Roles(ctx).run())


def name_head(name: Span) -> Token:
    """The word a name's titles and appositions hang on. A particle the parser read as a verb ("Hans Van den
    Broek": "den" as the sentence's root) is skipped: the head is the first other word that depends on
    something outside the name or on a particle."""
    particles = load("names").words("particles")

    def particle(t: Token) -> bool:
        return t.lower_ in particles and t.is_lower

    for t in name:
        if not particle(t) and (not (name.start <= t.head.i < name.end) or particle(t.head)):
            return t
    return name.root


class _Roles:
    def __init__(self, ctx: FactContext) -> None:
        self.ctx = ctx
        self.titles = TitleReader(ctx)
        self.groups = Descriptors(ctx, {key.split()[-1] for key in self.titles.offices})
        self.leading_verbs = load("roles").words("leading_verbs")
        self.coref = Coreference(ctx)
        # The last national title given in each sentence (by its start), for "his counterpart".
        self.sentence_titles: dict[int, Title] = {}

    # --------------------------------------------------------------------------------------- helpers

    def etype(self, eid: str) -> EntityType | None:
        return self.ctx.entity_type(eid)

    def entity_of(self, tok: Token) -> str | None:
        return self.ctx.entity_for_token(tok)

    def previous_party(self, anaphor: Token) -> str | None:
        """ "X, the party's general secretary": the party or organisation named last before the anaphor,
        within the look-back of coref.py."""
        return self.coref.nearest(anaphor, ORG_TYPES, self.coref.window_start(anaphor))

    # ----------------------------------------------------------------------------------------- rules

    def run(self) -> Iterator[Relation]:
        seen: set[tuple[str, str, str, int]] = set()
        for rel in self._all():
            key = (rel.type, rel.source, rel.target, rel.evidence.start_char)
            if key not in seen and rel.source != rel.target:
                seen.add(key)
                yield rel

    def _all(self) -> Iterator[Relation]:
        doc = self.ctx.doc
        for span in self.ctx.spans:
            etype = self.etype(span.entity_id)
            if etype == EntityType.PERSON:
                name = doc.char_span(span.start_char, span.end_char, alignment_mode="expand")
                if name is None:
                    continue
                yield from self.person_roles(span.entity_id, name)
            elif etype in ORG_TYPES:
                name = doc.char_span(span.start_char, span.end_char, alignment_mode="expand")
                if name is not None:
                    yield from self.party_possessor(span.entity_id, name)
        yield from self.who_leads()

    def relation(
        self, rtype: str, source: str, target: str, sent: Span, rule: str, conf: float, attrs: dict[str, Any]
    ) -> Relation:
        return Relation(
            type=rtype,
            source=source,
            target=target,
            date=self.ctx.sentence_date(sent),
            evidence=self.ctx.evidence(sent, rule),
            confidence=conf,
            attributes=attrs,
        )

    def person_roles(self, person: str, name: Span) -> Iterator[Relation]:
        head = name_head(name)
        sent = name.sent
        for party in self.groups.party_of(head):
            if self.etype(party) == EntityType.PARTY:
                yield self.relation("MEMBER_OF", person, party, sent, "role:of-party", 0.6, {})
        start = name.start
        while start < name.end - 1 and name.doc[start].lower_ in self.titles.offices:
            start += 1  # "King Hamad II": a monarch's title is written as part of the name
        for group in self.groups.descriptors(head, start, name.end):
            for title, segment in self.titles.titles(group, person):
                if title.former:
                    # A post held in the past is not a current fact of the graph, which has no tense for it.
                    continue
                yield from self.title_roles(person, head, sent, title, segment)
                if title.scope == "country":
                    self.sentence_titles[sent.start] = title

    def title_roles(
        self, person: str, head: Token, sent: Span, title: Title, group: list[Token]
    ) -> Iterator[Relation]:
        attrs: dict[str, Any] = {"title": " ".join(t.text for t in title.tokens)}
        if title.future:
            attrs["future"] = True
        others = [
            s.entity_id
            for s in self.ctx.entities_in(group[0].idx, group[-1].idx + len(group[-1]))
            if s.entity_id != person
        ]
        countries = [e for e in others if self.etype(e) == EntityType.COUNTRY]
        orgs = [e for e in others if self.etype(e) in ORG_TYPES]
        rule = "role:appos" if group[0].i > head.i else "role:title"
        its = next((t for t in group if t.lower_ == "its" and t.dep_ == "poss"), None)
        if its is not None and not orgs and not countries:
            # "the electoral council ... according to its president, X": the post of the body or state named
            # last before it.
            owner = self.coref.nearest(its, (*ORG_TYPES, EntityType.COUNTRY), self.coref.window_start(its))
            if owner is not None:
                (countries if self.etype(owner) == EntityType.COUNTRY else orgs).append(owner)
        if title.key == "counterpart":
            yield from self.counterpart(person, sent, countries, rule, attrs)
            return
        anaphor = next((t for t in group if description_type(t) == EntityType.PARTY), None)
        if orgs or (title.scope == "party" and anaphor is not None):
            org = orgs[0] if orgs or anaphor is None else self.previous_party(anaphor)
            if org is None:
                return
            conf = 0.7 if orgs else 0.5
            # "Union Brava President X": the head of the body's branch in a place, not of the body.
            branch = title.modifiers or any(self.etype(e) == EntityType.LOCATION for e in others)
            body_head = title.heads and orgs and not countries and not branch
            leads = (title.leads and not branch) or body_head
            # The one head of a body leads it, which says it belongs to it; a post that shares the lead (a
            # co-chair, a general secretary) is an official's membership as well.
            if (title.key not in ("candidate", "nominee") or orgs) and (not leads or title.member):
                yield self.relation("MEMBER_OF", person, org, sent, rule + "-member", conf, dict(attrs))
            if leads:
                yield self.relation("LEADS", person, org, sent, rule + "-leads", conf, dict(attrs))
            body = self.ctx.entities[orgs[0]] if orgs and not countries else None
            if title.scope != "country" or body_head or branch:
                if title.modifiers and body is not None:
                    # "the Union's foreign policy chief X": a post of that body, named as written.
                    office = self.ctx.office(title.post, body.country, place=body.name)
                    yield self.relation("HOLDS_ROLE", person, office, sent, rule, conf, attrs)
                return
            if body is not None and body.name.lower() not in title.office.lower():
                # "Union Commission Vice President X": a state's title held in the body named with it.
                office = self.ctx.office(title.post, body.country, place=body.name)
                yield self.relation("HOLDS_ROLE", person, office, sent, rule, conf, attrs)
                return
        if title.scope in ("party", "org"):
            return
        country = countries[0] if countries else None
        if country is None:
            country = self.coordinated_country(head)
        if country is None and title.scope == "country":
            known = self.known_country(person)
            country = known or self.ctx.main_country
            conf = 0.5
            if not known:
                attrs["country_of"] = "article"  # a guess: the country the article is about
        else:
            conf = 0.75
        if title.scope == "local":
            places = [
                e
                for e in (s.entity_id for s in self.ctx.entities_in(group[0].idx, group[-1].idx + 1000))
                if self.etype(e) == EntityType.LOCATION and e != person
            ]
            if not places:
                return
            place = self.ctx.entities[places[0]]
            office = self.ctx.office(title.post, place.country or country, place=place.name)
        elif country is None:
            return
        else:
            office = self.ctx.office(title.post, country)
        yield self.relation("HOLDS_ROLE", person, office, sent, rule, conf, attrs)

    def counterpart(
        self, person: str, sent: Span, countries: list[str], rule: str, attrs: dict[str, Any]
    ) -> Iterator[Relation]:
        """ "Minister A met his Ruritanian counterpart B": B holds A's office, in the country named."""
        other = self.sentence_titles.get(sent.start)
        if other is None or not countries:
            return
        attrs = {**attrs, "title": other.office}
        office = self.ctx.office(other.office, countries[0])
        yield self.relation("HOLDS_ROLE", person, office, sent, rule + "-counterpart", 0.6, attrs)

    def known_country(self, person: str) -> str | None:
        """ "President X" in an article about another country: the country a dictionary of political actors
        gives the person, when the article names it too (two people may share a name)."""
        known = person_country(self.ctx.entities[person].name)
        if known is None:
            return None
        cid = entity_id(EntityType.COUNTRY, known.name)
        return cid if cid in self.ctx.entities else None

    def coordinated_country(self, head: Token) -> str | None:
        """ "Russian President X and Prime Minister Y": a title without a country shares the country of the
        title it is coordinated with."""
        first = head
        while first.dep_ == "conj" and first.head != first:
            first = first.head
        if first == head:
            return None
        for tok in first.doc[first.left_edge.i : first.i]:
            eid = self.entity_of(tok)
            if eid and self.etype(eid) == EntityType.COUNTRY:
                return eid
        return None

    def party_possessor(self, org: str, name: Span) -> Iterator[Relation]:
        """ "X's Y party": the possessor leads the party."""
        head = name.root
        owners = list(head.children)
        if head.dep_ == "compound" and description_type(head.head) == EntityType.PARTY:
            # "X's Y party": the possessive hangs on "party", the name is its compound.
            owners += list(head.head.children)
        for child in owners:
            if child.dep_ == "poss":
                owner = self.entity_of(child)
                if owner and self.etype(owner) == EntityType.PERSON:
                    yield self.relation("LEADS", owner, org, name.sent, "role:poss-party", 0.6, {})
        # "the Y party of X"
        if description_type(head) == EntityType.PARTY:
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for p in child.children:
                        owner = self.entity_of(p)
                        if owner and self.etype(owner) == EntityType.PERSON:
                            yield self.relation("LEADS", owner, org, name.sent, "role:party-of", 0.55, {})

    def who_leads(self) -> Iterator[Relation]:
        """ "X, who leads Y" and "X heads Y": LEADS."""
        for tok in self.ctx.verbs_among(self.leading_verbs):
            if any(c.dep_ == "neg" for c in tok.children):
                continue
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subj is None:
                continue
            if subj.lower_ in ("who", "that") and tok.dep_ == "relcl":
                subj = tok.head
            person = self.entity_of(subj)
            if person is None or self.etype(person) != EntityType.PERSON:
                continue
            for obj in (c for c in tok.children if c.dep_ == "dobj"):
                org = self.entity_of(obj)
                if org is None:
                    for c in obj.children:
                        if c.dep_ in ("compound", "poss", "amod") and self.entity_of(c):
                            org = self.entity_of(c)
                if org and self.etype(org) in ORG_TYPES:
                    attrs: dict[str, Any] = {"verb": tok.lemma_.lower()}
                    if tok.tag_ == "VBD" and tok.dep_ != "relcl":
                        attrs["past"] = True
                    yield self.relation("LEADS", person, org, tok.sent, "role:verb-leads", 0.65, attrs)
