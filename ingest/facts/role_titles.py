"""The office titles in a group of words that describes a named person, each with the words that qualify it.

A group may hold several titles: "Union leader and Ruritanian Foreign Minister X" gives the person two
posts, each qualified by the words between it and the titles next to it; "Premier A and Ruritanian
President, X" gives X only the title after the other person's name. A title nested in a prepositional phrase
("X, son of the president") or one that only modifies an unknown longer title ("Deputy Managing Director")
is not the person's. Titles come from ingest/lexicons/roles.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from ingest.facts.context import FactContext
from ingest.gazetteer import gazetteer
from ingest.lexicons import load
from ingest.models import EntityType


@dataclass
class Title:
    key: str
    office: str
    scope: str
    leads: bool
    # The top post of any body: with a body named beside it, the person leads that body ("ISIE President X",
    # "Unity chief X") rather than holding the state's office of that name.
    heads: bool
    # A leading post that is also a member's office (a co-chair, a general secretary): both facts are told.
    member: bool
    tokens: list[Token]
    former: bool = False
    future: bool = False
    # Nouns right before the title that narrow it to another post ("foreign policy chief"): such a post does
    # not lead the body it is held in.
    modifiers: tuple[str, ...] = ()

    @property
    def post(self) -> str:
        """The office's name: the listed one, or the narrowed post as written ("Foreign Policy Chief")."""
        if not self.modifiers:
            return self.office
        return " ".join(w[:1].upper() + w[1:] for w in (*self.modifiers, *(t.text for t in self.tokens)))


