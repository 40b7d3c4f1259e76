"""Structural facts: who holds which office (HOLDS_ROLE), belongs to (MEMBER_OF) or leads (LEADS) what.

Titles come from ingest/lexicons/roles.yaml. A person's title is read from the words around the resolved
name: before it in the same noun phrase ("Kazakh President X", "former Prime Minister X", "Party leader X") or
in an appositive ("X, the country's prime minister", "X, leader of the Y party"). The country of a national
office is the country named with the title, else the article's most-mentioned country; a party post without a
named party refers to the party named last before it ("the party's general secretary").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Span, Token

from ingest.facts.context import FactContext
from ingest.facts.coref import Coreference, description_type
from ingest.lexicons import load
from ingest.models import EntityType, Relation

ORG_TYPES = {EntityType.PARTY, EntityType.ORGANIZATION}


@dataclass
class _Title:
    key: str
    office: str
    scope: str
    leads: bool
    tokens: list[Token]


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
        lex = load("roles")
        self.offices: dict[str, dict[str, Any]] = lex["offices"]
        self.max_words = max(len(k.split()) for k in self.offices)
        self.former = lex.words("former_prefixes")
        self.future = lex.words("future_prefixes")
        self.not_offices = lex.words("not_offices")
        self.leading_verbs = lex.words("leading_verbs")
        self.coref = Coreference(ctx)

    # --------------------------------------------------------------------------------------- helpers

    def etype(self, eid: str) -> EntityType | None:
        return self.ctx.entity_type(eid)

    def entity_of(self, tok: Token) -> str | None:
        return self.ctx.entity_for_token(tok)

    def find_title(self, tokens: list[Token]) -> _Title | None:
        """Longest title phrase among the tokens (compared on lower-cased words)."""
        words = [t.lower_ for t in tokens]
        best: _Title | None = None
        for i in range(len(words)):
            for n in range(min(self.max_words, len(words) - i), 0, -1):
                # spaCy splits "co-chairman" into three tokens.
                key = " ".join(words[i : i + n]).replace(" - ", "-")
                spec = self.offices.get(key)
                if spec is None and n == 1 and tokens[i].lemma_.lower() in self.offices:
                    key = tokens[i].lemma_.lower()
                    spec = self.offices[key]
                if spec is not None and (best is None or n > len(best.tokens)):
                    best = _Title(
                        key=key,
                        office=spec["office"],
                        scope=spec.get("scope", "country"),
                        leads=bool(spec.get("leads", False)),
                        tokens=tokens[i : i + n],
                    )
                    break
        return best

    def previous_party(self, anaphor: Token) -> str | None:
        """ "X, the party's general secretary": the party or organisation named last before the anaphor,
        within the look-back of coref.py."""
        return self.coref.nearest(anaphor, ORG_TYPES, self.coref.window_start(anaphor))

    def descriptors(self, head: Token, name_start: int) -> Iterator[list[Token]]:
        """Word groups that may describe the named person: words before the name and its appositives."""
        doc = head.doc
        left = head.left_edge.i
        before = [t for t in doc[left:name_start] if t.i < name_start]
        if before:
            yield before
        # "the president, X" / "president X" parsed with the name as appositive of the title noun.
        if head.dep_ == "appos" and head.head.pos_ in ("NOUN", "PROPN") and self.entity_of(head.head) is None:
            title_head = head.head
            yield [t for t in doc[title_head.left_edge.i : title_head.i + 1]] + [
                t for c in title_head.children if c.dep_ == "prep" for t in c.subtree
            ]
        appos = [c for c in head.children if c.dep_ == "appos" and self.entity_of(c) is None]
        if appos:
            # One appositive may come out as several sibling tokens ("co", "-", "chairman").
            lo = min(c.left_edge.i for c in appos)
            hi = max(c.right_edge.i for c in appos)
            yield list(doc[lo : hi + 1])

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
        for group in self.descriptors(head, name.start):
            title = self.find_title(group)
            if title is None:
                continue
            words = {t.lower_ for t in group}
            if words & self.not_offices and len(title.tokens) == 1 and title.key in self.not_offices:
                continue
            start = title.tokens[0].i
            prefix_words = {t.lower_.rstrip("-") for t in group if t.i < start} | {
                t.lower_ for t in group if t.i < start
            }
            former = bool(prefix_words & self.former) or any(
                t.lower_.startswith(("ex-", "former")) for t in title.tokens
            )
            attrs: dict[str, Any] = {"title": " ".join(t.text for t in title.tokens)}
            if former:
                attrs["former"] = True
            if prefix_words & self.future:
                attrs["future"] = True
            others = [
                s.entity_id
                for s in self.ctx.entities_in(group[0].idx, group[-1].idx + len(group[-1]))
                if s.entity_id != person
            ]
            countries = [e for e in others if self.etype(e) == EntityType.COUNTRY]
            orgs = [e for e in others if self.etype(e) in ORG_TYPES]
            rule = "role:appos" if group[0].i > head.i else "role:title"
            anaphor = next((t for t in group if description_type(t) == EntityType.PARTY), None)
            if orgs or (title.scope == "party" and anaphor is not None):
                org = orgs[0] if orgs or anaphor is None else self.previous_party(anaphor)
                if org is None:
                    continue
                conf = 0.7 if orgs else 0.5
                if title.key not in ("candidate", "nominee") or orgs:
                    yield self.relation("MEMBER_OF", person, org, sent, rule + "-member", conf, dict(attrs))
                if title.leads:
                    yield self.relation("LEADS", person, org, sent, rule + "-leads", conf, dict(attrs))
                if title.scope != "country":
                    continue
                body = self.ctx.entities[orgs[0]] if orgs and not countries else None
                if body is not None and body.name.lower() not in title.office.lower():
                    # "European Commission President X": a state's title held in the body named with it.
                    office = self.ctx.office(title.office, body.country, place=body.name)
                    yield self.relation("HOLDS_ROLE", person, office, sent, rule, conf, attrs)
                    continue
            if title.scope == "party":
                continue
            country = countries[0] if countries else None
            if country is None:
                country = self.coordinated_country(head)
            if country is None and title.scope == "country":
                country = self.ctx.main_country
                conf = 0.5
            else:
                conf = 0.75
            if title.scope == "local":
                places = [
                    e
                    for e in (s.entity_id for s in self.ctx.entities_in(group[0].idx, group[-1].idx + 1000))
                    if self.etype(e) == EntityType.LOCATION and e != person
                ]
                if not places:
                    continue
                place = self.ctx.entities[places[0]]
                office = self.ctx.office(title.office, place.country or country, place=place.name)
            elif country is None:
                continue
            else:
                office = self.ctx.office(title.office, country)
            yield self.relation("HOLDS_ROLE", person, office, sent, rule, conf, attrs)

    def coordinated_country(self, head: Token) -> str | None:
        """ "Russian President X and Prime Minister Y": a title without a country shares the country of the
        title it is coordinated with."""
        first = head
        while first.dep_ == "conj" and first.head is not first:
            first = first.head
        if first is head:
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
        """ "X, who leads Y" and "X heads Y": LEADS (and MEMBER_OF for a party)."""
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
                    if self.etype(org) == EntityType.PARTY:
                        yield self.relation("MEMBER_OF", person, org, tok.sent, "role:verb-leads", 0.6, attrs)
