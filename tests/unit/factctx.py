"""A FactContext resolved by hand, so that fact rules are tested apart from NER and resolution."""

from __future__ import annotations

import re
from datetime import date

from spacy.language import Language

from ingest.facts.context import FactContext
from ingest.ids import entity_id
from ingest.models import CleanArticle, Entity, EntityType, ResolvedSpan

# mention text -> (type, canonical name, country name or None)
Names = dict[str, tuple[EntityType, str, str | None]]


def make_context(
    nlp: Language, text: str, names: Names, published: date | None, article_id: str = "art-1"
) -> FactContext:
    """Every whole-word occurrence of each mention text becomes a span of its entity; longer mentions
    first, so that "Kyrgyz Republic" is not also taken as "Kyrgyz"."""
    entities: dict[str, Entity] = {}
    spans: list[ResolvedSpan] = []
    taken: list[tuple[int, int]] = []
    for surface in sorted(names, key=len, reverse=True):
        etype, canon, country = names[surface]
        eid = entity_id(etype, canon)
        cid = entity_id(EntityType.COUNTRY, country) if country else None
        entities.setdefault(eid, Entity(id=eid, type=etype, name=canon, aliases=[surface], country=cid))
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            spans.append(ResolvedSpan(m.start(), m.end(), eid, surface))
    article = CleanArticle(
        id=article_id, content_hash="h", source_path="t.txt", text=text, published=published
    )
    return FactContext(doc=nlp(text), article=article, entities=entities, spans=spans)