class TitleReader:
    def __init__(self, ctx: FactContext) -> None:
        self.ctx = ctx
        lex = load("roles")
        self.offices: dict[str, dict[str, Any]] = lex["offices"]
        self.max_words = max(len(k.split()) for k in self.offices)
        self.former = lex.words("former_prefixes")
        self.future = lex.words("future_prefixes")
        self.not_offices = lex.words("not_offices")
        self.rank_words = load("actor_nouns").words("title_words")
        self.lower_posts = lex.words("lower_post_prefixes")

    def _match(self, tokens: list[Token], i: int) -> Title | None:
        """The longest title phrase starting at tokens[i] (compared on lower-cased words)."""
        words = [t.lower_ for t in tokens]
        for n in range(min(self.max_words, len(words) - i), 0, -1):
            # spaCy splits "co-chairman" into three tokens.
            key = " ".join(words[i : i + n]).replace(" - ", "-")
            spec = self.offices.get(key)
            if spec is None and n == 1:
                lemma = tokens[i].lemma_.lower()
                if lemma in self.offices:
                    key, spec = lemma, self.offices[lemma]
                elif key.startswith("ex-") and key[3:] in self.offices:
                    # "ex-premier": the prefix and the title written as one word.
                    key, spec = key[3:], self.offices[key[3:]]
                    return self._title(key, spec, tokens[i : i + 1], former=True)
            if spec is not None:
                return self._title(key, spec, tokens[i : i + n])
        return None

    def _title(self, key: str, spec: dict[str, Any], tokens: list[Token], former: bool = False) -> Title:
        return Title(
            key=key,
            office=spec["office"],
            scope=spec.get("scope", "country"),
            leads=bool(spec.get("leads", False)),
            heads=bool(spec.get("heads", spec.get("leads", False))),
            member=bool(spec.get("member", False)),
            tokens=tokens,
            former=former,
        )

    def titles(self, group: list[Token], person: str) -> list[tuple[Title, list[Token]]]:
        """The person's titles in the group, each with its qualifying words (the title's own included)."""
        found: list[Title] = []
        i = 0
        while i < len(group):
            title = self._match(group, i)
            if title is None:
                i += 1
                continue
            found.append(title)
            i += len(title.tokens)
        kept = [
            t
            for t in found
            if not (len(t.tokens) == 1 and t.key in self.not_offices)
            and not self._modifies_longer_title(group, t)
            and not self._in_prepositional_phrase(group, t)
        ]
        kept = self._own_titles(group, kept, person)
        out: list[tuple[Title, list[Token]]] = []
        for n, title in enumerate(kept):
            lo = kept[n - 1].tokens[-1].i + 1 if n else group[0].i
            hi = kept[n + 1].tokens[0].i if n + 1 < len(kept) else group[-1].i + 1
            segment = [t for t in group if lo <= t.i < hi]
            self._mark_time(title, segment)
            out.append((title, segment))
        return out

    def _mark_time(self, title: Title, segment: list[Token]) -> None:
        start = title.tokens[0].i
        before = [t for t in segment if t.i < start]
        prefixes = {t.lower_.rstrip("-") for t in before} | {t.lower_ for t in before}
        # "former" must qualify this title: in "former X leader and current Y minister" it is the first's.
        if prefixes & self.former or any(t.lower_.startswith(("ex-", "former")) for t in title.tokens):
            title.former = True
        # "President-elect X", "the prime minister designate": a suffix marks the title not yet held too.
        end = title.tokens[-1].i
        doc = title.tokens[-1].doc
        after = [doc[i].lower_ for i in range(end + 1, min(end + 3, len(doc)))]
        suffixed = after[:1] in (["elect"], ["designate"]) or after[:2] in (
            ["-", "elect"],
            ["-", "designate"],
        )
        if prefixes & self.future or suffixed:
            title.future = True
        modifiers: list[str] = []
        for tok in reversed(before):
            # "foreign" in "foreign policy chief": an adjective narrows the post only through a noun after it.
            if not (
                self._narrows(tok) or (modifiers and tok.dep_ == "amod" and tok.is_lower and tok.is_alpha)
            ):
                break
            modifiers.insert(0, tok.text)
        title.modifiers = tuple(modifiers)

    def _narrows(self, tok: Token) -> bool:
        if tok.lower_ in self.lower_posts:
            return True
        if not tok.is_alpha or tok.lower_ in self.rank_words or self.ctx.entity_for_token(tok) is not None:
            return False
        if tok.lower_ in self.former or tok.lower_ in self.future or gazetteer().lookup(tok.text):
            return False
        return tok.dep_ == "compound" and tok.pos_ in ("NOUN", "PROPN")

    def _modifies_longer_title(self, group: list[Token], title: Title) -> bool:
        """ "Deputy Managing Director": a one-word title followed by a capitalised noun that is neither a
        name, a rank ("General") nor a title itself is part of a longer title the list does not know."""
        if len(title.tokens) > 1:
            return False
        last = title.tokens[-1]
        nxt = next((t for t in group if t.i == last.i + 1), None)
        if nxt is None or not nxt.is_alpha or self.ctx.entity_for_token(nxt) is not None:
            return False
        if self._match(group, group.index(nxt)) is not None:
            # "deputy governor": the first word narrows the title after it.
            return title.key in self.lower_posts
        if nxt.lower_ in self.rank_words:
            return False
        return nxt.pos_ in ("NOUN", "PROPN") and not nxt.is_lower

    def _in_prepositional_phrase(self, group: list[Token], title: Title) -> bool:
        """ "X, son of the former president": the title names whoever the phrase is about, not X."""
        members = {t.i for t in group}
        tok = title.tokens[-1]
        while tok.head.i != tok.i and tok.head.i in members:
            if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
                owner = tok.head.head
                if owner.i in members and self._match(group, group.index(owner)) is None:
                    return True
            tok = tok.head
        return False

    def _own_titles(self, group: list[Token], titles: list[Title], person: str) -> list[Title]:
        """Titles before another person's name in the group are that person's."""
        out: list[Title] = []
        for title in titles:
            after = [t for t in group if t.i > title.tokens[-1].i]
            other = any(
                (eid := self.ctx.entity_for_token(t)) is not None
                and eid != person
                and self.ctx.entity_type(eid) == EntityType.PERSON
                for t in after
            )
            if not other:
                out.append(title)
        return out


