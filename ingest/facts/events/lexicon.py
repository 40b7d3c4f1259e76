"""The words of ingest/lexicons/events.yaml that tell events and their sizes, read once, and the lemma a token
is looked up by."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Token

_LEXICON_PATH = Path(__file__).resolve().parents[2] / "lexicons" / "events.yaml"


@dataclass(frozen=True)
class _Lexicon:
    raw: dict[str, Any]
    noun_type: dict[str, str]
    verb_type: dict[str, str]
    phrasal: dict[str, tuple[str, str]]  # verb lemma -> (particle, type)
    quantities: list[tuple[str, int]]  # longest phrase first

    def words(self, key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in self.raw.get(key, []))


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    raw = yaml.safe_load(_LEXICON_PATH.read_text(encoding="utf-8"))
    noun_type: dict[str, str] = {}
    verb_type: dict[str, str] = {}
    phrasal: dict[str, tuple[str, str]] = {}
    for etype, spec in raw["types"].items():
        for n in spec.get("nouns", []):
            noun_type[n] = etype
        for v in spec.get("verbs", []):
            verb_type[v] = etype
        for v, particle in (spec.get("phrasal") or {}).items():
            phrasal[v] = (particle, etype)
    quantities = sorted(raw["quantity_words"].items(), key=lambda kv: -len(kv[0]))
    return _Lexicon(raw=raw, noun_type=noun_type, verb_type=verb_type, phrasal=phrasal, quantities=quantities)


def lemma(tok: Token) -> str:
    return (tok.lemma_ or tok.text).lower()
