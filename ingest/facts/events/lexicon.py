"""The words of ingest/lexicons/events.yaml that tell events and their sizes, with the tables built from them
once: which noun or verb triggers which event type, and the vague quantities longest first."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ingest.lexicons import DerivedLexicon, load


@dataclass(frozen=True)
class EventLexicon(DerivedLexicon):
    noun_type: dict[str, str]
    verb_type: dict[str, str]
    phrasal: dict[str, tuple[str, str]]  # verb lemma -> (particle, type)
    verb_objects: dict[str, dict[str, str]]  # verb lemma -> object lemma -> type
    quantities: list[tuple[str, int]]  # longest phrase first


@cache
def lexicon() -> EventLexicon:
    source = load("events")
    noun_type: dict[str, str] = {}
    verb_type: dict[str, str] = {}
    phrasal: dict[str, tuple[str, str]] = {}
    verb_objects: dict[str, dict[str, str]] = {}
    for etype, spec in source["types"].items():
        for n in spec.get("nouns", []):
            noun_type[n] = etype
        for v in spec.get("verbs", []):
            verb_type[v] = etype
        for v, particle in (spec.get("phrasal") or {}).items():
            phrasal[v] = (particle, etype)
        for v, objects in (spec.get("verb_objects") or {}).items():
            for obj in objects:
                verb_objects.setdefault(v, {})[obj] = etype
    quantities = sorted(source["quantity_words"].items(), key=lambda kv: -len(kv[0]))
    return EventLexicon(source, noun_type, verb_type, phrasal, verb_objects, quantities)