class Descriptors:
    """Word groups that may describe a named person: words before the name and its appositives."""

    def __init__(self, ctx: FactContext, title_ends: set[str]) -> None:
        self.ctx = ctx
        self.title_ends = title_ends  # the last word of every listed title

    def descriptors(self, head: Token, name_start: int, name_end: int | None = None) -> Iterator[list[Token]]:
        doc = head.doc
        left = head.left_edge.i
        before = [t for t in doc[left:name_start] if t.i < name_start]
        if before:
            yield before
        # "the president, X" / "president X" parsed with the name as appositive of the title noun.
        if (
            head.dep_ == "appos"
            and head.head.pos_ in ("NOUN", "PROPN")
            and self.ctx.entity_for_token(head.head) is None
        ):
            title_head = head.head
            yield [t for t in doc[title_head.left_edge.i : title_head.i + 1]] + [
                t for c in title_head.children if c.dep_ == "prep" for t in c.subtree
            ]
        appos = [c for c in head.children if c.dep_ == "appos" and self.ctx.entity_for_token(c) is None]
        if appos:
            # One appositive may come out as several sibling tokens ("co", "-", "chairman").
            lo = min(c.left_edge.i for c in appos)
            hi = max(c.right_edge.i for c in appos)
            yield list(doc[lo : hi + 1])
        # "Bloc leader and Foreign Minister X": the name is parsed as a conjunct of the first title.
        first = head.head
        if (
            head.dep_ == "conj"
            and first.pos_ in ("NOUN", "PROPN")
            and self.ctx.entity_for_token(first) is None
            and not self.person_between(first.i, name_start)
        ):
            yield list(doc[first.left_edge.i : first.i + 1])
        yield from self.title_before_comma(doc, name_start)
        if head.dep_ == "nsubj" and head.head.lemma_ == "be":
            # "X is the candidate of the Y party": the predicate describes X.
            for attr in (c for c in head.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"):
                yield list(doc[attr.left_edge.i : attr.right_edge.i + 1])
        if name_end is not None:
            yield from self.title_after_age(doc, name_end)

    def title_after_age(self, doc: Doc, name_end: int) -> Iterator[list[Token]]:
        """ "X, 75, the party's secretary-general": an apposition after the age, which the parser attaches
        to the number."""
        i = name_end
        if not (i + 3 < len(doc) and doc[i].text == "," and doc[i + 1].like_num and doc[i + 2].text == ","):
            return
        j = i + 3
        while j < len(doc) and not (
            (doc[j].is_punct and doc[j].text not in ("-", "\u2013"))
            or doc[j].pos_ in ("VERB", "AUX")
            or doc[j].dep_ == "cc"
        ):
            j += 1
        group = list(doc[i + 3 : j])
        if any(t.lemma_.lower() in self.title_ends for t in group):
            yield group

    def title_before_comma(self, doc: Doc, name_start: int) -> Iterator[list[Token]]:
        """ "... and Ruritanian President, X": the words between the last break and the comma before the name,
        whatever the parser attached them to."""
        if name_start < 2 or doc[name_start - 1].text != ",":
            return
        j = name_start - 2
        while j >= 0 and not (doc[j].is_punct or doc[j].dep_ == "cc" or doc[j].pos_ in ("VERB", "AUX")):
            eid = self.ctx.entity_for_token(doc[j])
            if eid is not None and self.ctx.entity_type(eid) == EntityType.PERSON:
                break
            j -= 1
        group = list(doc[j + 1 : name_start - 1])
        # The phrase before the comma must be a title's own ("the leader of the Y party,"), not a phrase that
        # only holds one ("the Opposition Leader's house,").
        if any(t.lemma_.lower() in self.title_ends and t.right_edge.i >= name_start - 2 for t in group):
            yield group

    def person_between(self, start: int, end: int) -> bool:
        doc = self.ctx.doc
        return any(
            self.ctx.entity_type(s.entity_id) == EntityType.PERSON
            for s in self.ctx.entities_in(doc[start].idx, doc[end].idx)
        )

    def party_of(self, head: Token) -> Iterator[str]:
        """ "X of the Y party", "X, of the Y party", "X is of the Y party": the actor X is said to be of."""
        owners = [head]
        if head.dep_ == "nsubj" and head.head.lemma_ == "be":
            owners.append(head.head)
        for owner in owners:
            for prep in (c for c in owner.children if c.dep_ == "prep" and c.lower_ == "of"):
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    eid = self.ctx.entity_for_token(obj)
                    if eid is not None:
                        yield eid
