"""The PLOVER verb and noun lexicons (ingest/lexicons/plover_*), loaded once and looked up by lemma."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from ingest.lexicons import Lexicon, load, rows


@dataclass(frozen=True)
class Sense:
    type: str  # PLOVER type
    mode: str = ""
    src: str = ""


@dataclass(frozen=True)
class NounSense:
    type: str
    mode: str = ""
    source_preps: frozenset[str] = frozenset()
    target_preps: frozenset[str] = frozenset()
    symmetric: bool = False
    possessive_is_target: bool = False


@dataclass
class PloverLexicon:
    verbs: dict[str, Sense] = field(default_factory=dict)  # lemma -> default sense
    verb_preps: dict[tuple[str, str], Sense] = field(default_factory=dict)  # (lemma, prep/particle)
    verb_objs: dict[str, list[tuple[str, Sense]]] = field(
        default_factory=dict
    )  # lemma -> [(obj prefix, sense)]
    nouns: dict[str, NounSense] = field(default_factory=dict)
    modifiers: dict[str, str] = field(default_factory=dict)
    source: Lexicon | None = None  # plover_nouns.yaml, whose other lists are read by `words`

    def verb_sense(self, lemma: str, preps: list[str], obj_lemmas: list[str]) -> Sense | None:
        """Sense of a verb given the particles/prepositions and object nouns it governs.

        A curated object-noun pattern ("impose sanctions") is the most specific; a hand-curated
        verb+preposition comes next; then a curated verb code, a mined object pattern, the verb's own code;
        dictionary verb+preposition patterns only fill in for verbs without one (they were mined from
        whole-sentence patterns and are noisy on their own).
        """
        lemma = lemma.lower()
        obj_hit: Sense | None = None
        for obj in obj_lemmas:
            for prefix, obj_sense in self.verb_objs.get(lemma, ()):
                if obj.lower().startswith(prefix) and (len(prefix) >= 5 or obj.lower() == prefix):
                    if obj_sense.src == "supplement":
                        return obj_sense
                    obj_hit = obj_hit or obj_sense
        pattern_hit: Sense | None = None
        for prep in preps:
            hit = self.verb_preps.get((lemma, prep.lower()))
            if hit is None:
                continue
            if hit.src == "supplement" or (hit.src == "cameo" and obj_hit is None):
                return hit
            pattern_hit = pattern_hit or hit
        default = self.verbs.get(lemma)
        if default is not None and default.src == "supplement" and obj_hit is not None:
            # A curated default outranks a mined object pattern ("support efforts" was mined as an appeal).
            return default
        return obj_hit or default or pattern_hit

    def words(self, name: str) -> frozenset[str]:
        if self.source is None:
            raise KeyError(f"no word list {name!r}: the lexicon has no plover_nouns.yaml")
        return self.source.words(name)


def _load_verbs(lex: PloverLexicon) -> None:
    for row in rows("plover_verbs"):
        sense = Sense(type=row["type"], mode=row.get("mode", ""), src=row.get("src", ""))
        lemma = row["lemma"]
        if "obj" in row:
            lex.verb_objs.setdefault(lemma, []).append((row["obj"], sense))
        elif "prep" in row:
            lex.verb_preps[(lemma, row["prep"])] = sense
        else:
            lex.verbs[lemma] = sense
    for entries in lex.verb_objs.values():
        # Curated entries first, then longer (more specific) prefixes.
        entries.sort(key=lambda e: (e[1].src != "supplement", -len(e[0])))


def _load_nouns(lex: PloverLexicon) -> None:
    lex.source = load("plover_nouns")
    data = lex.source.data
    defaults = data.get("defaults", {})
    for lemma, spec in data["nouns"].items():
        target_preps = frozenset(spec.get("target_preps", defaults.get("target_preps", [])))
        # A preposition a noun names its target with ("withdrawal from Y") is not also its source's.
        source_preps = frozenset(spec.get("source_preps", defaults.get("source_preps", [])))
        if "source_preps" not in spec:
            source_preps -= target_preps
        lex.nouns[lemma] = NounSense(
            type=spec["type"],
            mode=spec.get("mode", ""),
            source_preps=source_preps,
            target_preps=target_preps,
            symmetric=bool(spec.get("symmetric", False)),
            possessive_is_target=spec.get("possessive") == "target",
        )
    lex.modifiers = dict(data.get("modifiers", {}))


@cache
def load_plover_lexicon() -> PloverLexicon:
    lex = PloverLexicon()
    _load_verbs(lex)
    _load_nouns(lex)
    return lex
