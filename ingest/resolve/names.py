"""Comparison keys for actor names: transliteration folding, honorifics, initials, national institutions.

The rules are data (ingest/lexicons/names.yaml); this module only applies them. Keys are for comparing and for
stable ids; names shown to people keep their spelling as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache

from unidecode import unidecode

from ingest.lexicons import load

_POSSESSIVE = re.compile(r"(?:['\u2019]s|(?<=s)['\u2019])$", re.IGNORECASE)
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_NON_LETTER = re.compile(r"[^a-z]+")


@dataclass(frozen=True)
class _Lexicon:
    rules: tuple[tuple[re.Pattern[str], str], ...]
    honorifics: frozenset[str]
    name_part_honorifics: frozenset[str]
    particles: frozenset[str]
    article_prefixes: frozenset[str]
    acronym_stopwords: frozenset[str]
    # (variant words, canonical name), longest variants first so "central election commission" wins over
    # "election commission".
    institutions: tuple[tuple[tuple[str, ...], str], ...]


@cache
def lexicon() -> _Lexicon:
    source = load("names")
    rules = tuple((re.compile(r["pattern"]), str(r["replace"])) for r in source["transliteration"])
    institutions = sorted(
        ((tuple(v.split()), str(i["canonical"])) for i in source["institutions"] for v in i["variants"]),
        key=lambda item: -len(item[0]),
    )
    return _Lexicon(
        rules=rules,
        honorifics=source.words("honorifics"),
        name_part_honorifics=source.words("name_part_honorifics"),
        particles=source.words("particles"),
        article_prefixes=source.words("article_prefixes"),
        acronym_stopwords=source.words("acronym_stopwords"),
        institutions=tuple(institutions),
    )


# ------------------------------------------------------------------------------------------ surface forms


def strip_possessive(text: str) -> str:
    """ "Bakiyev's" -> "Bakiyev", "Reuters'" -> "Reuters"; leading "the" dropped too."""
    text = " ".join(text.split())
    text = _POSSESSIVE.sub("", text).strip(" ,;:")
    if text[:4].lower() == "the " and len(text) > 4:
        text = text[4:]
    return text


def _bare(token: str) -> str:
    return token.lower().rstrip(".").strip("-")


def _is_honorific(token: str) -> bool:
    return _bare(token) in lexicon().honorifics


def strip_honorifics(tokens: list[str]) -> tuple[list[str], bool]:
    """Drop titles before a person's name: "Mr", "Prime Minister", "Kyrgyz President" (modifier and title).

    Only a title followed by at least one name word is dropped, so "John Major" and "Martin Luther King" keep
    their last word.
    """
    tokens = [t for t in tokens if t.lower().rstrip(".,") not in _NAME_SUFFIXES] or tokens
    # "ex-President" writes the modifier and the title as one token.
    tokens = [t.split("-", 1)[1] if t.lower().startswith("ex-") and len(t) > 3 else t for t in tokens]
    cut = 0
    modifiers = 0  # words since the last title ("Kyrgyz" in "former Kyrgyz President")
    for i, tok in enumerate(tokens[:-1]):
        office = _bare(tok) not in lexicon().name_part_honorifics
        if _is_honorific(tok) and (cut == i or office):
            cut, modifiers = i + 1, 0
        else:
            modifiers += 1
            if modifiers > 2:
                break
    if cut and any(_is_honorific(t) for t in tokens[:cut]):
        return tokens[cut:], True
    return tokens, False


# --------------------------------------------------------------------------------------------- keys


# Every name is keyed again in each batch it is compared in, and the words of news repeat.
@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """Transliteration key of one word: "Bakiyev" and "Bakiev" give "bakiev"."""
    parts = []
    pieces = unidecode(word).lower().split("-")
    if len(pieces) > 1 and pieces[0] in lexicon().article_prefixes:
        # "al-Hariri", "el-Sissi": the Arabic article is written or left out as the outlet likes.
        pieces = pieces[1:]
    for part in pieces:
        part = _NON_LETTER.sub("", part)
        for pattern, replace in lexicon().rules:
            part = pattern.sub(replace, part)
        if part:
            parts.append(part)
    return "-".join(parts)


def name_key(text: str) -> str:
    """Key of a whole name, titles and possessive removed: "Mr Almazbek Atambaev" -> "almazbek atambaev"."""
    tokens, _ = strip_honorifics(strip_possessive(text).split())
    return " ".join(k for k in (word_key(t) for t in tokens) if k)


def plain_key(text: str) -> str:
    """Key of an organisation or place name: transliteration folding only, no titles removed."""
    return " ".join(k for k in (word_key(t) for t in strip_possessive(text).split()) if k)


@dataclass(frozen=True)
class PersonName:
    """A person's name in parts. The keys are cached on the instance (`parse_person` keeps instances):
    resolution asks them of every known person in every batch."""

    surface: str  # as written, possessive removed
    tokens: tuple[str, ...]  # name words, titles removed
    titled: bool  # a title was removed

    @cached_property
    def key(self) -> str:
        return " ".join(k for k in (word_key(t) for t in self.tokens) if k)

    @cached_property
    def is_full(self) -> bool:
        """A first name and a surname (at least two words that are not particles)."""
        return len([t for t in self.tokens if t.lower() not in lexicon().particles]) >= 2

    @cached_property
    def first_key(self) -> str | None:
        return word_key(self.tokens[0]) if self.is_full else None

    @cached_property
    def surname_key(self) -> str:
        return surname_key(list(self.tokens))

    @property
    def display(self) -> str:
        return " ".join(self.tokens)


def surname_key(tokens: list[str]) -> str:
    """Key of the surname, with its particles: "Ursula von der Leyen" -> "von der leyen"."""
    if not tokens:
        return ""
    start = len(tokens) - 1
    while start > 1 and tokens[start - 1].lower() in lexicon().particles:
        start -= 1
    return " ".join(word_key(t) for t in tokens[start:])


@lru_cache(maxsize=65536)  # resolution parses the same surfaces many times over; PersonName is frozen
def parse_person(text: str) -> PersonName:
    surface = strip_possessive(text)
    tokens, titled = strip_honorifics(surface.split())
    return PersonName(surface=surface, tokens=tuple(tokens), titled=titled)


def is_feminine_pair(a: str, b: str) -> bool:
    """Russian-style surnames differ by a final "-a" for a woman and a man (Ivanova / Ivanov): two people."""
    return a != b and (a == b + "a" or b == a + "a")


_Y_SPELLING = re.compile(r"[aeiou]y[aeiou]|yev\b|yeva\b|ay\b")


def y_spelling_score(name: str) -> int:
    """How much a spelling follows the English press habit of "-yev", "-yeva", "ay" endings."""
    return len(_Y_SPELLING.findall(name.lower()))


# ------------------------------------------------------------------------------------------ acronyms

_ACRONYM = re.compile(r"^[A-Z][A-Za-z&]{0,2}[A-Z&][A-Za-z]{0,6}$|^[A-Z]{2,}$")


def looks_like_acronym(text: str) -> bool:
    """ "OSCE", "CIS", "SDPK", "UNHCR", "PACE": mostly capitals, one word."""
    text = text.replace(".", "")
    if " " in text or len(text) < 2 or len(text) > 10:
        return False
    caps = sum(c.isupper() for c in text)
    return bool(_ACRONYM.match(text)) and caps >= max(2, len(text) - 3) and caps * 2 > len(text)


def acronym_candidates(name: str, country_words: tuple[str, ...] = ()) -> set[str]:
    """Upper-case initials a full name may be shortened to.

    Organization for Security and Cooperation in Europe -> OSCE; Social Democratic Party of Kyrgyzstan ->
    SDPK and SDP; All-National Social Democratic Party -> ANSDP and NSDP. `country_words` are names of
    countries whose letter may or may not appear in the acronym.
    """
    words = [w for w in re.split(r"\s+", strip_possessive(name)) if w]
    if len(words) < 2:
        return set()
    stop = lexicon().acronym_stopwords
    country_set = {c.lower() for c in country_words}
    out: set[str] = set()
    for split_hyphens in (False, True):
        parts = [p for w in words for p in (w.split("-") if split_hyphens else [w]) if p]
        for keep_stop in (False, True):
            for drop_country in (False, True):
                letters = [
                    p[0].upper()
                    for p in parts
                    if p[0].isalnum()
                    and (keep_stop or p.lower() not in stop)
                    and not (drop_country and p.lower() in country_set)
                ]
                if len(letters) >= 2:
                    out.add("".join(letters))
    return out


# --------------------------------------------------------------------------------------- institutions


@dataclass(frozen=True)
class InstitutionMatch:
    canonical: str  # "Central Election Commission"
    modifier: str | None  # words naming the country: "Kazakh", "Kazakhstan's", "of Kenya" -> "Kenya"


def match_institution(text: str) -> InstitutionMatch | None:
    """A generic national institution, with what is left of the name as its country modifier."""
    surface = " ".join(strip_possessive(text).split())
    words = surface.split()
    lower = [w.lower().strip(",") for w in words]
    for variant, canonical in lexicon().institutions:
        n = len(variant)
        # "<modifier> <institution>"
        if tuple(lower[-n:]) == variant:
            rest = [w for w in words[:-n] if w.lower() not in {"the", "a", "an"}]
            if len(rest) > 3:
                continue
            return InstitutionMatch(canonical, strip_possessive(" ".join(rest)) if rest else None)
        # "<institution> of <country>"
        if tuple(lower[:n]) == variant and len(lower) > n + 1 and lower[n] in {"of", "in"}:
            rest = [w for w in words[n + 1 :] if w.lower() != "the"]
            if 0 < len(rest) <= 3:
                return InstitutionMatch(canonical, " ".join(rest))
    return None
